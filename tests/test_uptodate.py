"""A build whose output is already what it would write does nothing: `uptodate` notes what
each build read and left, and any change to it (a site file, an output file, an option, the
time a post is due, the year) makes the next build do its work."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from support import tree_bytes
from zuhause import build_site, uptodate
from zuhause.build import BuildReport
from zuhause.manifest import MANIFEST

QUIET = 0.3  # instead of two seconds: how long the site must be unchanged before a build


@pytest.fixture(autouse=True)
def _short_quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(uptodate, "QUIET_SECONDS", QUIET)


def aged(root: Path, seconds: float = 30) -> None:
    """Give every file of the site an older modification time, as files edited a while ago,
    and wait until their change time (which cannot be set) is older than the quiet time."""
    moment = time.time() - seconds
    for directory, _dirnames, filenames in os.walk(root):
        for name in filenames:
            os.utime(os.path.join(directory, name), (moment, moment))
    time.sleep(QUIET + 0.05)


def stamps(top: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(top)): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in sorted(top.rglob("*"))}


def did_work(report: BuildReport) -> bool:
    """Whether a build went through its pages and pictures (the portrait is always there)."""
    return report.rendered > 0 or report.images_cached + report.images_processed > 0


@pytest.fixture
def built(site: Callable[..., Path]) -> Path:
    """A site built once, its files older than the build."""
    root = site()
    aged(root)
    build_site(root)
    assert uptodate.load(root, root / "public") is not None
    return root


def test_an_up_to_date_output_is_left_alone_and_said_so(built: Path) -> None:
    before = stamps(built)
    report = build_site(built)
    assert (report.rendered, report.reused) == (0, report.pages) and not did_work(report)
    assert report.files > report.pages
    assert stamps(built) == before  # nothing written, in the output or the site


@pytest.mark.parametrize("change", ["page", "new file", "output file", "output file gone",
                                    "option", "version"])
def test_any_change_makes_the_next_build_do_its_work(built: Path, change: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    out = built / "public"
    options: dict[str, str] = {}
    if change == "page":
        (built / "content" / "index.md").write_text(
            "---\ntitle: Willkommen\nperson: anna\n---\nNeu gebacken.\n")
    elif change == "new file":
        (built / "templates").mkdir()
        (built / "templates" / "page.html").write_text(
            '{% extends "default:page.html" %}{% block main %}<p>Eigen</p>{% endblock %}')
    elif change == "output file":
        (out / "index.html").write_text("von Hand geändert")
    elif change == "output file gone":
        (out / "index.html").unlink()
    elif change == "option":
        options["base_url"] = "https://anna.example/brot/"
    else:
        monkeypatch.setattr(uptodate, "__version__", "99.0")
    report = build_site(built, **options)  # type: ignore[arg-type]
    assert did_work(report)
    assert "von Hand" not in (out / "index.html").read_text()


def test_a_stamp_past_its_time_is_not_trusted(built: Path) -> None:
    """A post comes due, or the year in the footer changes: the stamp says until when."""
    stamp_file = next((built / uptodate.FOLDER).glob("*.json"))
    data = json.loads(stamp_file.read_text())
    assert data["valid_until"].startswith(f"{time.localtime().tm_year + 1}-01-01")
    data["valid_until"] = "2000-01-01T00:00:00+00:00"
    stamp_file.write_text(json.dumps(data))
    assert did_work(build_site(built))


def test_no_stamp_while_a_post_is_held_back_or_a_file_was_just_saved(
        site: Callable[..., Path]) -> None:
    root = site(content__journal__morgen_dot_md="---\ntitle: Morgen\nperson: anna\n"
                                              "date: 2999-01-01\n---\nBald.\n")
    aged(root)
    build_site(root)
    assert uptodate.load(root, root / "public") is None  # due later: every build looks again
    fresh = site()
    home = fresh / "content" / "index.md"
    home.write_text(home.read_text("utf-8"), "utf-8")
    build_site(fresh)  # a file was written just now: the build may not have seen the last save
    assert uptodate.load(fresh, fresh / "public") is None


def test_a_damaged_stamp_is_ignored(built: Path) -> None:
    for stamp_file in (built / uptodate.FOLDER).glob("*.json"):
        stamp_file.write_text('{"format": 1, "outputs": 5}')
    expected = {k: v for k, v in tree_bytes(built / "public").items() if k != MANIFEST}
    (built / "public" / "index.html").unlink()
    assert did_work(build_site(built))
    assert {k: v for k, v in tree_bytes(built / "public").items() if k != MANIFEST} == expected


def test_a_theme_outside_the_site_is_watched_too(site: Callable[..., Path]) -> None:
    root = site()
    theme = root.parent / "geteiltes-theme"  # a designer's theme beside the site
    (theme / "templates").mkdir(parents=True)
    (theme / "theme.yaml").write_text("name: geteilt\nextends: default\n")
    (theme / "templates" / "404.html").write_text(
        '{% extends "base.html" %}{% block main %}<h1>Nichts hier</h1>{% endblock %}')
    config = root / "zuhause.yaml"
    config.write_text(config.read_text() + "theme: ../geteiltes-theme\n")
    aged(root)
    aged(theme)
    build_site(root)
    assert not did_work(build_site(root))  # up to date
    (theme / "templates" / "404.html").write_text(
        '{% extends "base.html" %}{% block main %}<h1>Leider nichts</h1>{% endblock %}')
    assert did_work(build_site(root))
    assert "Leider nichts" in (root / "public" / "404.html").read_text()


def test_a_file_saved_while_the_build_runs_makes_the_next_build_do_its_work(
        site: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """The site is looked at before the build reads it: a page saved while a long build runs
    (one the build does not render again, its time as if saved long before the build ended)
    is not taken for what the build made."""
    import zuhause.build as build_module

    root = site(content__ueber_dot_md="---\ntitle: Über uns\nperson: anna\n---\nWir backen.\n")
    aged(root)
    build_site(root)
    home, about = root / "content" / "index.md", root / "content" / "ueber.md"
    home.write_text(home.read_text("utf-8") + "\nFrisch.\n", "utf-8")
    long_ago = time.time() - 30
    os.utime(home, (long_ago, long_ago))
    time.sleep(QUIET + 0.05)  # (its change time too: the next build would note a stamp)
    original = build_module.placeholder_warning

    def saved_meanwhile(loaded: object) -> object:  # after reading, before rendering
        about.write_text("---\ntitle: Über uns\nperson: anna\n---\nWir backen Brot.\n", "utf-8")
        os.utime(about, (long_ago + 10, long_ago + 10))
        time.sleep(QUIET + 0.05)  # a long build: the save is past the quiet time at its end
        return original(loaded)  # type: ignore[arg-type]

    monkeypatch.setattr(build_module, "placeholder_warning", saved_meanwhile)
    assert build_site(root).rendered == 1  # the home page; the about page was read before
    monkeypatch.undo()
    report = build_site(root)
    assert did_work(report)
    assert "Wir backen Brot." in (root / "public" / "ueber" / "index.html").read_text("utf-8")
