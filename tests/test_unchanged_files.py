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
from test_incremental import journal_site, post, without_manifest

from zuhause import build_site, rawfiles
from zuhause.parsecache import CACHE_FILE

AN_HOUR_AGO = time.time() - 3600


def settle(root: Path) -> None:
    """Date every file of the site an hour back, as files not touched for a while are."""
    for directory, _, filenames in os.walk(root):
        for name in filenames:
            os.utime(os.path.join(directory, name), (AN_HOUR_AGO, AN_HOUR_AGO))


def pages_read(root: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """From now on, the page files of `root` that zuhause reads, in order (one per read)."""
    read: list[str] = []
    original = rawfiles.read_bytes
    content = os.fspath(root / "content") + os.sep

    def reading(path: str | os.PathLike[str]) -> bytes:
        if os.fspath(path).startswith(content):
            read.append(os.path.relpath(path, root / "content"))
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


def test_a_file_saved_just_before_a_build_is_read_again_even_with_the_same_stamp(
        tmp_path: Path) -> None:
    """On a file system that keeps coarse times, a file saved again right after a build looked
    at it can keep its time and size: so a file that changed in the two seconds before a
    build is never taken as known by its stamp."""
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
