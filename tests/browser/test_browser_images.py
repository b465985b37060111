"""Photos on a phone: at 390 px and a device pixel ratio of 2 the home page loads a portrait no
wider than it needs, all its images together stay light, and nothing jumps while they load."""

from __future__ import annotations

import math
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, Response

MAX_HOME_IMAGE_BYTES = 150 * 1024

_LAYOUT_SHIFT = """() => new Promise(done => {
    let total = 0;
    new PerformanceObserver(list => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
    }).observe({type: 'layout-shift', buffered: true});
    setTimeout(() => done(total), 500);
})"""

_PORTRAIT = """() => {
    const img = document.querySelector('[data-section="person"] img, main img.u-photo');
    const source = img.closest('picture')?.querySelector('source[type]');
    const srcset = (source && source.srcset) || img.srcset || '';
    const candidates = srcset.split(',').map(s => s.trim().split(/\\s+/))
        .map(([url, width]) => ({url: new URL(url, location.href).href, width: parseInt(width)}));
    const chosen = candidates.find(c => c.url === img.currentSrc);
    return {rendered: img.getBoundingClientRect().width, current: img.currentSrc,
            loaded: chosen ? chosen.width : 0, widths: candidates.map(c => c.width)};
}"""

_SCROLL_THROUGH = """async () => {
    for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) {
        scrollTo(0, y);
        await new Promise(done => setTimeout(done, 30));
    }
    await Promise.all([...document.images].map(img => img.complete ? null : new Promise(done => {
        img.addEventListener('load', done); img.addEventListener('error', done); })));
}"""


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A phone-sized page: 390 x 844 CSS pixels at a device pixel ratio of 2."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    yield context.new_page()
    context.close()


def test_the_home_page_on_a_phone_loads_light_images_and_does_not_shift(
        phone: Page, site_url: str) -> None:
    images: dict[str, int] = {}

    def on_response(response: Response) -> None:
        if response.request.resource_type == "image" and response.ok:
            images[response.url] = int(response.headers.get("content-length", "0"))

    phone.on("response", on_response)
    phone.goto(site_url, wait_until="load")
    shift = phone.evaluate(_LAYOUT_SHIFT)
    portrait = phone.evaluate(_PORTRAIT)
    phone.evaluate(_SCROLL_THROUGH)  # every image of the page, lazy ones included
    phone.wait_for_load_state("networkidle")

    assert shift == 0, f"layout shift score {shift}"

    needed = portrait["rendered"] * 2
    assert portrait["widths"], f"the portrait has no srcset: {portrait}"
    big_enough = [w for w in portrait["widths"] if w >= math.floor(needed)]
    no_wider_than = min(big_enough) if big_enough else max(portrait["widths"])
    assert 0 < portrait["loaded"] <= no_wider_than, portrait

    assert images and all(images.values()), images  # every image counted with its real size
    total = sum(images.values())
    assert total < MAX_HOME_IMAGE_BYTES, {url: size for url, size in images.items()}
