"""The default theme's layout in Chromium, on the example site: on a desktop the home page reads
as a business, not as a blog (a wide frame, a large portrait beside the name, the story beside
the values, offers in a row of cards), other pages keep a readable text column with their
person beside it; on a phone the portrait stands beside the name and the offers come sooner.

The limits keep a margin from what was measured when this layout was made (the one-column "blog"
layout before it: home page 6,289 px tall at 1280 px, portrait 240 px, the sections 660 px wide,
the offers 4,069 px down on a 390 px phone; this layout: 4,034 px, 358 px, 1,152 px, 3,567 px).
Without the web font the pages come out shorter, so a late font cannot make these fail."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from browser_helpers import page_path, site_config
from support import EXAMPLE_SITE

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
MIN_PORTRAIT_WIDTH = 300  # CSS px of the home page's portrait at 1280 px (blog layout: 240)
MIN_CONTENT_WIDTH = 900  # CSS px the home page's sections span at 1280 px (blog layout: 660)
MAX_HOME_HEIGHT = 5000  # CSS px of the whole home page at 1280 px (blog layout: 6,289)
MAX_OFFERS_TOP_PHONE = 3850  # CSS px from the top to the offers at 390 px (before: 4,069)
MAX_LINE_WIDTH = 760  # CSS px of a paragraph: about 36em of the 20 px text, 65-75 characters

_BOX = """sel => [...document.querySelectorAll(sel)].map(el => {
    const r = el.getBoundingClientRect();
    return {top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right,
            width: r.width};
})"""


def boxes(page: Any, selector: str) -> list[dict[str, float]]:
    """Where every element matching `selector` is, in CSS pixels from the top of the page."""
    found: list[dict[str, float]] = page.evaluate(_BOX, selector)
    assert found, f"nothing matches {selector}"
    return found


def test_the_example_site_shows_the_default_theme() -> None:
    assert site_config()["theme"] == "default"


def test_the_home_page_on_a_desktop_uses_the_width(visit: Callable[..., Any], site_url: str) -> None:
    page = visit(site_url, **DESKTOP).page
    portrait = boxes(page, '[data-section="person"] img')[0]
    name = boxes(page, '[data-section="person"] h1')[0]
    assert portrait["width"] >= MIN_PORTRAIT_WIDTH, portrait
    assert name["left"] >= portrait["right"], "the name stands beside the portrait, not below it"
    sections = boxes(page, ".home > section")
    span = max(s["right"] for s in sections) - min(s["left"] for s in sections)
    assert span >= MIN_CONTENT_WIDTH, f"the home page's sections span {span} px"
    story, values = boxes(page, '[data-section="story"]')[0], boxes(page, '[data-section="values"]')[0]
    assert values["left"] >= story["right"] and values["top"] == story["top"], (story, values)
    widest = max(p["width"] for p in boxes(page, '[data-section="story"] p'))
    assert widest <= MAX_LINE_WIDTH, f"the story's lines are {widest} px long"
    for section in ("offers", "journal"):
        cards = boxes(page, f'[data-section="{section}"] .teaser')
        first_row = [c for c in cards if c["top"] == cards[0]["top"]]
        assert len(first_row) >= min(3, len(cards)), f"{section}: {cards}"
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < MAX_HOME_HEIGHT, f"the home page is {height} px tall at 1280 px"


def test_pages_on_a_desktop_keep_a_reading_column_with_their_person_beside_it(
        visit: Callable[..., Any], site_url: str) -> None:
    for source in [EXAMPLE_SITE / "content" / "werkstatt.md", EXAMPLE_SITE / "content" / "kontakt.md"]:
        page = visit(site_url + page_path(source), **DESKTOP).page
        widest = max(p["width"] for p in boxes(page, "main .content p"))
        assert 400 <= widest <= MAX_LINE_WIDTH, f"{source.name}: lines {widest} px long"
    page = visit(site_url + page_path(EXAMPLE_SITE / "content" / "werkstatt.md"), **DESKTOP).page
    text, person = boxes(page, "main > .page")[0], boxes(page, "main > .person-box")[0]
    assert person["left"] > text["right"] and person["top"] <= text["top"] + 1, (text, person)


def test_on_a_phone_the_portrait_stands_beside_the_name_and_the_offers_come_sooner(
        visit: Callable[..., Any], site_url: str) -> None:
    page = visit(site_url, **PHONE).page
    portrait = boxes(page, '[data-section="person"] img')[0]
    name = boxes(page, '[data-section="person"] h1')[0]
    assert name["left"] >= portrait["right"] and name["top"] < portrait["bottom"], (portrait, name)
    offers = boxes(page, '[data-section="offers"]')[0]
    assert offers["top"] < MAX_OFFERS_TOP_PHONE, f"the offers start {offers['top']} px down"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
