"""The built-in theme werkstatt (photo-led, for trades and shops) builds the example site, keeps
its CSS under budget, keeps the person-first order of the home page's sections, and shows the
offers as cards with pictures."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from support import run_cli

EXAMPLE = Path(__file__).resolve().parents[1] / "example-site"
CSS_BUDGET = 25 * 1024
PERSON_FIRST = ["person", "story", "values", "invitation", "offers", "journal"]


class _Home(HTMLParser):
    """The home page's section markers, stylesheets and offer cards, in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: list[str] = []
        self.stylesheets: list[str] = []
        self.cards: list[dict[str, list[str]]] = []
        self._card_depth = 0
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag not in {"img", "source", "link", "meta", "br", "hr", "input"}:
            self._depth += 1
        if "data-section" in a:
            self.sections.append(a["data-section"])
        if tag == "link" and a.get("rel") == "stylesheet":
            self.stylesheets.append(a["href"])
        if tag == "li" and "card" in a.get("class", "").split():
            self.cards.append({"pictures": [], "alts": [], "links": []})
            self._card_depth = self._depth
        if self._card_depth:
            card = self.cards[-1]
            if tag == "picture":
                card["pictures"].append("picture")
            if tag == "img":
                card["alts"].append(a.get("alt", ""))
            if tag == "a":
                card["links"].append(a.get("href", ""))

    def handle_endtag(self, tag: str) -> None:
        if self._card_depth and tag == "li" and self._depth == self._card_depth:
            self._card_depth = 0
        self._depth -= 1


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("werkstatt") / "site"
    shutil.copytree(EXAMPLE, root)
    config = root / "zuhause.yaml"
    text = config.read_text("utf-8")
    assert re.search(r"^theme: default$", text, re.M)
    config.write_text(re.sub(r"^theme: default$", "theme: werkstatt", text, flags=re.M), "utf-8")
    out = root.parent / "out"
    result = run_cli("build", root, "-o", out)
    assert result.code == 0, result.err
    return out


@pytest.fixture(scope="module")
def home(build: Path) -> _Home:
    parsed = _Home()
    parsed.feed((build / "index.html").read_text("utf-8"))
    return parsed


def test_the_css_the_home_page_loads_stays_under_25_kb(build: Path, home: _Home) -> None:
    assert any("werkstatt.css" in href for href in home.stylesheets), home.stylesheets
    sizes = {href: (build / href.split("?")[0].lstrip("/")).stat().st_size
             for href in home.stylesheets}
    assert sum(sizes.values()) < CSS_BUDGET, sizes


def test_the_home_page_sections_come_in_person_first_order(home: _Home) -> None:
    assert home.sections == PERSON_FIRST


def test_the_offers_are_cards_with_a_picture_each(build: Path, home: _Home) -> None:
    offers = sorted((EXAMPLE / "content" / "angebote").glob("*.md"))
    assert len(home.cards) == len(offers) > 0
    for source in offers:
        alt = re.search(r"^image_alt: (.+)$", source.read_text("utf-8"), re.M)
        assert alt, source
        card = next((c for c in home.cards if any(f"/angebote/{source.stem}/" in link
                                                   for link in c["links"])), None)
        assert card, f"no card links {source.stem}"
        assert card["pictures"] == ["picture"] and card["alts"] == [alt.group(1).strip()]


def test_the_heading_font_and_its_licence_are_shipped(build: Path) -> None:
    fonts = build / "fonts"
    assert (fonts / "league-spartan-bold-latin.woff2").is_file()
    assert "SIL OPEN FONT LICENSE" in (fonts / "LICENSE-LeagueSpartan.txt").read_text("utf-8")
    css = (build / "css" / "werkstatt.css").read_text("utf-8")
    assert "league-spartan-bold-latin.woff2" in css
