"""B. Every page of the example site (every index.html and 404.html of the build) is valid HTML
for the Nu HTML checker, has no axe-core violations in Chromium, asks nothing of any host but
its own, and logs no console errors; in dark mode the colours keep enough contrast."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from browser_helpers import (
    axe_audit,
    axe_violations,
    contrast_findings,
    describe_violations,
    journal_posts,
    page_path,
    real_css_errors,
)


def _lines(messages: list[dict[str, Any]]) -> list[str]:
    return [f"line {m.get('lastLine')}: {m['message']} [{m.get('extract', '')!r}]"
            for m in messages]


# --- Nu HTML checker ------------------------------------------------------------------------

def test_every_page_is_valid_html(vnu_report: dict[str, Any], pages: list[str]) -> None:
    html_errors = {path: _lines(messages) for path, messages in vnu_report["build"].items()
                   if not path.endswith(".css")}
    assert html_errors == {}


def test_the_html_checker_reports_the_planted_errors(vnu_report: dict[str, Any]) -> None:
    """The same JVM run found the duplicate id and the stray end tag of a planted page, so an
    empty report for the build means the build was checked and is clean."""
    messages = " ".join(m["message"] for m in vnu_report["canary.html"])
    assert "Duplicate ID" in messages and "Stray end tag" in messages
    assert "colr" in " ".join(m["message"] for m in vnu_report["canary.css"])


def test_the_style_sheets_are_valid_css(vnu_report: dict[str, Any], example_build: Path) -> None:
    """The Nu checker's CSS errors, except its own gaps with valid modern CSS
    (`real_css_errors`)."""
    errors = {}
    for path, messages in vnu_report["build"].items():
        if not path.endswith(".css"):
            continue
        real = real_css_errors((example_build / path).read_text("utf-8"), messages)
        if real:
            errors[path] = _lines(real)
    assert errors == {}


# --- every page in Chromium -----------------------------------------------------------------

def test_every_page_was_visited(page_reports: dict[str, Any], pages: list[str]) -> None:
    assert len(pages) >= 10 and set(page_reports) == set(pages)
    assert {path: r.status for path, r in page_reports.items() if r.status != 200} == {}


def test_no_axe_violations_on_any_page(page_reports: dict[str, Any]) -> None:
    """axe's default rules, and no text whose contrast axe could not measure (axe alone skips
    text on a gradient silently, as "incomplete")."""
    assert {path: r.axe for path, r in page_reports.items() if r.axe} == {}


def test_no_request_leaves_the_local_server(page_reports: dict[str, Any]) -> None:
    """Nothing is fetched from another host (fonts are self-hosted, no trackers), and nothing
    the page fetches from its own server fails."""
    assert {path: r.external for path, r in page_reports.items() if r.external} == {}
    assert {path: r.failed for path, r in page_reports.items() if r.failed} == {}
    assert {path: r.broken_images for path, r in page_reports.items() if r.broken_images} == {}


def test_no_console_errors_on_any_page(page_reports: dict[str, Any]) -> None:
    assert {path: r.console_errors for path, r in page_reports.items() if r.console_errors} == {}


def test_dark_mode_keeps_enough_contrast_on_every_page(page_reports: dict[str, Any]) -> None:
    assert all(r.dark_mode for r in page_reports.values())
    assert {path: r.dark_contrast for path, r in page_reports.items() if r.dark_contrast} == {}


def test_no_page_scrolls_sideways_at_320_px(page_reports: dict[str, Any]) -> None:
    """WCAG 1.4.10 (reflow): at 320 CSS px nothing needs scrolling in two directions."""
    assert {path: r.overflow_320 for path, r in page_reports.items() if r.overflow_320 > 0} == {}


def _home_and_a_post() -> list[str]:
    return ["", page_path(journal_posts()[0])]


@pytest.mark.parametrize("path", _home_and_a_post())
def test_dark_mode_keeps_enough_contrast(visit: Callable, site_url: str, path: str) -> None:
    opened = visit(site_url + path, color_scheme="dark")
    assert opened.status == 200
    page = opened.page
    assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    violations = axe_violations(page, {"runOnly": {"type": "rule", "values": ["color-contrast"]}})
    assert describe_violations(violations) == []
    assert contrast_findings(page) == []  # ... and no text left unmeasured
    assert opened.console_errors == [] and opened.external == []


# --- the checks can fail --------------------------------------------------------------------

def test_the_checks_notice_planted_faults(visit: Callable, site_url: str) -> None:
    """axe reports an image without alt text, grey-on-grey text and pale footer links (on the
    header's and footer's hairline gradient, which axe alone leaves unmeasured); the request
    guard aborts and records a font from another host; console errors and uncaught exceptions
    are recorded."""
    opened = visit(site_url)
    page = opened.page
    page.evaluate("""() => {
        document.querySelector('.hero img').removeAttribute('alt');
        const p = document.createElement('p');
        p.textContent = 'Kaum lesbar'; p.style.cssText = 'color:#777;background:#888';
        document.querySelector('main').append(p);
        for (const a of document.querySelectorAll('.site-footer a')) a.style.color = '#b0b0b0';
        const font = new FontFace('Fremd', 'url(https://fonts.example.com/fremd.woff2)');
        font.load().catch(() => {});
        console.error('geplanter Fehler');
        setTimeout(() => { throw new Error('geplante Ausnahme'); });
    }""")
    page.wait_for_timeout(200)
    assert {"image-alt", "color-contrast"} <= {v["id"] for v in axe_violations(page)}
    findings = axe_audit(page)
    assert any(f.startswith("color-contrast") and "#b0b0b0" in f for f in findings), findings
    assert opened.external == ["https://fonts.example.com/fremd.woff2"]
    assert any("geplanter Fehler" in e for e in opened.console_errors)
    assert any("geplante Ausnahme" in e for e in opened.console_errors)
