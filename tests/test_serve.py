"""`zuhause serve`: safe by default, one save is one rebuild, live reload in a real browser,
the overlay for a broken build, a clean stop."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from support import MINIMAL_SITE, run_cli
from zuhause.serve import DevSession

SECRET = "streng geheim 4711"
SITE_WITH_CONTACT = MINIMAL_SITE + """
-- content/preise.md --
---
title: Preise
person: anna
---
Ein Brot kostet 4 €.
"""


@pytest.fixture
def session(site: Callable[..., Path], tmp_path: Path) -> Iterator[DevSession]:
    """A dev server on a free port for a small site; a secret file lies next to the site."""
    (tmp_path / "secret.txt").write_text(SECRET)
    root = site(SITE_WITH_CONTACT)
    (root / "geheim.txt").write_text(SECRET)
    dev = DevSession(root, port=0, log=lambda text: None)
    dev.start()
    yield dev
    dev.stop()


def raw_request(session: DevSession, target: str, host: str | None = None,
                method: str = "GET", headers: str = "") -> tuple[int, str, str]:
    """Send a request line exactly as written (clients would normalise `..` themselves)."""
    assert session.server is not None
    port = session.server.server_port
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        request = (f"{method} {target} HTTP/1.1\r\nHost: {host or f'127.0.0.1:{port}'}\r\n"
                   f"{headers}Connection: close\r\n\r\n")
        connection.sendall(request.encode("latin-1"))
        data = b""
        while chunk := connection.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ")[1])
    return status, head.decode("latin-1"), body.decode("utf-8", "replace")


TRAVERSALS = ["/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
              "/..%5c..%5csecret.txt", "/%252e%252e/secret.txt", "/.%00./secret.txt",
              "/..%2f..%2fsecret.txt", "//etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
              "/../../../../etc/passwd", "/geheim.txt", "/..;/secret.txt", "/%c0%ae%c0%ae/x",
              "/.zuhause-manifest.json", "/.nojekyll"]


@pytest.mark.parametrize("target", TRAVERSALS)
def test_traversal_and_hidden_files_get_404(session: DevSession, target: str) -> None:
    status, head, body = raw_request(session, target)
    assert status == 404
    assert SECRET not in body and "root:" not in body
    assert str(session.work) not in body and str(session.site) not in body


def test_pages_folders_types_and_the_sites_own_404(session: DevSession) -> None:
    status, head, body = raw_request(session, "/")
    assert status == 200 and "text/html; charset=utf-8" in head and "Anna Korn" in body
    assert "X-Content-Type-Options: nosniff" in head
    assert "Access-Control-Allow-Origin" not in head
    status, head, _ = raw_request(session, "/preise")
    assert status == 301 and "\r\nLocation: /preise/" in head + "\r\n"
    status, head, body = raw_request(session, "/preise/")
    assert status == 200 and "4\u00a0€" in body
    status, head, _ = raw_request(session, "/css/zuhause.css")
    assert status == 200 and "text/css" in head
    status, head, _ = raw_request(session, "/fonts/vollkorn-regular-latin.woff2")
    assert status == 200 and "font/woff2" in head
    status, head, body = raw_request(session, "/gibt-es-nicht/")
    assert status == 404 and "Diese Seite gibt es nicht" in body


@pytest.mark.parametrize("host, headers", [
    ("evil.example", ""), ("evil.example:80", ""),
    (None, "Origin: https://evil.example\r\n"),
])
def test_foreign_host_or_origin_is_refused(session: DevSession, host: str | None,
                                           headers: str) -> None:
    for target in ("/", "/__zuhause/events"):
        status, head, body = raw_request(session, target, host=host, headers=headers)
        assert status == 421 and "Unbekannter Host" in body
        assert "Access-Control-Allow-Origin" not in head


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "OPTIONS", "PATCH"])
def test_only_get_and_head(session: DevSession, method: str) -> None:
    status, head, body = raw_request(session, "/", method=method)
    assert status == 405 and "Allow: GET, HEAD" in head
    assert "nimmt nichts entgegen" in body and "not allowed" not in body


def test_too_many_tabs_is_said_in_the_sites_language(session: DevSession) -> None:
    events = session.state.events
    joined = 0
    while events.join():
        joined += 1
    try:
        status, _, body = raw_request(session, "/__zuhause/events")
    finally:
        for _ in range(joined):
            events.leave()
    assert status == 503 and "Zu viele offene Tabs" in body


def test_reload_endpoint_says_only_a_build_counter(session: DevSession) -> None:
    assert session.server is not None
    with socket.create_connection(("127.0.0.1", session.server.server_port), timeout=5) as sock:
        sock.sendall(f"GET /__zuhause/events HTTP/1.1\r\nHost: 127.0.0.1:"
                     f"{session.server.server_port}\r\n\r\n".encode())
        data = b""
        while b"\n\ndata:" not in data and not data.endswith(b"\n\n"):
            data += sock.recv(4096)
    head, _, body = data.decode().partition("\r\n\r\n")
    assert "text/event-stream" in head
    assert body.strip().splitlines() == ["event: build", f"data: {session.state.events.current.counter}"]


def test_build_output_never_has_the_reload_script(example_build: Path) -> None:
    for path in example_build.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".txt", ".css"):
            assert "__zuhause" not in path.read_text("utf-8"), path


def wait_until(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def test_one_burst_of_saves_is_one_rebuild_and_own_output_none(session: DevSession) -> None:
    page = session.site / "content" / "preise.md"
    before = session.builds
    for number in range(20):  # an editor's atomic save: write a temp file, rename over
        temporary = page.with_name(f".preise.md.{number}.tmp")
        temporary.write_text(f"---\ntitle: Preise\nperson: anna\n---\nBrot {number} €\n")
        temporary.replace(page)
    assert wait_until(lambda: session.builds == before + 1, 3)
    time.sleep(0.6)
    assert session.builds == before + 1
    assert run_cli("build", session.site).code == 0  # writes site/public, inside the watched site
    time.sleep(0.6)
    assert session.builds == before + 1


def open_page(browser: Browser, url: str) -> Page:
    return browser.new_context().new_page()


@pytest.fixture
def tab(browser: Browser, session: DevSession) -> Iterator[Page]:
    context = browser.new_context()
    page = context.new_page()
    page.goto(session.url + "preise/")
    page.wait_for_timeout(300)  # the event stream is open
    yield page
    context.close()


def test_markdown_change_shows_without_action(tab: Page, session: DevSession) -> None:
    (session.site / "content" / "preise.md").write_text(
        "---\ntitle: Preise\nperson: anna\n---\nEin Brot kostet jetzt 5 €.\n")
    tab.get_by_text("Ein Brot kostet jetzt 5").wait_for(timeout=2000)


def test_person_change_shows_without_action(tab: Page, session: DevSession) -> None:
    person = session.site / "people" / "anna.md"
    person.write_text(person.read_text().replace("Anna Korn", "Anna Korn-Weber"))
    tab.get_by_text("Anna Korn-Weber").first.wait_for(timeout=2000)


def test_template_change_shows_without_action(tab: Page, session: DevSession) -> None:
    (session.site / "templates").mkdir()
    (session.site / "templates" / "page.html").write_text(
        '{% extends "default:page.html" %}{% block before_content %}'
        '<p class="neu">Frisch aus der Vorlage</p>{% endblock %}')
    tab.get_by_text("Frisch aus der Vorlage").wait_for(timeout=2000)


def test_stylesheet_change_applies_without_a_page_reload(tab: Page, session: DevSession) -> None:
    tab.evaluate("window.zuhauseMarker = 'still the same page'")
    css = session.site / "static" / "css" / "zuhause.css"
    css.parent.mkdir(parents=True)
    theme_css = Path(__file__).resolve().parents[1] / "themes/default/static/css/zuhause.css"
    css.write_text(theme_css.read_text() + "\nbody { outline: 7px solid rgb(1, 2, 3); }\n")
    tab.wait_for_function("getComputedStyle(document.body).outlineWidth === '7px'", timeout=2000)
    assert tab.evaluate("window.zuhauseMarker") == "still the same page"


def test_broken_yaml_shows_overlay_and_fixing_it_clears_it(tab: Page, session: DevSession) -> None:
    page = session.site / "content" / "preise.md"
    good = page.read_text()
    page.write_text("---\ntitle: Preise: teuer\nperson: anna\n---\nText\n")
    overlay = tab.locator("#zuhause-problems")
    overlay.wait_for(timeout=2000)
    assert "content/preise.md:2:14" in overlay.inner_text()
    assert "Anführungszeichen" in overlay.inner_text()
    assert tab.get_by_text("Ein Brot kostet 4").is_visible()  # the last good page is still there
    page.write_text(good.replace("4 €", "6 €"))
    tab.get_by_text("Ein Brot kostet 6").wait_for(timeout=2000)
    assert tab.locator("#zuhause-problems").count() == 0


def test_ctrl_c_stops_cleanly(site: Callable[..., Path]) -> None:
    root = site()
    process = subprocess.Popen([sys.executable, "-m", "zuhause", "serve", str(root), "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line.startswith("Die Vorschau läuft unter http://127.0.0.1:")
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=15)
    assert process.returncode == 0
    assert "Traceback" not in err and "Beendet." in err


def test_host_rules_by_listening_address() -> None:
    from zuhause.devhttp import allowed_hosts
    assert allowed_hosts("127.0.0.1", 8000) == {"localhost:8000", "127.0.0.1:8000", "[::1]:8000"}
    assert "192.168.1.5:8000" in (allowed_hosts("192.168.1.5", 8000) or set())
    assert allowed_hosts("0.0.0.0", 8000) is None  # any Host; zuhause serve prints a warning


def test_the_server_builds_into_memory_when_there_is_room(site: Callable[..., Path],
                                                          tmp_path: Path) -> None:
    """Rewriting hundreds of pages on every save costs a disk more than memory: the server
    builds into a memory folder (here a stand-in) when it has room for the site, else into
    the system's temporary folder."""
    from zuhause.serve import ROOM, work_parent

    root = site()
    memory = tmp_path / "shm"
    memory.mkdir()
    assert work_parent(root, (memory,), free=lambda _: 10 * ROOM) == memory
    assert work_parent(root, (memory,), free=lambda _: ROOM) is None  # no room beside the site
    assert work_parent(root, (tmp_path / "missing",), free=lambda _: 10 * ROOM) is None
    memory.chmod(0o500)
    try:
        if not os.access(memory, os.W_OK):  # (root may write anyway)
            assert work_parent(root, (memory,), free=lambda _: 10 * ROOM) is None
    finally:
        memory.chmod(0o700)
    session = DevSession(root, port=0)
    try:
        expected = work_parent(root)
        assert session.work.parent == (expected if expected else Path(tempfile.gettempdir()))
    finally:
        session.stop()
