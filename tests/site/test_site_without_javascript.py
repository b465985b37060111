"""The site works without JavaScript: the person, the story and the ways to get in touch."""

from __future__ import annotations

from collections.abc import Callable


def test_home_and_contact_without_javascript(visit: Callable, site_url: str) -> None:
    home = visit(site_url, js=False).page
    assert home.locator(".hero img.u-photo").is_visible()
    assert home.locator(".hero h1").is_visible()
    assert home.locator(".invitation a[href^='mailto:']").first.is_visible()
    contact = visit(site_url + "kontakt/", js=False).page
    assert contact.locator("a[href^='tel:']").first.is_visible()
    assert contact.locator("form[data-netlify='true'] button[type='submit']").is_visible()
    assert contact.locator("script:not([type='application/ld+json'])").count() == 0
