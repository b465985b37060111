"""Every page of the example site: valid HTML, no accessibility violations, nothing fetched
from other hosts, no console errors; in light and dark."""

from __future__ import annotations

from collections.abc import Callable

import pytest


def test_every_page_is_valid_html(vnu_errors: dict[str, list[str]], site_pages: list[str]) -> None:
    assert len(site_pages) >= 15
    assert vnu_errors == {}


def test_every_page_is_accessible_local_and_quiet(visit: Callable, site_url: str,
                                                 site_pages: list[str], axe: Callable) -> None:
    problems = {}
    for path in site_pages:
        opened = visit(site_url + path)
        violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in axe(opened.page)]
        found = {
            "status": opened.status if opened.status != 200 else None,
            "axe": violations,
            "external requests": opened.external,
            "console errors": opened.console_errors,
        }
        found = {k: v for k, v in found.items() if v}
        if found:
            problems[path or "/"] = found
        opened.page.context.close()
    assert problems == {}


@pytest.mark.parametrize("path", ["", "journal/holz-richtig-oelen/", "kontakt/", "ueber-uns/"])
def test_dark_mode_has_enough_contrast(visit: Callable, site_url: str, axe: Callable,
                                       path: str) -> None:
    opened = visit(site_url + path, color_scheme="dark")
    background = opened.page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background != "rgb(255, 255, 255)"  # the dark palette is in use
    assert [v["id"] for v in axe(opened.page)] == []


def test_axe_finds_a_planted_violation(visit: Callable, site_url: str, axe: Callable) -> None:
    """The accessibility check can fail: an image without alt text is reported."""
    page = visit(site_url).page
    page.evaluate("document.querySelector('.hero img').removeAttribute('alt')")
    assert "image-alt" in [v["id"] for v in axe(page)]


def test_html_checker_finds_a_planted_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The validity check can fail: a duplicate id and a stray end tag are reported."""
    import subprocess

    from site_support import VNU_JAR

    broken = tmp_path / "broken.html"
    broken.write_text('<!doctype html><html lang="de"><title>x</title><p id="a"></p>'
                      '<p id="a"></p></div></html>')
    result = subprocess.run(["java", "-jar", str(VNU_JAR), "--errors-only", str(broken)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "Duplicate ID" in result.stderr and "Stray end tag" in result.stderr
