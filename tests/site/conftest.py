"""Fixtures for checking the built example site as visitors and validators meet it: served
under /repo/ (as GitHub Pages serves a project site), one Chromium per session, axe-core and
the Nu HTML checker."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

from site_support import LOCAL_HOSTS, PREFIX, axe_violations, vnu_check


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the folder under /repo/ only; everything else is 404, like a project site."""

    def translate_path(self, path: str) -> str:
        request_path = urlsplit(path).path
        if not (request_path + "/").startswith(PREFIX):
            return ""
        return super().translate_path("/" + request_path[len(PREFIX):])

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
        pass


@pytest.fixture(scope="session")
def site_url(example_build: Path) -> Iterator[str]:
    """The example site served at http://127.0.0.1:PORT/repo/."""
    handler = functools.partial(_SubPathHandler, directory=str(example_build))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}{PREFIX}"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(scope="session")
def site_pages(example_build: Path) -> list[str]:
    """Every HTML page of the build, as paths below the site root ('' for the home page)."""
    pages = []
    for path in sorted(example_build.rglob("*.html")):
        relative = path.relative_to(example_build).as_posix()
        pages.append(relative.removesuffix("index.html"))
    return pages


class Visit:
    """A page opened in a fresh browser context, with what it asked of the network and console."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.requests: list[str] = []
        self.external: list[str] = []
        self.console_errors: list[str] = []
        self.status = 0


@pytest.fixture
def visit(browser: Browser) -> Iterator[Callable[..., Visit]]:
    """Open a URL in a new context: `visit(url, width=1280, color_scheme="light", js=True)`.

    Requests to any host but the local server are aborted and recorded.
    """
    contexts = []

    def open_page(url: str, width: int = 1280, height: int = 900, color_scheme: str = "light",
                  js: bool = True) -> Visit:
        context = browser.new_context(viewport={"width": width, "height": height},
                                      color_scheme=color_scheme,  # type: ignore[arg-type]
                                      java_script_enabled=js)
        contexts.append(context)
        page = context.new_page()
        result = Visit(page)

        def guard(route: Any) -> None:
            result.requests.append(route.request.url)
            if urlsplit(route.request.url).hostname in LOCAL_HOSTS:
                route.continue_()
            else:
                result.external.append(route.request.url)
                route.abort()

        context.route("**/*", guard)
        page.on("console", lambda m: m.type == "error" and result.console_errors.append(m.text))
        page.on("pageerror", lambda e: result.console_errors.append(str(e)))
        response = page.goto(url, wait_until="load")
        assert response is not None
        result.status = response.status
        return result

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def axe() -> Callable[[Page], list[dict[str, Any]]]:
    """The axe-core check as a fixture."""
    return axe_violations


@pytest.fixture(scope="session")
def vnu_errors(example_build: Path) -> dict[str, list[str]]:
    """The Nu HTML checker's errors for every HTML file, from one run over the whole build."""
    return vnu_check(example_build)
