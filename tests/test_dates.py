"""Pages dated after the moment of the build are left out, named in one warning in the site's
language, and come in with `--future`; `zuhause serve --future` marks them as not yet
published; a link to one is an error, as a link to a draft is."""

from __future__ import annotations

import urllib.request
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from support import MINIMAL_SITE, run_cli
from zuhause import SiteError, build_site
from zuhause.checking import check_site
from zuhause.serve import DevSession

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 30, 12, 0, tzinfo=BERLIN)
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
WARNING = ("1 Beitrag erscheint erst später und wurde nicht veröffentlicht: "
           "content/journal/stollen.md (1. Dezember 2026)")


def post(title: str, date: str, body: str = "Ein Beitrag.") -> str:
    return f"---\ntitle: {title}\nperson: anna\ndate: {date}\n---\n{body}\n"


JOURNAL = {
    "content__journal__sauerteig_dot_md": post("Sauerteig", "2026-11-30"),  # today: published
    "content__journal__stollen_dot_md": post("Stollen", "2026-12-01"),  # tomorrow: held back
}


def _feed_links(out: Path) -> set[str]:
    feed = ElementTree.parse(out / "feed.xml").getroot()
    return {link.get("href", "") for entry in feed.iter(f"{ATOM}entry")
            for link in entry.iter(f"{ATOM}link")}


def _sitemap(out: Path) -> set[str]:
    return {loc.text or "" for loc in ElementTree.parse(out / "sitemap.xml").iter(f"{SITEMAP}loc")}


def _html(out: Path) -> str:
    return "\n".join(p.read_text("utf-8") for p in sorted(out.rglob("*.html")))


def test_a_post_dated_tomorrow_is_left_out_and_named_and_future_brings_it_in(
        site: Callable[..., Path], tmp_path: Path) -> None:
    root = site(**JOURNAL)
    url = "https://baeckerei-korn.example/journal/stollen/"
    report = build_site(root, tmp_path / "now", now=NOW)
    out = tmp_path / "now"
    assert not (out / "journal/stollen").exists()
    assert url not in _feed_links(out) and url not in _sitemap(out)
    assert "/journal/stollen/" not in _html(out) and "Stollen" not in _html(out)
    assert "https://baeckerei-korn.example/journal/sauerteig/" in _feed_links(out)
    assert report.pages == build_site(root, tmp_path / "future", now=NOW, future=True).pages - 1
    assert [w.format("de") for w in report.warnings] == [WARNING]

    out = tmp_path / "future"
    assert (out / "journal/stollen/index.html").is_file()
    assert url in _feed_links(out) and url in _sitemap(out)
    assert 'href="/journal/stollen/"' in (out / "journal/index.html").read_text("utf-8")
    assert 'href="/journal/stollen/"' in (out / "index.html").read_text("utf-8")
    assert "preview-marker" not in _html(out)  # the marker is for zuhause serve only


def test_the_command_line_warns_and_takes_future_on_build_and_check(
        site: Callable[..., Path], tmp_path: Path) -> None:
    root = site(content__journal__ausblick_dot_md=post("Ausblick", "2999-01-01",
                                                       "Siehe [unten](#gibt-es-nicht)."))
    result = run_cli("build", root, "-o", tmp_path / "out")
    assert result.code == 0
    assert ("Achtung: 1 Beitrag erscheint erst später und wurde nicht veröffentlicht: "
            "content/journal/ausblick.md (1. Januar 2999)") in result.err
    assert not (tmp_path / "out/journal/ausblick").exists()
    assert run_cli("build", root, "-o", tmp_path / "out", "--future").code == 0
    assert (tmp_path / "out/journal/ausblick/index.html").is_file()
    # check builds what build builds: the post's broken anchor is only seen with --future
    anchors = [f.path for f in check_site(root, future=True).findings if f.id == "craft.broken-anchor"]
    assert anchors == ["content/journal/ausblick.md"]
    assert [f for f in check_site(root).findings if f.path == "content/journal/ausblick.md"] == []
    assert "--future" in run_cli("check", "--help").out
    assert "--future" in run_cli("serve", "--help").out


@pytest.mark.parametrize(("now", "published"), [
    (datetime(2026, 11, 30, 23, 15, tzinfo=UTC), False),  # 00:15 in Berlin: before 00:30
    (datetime(2026, 11, 30, 23, 45, tzinfo=UTC), True),  # 00:45 in Berlin
    (datetime(2026, 12, 1, 0, 45), True),  # without offset: in the site's time zone
])
def test_a_time_on_the_date_counts_in_the_site_time_zone(
        site: Callable[..., Path], tmp_path: Path, now: datetime, published: bool) -> None:
    root = site(content__journal__stollen_dot_md=post("Stollen", "2026-12-01 00:30"))
    report = build_site(root, tmp_path / "out", now=now)
    assert (tmp_path / "out/journal/stollen/index.html").is_file() is published
    assert bool(report.warnings) is not published


def test_any_dated_page_is_held_back_and_the_warning_speaks_the_site_language(
        site: Callable[..., Path], tmp_path: Path) -> None:
    config = MINIMAL_SITE.split("-- zuhause.yaml --\n")[1].split("-- people")[0]
    root = site(zuhause_dot_yaml=config.replace("language: de", "language: en"),
                content__termine_dot_md="---\ntitle: Termine\nperson: anna\ndate: 2026-12-24\n---\nBald.\n",
                content__index_dot_md="---\ntitle: Willkommen\nperson: anna\ndate: 2027-01-01\n---\nHallo.\n")
    report = build_site(root, tmp_path / "out", now=NOW)
    assert [w.format("en") for w in report.warnings] == ["1 page appears later and was not published: "
                               "content/termine.md (24 December 2026)"]
    assert (tmp_path / "out/index.html").is_file()  # the home page is always published
    assert not (tmp_path / "out/termine").exists()


def test_a_link_to_a_held_back_post_stops_the_build_like_a_link_to_a_draft(
        site: Callable[..., Path], tmp_path: Path) -> None:
    linking = "---\ntitle: Neues\nperson: anna\n---\nBald gibt es\n[Stollen](journal/stollen.md).\n"
    root = site(content__neues_dot_md=linking, **JOURNAL)
    with pytest.raises(SiteError) as caught:
        build_site(root, tmp_path / "out", now=NOW)
    [problem] = caught.value.problems
    assert (problem.path, problem.line, problem.code) == ("content/neues.md", 6, "link.scheduled")
    assert problem.message.format("de") == ("der Link 'journal/stollen.md' führt zu einer Seite, die erst am "
                               "1. Dezember 2026 erscheint")
    assert problem.hint is not None and "--future" in problem.hint.format("de")
    build_site(root, tmp_path / "out", now=NOW, future=True)
    assert 'href="/journal/stollen/"' in (tmp_path / "out/neues/index.html").read_text("utf-8")

    draft = post("Stollen", "2026-11-01").replace("\n---\n", "\ndraft: true\n---\n")
    root = site(content__neues_dot_md=linking, content__journal__stollen_dot_md=draft)
    with pytest.raises(SiteError) as caught:
        build_site(root, tmp_path / "out", now=NOW)
    assert [(p.path, p.line, p.code) for p in caught.value.problems] == [
        ("content/neues.md", 6, "link.missing")]


def test_serve_with_future_marks_the_post_on_its_page_and_in_lists(
        site: Callable[..., Path]) -> None:
    root = site(**JOURNAL)
    dev = DevSession(root, port=0, future=True, now=NOW, log=lambda text: None)
    url = dev.start()
    try:
        pages = {path: urllib.request.urlopen(url + path).read().decode("utf-8")
                 for path in ("", "journal/", "journal/stollen/", "journal/sauerteig/")}
    finally:
        dev.stop()
    marker = "Noch nicht veröffentlicht: erscheint am 1. Dezember 2026"
    for path in ("", "journal/", "journal/stollen/"):
        assert pages[path].count(marker) == 1, path
    assert "preview-marker" not in pages["journal/sauerteig/"]
