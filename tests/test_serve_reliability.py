"""`zuhause serve` outlives what attackers and careless owners do: rebuilds that crash or hang,
slow and silent clients, many clients at once, a second Host line, a tab closed mid-answer."""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from test_serve import SITE_WITH_CONTACT, raw_request, wait_until

import zuhause.serve
from zuhause.devhttp import WORKERS
from zuhause.serve import DevSession

CRASHES: dict[str, type[BaseException]] = {
    "ABSTURZ-REKURSION": RecursionError, "ABSTURZ-WERT": ValueError,
    "ABSTURZ-SPEICHER": MemoryError, "ABSTURZ-ENDE": SystemExit,
}
HEAD_TIMEOUT = 1.0


class FlakyBuild:
    """`build_site`, except that markers in content/preise.md make it crash or hang."""

    def __init__(self) -> None:
        self.real = zuhause.serve.build_site
        self.hanging = threading.Event()
        self.release = threading.Event()

    def __call__(self, site: Path, *args: Any, **kwargs: Any) -> Any:
        text = (site / "content" / "preise.md").read_text("utf-8")
        for marker, error in CRASHES.items():
            if marker in text:
                raise error(marker)
        if "LANGSAM" in text:
            self.hanging.set()
            self.release.wait(20)
        return self.real(site, *args, **kwargs)


@pytest.fixture
def flaky(monkeypatch: pytest.MonkeyPatch) -> FlakyBuild:
    build = FlakyBuild()
    monkeypatch.setattr(zuhause.serve, "build_site", build)
    return build


@pytest.fixture
def log() -> list[str]:
    return []


@pytest.fixture
def session(site: Callable[..., Path], flaky: FlakyBuild, log: list[str]) -> Iterator[DevSession]:
    """A dev server with a short head timeout, whose builds crash or hang on request."""
    dev = DevSession(site(SITE_WITH_CONTACT), port=0, log=log.append, head_timeout=HEAD_TIMEOUT)
    dev.start()
    yield dev
    flaky.release.set()
    dev.stop()


def save(session: DevSession, text: str) -> None:
    (session.site / "content" / "preise.md").write_text(
        f"---\ntitle: Preise\nperson: anna\n---\n{text}\n", "utf-8")


def page(session: DevSession) -> str:
    status, _, body = raw_request(session, "/preise/")
    assert status == 200
    return body


def save_and_wait(session: DevSession, text: str) -> str:
    """Save the page, wait for the rebuild's reload event, return the page as served then."""
    counter = session.state.events.current.counter
    save(session, text)
    assert wait_until(lambda: session.state.events.current.counter > counter, 5)
    return page(session)


def test_any_crash_in_a_rebuild_shows_the_banner_and_the_next_good_save_recovers(
        session: DevSession, log: list[str], capfd: pytest.CaptureFixture[str]) -> None:
    last_good = "Ein Brot kostet 4"
    for number, (marker, error) in enumerate(CRASHES.items()):
        body = save_and_wait(session, marker)
        assert 'id="zuhause-problems"' in body and "interner Fehler" in body
        assert error.__name__ in body and "Traceback" not in body
        assert last_good in body  # the last good version is still served
        assert any(error.__name__ in line and "interner Fehler" in line for line in log)
        last_good = f"Brot Nummer {number}"
        body = save_and_wait(session, last_good)
        assert last_good in body and 'id="zuhause-problems"' not in body
    assert "Traceback" not in "\n".join(log) + capfd.readouterr().err


def test_a_hanging_rebuild_does_not_block_requests_and_saves_meanwhile_make_one_more_build(
        session: DevSession, flaky: FlakyBuild) -> None:
    before = session.builds
    save(session, "LANGSAM")
    assert flaky.hanging.wait(5)
    started = time.monotonic()
    assert "Ein Brot kostet 4" in page(session)  # the last good snapshot, while the build hangs
    assert time.monotonic() - started < 1
    for number in range(3):
        save(session, f"Brot Nummer {number} während des Bauens")
        time.sleep(0.2)  # three separate saves, not one burst
    flaky.release.set()
    assert wait_until(lambda: "Brot Nummer 2 während" in page(session), 5)
    time.sleep(0.6)  # nothing else is pending: no further build may follow
    assert session.builds == before + 2


def trickle(sockets: list[socket.socket], stop: threading.Event) -> None:
    """Send one more byte of a request head on each socket every 0.1 s."""
    while not stop.wait(0.1):
        for sock in sockets:
            try:
                sock.send(b"X")
            except OSError:
                pass


def closed_by_server(sock: socket.socket) -> bool:
    """Whether the server has closed this connection (with or without an answer)."""
    sock.settimeout(1)
    try:
        return sock.recv(1) == b""
    except ConnectionResetError:
        return True


def test_200_slow_or_silent_clients_neither_delay_a_request_nor_take_threads(
        session: DevSession) -> None:
    assert session.server is not None
    port = session.server.server_port
    threads_before = threading.active_count()
    slow = [socket.create_connection(("127.0.0.1", port)) for _ in range(100)]
    silent = [socket.create_connection(("127.0.0.1", port)) for _ in range(100)]
    for sock in slow:
        sock.sendall(f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Langsam: ".encode())
    stop = threading.Event()
    trickler = threading.Thread(target=trickle, args=(slow, stop))
    trickler.start()
    try:
        assert wait_until(lambda: session.server is not None and session.server.gate.waiting
                          == 200, 2)
        started = time.monotonic()
        status, _, body = raw_request(session, "/preise/")
        assert time.monotonic() - started < 1
        assert status == 200 and "Ein Brot kostet 4" in body
        assert threading.active_count() <= threads_before + WORKERS + 1  # +1: the trickler
        # the deadline counts the whole head: clients sending a byte every 0.1 s are cut off too
        assert wait_until(lambda: session.server is not None and session.server.gate.waiting
                          == 0, HEAD_TIMEOUT + 1.5)
        for sock in silent:
            assert sock.recv(1) == b""
        for sock in slow:
            assert closed_by_server(sock)
    finally:
        stop.set()
        trickler.join()
        for sock in slow + silent:
            sock.close()


def test_a_burst_of_connections_is_queued_not_dropped(session: DevSession) -> None:
    assert session.server is not None
    assert session.server.request_queue_size >= 64  # 512, as nginx
    results: list[tuple[int, float]] = []

    def fetch() -> None:
        started = time.monotonic()
        status, _, _ = raw_request(session, "/css/zuhause.css")
        results.append((status, time.monotonic() - started))

    clients = [threading.Thread(target=fetch) for _ in range(100)]
    for client in clients:
        client.start()
    for client in clients:
        client.join()
    assert [status for status, _ in results] == [200] * 100
    assert max(seconds for _, seconds in results) < 1  # a dropped SYN would cost 1 s or more


def test_two_host_lines_or_none_get_400(session: DevSession) -> None:
    assert session.server is not None
    port = session.server.server_port
    for method in ("GET", "POST"):
        status, _, body = raw_request(session, "/", method=method,
                                      headers=f"Host: 127.0.0.1:{port}\r\n")
        assert status == 400 and "genau eine Host-Zeile" in body
    status, _, _ = raw_request(session, "/", headers="Host: evil.example\r\n")
    assert status == 400
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nConnection: close\r\n\r\n")
        assert sock.recv(64).startswith(b"HTTP/1.1 400 ")


def test_kept_alive_connections_answer_several_requests(session: DevSession) -> None:
    assert session.server is not None
    port = session.server.server_port
    request = f"GET /preise/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode()
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(request * 2)  # pipelined
        data = b""
        while data.count(b"HTTP/1.1 200 ") < 2 or not data.endswith(b"</html>\n"):
            chunk = sock.recv(65536)
            assert chunk
            data += chunk
        sock.sendall(request)
        assert sock.recv(64).startswith(b"HTTP/1.1 200 ")


def test_a_client_leaving_mid_answer_is_silent(session: DevSession, log: list[str],
                                               capfd: pytest.CaptureFixture[str]) -> None:
    assert session.server is not None
    port = session.server.server_port
    big = session.site / "static" / "gross.bin"
    big.parent.mkdir(exist_ok=True)
    counter = session.state.events.current.counter
    big.write_bytes(b"\0" * 8_000_000)
    assert wait_until(lambda: session.state.events.current.counter > counter
                      and raw_request(session, "/gross.bin", method="HEAD")[0] == 200, 5)
    for _ in range(5):
        sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        sock.sendall(f"GET /gross.bin HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        assert sock.recv(4096)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        sock.close()  # a reset, as when a tab is closed mid-download
    time.sleep(0.3)  # the workers notice the reset
    assert raw_request(session, "/preise/")[0] == 200
    output = capfd.readouterr()
    assert "Traceback" not in output.err + output.out + "\n".join(log)
    assert "Exception" not in output.err + "\n".join(log)
