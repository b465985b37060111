"""Pages, URLs, links, Markdown, languages, feed and sitemap on small inline sites."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from support import MINIMAL_SITE, run_cli, tiny_png
from zuhause.catalogue import catalogue
from zuhause.urls import slugify

ENGLISH_SITE = MINIMAL_SITE.replace("language: de", "language: en") + """
-- content/journal/bread.md --
---
title: Why bread needs time
person: anna
date: 2025-12-08
---
I say "slow" and mean it. It's simple.
-- content/offers/sourdough.md --
---
title: Sourdough class
person: anna
price: 40 €
---
Learn it with me.
-- content/about.md --
---
title: About us
person: anna
template: people
menu: true
---
We are two.
"""


class _Text(HTMLParser):
    """Visible text and attribute values a visitor (or a screen reader) meets."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            if name in ("alt", "title", "aria-label", "content", "value", "placeholder") and value:
                self.parts.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(parser.parts)


@pytest.mark.parametrize("name, slug", [
    ("Über mich", "ueber-mich"), ("Straße & Öfen", "strasse-oefen"), ("Maß nehmen!", "mass-nehmen"),
    ("Café Crème", "cafe-creme"), ("ÄÖÜ ẞ", "aeoeue-ss"), ("  --Hallo--  ", "hallo"),
])
def test_german_transliteration(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_urls_from_file_names_and_links_between_files(site: Callable[..., Path], tmp_path: Path) -> None:
    root = site(**{
        "content__Über mich_dot_md": "---\ntitle: Über mich\nperson: anna\n---\n"
        "Zum [Brot](angebote/Brot backen.md#teig) und [Start](index.md).\n",
        "content__angebote__Brot backen_dot_md": "---\ntitle: Brot backen\nperson: anna\n---\n"
        "## Der Teig\n\nZurück zu [mir](../Über mich.md). Bild: ![Ofen](/bilder/ofen.png)\n",
    })
    (root / "static" / "bilder").mkdir(parents=True)
    (root / "static" / "bilder" / "ofen.png").write_bytes(tiny_png())
    result = run_cli("build", root, "-o", tmp_path / "out", "--base-url", "https://a.github.io/repo/")
    assert result.code == 0, result.err
    about = (tmp_path / "out" / "ueber-mich" / "index.html").read_text()
    assert 'href="/repo/angebote/brot-backen/#teig"' in about
    assert 'href="/repo/"' in about
    offer = (tmp_path / "out" / "angebote" / "brot-backen" / "index.html").read_text()
    assert 'href="/repo/ueber-mich/"' in offer
    assert re.search(r'src="/repo/media/ofen-[0-9a-f]{10}-1\.jpg"', offer)
    assert (tmp_path / "out" / "bilder" / "ofen.png").is_file()
    assert '<h2 id="der-teig">' in offer


def test_german_typography_and_dates(site: Callable[..., Path], tmp_path: Path) -> None:
    root = site(content__journal__brot_dot_md="---\ntitle: Brot\nperson: anna\ndate: 2025-12-08\n"
                "---\nSie sagte \"langsam\" -- und geht's gut?\n")
    assert run_cli("build", root, "-o", tmp_path / "out").code == 0
    html = (tmp_path / "out" / "journal" / "brot" / "index.html").read_text()
    assert "„langsam“" in html
    assert "geht’s" in html
    assert '<time class="dt-published" datetime="2025-12-08T00:00:00+01:00">8. Dezember 2025</time>' in html


def test_markdown_extensions(site: Callable[..., Path], tmp_path: Path) -> None:
    body = ("| A | B |\n|---|---|\n| 1 | 2 |\n\nText[^1]\n\n[^1]: Fußnote\n\n"
            "Absatz\n{: .hinweis }\n\n```python\nprint(1)\n```\n")
    root = site(content__seite_dot_md=f"---\ntitle: Seite\nperson: anna\n---\n{body}")
    assert run_cli("build", root, "-o", tmp_path / "out").code == 0
    html = (tmp_path / "out" / "seite" / "index.html").read_text()
    assert "<table>" in html and 'class="footnote"' in html
    assert '<p class="hinweis">Absatz</p>' in html
    assert '<code class="language-python">' in html


def test_times_without_offset_are_read_in_the_site_time_zone(
        site: Callable[..., Path], tmp_path: Path) -> None:
    root = site(content__journal__a_dot_md="---\ntitle: A\nperson: anna\ndate: 2025-07-01 23:30\n---\nx\n")
    assert run_cli("build", root, "-o", tmp_path / "out").code == 0
    html = (tmp_path / "out" / "journal" / "a" / "index.html").read_text()
    assert 'datetime="2025-07-01T23:30:00+02:00">1. Juli 2025<' in html


def test_drafts_only_with_flag(site: Callable[..., Path], tmp_path: Path) -> None:
    root = site(content__entwurf_dot_md="---\ntitle: Entwurf\nperson: anna\ndraft: true\n---\nx\n")
    assert run_cli("build", root, "-o", tmp_path / "a").code == 0
    assert not (tmp_path / "a" / "entwurf").exists()
    assert run_cli("build", root, "-o", tmp_path / "b", "--drafts").code == 0
    assert (tmp_path / "b" / "entwurf" / "index.html").is_file()


def test_english_site_speaks_english_everywhere(site: Callable[..., Path], tmp_path: Path) -> None:
    root = site(ENGLISH_SITE, content__index_dot_md="---\ntitle: Welcome\nperson: anna\n---\nHello.\n",
                people__anna_dot_md="---\nname: Anna Korn\nrole: Baker\nportrait: images/anna.png\n"
                "portrait_alt: Anna laughing\nvalues:\n  - Bread needs time\ninvitation:\n"
                "  text: Come and taste.\n  email: anna@baeckerei-korn.example\n---\nI bake bread.\n")
    config = root / "zuhause.yaml"
    config.write_text(config.read_text().replace("employees: 2", "employees: 20") +
                      "contact:\n  form: netlify\n  email: anna@baeckerei-korn.example\n")
    result = run_cli("build", root, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    site_de, site_en = catalogue("site", "de"), catalogue("site", "en")
    german = {v for k, v in site_de.items() if v != site_en[k] and len(v) > 3}
    german |= {"Angaben gemäß", "Verbraucherstreitbeilegung", "Verantwortlich", "Telefon",
               "Dezember", "Kontakt", "Datenschutz", "Impressum", "Wer hier spricht"}
    pages = sorted((tmp_path / "out").rglob("*.html"))
    assert len(pages) >= 9
    for page in pages:
        text = visible_text(page.read_text())
        found = sorted(word for word in german if word in text)
        assert found == [], f"{page.relative_to(tmp_path)}: {found}"
    post = (tmp_path / "out" / "journal" / "bread" / "index.html").read_text()
    assert "8 December 2025" in post and "“slow”" in post
    assert (tmp_path / "out" / "legal-notice" / "index.html").is_file()
    assert (tmp_path / "out" / "privacy" / "index.html").is_file()
    assert (tmp_path / "out" / "contact" / "index.html").is_file()
    feed = (tmp_path / "out" / "feed.xml").read_text()
    assert 'xml:lang="en"' in feed


def test_every_page_links_impressum_privacy_and_contact(site: Callable[..., Path], tmp_path: Path) -> None:
    root = site(content__journal__a_dot_md="---\ntitle: A\nperson: anna\ndate: 2025-07-01\n---\nx\n")
    assert run_cli("build", root, "-o", tmp_path / "out").code == 0
    for page in (tmp_path / "out").rglob("*.html"):
        html = page.read_text()
        for href in ('href="/impressum/"', 'href="/datenschutz/"', 'href="/kontakt/"'):
            assert href in html, (page, href)


def test_impressum_by_legal_form_and_arbitration(site: Callable[..., Path], tmp_path: Path) -> None:
    root = site(content__journal__a_dot_md="---\ntitle: A\nperson: anna\ndate: 2025-07-01\n---\nx\n")
    config = root / "zuhause.yaml"
    config.write_text(config.read_text().replace("form: sole_trader", "form: gmbh").replace(
        "  employees: 2\n", "  employees: 12\n  register_court: Amtsgericht Dresden\n"
        "  register_number: HRB 1234\n  managing_directors:\n    - Anna Korn\n"))
    result = run_cli("build", root, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    text = visible_text((tmp_path / "out" / "impressum" / "index.html").read_text())
    for needle in ("Angaben gemäß § 5 DDG", "Vertreten durch", "HRB 1234",
                   "Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV",
                   "Verbraucherstreitbeilegung (§ 36 VSBG)", "nicht bereit"):
        assert needle in text, needle
    everything = " ".join(p.read_text() for p in (tmp_path / "out").rglob("*.html"))
    assert "ec.europa.eu/consumers/odr" not in everything


def test_small_business_needs_no_arbitration_statement(site: Callable[..., Path], tmp_path: Path) -> None:
    root = site()
    assert run_cli("build", root, "-o", tmp_path / "out").code == 0
    text = visible_text((tmp_path / "out" / "impressum" / "index.html").read_text())
    assert "VSBG" not in text and "Verantwortlich für den Inhalt" not in text


def test_feed_sitemap_robots_cname_nojekyll(site: Callable[..., Path], tmp_path: Path) -> None:
    root = site(content__journal__a_dot_md="---\ntitle: A & B\nperson: anna\ndate: 2025-07-01\n---\nx\n",
                content__journal__b_dot_md="---\ntitle: B\nperson: anna\ndate: 2025-08-01\n---\ny\n")
    config = root / "zuhause.yaml"
    config.write_text(config.read_text() + "domain: www.baeckerei-korn.example\n")
    assert run_cli("build", root, "-o", tmp_path / "out").code == 0
    out = tmp_path / "out"
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = ET.parse(out / "feed.xml").getroot().findall("a:entry", ns)
    assert [e.find("a:title", ns).text for e in entries] == ["B", "A & B"]
    locs = [e.text for e in ET.parse(out / "sitemap.xml").getroot().iter(
        "{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "https://baeckerei-korn.example/journal/a/" in locs
    assert all(loc.startswith("https://baeckerei-korn.example/") for loc in locs)
    assert "Sitemap: https://baeckerei-korn.example/sitemap.xml" in (out / "robots.txt").read_text()
    assert (out / "CNAME").read_text() == "www.baeckerei-korn.example\n"
    assert (out / ".nojekyll").is_file()


def test_netlify_form_only_when_configured(site: Callable[..., Path], tmp_path: Path) -> None:
    root = site()
    assert run_cli("build", root, "-o", tmp_path / "a").code == 0
    assert "<form" not in (tmp_path / "a" / "kontakt" / "index.html").read_text()
    config = root / "zuhause.yaml"
    config.write_text(config.read_text() + "contact:\n  form: netlify\n")
    assert run_cli("build", root, "-o", tmp_path / "b").code == 0
    html = (tmp_path / "b" / "kontakt" / "index.html").read_text()
    assert 'data-netlify="true"' in html and 'data-netlify-honeypot="bot-field"' in html
    privacy = (tmp_path / "b" / "datenschutz" / "index.html").read_text()
    assert "Akismet" in privacy


def test_build_prints_one_summary_line(site: Callable[..., Path]) -> None:
    result = run_cli("build", site())
    assert result.code == 0
    assert re.fullmatch(r"\d+ Seiten gebaut \(\d+ neu erzeugt, \d+ unverändert\) und \d+ weitere "
                        r"Dateien nach .+ geschrieben, in \d+\.\d\d s\n", result.out)


def test_version_and_help() -> None:
    assert run_cli("--version").out.startswith("zuhause ")
    help_text = run_cli("build", "--help").out
    assert "--base-url" in help_text and "--drafts" in help_text


def test_the_feed_carries_the_twenty_newest_posts(site: Callable[..., Path], tmp_path: Path) -> None:
    """A feed is fetched again and again by every reader: it stays small on a big journal."""
    posts = {f"content__journal__p{n:02d}_dot_md":
             f"---\ntitle: Post {n:02d}\nperson: anna\ndate: 2025-01-{n:02d}\n---\nText {n}.\n"
             for n in range(1, 26)}
    root = site(**posts)
    assert run_cli("build", root, "-o", tmp_path / "out").code == 0
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.parse(tmp_path / "out" / "feed.xml").getroot()
    titles = [e.find("a:title", ns).text for e in feed.findall("a:entry", ns)]
    assert titles == [f"Post {n:02d}" for n in range(25, 5, -1)]
    assert feed.find("a:updated", ns).text.startswith("2025-01-25")
    journal = (tmp_path / "out" / "journal" / "index.html").read_text("utf-8")
    assert "Post 01" in journal  # the older posts are still listed on the site
