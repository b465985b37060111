"""A build does not read a page file that is as an earlier build read it (same name, size,
modification time, inode and mode, and unchanged for two seconds before that build looked),
and the parse cache grows by what a build added instead of being written anew each time."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest
from test_incremental import clean_build, journal_site, post, without_manifest

from zuhause import build_site, memory, rawfiles, uptodate
from zuhause.parsecache import CACHE_FILE, ParseCache, key_of
from zuhause.sources import text_digest

AN_HOUR_AGO = time.time() - 3600
QUIET = 0.2  # instead of two seconds: how long a file must be unchanged to be trusted


@pytest.fixture(autouse=True)
def _short_quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(uptodate, "QUIET_SECONDS", QUIET)


def settle(root: Path) -> None:
    """Date every file of the site an hour back, and wait until the times the system keeps
    (the change time cannot be set) are older than the quiet time: files not touched for a
    while."""
    for directory, _, filenames in os.walk(root):
        for name in filenames:
            os.utime(os.path.join(directory, name), (AN_HOUR_AGO, AN_HOUR_AGO))
    time.sleep(QUIET + 0.05)


def pages_read(root: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """From now on, the page files of `root` that zuhause reads, in order (one per read)."""
    read: list[str] = []
    original = rawfiles.read_bytes
    content = os.fspath(root / "content") + os.sep

    def reading(path: str | os.PathLike[str]) -> bytes:
        if os.path.abspath(path).startswith(content):
            read.append(os.path.relpath(os.path.abspath(path), root / "content"))
        return original(path)

    monkeypatch.setattr(rawfiles, "read_bytes", reading)
    return read


def test_after_an_edit_only_the_edited_page_file_is_read(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    root = journal_site(tmp_path / "site", posts=6)
    settle(root)
    build_site(root)
    (root / "content" / "journal" / "post-1.md").write_text(
        post("Post 1", 1, text="Heute gab es Brot.\n\nUnd Kuchen."))
    read = pages_read(root, monkeypatch)
    report = build_site(root)
    assert report.rendered == 1
    assert sorted(set(read)) == ["journal/post-1.md"]  # (read, then read again to render)
    shutil.rmtree(root / ".zuhause")
    build_site(root, tmp_path / "clean")
    assert without_manifest(root / "public") == without_manifest(tmp_path / "clean")


@pytest.mark.parametrize("given", ["absolute", "relative", "here"])
def test_the_site_folder_may_be_named_any_way(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              given: str) -> None:
    """`zuhause build` run inside the site folder names it `.`."""
    root = journal_site(tmp_path / "site")
    monkeypatch.chdir(tmp_path if given == "relative" else root)
    folder = {"absolute": root, "relative": Path("site"), "here": Path(".")}[given]
    settle(root)
    build_site(folder)
    (root / "content" / "journal" / "post-1.md").write_text(
        post("Post 1", 1, text="Heute gab es Brot.\n\nUnd Kuchen."))
    read = pages_read(root, monkeypatch)
    assert build_site(folder).rendered == 1
    assert sorted(set(read)) == ["journal/post-1.md"]


def test_a_page_file_is_read_when_anything_of_its_stamp_changed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = journal_site(tmp_path / "site")
    settle(root)
    build_site(root)
    journal = root / "content" / "journal"
    os.chmod(journal / "post-2.md", 0o600)  # the mode
    os.utime(journal / "post-3.md", (AN_HOUR_AGO + 1, AN_HOUR_AGO + 1))  # the time
    (journal / "post-4.md").write_text((journal / "post-4.md").read_text() + " ")  # the size
    (journal / "new.tmp").write_bytes((journal / "post-5.md").read_bytes())  # the inode:
    os.utime(journal / "new.tmp", (AN_HOUR_AGO, AN_HOUR_AGO))  # the same bytes and time in a
    os.replace(journal / "new.tmp", journal / "post-5.md")  # new file, as editors save
    (root / "content" / "ueber-mich.md").write_text(
        (root / "content" / "ueber-mich.md").read_text() + "\nNeu.\n")  # to have a build
    read = pages_read(root, monkeypatch)
    build_site(root)
    assert {"journal/post-2.md", "journal/post-3.md", "journal/post-4.md",
            "journal/post-5.md"} <= set(read)
    assert "journal/post-1.md" not in read


def test_a_page_file_with_a_new_stamp_but_the_same_text_is_read_but_not_parsed_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As in a fresh checkout with the cache of an earlier build (the deploy workflow): every
    file has new times and inodes, the texts are those noted."""
    root = journal_site(tmp_path / "site")
    settle(root)
    build_site(root)
    copy = tmp_path / "checkout"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns("public"))  # new inodes
    settle(copy)
    parsed: list[str] = []
    parse = memory.read_page
    monkeypatch.setattr(memory, "read_page", lambda root, path, *rest: (
        parsed.append(path.as_posix()), parse(root, path, *rest))[1])
    read = pages_read(copy, monkeypatch)
    build_site(copy)
    assert "journal/post-1.md" in read and parsed == []
    assert without_manifest(copy / "public") == without_manifest(root / "public")
    read.clear()
    (copy / "content" / "ueber-mich.md").write_text(
        (copy / "content" / "ueber-mich.md").read_text() + "\nNeu.\n")  # to have a build
    build_site(copy)  # noted anew with the new stamps: taken without reading now
    assert sorted(set(read)) == ["ueber-mich.md"] and parsed == ["content/ueber-mich.md"]


def test_a_file_changed_just_before_the_walk_is_not_noted(tmp_path: Path) -> None:
    """On a file system that keeps coarse times, a file saved again right after a build looked
    at it can keep its times and size: so what a build read from a file that changed (its
    content or its change time) in the quiet time before its walk is not kept by its stamp."""
    began = time.time()
    for changed_before, quiet in ((QUIET + 1, True), (QUIET / 2, False)):
        moment = int((began - changed_before) * 1e9)
        long_ago = int((began - QUIET - 5) * 1e9)
        for seen in ((10, moment, 1, 0o100644, long_ago), (10, long_ago, 2, 0o100644, moment)):
            assert uptodate.settled(seen, began) is quiet, seen
    root = journal_site(tmp_path / "site")
    settle(root)
    build_site(root)
    fresh = "content/journal/post-1.md"
    (root / fresh).write_text(post("Post 1", 1, text="Heute gab es Brot.\n\nUnd Kuchen."))
    build_site(root)  # right after the save
    files = uptodate.site_walk(root, root / "public").files
    cache = ParseCache.of_site(root)
    noted = cache.known_file(fresh)  # its page is kept, but not how the walk found it
    assert noted is not None and noted.seen is None
    unchanged = cache.known_file("content/journal/post-2.md")
    assert unchanged is not None and unchanged.seen == files["content/journal/post-2.md"]


def test_a_file_saved_just_before_a_build_is_read_again_even_with_the_same_stamp(
        tmp_path: Path) -> None:
    """The whole way: the text saved again shows, though its time and size are as before."""
    root = journal_site(tmp_path / "site")
    settle(root)
    path = root / "content" / "journal" / "post-1.md"
    path.write_text(post("Post 1", 1, text="Heute gab es Brot."))  # saved just now
    build_site(root)
    stat = path.stat()
    path.write_text(post("Post 1", 1, text="Heute gab es Bier."))  # the same size...
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # ...and the same time
    assert path.stat().st_size == stat.st_size
    (root / "content" / "ueber-mich.md").write_text(
        (root / "content" / "ueber-mich.md").read_text() + "\nNeu.\n")  # to have a build
    build_site(root)
    assert "Bier" in (root / "public" / "journal" / "post-1" / "index.html").read_text()


def test_the_parse_cache_grows_by_what_a_build_added_and_is_tidied_when_much_is_unused(
        tmp_path: Path) -> None:
    root = journal_site(tmp_path / "site", posts=20)
    settle(root)
    build_site(root)
    cache = root / CACHE_FILE
    first = cache.read_bytes()
    (root / "content" / "journal" / "post-1.md").write_text(
        post("Post 1", 1, text="Heute gab es Brot.\n\nUnd Kuchen."))
    build_site(root)
    grown = cache.read_bytes()
    assert grown.startswith(first) and len(grown) > len(first)  # added at the end
    for number in range(2, 21):  # most of the site goes: most entries are unused now
        (root / "content" / "journal" / f"post-{number}.md").unlink()
    build_site(root)
    tidied = cache.read_text("utf-8").splitlines()
    assert len(tidied) < len(first.decode("utf-8").splitlines()) / 2
    assert len(set(line.partition("\t")[0] for line in tidied)) == len(tidied)
    shutil.rmtree(root / "public")
    build_site(root)  # what is left is enough for a build that parses nothing new
    assert cache.read_text("utf-8").splitlines() == tidied


def test_an_entry_cut_short_at_the_end_of_the_parse_cache_is_made_again(tmp_path: Path) -> None:
    root = journal_site(tmp_path / "site")
    settle(root)
    build_site(root, tmp_path / "first")
    cache = root / CACHE_FILE
    cache.write_bytes(cache.read_bytes()[:-40])  # a build stopped while it added its last entry
    build_site(root, tmp_path / "second")
    assert without_manifest(tmp_path / "first") == without_manifest(tmp_path / "second")
    lines = cache.read_text("utf-8").splitlines()[1:]
    damaged = [line for line in lines if line and not _decodes(line.partition("\t")[2])]
    assert len(damaged) == 1  # the cut entry stays on its own line, made again after it
    build_site(root, tmp_path / "third")
    assert without_manifest(tmp_path / "first") == without_manifest(tmp_path / "third")


def _decodes(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def test_damaged_entries_count_as_unused_and_the_cache_is_written_anew(tmp_path: Path) -> None:
    root = journal_site(tmp_path / "site")
    settle(root)
    build_site(root, tmp_path / "first")
    cache = root / CACHE_FILE
    header, *entries = cache.read_text("utf-8").splitlines()
    cache.write_text("\n".join([header, *(f"{line.partition(chr(9))[0]}\t" + '{"map": 5}'
                                          for line in entries)]) + "\n", "utf-8")
    build_site(root, tmp_path / "second")
    assert without_manifest(tmp_path / "first") == without_manifest(tmp_path / "second")
    header_after, *after = cache.read_text("utf-8").splitlines()
    assert header_after == header
    assert sorted(line.partition("\t")[0] for line in after) == sorted(
        line.partition("\t")[0] for line in entries)  # each once: the damaged lines are gone
    assert all(line.partition("\t")[2] != '{"map": 5}' for line in after)


def test_a_page_that_names_a_picture_is_read_each_time_and_keeps_its_texts(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whether its picture is there is part of reading the page: it is never taken as known,
    and nothing is noted for it, build after build; its summary stays in the cache."""
    root = journal_site(tmp_path / "site")
    name = "content/journal/post-3.md"
    (root / name).write_text(
        "---\ntitle: Post 3\nperson: anna\ndate: 2024-01-03\nimage: /images/anna.png\n"
        "image_alt: Anna\n---\nHeute gab es Brot.\n")
    settle(root)
    build_site(root)
    for number in (1, 2):
        (root / "content" / "journal" / "post-1.md").write_text(
            post("Post 1", 1, text=f"Heute gab es Brot.\n\nUnd Kuchen {number}."))
        read = pages_read(root, monkeypatch)
        build_site(root)
        monkeypatch.undo()
        monkeypatch.setattr(uptodate, "QUIET_SECONDS", QUIET)
        assert sorted(set(read)) == ["journal/post-1.md", "journal/post-3.md"]
        cache = ParseCache.of_site(root)
        assert cache.known_file(name) is None
        digest = text_digest((root / name).read_text("utf-8"))
        assert key_of("page-texts", "de", name, digest) in cache.entries
        assert cache.known_file("content/journal/post-2.md") is not None  # (others are)
        time.sleep(QUIET + 0.05)


def test_a_damaged_note_of_a_page_file_is_made_again(tmp_path: Path) -> None:
    root = journal_site(tmp_path / "site")
    settle(root)
    build_site(root)
    cache = root / CACHE_FILE
    key = key_of("file", "content/journal/post-3.md")
    lines = cache.read_text("utf-8").split("\n")
    [at] = [number for number, line in enumerate(lines) if line.startswith(f"{key}\t")]
    note = json.loads(lines[at].partition("\t")[2])
    note[4]["values"] = []  # the page as read: its values no mapping
    lines[at] = f"{key}\t{json.dumps(note)}"
    cache.write_text("\n".join(lines), "utf-8")
    (root / "content" / "ueber-mich.md").write_text(
        (root / "content" / "ueber-mich.md").read_text() + "\nNeu.\n")  # to have a build
    build_site(root)  # the page file is read, as if nothing were noted
    assert without_manifest(root / "public") == clean_build(root, tmp_path)
    again = ParseCache.of_site(root).known_file("content/journal/post-3.md")
    assert again is not None and again.page["values"]["title"] == "Post 3"
