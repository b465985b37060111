"""Incremental builds: a build with nothing changed writes nothing, one edit rewrites exactly
the files whose bytes change, and whatever the path (1 or 2 workers, cold or warm cache, a
series of edits built one by one) the output is byte for byte that of a clean build."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from jinja2.bccache import bc_magic

from support import minimal_file, run_cli, tree_bytes, write_site
from zuhause import build_site
from zuhause.conversions import FOLDER as CONVERSIONS
from zuhause.frontmatter import Position
from zuhause.manifest import MANIFEST
from zuhause.memory import TEMPLATE_FOLDER
from zuhause.pages import BodyAt, places_from_file
from zuhause.parsecache import CACHE_FILE
from zuhause.sources import text_digest

PERSON_JONAS = """\
---
name: Jonas Korn
role: Geselle, ich forme die Brötchen
portrait: images/anna.png
portrait_alt: Jonas mit einem Blech Brötchen
values:
  - Früh aufstehen lohnt sich
invitation:
  text: Fragen Sie mich nach dem Sauerteig.
  email: jonas@baeckerei-korn.example
---
Ich bin seit drei Jahren in der Backstube.
"""


def post(title: str, day: int, person: str = "anna", text: str = "Heute gab es Brot.") -> str:
    """A post written on the `day`-th day of 2024."""
    written = date(2024, 1, 1) + timedelta(days=day - 1)
    return f"---\ntitle: {title}\nperson: {person}\ndate: {written}\n---\n{text}\n"


def journal_site(root: Path, posts: int = 5) -> Path:
    """A small site with two people, an offer and `posts` posts (one by Jonas)."""
    files: dict[str, str | None] = {
        "people__jonas_dot_md": PERSON_JONAS,
        "content__angebote__brot_dot_md": "---\ntitle: Brot\nperson: anna\nprice: 4 €\n"
                                          "summary: Sauerteigbrot.\n---\nJeden Tag frisch.\n",
        "content__ueber-mich_dot_md": "---\ntitle: Über mich\nperson: anna\n---\n"
                                      "Ich backe. Mehr im [Journal](journal/post-1.md).\n",
    }
    for number in range(1, posts + 1):
        files[f"content__journal__post-{number}_dot_md"] = post(
            f"Post {number}", number, "jonas" if number == 2 else "anna")
    from support import MINIMAL_SITE
    return write_site(root, MINIMAL_SITE, **files)


def stamps(top: Path) -> dict[str, tuple[int, int, int]]:
    """Inode, modification and change time of every file and folder below `top` (and of `top`):
    any write, new file, rename or deletion changes one of them."""
    found = {".": _stamp(top)}
    for directory, dirnames, filenames in os.walk(top):
        for name in dirnames + filenames:
            path = os.path.join(directory, name)
            found[os.path.relpath(path, top)] = _stamp(Path(path))
    return found


def _stamp(path: Path) -> tuple[int, int, int]:
    stat = os.lstat(path)
    return stat.st_ino, stat.st_mtime_ns, stat.st_ctime_ns


def rewritten(before: dict[str, tuple[int, int, int]], out: Path) -> set[str]:
    """The files below `out` that are new or were written since `before`."""
    after = stamps(out)
    return {name for name, stamp in after.items()
            if (out / name).is_file() and before.get(name) != stamp}


def without_manifest(out: Path) -> dict[str, bytes]:
    return {name: data for name, data in tree_bytes(out).items() if name != MANIFEST}


def test_a_build_with_nothing_changed_writes_nothing(tmp_path: Path) -> None:
    root = journal_site(tmp_path / "site")
    out = root / "public"
    assert run_cli("build", root).code == 0
    before_out, before_site = stamps(out), stamps(root)
    result = run_cli("build", root)
    assert result.code == 0, result.err
    assert "(0 neu erzeugt" in result.out
    assert stamps(out) == before_out  # no file or folder written, made, moved or deleted
    assert stamps(root) == before_site  # nor beside it (no staging folder, no cache write)


def test_one_post_edited_rewrites_exactly_the_post_the_lists_that_show_it_and_the_feed(
        tmp_path: Path) -> None:
    root = journal_site(tmp_path / "site")
    out = root / "public"
    assert run_cli("build", root).code == 0
    before = stamps(out)
    (root / "content" / "journal" / "post-5.md").write_text(post("Post 5, neu betitelt", 5))
    result = run_cli("build", root)
    assert result.code == 0, result.err
    assert rewritten(before, out) == {
        "journal/post-5/index.html",  # the post
        "journal/index.html",  # the journal lists every post by its title
        "index.html",  # the home page shows the three latest posts
        "feed.xml",
        MANIFEST,
    }  # the sitemap lists addresses only: its bytes stay, so it is not written


def test_an_edit_below_an_old_posts_first_paragraph_rewrites_that_post_alone(
        tmp_path: Path) -> None:
    """The feed and the lists show the first paragraph: their bytes stay, nothing else is
    written."""
    root = journal_site(tmp_path / "site")
    out = root / "public"
    assert run_cli("build", root).code == 0
    before = stamps(out)
    (root / "content" / "journal" / "post-1.md").write_text(
        post("Post 1", 1, text="Heute gab es Brot.\n\nUnd Kuchen."))
    assert run_cli("build", root).code == 0
    assert rewritten(before, out) == {"journal/post-1/index.html", MANIFEST}


def test_a_person_edit_rewrites_the_pages_that_show_the_person(tmp_path: Path) -> None:
    root = journal_site(tmp_path / "site")
    out = root / "public"
    assert run_cli("build", root).code == 0
    before = stamps(out)
    jonas = root / "people" / "jonas.md"
    jonas.write_text(jonas.read_text().replace("Geselle,", "Bäckergeselle,"))
    report = build_site(root)
    # rendered again: his post, and the pages that show everyone (home, journal list, contact);
    # not Anna's posts and pages, which never showed him
    assert report.rendered == 4, report.rendered
    changed = rewritten(before, out)
    assert "journal/post-2/index.html" in changed  # Jonas speaks there
    assert "journal/post-3/index.html" not in changed  # Anna does
    assert changed <= {name for name in tree_bytes(out)
                       if "Bäckergeselle" in (out / name).read_text("utf-8", "replace")} | {MANIFEST}


def clean_build(root: Path, work: Path, **options: object) -> dict[str, bytes]:
    """The output of a clean build of a copy of `root` (no output, no cache)."""
    copy = work / "clean-site"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns("public", ".zuhause"))
    build_site(copy, work / "clean-out", **options)  # type: ignore[arg-type]
    tree = without_manifest(work / "clean-out")
    shutil.rmtree(work / "clean-out")
    return tree


def add_post(root: Path) -> None:
    (root / "content" / "journal" / "post-9.md").write_text(post("Ganz neu", 9))


def rename_post(root: Path) -> None:
    (root / "content" / "journal" / "post-1.md").rename(root / "content" / "journal" / "erster.md")
    page = root / "content" / "ueber-mich.md"  # its link follows the new name
    page.write_text(page.read_text().replace("post-1.md", "erster.md"))


def delete_post(root: Path) -> None:
    (root / "content" / "journal" / "post-4.md").unlink()


def change_person(root: Path) -> None:
    anna = root / "people" / "anna.md"
    anna.write_text(anna.read_text().replace("seit zwanzig Jahren", "seit einundzwanzig Jahren")
                    .replace("Kommen Sie vorbei", "Schauen Sie vorbei"))


def change_template(root: Path) -> None:
    (root / "templates").mkdir(exist_ok=True)
    (root / "templates" / "post.html").write_text(
        '{% extends "default:post.html" %}\n'
        '{% block main %}<p class="neu">Aus der Backstube</p>{{ super() }}{% endblock %}\n')


def change_config(root: Path) -> None:
    config = root / "zuhause.yaml"
    config.write_text(config.read_text().replace("Bäckerei Korn", "Backstube Korn", 1))


EDITS: list[Callable[[Path], None]] = [add_post, rename_post, delete_post, change_person,
                                       change_template, change_config]


def test_builds_after_each_of_a_series_of_edits_equal_a_clean_build(tmp_path: Path) -> None:
    root = journal_site(tmp_path / "site")
    out = root / "public"
    assert run_cli("build", root).code == 0
    for edit in EDITS:
        edit(root)
        result = run_cli("build", root)
        assert result.code == 0, (edit.__name__, result.err)
        assert without_manifest(out) == clean_build(root, tmp_path), edit.__name__
    assert not any(p.name.startswith(".zuhause-") for p in root.iterdir())


@pytest.fixture(scope="module")
def many_posts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough posts (250) that a build renders them in worker processes."""
    return journal_site(tmp_path_factory.mktemp("many") / "site", posts=250)


@pytest.mark.parametrize("way", ["1 worker", "2 workers, cold cache", "2 workers, warm cache"])
def test_workers_and_cache_do_not_change_a_byte(many_posts: Path, tmp_path: Path,
                                                way: str) -> None:
    reference = clean_build(many_posts, tmp_path, jobs=1)
    copy = tmp_path / "site"
    shutil.copytree(many_posts, copy, ignore=shutil.ignore_patterns("public", ".zuhause"))
    if way.endswith("warm cache"):
        build_site(copy, tmp_path / "first", jobs=2)  # fills .zuhause/cache
        assert (copy / CACHE_FILE).is_file()
    build_site(copy, tmp_path / "out", jobs=1 if way == "1 worker" else 2)
    assert without_manifest(tmp_path / "out") == reference


@pytest.mark.parametrize("damage", ["not json", "another version", "wrong shape", "unreadable"])
def test_a_damaged_or_foreign_parse_cache_is_rebuilt_not_trusted(site: Callable[..., Path],
                                                                 tmp_path: Path,
                                                                 damage: str) -> None:
    root = site()
    assert run_cli("build", root).code == 0
    cache = root / CACHE_FILE
    expected = without_manifest(root / "public")
    header, *entries = cache.read_text().splitlines()
    assert entries
    if damage == "unreadable":
        cache.unlink()
        cache.mkdir()  # a folder where the file should be: it cannot be read or replaced
    elif damage == "wrong shape":  # every entry: valid JSON, but not what zuhause wrote
        cache.write_text("\n".join([header, *(f"{line.partition(chr(9))[0]}\t" + '{"map": 5}'
                                              for line in entries)]))
    else:
        cache.write_text({"not json": "{kaputt\n",
                          "another version": '{"format": 2, "zuhause": "0.0.0"}\n'}[damage]
                         + "\n".join(entries))
    shutil.rmtree(root / "public")
    result = run_cli("build", root)
    assert result.code == 0, result.err
    assert without_manifest(root / "public") == expected


def test_a_page_taken_from_the_parse_cache_still_says_where_its_person_stands(
        site: Callable[..., Path]) -> None:
    """The places of a cached page's front matter are not kept: they are read from its file
    when a message needs them, so a person removed after the page was cached is still named
    at the page's line and column."""
    ben = minimal_file("people/anna.md").replace("name: Anna Korn", "name: Ben Korn")
    root = site(people__ben_dot_md=ben, content__team_dot_md=(
        "---\ntitle: Ben\n# ein Kommentar\nperson:   ben\n---\nBen backt.\n"))
    assert run_cli("build", root).code == 0
    noted = [line for line in (root / CACHE_FILE).read_text("utf-8").splitlines()
             if '"path":"team/"' in line]
    assert noted and all('"meta"' not in line for line in noted)
    (root / "people" / "ben.md").unlink()
    result = run_cli("build", root)
    assert result.code == 1
    assert "content/team.md:4:11" in result.err and "ben" in result.err
    assert "Traceback" not in result.err


def test_the_places_of_a_page_saved_again_since_it_was_read_are_at_its_start(
        tmp_path: Path) -> None:
    page = tmp_path / "team.md"
    page.write_text("---\ntitle: Ben\nperson: ben\n---\nBen backt.\n", "utf-8")
    at = BodyAt(str(page), "content/team.md", 0, text_digest(page.read_text("utf-8")))
    assert places_from_file(at).value_at("person") == Position(3, 9)
    page.write_text("---\ntitle: Ben\n\nperson: ben\n---\nBen backt.\n", "utf-8")
    assert places_from_file(at).position == Position(1, 1)  # (not the one the build read)
    page.unlink()
    assert places_from_file(at).position == Position(1, 1)


@pytest.mark.parametrize("output", ["kept", "removed"])
def test_a_link_to_a_deleted_page_is_found_whatever_was_kept(tmp_path: Path, output: str) -> None:
    """The about page's text and its conversion are unchanged, but the post it links to is
    gone: neither the page kept in the output nor the conversion kept in the cache hide it."""
    root = journal_site(tmp_path / "site")
    assert run_cli("build", root).code == 0
    assert any((root / CONVERSIONS).rglob("*.json"))
    (root / "content" / "journal" / "post-1.md").unlink()
    if output == "removed":
        shutil.rmtree(root / "public")
    result = run_cli("build", root)
    assert result.code == 1
    assert "content/ueber-mich.md:5:" in result.err and "journal/post-1.md" in result.err


def test_damaged_markdown_conversions_are_made_again(tmp_path: Path) -> None:
    root = journal_site(tmp_path / "site")
    assert run_cli("build", root).code == 0
    expected = without_manifest(root / "public")
    stored = sorted((root / CONVERSIONS).rglob("*.json"))
    assert stored
    for number, path in enumerate(stored):
        path.write_text(["{kaputt", '{"html": 5, "links": {}}', "[]", ""][number % 4])
    shutil.rmtree(root / "public")
    assert run_cli("build", root).code == 0
    assert without_manifest(root / "public") == expected
    assert all(json.loads(path.read_text())["html"] for path in stored)  # written anew


def test_conversions_no_page_uses_any_more_are_removed(tmp_path: Path) -> None:
    root = journal_site(tmp_path / "site")
    assert run_cli("build", root).code == 0
    before = {p.name for p in (root / CONVERSIONS).rglob("*.json")}
    (root / "content" / "journal" / "post-3.md").write_text(post("Post 3", 3, text="Neu."))
    assert run_cli("build", root).code == 0
    after = {p.name for p in (root / CONVERSIONS).rglob("*.json")}
    assert len(after) == len(before) and len(after - before) == 1  # one replaced, none piled up


def test_conversions_are_not_removed_when_the_output_does_not_say_which_are_used(
        tmp_path: Path) -> None:
    """An output whose manifest does not name each page's conversion (written by an earlier
    zuhause) gives no grounds to take any conversion for unused: none is removed."""
    root = journal_site(tmp_path / "site")
    assert run_cli("build", root).code == 0
    manifest = root / "public" / ".zuhause-manifest.json"
    data = json.loads(manifest.read_text("utf-8"))
    for record in data["files"].values():
        record.pop("conversion", None)
    manifest.write_text(json.dumps(data), "utf-8")
    before = {p.name for p in (root / CONVERSIONS).rglob("*.json")}
    (root / "content" / "journal" / "post-3.md").write_text(post("Post 3", 3, text="Neu."))
    result = build_site(root, root / "public")
    assert result.rendered * 10 >= result.pages  # a build that would prune
    after = {p.name for p in (root / CONVERSIONS).rglob("*.json")}
    assert before <= after and len(after) == len(before) + 1


def test_a_build_in_its_own_process_says_what_it_did_before_it_ends(tmp_path: Path) -> None:
    """(The command ends its process as soon as the build is done: what it printed must be
    out by then, through a pipe too.)"""
    root = journal_site(tmp_path / "site")
    for rendered in ("14 neu erzeugt", "0 neu erzeugt"):
        done = subprocess.run([sys.executable, "-m", "zuhause", "build", str(root)],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""
        assert re.fullmatch(rf"14 Seiten gebaut \({rendered}, \d+ unverändert\) und \d+ weitere "
                            rf"Dateien nach .+ geschrieben, in \d+\.\d\d s\n", done.stdout), \
            done.stdout
    (root / "content" / "journal" / "post-1.md").write_text("---\ntitle: Kaputt\n---\nText\n")
    failed = subprocess.run([sys.executable, "-m", "zuhause", "build", str(root)],
                            capture_output=True, text=True, timeout=120)
    assert failed.returncode == 1
    assert failed.stdout == "" and "content/journal/post-1.md:" in failed.stderr


def test_a_template_edited_after_it_was_compiled_and_kept_is_compiled_again(
        tmp_path: Path) -> None:
    root = journal_site(tmp_path / "site")
    change_template(root)
    assert run_cli("build", root).code == 0
    kept = sorted((root / TEMPLATE_FOLDER).iterdir())
    assert kept  # compiled templates are kept between builds
    override = root / "templates" / "post.html"
    before = (root / "public" / "journal" / "post-1" / "index.html").read_text("utf-8")
    override.write_text(override.read_text("utf-8").replace("Aus der Backstube", "Frisch vom Blech"),
                        "utf-8")
    assert run_cli("build", root).code == 0
    page = (root / "public" / "journal" / "post-1" / "index.html").read_text("utf-8")
    assert "Aus der Backstube" in before and "Frisch vom Blech" in page
    assert "Aus der Backstube" not in page
    assert without_manifest(root / "public") == clean_build(root, tmp_path)


def test_damaged_compiled_templates_are_compiled_again(tmp_path: Path) -> None:
    root = journal_site(tmp_path / "site")
    assert run_cli("build", root).code == 0
    expected = without_manifest(root / "public")
    kept = sorted((root / TEMPLATE_FOLDER).iterdir())
    assert kept
    for number, path in enumerate(kept):  # cut short, a broken checksum, not code at all
        data = path.read_bytes()
        path.write_bytes([data[:len(data) // 2], bc_magic + b"\x80", b"kaputt", b""][number % 4])
    shutil.rmtree(root / "public")
    assert run_cli("build", root).code == 0
    assert without_manifest(root / "public") == expected
    assert all(path.read_bytes() != b"kaputt" and path.stat().st_size > 100 for path in kept)


def test_a_build_whose_compiled_templates_cannot_be_kept_builds_all_the_same(
        tmp_path: Path) -> None:
    root = journal_site(tmp_path / "site")
    (root / TEMPLATE_FOLDER).parent.mkdir(parents=True)
    (root / TEMPLATE_FOLDER).write_text("a file where the folder would go")
    result = run_cli("build", root)
    assert result.code == 0, result.err
    assert without_manifest(root / "public") == clean_build(root, tmp_path)
