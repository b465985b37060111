"""Fixtures for checking the built example site as browsers, validators and crawlers meet it.

The build comes from `example_build` (tests/conftest.py, once per session, base URL
https://example.org/repo/); Chromium from `browser` (tests/conftest.py, once per session,
Debian's /usr/bin/chromium). Here: the build served under /repo/ as GitHub Pages serves a
project site, a page opener that blocks and records third-party requests and console errors,
one visit of every page with axe-core, and one Nu HTML checker run over the whole build.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Response, Route

from browser_helpers import (
    LOAD_EVERYTHING,
    LOCAL_HOSTS,
    PREFIX,
    PageReport,
    built_pages,
    report_pages,
    vnu_command,
    vnu_messages,
)
from static_host import serve


@pytest.fixture(scope="session")
def site_url(example_build: Path, vnu_run: Any) -> Iterator[str]:
    """The example build served in-process at http://127.0.0.1:PORT/repo/ (and the Nu
    checker started in the background, see `vnu_run`)."""
    with serve(example_build, PREFIX) as url:
        yield url


@pytest.fixture(scope="session")
def pages(example_build: Path) -> list[str]:
    """Every page of the build (every index.html and 404.html) as a path below the site root."""
    found = built_pages(example_build)
    assert "" in found and "404.html" in found, found
    return found


@dataclass
class Visit:
    """A page opened in its own browser context, and what it did on the way."""
    page: Page
    status: int | None = None
    requests: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)  # requests to other hosts (aborted)
    failed: list[str] = field(default_factory=list)  # local responses with status >= 400
    console_errors: list[str] = field(default_factory=list)
    loaded_bytes: int = 0  # the bodies of every response, by their Content-Length


def open_in(browser: Browser, url: str, *, width: int = 1280, height: int = 800,
            color_scheme: str = "light", javascript: bool = True) -> Visit:
    """Open `url` in a new context; requests to any host but the local one are aborted and
    recorded, console errors and uncaught exceptions recorded. Waits for the load event and
    the web fonts, and makes lazy images load so that every image request really happens."""
    context = browser.new_context(viewport={"width": width, "height": height},
                                  color_scheme=color_scheme,  # type: ignore[arg-type]
                                  java_script_enabled=javascript)
    page = context.new_page()
    visit = Visit(page)

    def guard(route: Route) -> None:
        visit.requests.append(route.request.url)
        if urlsplit(route.request.url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            visit.external.append(route.request.url)
            route.abort()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            visit.console_errors.append(f"console.error: {message.text} ({message.location})")

    def on_response(response: Response) -> None:
        main_document = (response.request.is_navigation_request()
                         and response.frame == page.main_frame)
        if response.status >= 400 and not main_document:
            visit.failed.append(f"{response.status} {response.url}")
        visit.loaded_bytes += int(response.headers.get("content-length") or len(response.body()))

    context.route("**/*", guard)
    page.on("console", on_console)
    page.on("pageerror", lambda error: visit.console_errors.append(f"pageerror: {error}"))
    page.on("response", on_response)
    response = page.goto(url, wait_until="load")
    visit.status = response.status if response else None
    # Playwright's evaluate works with the page's JavaScript disabled, too.
    page.evaluate(LOAD_EVERYTHING)
    return visit


@pytest.fixture
def visit(browser: Browser) -> Iterator[Callable[..., Visit]]:
    """`visit(url, width=1280, height=800, color_scheme="light", javascript=True)`; contexts
    are closed after the test."""
    opened: list[Visit] = []

    def open_page(url: str, **options: Any) -> Visit:
        opened.append(open_in(browser, url, **options))
        return opened[-1]

    yield open_page
    for one in opened:
        one.page.context.close()


@pytest.fixture(scope="session")
def page_reports(browser: Browser, site_url: str, pages: list[str]) -> dict[str, PageReport]:
    """Every page of the build visited once in one tab and checked (`report_pages`)."""
    return report_pages(browser, site_url, pages)


CANARY_HTML = ('<!doctype html><html lang="de"><title>Kanarienvogel</title>'
               '<p id="a">eins</p><p id="a">zwei</p></div></html>\n')
CANARY_CSS = "p { colr: red; }\n"


@pytest.fixture(scope="session")
def vnu_run(example_build: Path, tmp_path_factory: pytest.TempPathFactory
            ) -> Iterator[tuple[subprocess.Popen[bytes], Path, Path]]:
    """The Nu HTML checker started in the background: one JVM run over the whole build (its
    HTML, and its CSS with --also-check-css) plus two planted canaries that must be reported,
    which shows that the run really checked something. `site_url` starts it, so that the JVM
    (~4 s) works while the crawl and the browser do."""
    work = tmp_path_factory.mktemp("vnu")
    canaries = work / "canaries"
    canaries.mkdir()
    (canaries / "canary.html").write_text(CANARY_HTML, "utf-8")
    (canaries / "canary.css").write_text(CANARY_CSS, "utf-8")
    with open(work / "stdout.json", "wb") as stdout, open(work / "stderr.txt", "wb") as stderr:
        process = subprocess.Popen(
            vnu_command(example_build, canaries / "canary.html", canaries / "canary.css"),
            stdout=stdout, stderr=stderr)
    yield process, work, canaries
    if process.poll() is None:
        process.kill()
        process.wait()


@pytest.fixture(scope="session")
def vnu_report(vnu_run: tuple[subprocess.Popen[bytes], Path, Path],
               example_build: Path) -> dict[str, Any]:
    """The Nu HTML checker's errors: {"build": {path: [messages]}, "canary.html": [...],
    "canary.css": [...]}."""
    process, work, canaries = vnu_run
    process.wait(timeout=300)
    result = subprocess.CompletedProcess(process.args, process.returncode,
                                         (work / "stdout.json").read_text("utf-8"),
                                         (work / "stderr.txt").read_text("utf-8"))
    assert result.returncode in (0, 1), result.stderr
    report: dict[str, Any] = {"build": {}, "canary.html": [], "canary.css": []}
    for message in vnu_messages(result.stdout):
        if "url" not in message:  # a message about the run itself, not about a file
            report["build"].setdefault("(no file)", []).append(message)
            continue
        file = Path(unquote(urlsplit(message["url"]).path))
        if file.parent == canaries:
            report[file.name].append(message)
        else:
            path = file.relative_to(example_build).as_posix()
            report["build"].setdefault(path, []).append(message)
    return report
