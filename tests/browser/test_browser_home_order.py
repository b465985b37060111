"""A. The person comes first: on the home page the owner's portrait and name come before the
story, the values, the invitation and the offers, in the DOM and on screen, at 390 px (a phone)
and 1280 px (a desktop), in headless Chromium."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

from browser_helpers import owner
from zuhause.urls import slugify

PERSON = {"portrait": ".home .hero img.portrait", "name": ".home .hero h1.p-name"}
# What comes after the person, in the product's order (PRODUCT.md: the story, then the values,
# then a personal invitation to get in touch, and only then the offers).
AFTER = [".home .story", ".home .values", ".home .invitation", ".home .offers"]

_MEASURE = """([person, after]) => {
  const box = el => { const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    return {top: r.top + scrollY, bottom: r.bottom + scrollY, width: r.width, height: r.height,
            shown: s.display !== 'none' && s.visibility !== 'hidden' && Number(s.opacity) > 0}; };
  const one = sel => { const all = document.querySelectorAll(sel);
    return all.length === 1 ? all[0] : null; };
  const follows = (a, b) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING)
                            && !a.contains(b) && !b.contains(a);
  const result = {person: {}, after: {}, counts: {}};
  for (const [key, sel] of Object.entries(person)) {
    const el = one(sel); result.counts[sel] = document.querySelectorAll(sel).length;
    if (el) result.person[key] = {...box(el), text: el.textContent.trim(),
      src: el.currentSrc || el.getAttribute('src'), loaded: el.tagName !== 'IMG' || el.naturalWidth > 0};
  }
  const people = Object.values(person).map(one);
  for (const sel of after) {
    const el = one(sel); result.counts[sel] = document.querySelectorAll(sel).length;
    if (el) result.after[sel] = {...box(el),
      dom_after_person: people.every(p => p && follows(p, el))};
  }
  const sections = after.map(one);
  result.dom_sequence = sections.every((el, i) =>
    i === 0 || (el && sections[i - 1] && follows(sections[i - 1], el)));
  return result;
}"""


def person_first_problems(page: Page) -> list[str]:
    """Everything on the open home page that breaks "the person comes first"."""
    found: dict[str, Any] = page.evaluate(_MEASURE, [PERSON, AFTER])
    problems = [f"{sel} occurs {n} times, expected once" for sel, n in found["counts"].items()
                if n != 1]
    if problems:
        return problems
    person = found["person"]
    for key, box in person.items():
        if not (box["shown"] and box["width"] > 0 and box["height"] > 0):
            problems.append(f"the {key} is not rendered: {box}")
    if not person["portrait"]["loaded"]:
        problems.append(f"the portrait {person['portrait']['src']} did not load")
    for sel, box in found["after"].items():
        if not (box["shown"] and box["height"] > 0):
            problems.append(f"{sel} is not rendered: {box}")
        if not box["dom_after_person"]:
            problems.append(f"{sel} is not after the portrait and the name in the DOM")
        for key in ("portrait", "name"):
            if not person[key]["top"] < box["top"]:
                problems.append(f"on screen, {sel} (top {box['top']:.0f}) is not below the top of "
                                f"the {key} (top {person[key]['top']:.0f})")
    if not found["dom_sequence"]:
        problems.append(f"the DOM order is not {AFTER}")
    tops = [found["after"][sel]["top"] for sel in AFTER]
    if tops != sorted(tops):
        problems.append(f"on screen the order is not {AFTER}: tops {tops}")
    return problems


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 800)])
def test_portrait_and_name_come_before_story_values_invitation_offers(
        visit: Callable, site_url: str, width: int, height: int) -> None:
    opened = visit(site_url, width=width, height=height)
    assert opened.status == 200
    assert person_first_problems(opened.page) == []
    # ... and it is the owner's face and name, the person content/index.md names.
    person = owner()
    page = opened.page
    assert page.locator(PERSON["name"]).inner_text().strip() == person["name"]
    src = page.locator(PERSON["portrait"]).get_attribute("src") or ""
    # the portrait as the image pipeline made it: media/<name>-<hash>-<width>.jpg
    stem = PurePosixPath(person["portrait"]).stem
    assert re.search(rf"/media/{re.escape(slugify(stem))}-[0-9a-f]{{10}}-\d+\.jpg$",
                     urlsplit(src).path), src
    assert page.locator(PERSON["portrait"]).get_attribute("alt") == person["portrait_alt"]
    if person.get("greeting"):  # "the owner's face, name and a greeting before anything else"
        greeting = page.locator(".home .hero .greeting")
        assert greeting.inner_text().strip() == person["greeting"]
        assert greeting.evaluate("(g, s) => g.getBoundingClientRect().top < "
                                 "document.querySelector(s).getBoundingClientRect().top", AFTER[0])


def test_the_order_check_notices_sections_moved_on_screen_or_in_the_dom(
        visit: Callable, site_url: str) -> None:
    """CSS alone (flex order) can put the offers above the person: the DOM is fine, the screen
    is not, and the check must see that. Then the offers moved in the DOM."""
    page = visit(site_url, width=390, height=844).page
    style = page.add_style_tag(content=".home { display: flex; flex-direction: column; } "
                                       ".home .offers { order: -1; }")
    problems = person_first_problems(page)
    assert problems and all("on screen" in p for p in problems), problems
    style.evaluate("s => s.remove()")
    assert person_first_problems(page) == []
    page.evaluate("document.querySelector('.home').prepend(document.querySelector('.home .offers'))")
    problems = person_first_problems(page)
    assert any(".offers is not after the portrait and the name in the DOM" in p for p in problems)
    assert any("on screen, .home .offers" in p for p in problems)
