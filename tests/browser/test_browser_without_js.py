"""E. The site works without JavaScript: with it switched off, the home page shows the owner's
portrait and name, the contact page shows every contact channel of zuhause.yaml and (with
`form: netlify`) a form a visitor can fill in and send, and a phone visitor finds the way
from the home page to the contact page."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Browser

from browser_helpers import EXAMPLE_SITE, front_matter, owner, page_path, site_config


def _contact_page() -> str:
    """The site path of the page with `template: contact`."""
    sources = [p for p in (EXAMPLE_SITE / "content").rglob("*.md")
               if front_matter(p).get("template") == "contact"]
    assert len(sources) == 1, sources
    return page_path(sources[0])


@pytest.fixture
def no_js(visit: Callable) -> Callable[..., Any]:
    def open_page(url: str, **options: Any) -> Any:
        opened = visit(url, javascript=False, **options)
        assert opened.status == 200
        return opened

    return open_page


def test_javascript_really_is_off(browser: Browser) -> None:
    """In a context like `no_js` opens, a page's scripts do not run (Playwright's own
    evaluate() still does, and the tests use it to measure)."""
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.set_content('<p id="p">aus</p><script>document.getElementById("p").textContent="an"'
                         "</script>")
        assert page.locator("#p").inner_text() == "aus"
        assert page.evaluate("() => document.getElementById('p').textContent") == "aus"
    finally:
        context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_home_page_shows_portrait_and_name(no_js: Callable, site_url: str, width: int) -> None:
    person = owner()
    page = no_js(site_url, width=width, height=844).page
    portrait = page.locator(".home .hero img.portrait")
    name = page.locator(".home .hero h1.p-name")
    assert portrait.is_visible() and name.is_visible()
    assert portrait.evaluate("img => img.complete && img.naturalWidth > 0")
    assert portrait.get_attribute("alt") == person["portrait_alt"]
    assert name.inner_text().strip() == person["name"]
    # both in the first screenful: nothing has to be scrolled or clicked open to meet her
    for element in (portrait, name):
        box = element.bounding_box()
        assert box and box["width"] > 0 and box["height"] > 0 and box["y"] < 844, box


def test_contact_page_shows_every_channel_and_the_form(no_js: Callable, site_url: str) -> None:
    contact = site_config()["contact"]
    page = no_js(site_url + _contact_page(), width=390, height=844).page
    channels = page.locator(".contact-channels")
    assert channels.is_visible()
    email = channels.locator(f'a[href="mailto:{contact["email"]}"]')
    assert email.is_visible() and email.inner_text().strip() == contact["email"]
    digits = re.sub(r"[^\d+]", "", str(contact["phone"]))
    phone = channels.locator(f'a[href="tel:{digits}"]')
    assert phone.is_visible() and phone.inner_text().strip() == str(contact["phone"])
    text = channels.inner_text()
    for key in ("address", "hours"):
        if contact.get(key):
            assert str(contact[key]) in text, key
    if contact.get("form"):
        form = page.locator("form")
        assert form.count() == 1
        if contact["form"] == "netlify":
            assert form.get_attribute("data-netlify") == "true"
            hidden_name = form.locator('input[type="hidden"][name="form-name"]')
            assert hidden_name.get_attribute("value") == form.get_attribute("name")
        assert form.get_attribute("method") == "post"
        fields = form.locator("input:not([type=hidden]):not([tabindex='-1']), textarea")
        assert fields.count() >= 3
        for index in range(fields.count()):
            field = fields.nth(index)
            assert field.is_visible() and field.is_editable(), field
            label = field.evaluate("f => f.labels.length ? f.labels[0].innerText.trim() : ''")
            assert label, f"field {index} has no visible label"
        fields.first.fill("Erika Mustermann")  # typing works without JavaScript
        assert fields.first.input_value() == "Erika Mustermann"
        assert form.locator('button[type="submit"], input[type="submit"]').is_visible()


def test_a_phone_visitor_reaches_the_contact_page_without_javascript(
        no_js: Callable, site_url: str) -> None:
    page = no_js(site_url, width=390, height=844).page
    target = site_url + _contact_page()
    links = [link for link in page.locator("a").all()
             if link.evaluate("a => a.href") == target and link.is_visible()]
    assert links, "no visible link to the contact page"
    links[0].click()
    page.wait_for_url(target)
    assert page.locator(".contact-channels").is_visible()
