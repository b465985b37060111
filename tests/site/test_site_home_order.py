"""The person comes first: on the home page the portrait and name come before the story,
values, invitation and offers, in the DOM and on screen, on a phone and on a desktop."""

from __future__ import annotations

from collections.abc import Callable

import pytest

AFTER_THE_PERSON = [".story", ".values", ".invitation", ".offers"]


@pytest.mark.parametrize("width", [390, 1280])
def test_person_before_story_values_invitation_offers(visit: Callable, site_url: str,
                                                      width: int) -> None:
    page = visit(site_url, width=width).page
    portrait = page.locator(".hero img.u-photo")
    name = page.locator(".hero h1.p-name")
    assert name.inner_text().strip()
    person_boxes = [portrait.bounding_box(), name.bounding_box()]
    assert all(box and box["width"] > 0 and box["height"] > 0 for box in person_boxes)
    person_bottom_top = max(box["y"] for box in person_boxes if box)
    for selector in AFTER_THE_PERSON:
        section = page.locator(selector).first
        box = section.bounding_box()
        assert box is not None, selector
        assert box["y"] > person_bottom_top, f"{selector} is above the person at {width}px"
        for locator in (portrait, name):
            follows = locator.evaluate(
                "(el, sel) => Boolean(el.compareDocumentPosition(document.querySelector(sel))"
                " & Node.DOCUMENT_POSITION_FOLLOWING)", selector)
            assert follows, f"{selector} comes before the person in the DOM"
    ordered = page.evaluate(
        "sels => sels.map(s => document.querySelector(s).getBoundingClientRect().top)",
        AFTER_THE_PERSON)
    assert ordered == sorted(ordered), "story, values, invitation, offers are out of order"
