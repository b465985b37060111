"""The dev server's HTTP side: serves the last complete build under the site's base path,
safely (loopback Host names only, GET and HEAD only, no dotfiles, no folder listings, nothing
outside the build), and adds the live-reload script and the problem overlay to pages."""

from __future__ import annotations

import html
import io
import os
import socket
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from .devgate import HeadGate, close
from .errors import Message, Problem, msg
from .reload import CLIENT_SCRIPT, EVENTS_PATH, MAX_LISTENERS, BuildEvents

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8", ".json": "application/json",
    ".xml": "application/xml; charset=utf-8", ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
    ".gif": "image/gif", ".webp": "image/webp", ".avif": "image/avif", ".ico": "image/x-icon",
    ".woff2": "font/woff2", ".woff": "font/woff", ".pdf": "application/pdf",
    ".webmanifest": "application/manifest+json",
}
LOOPBACK_NAMES = {"localhost", "127.0.0.1", "[::1]"}
EVENT_KEEPALIVE = 10.0
HEAD_TIMEOUT = 10.0  # seconds for a whole request head, or for the next one on a kept-alive line
WRITE_TIMEOUT = 30.0  # seconds for a client to take one answer
WORKERS = MAX_LISTENERS + 16  # every tab's event stream, and 16 for pages and files
MAX_WAITING = 512  # connections that may wait for their request head at once


@dataclass
class DevState:
    """What the server serves; replaced as a whole by the build loop."""

    base_path: str
    events: BuildEvents
    allowed_hosts: set[str] | None  # None: any Host (only when listening on every interface)
    root: Path | None = None  # the last complete build
    problems: list[Problem] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    language: str = "en"  # the site's, for the overlay and the server's own short answers

    def publish(self, root: Path | None, problems: list[Problem], kind: str = "build",
                language: str | None = None) -> None:
        """Swap in a finished build (or keep the old one and show problems), then tell tabs."""
        with self.lock:
            if root is not None:
                self.root = root
            self.problems = list(problems)
            if language is not None:
                self.language = language
        self.events.publish(kind)

    def snapshot(self) -> tuple[Path | None, list[Problem]]:
        """The root and problems one request works with from start to end."""
        with self.lock:
            return self.root, list(self.problems)


class DevServer(HTTPServer):
    """An HTTP server with a fixed pool of worker threads that carries the dev state.

    Connections wait in a `HeadGate` (no thread) until their request head is complete; only
    then does a worker answer, one request at a time, handing a kept-alive connection back to
    the gate. A slow or silent client thus costs a socket for `head_timeout`, not a thread.
    """

    request_queue_size = 512  # the listen backlog (as nginx); the stdlib's 5 drops connections

    def __init__(self, address: tuple[str, int], state: DevState,
                 log: Callable[[str], None] = print, head_timeout: float = HEAD_TIMEOUT) -> None:
        self.state = state
        self.log = log
        super().__init__(address, DevRequestHandler)
        self._pool = ThreadPoolExecutor(WORKERS, thread_name_prefix="zuhause-http")
        self.gate = HeadGate(self._dispatch, head_timeout, MAX_WAITING)

    def process_request(self, request: Any, client_address: Any) -> None:
        """Let the new connection wait for its request head in the gate."""
        try:  # headers and body go out as separate writes: don't wait for delayed ACKs
            request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:
            pass
        self.gate.add(request, client_address)

    def _dispatch(self, sock: socket.socket, address: tuple[str, int], head: bytes,
                  rest: bytes) -> None:
        try:
            self._pool.submit(self._serve_one, sock, address, head, rest)
        except RuntimeError:  # the pool is shut down: the server is stopping
            close(sock)

    def _serve_one(self, sock: socket.socket, address: tuple[str, int], head: bytes,
                rest: bytes) -> None:
        """Answer one request; a client that goes away meanwhile is no one's concern."""
        keep = False
        try:
            handler = DevRequestHandler(sock, address, self, head)
            keep = not handler.close_connection
        except OSError:
            pass  # the client disconnected mid-answer or was too slow to take it
        except Exception as error:  # a bug here must not end the server or print a traceback
            self.log(msg("serve.request-failed", kind=type(error).__name__)
                     .format(self.state.language))
        if keep:
            self.gate.add(sock, address, rest)
        else:
            close(sock)

    def server_close(self) -> None:
        """Stop listening, close waiting connections and let the workers run out."""
        super().server_close()
        self.gate.close()
        self._pool.shutdown(wait=False, cancel_futures=True)


def resolve_request_path(target: str, base_path: str, root: Path) -> tuple[str, Path | None]:
    """Map a request target to ('file', path), ('redirect', None) for a folder without its
    slash, or ('missing', None). Anything odd, encoded or outside the build is 'missing'."""
    path = target.split("?", 1)[0].split("#", 1)[0]
    if not path.startswith("/") or path.startswith("//"):
        return "missing", None
    try:
        decoded = unquote(path, errors="strict")
    except UnicodeDecodeError:
        return "missing", None
    if "\x00" in decoded or "\\" in decoded or not decoded.startswith(base_path):
        return "missing", None
    inner = decoded[len(base_path):].split("/")
    for index, segment in enumerate(inner):
        last = index == len(inner) - 1
        if segment in (".", "..") or (segment == "" and not last) or (
                segment.startswith(".") and segment != ".well-known"):
            return "missing", None
    real_root = os.path.realpath(root)
    candidate = os.path.realpath(os.path.join(real_root, *inner))
    if os.path.commonpath([real_root, candidate]) != real_root:
        return "missing", None
    if os.path.isdir(candidate):
        if not decoded.endswith("/"):
            return "redirect", None
        candidate = os.path.join(candidate, "index.html")
    if not os.path.isfile(candidate):
        return "missing", None
    return "file", Path(candidate)


def overlay_html(problems: list[Problem], language: str) -> str:
    """The banner that shows why the last rebuild failed (paths relative to the site)."""
    items = "".join(
        f'<li><code>{html.escape(p.location())}</code> {html.escape(p.message.format(language))}'
        + (f"<br><small>{html.escape(p.hint.format(language))}</small>" if p.hint else "")
        + "</li>" for p in problems)
    title = html.escape(msg("serve.overlay-title").format(language))
    return ('<div id="zuhause-problems" role="alert" style="position:fixed;inset:auto 0 0 0;'
            'z-index:2147483647;max-height:60vh;overflow:auto;margin:0;padding:1em 1.5em;'
            'background:#fff3f0;color:#5a1400;border-top:4px solid #b3261e;font:15px/1.5 '
            f'system-ui,sans-serif"><strong>{title}</strong>'
            f'<ul style="margin:.5em 0 0;padding-left:1.2em">{items}</ul></div>')


class DevRequestHandler(BaseHTTPRequestHandler):
    """Answers GET and HEAD for the last complete build; everything else is refused."""

    server: DevServer
    protocol_version = "HTTP/1.1"
    timeout = WRITE_TIMEOUT

    def __init__(self, request: Any, client_address: Any, server: DevServer,
                 head: bytes = b"") -> None:
        """`head` is the request head the gate has read already."""
        self._head = head
        super().__init__(request, client_address, server)

    def version_string(self) -> str:
        return "zuhause-dev"

    def setup(self) -> None:
        super().setup()
        self.rfile.close()
        self.rfile = io.BytesIO(self._head)

    def handle(self) -> None:
        """One request; the server hands a kept-alive connection back to the gate."""
        self.close_connection = True
        self.handle_one_request()

    def parse_request(self) -> bool:
        """The stdlib's checks, and exactly one `Host` for HTTP/1.1 (RFC 9112 3.2)."""
        if not super().parse_request():
            return False
        hosts = self.headers.get_all("Host") or []
        if len(hosts) > 1 or (not hosts and self.request_version == "HTTP/1.1"):
            self.close_connection = True
            self._refuse(400, msg("serve.bad-host-header"))
            return False
        return True

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib's name
        pass

    def _host_allowed(self) -> bool:
        allowed = self.server.state.allowed_hosts
        host = (self.headers.get("Host") or "").lower()
        origin = (self.headers.get("Origin") or "").lower()
        if allowed is None:
            return not origin or origin.split("://", 1)[-1] == host
        if host not in allowed:
            return False
        return not origin or origin.split("://", 1)[-1] in allowed

    def _send(self, status: int, body: bytes, content_type: str,
              extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Referrer-Policy", "no-referrer")
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _refuse(self, status: int, message: Message, headers: dict[str, str] | None = None) -> None:
        """A short plain-text answer, worded in the site's language."""
        text = message.format(self.server.state.language) + "\n"
        self._send(status, text.encode(), "text/plain; charset=utf-8", headers)

    def do_GET(self) -> None:  # noqa: N802 - stdlib's name
        self._answer()

    def do_HEAD(self) -> None:  # noqa: N802 - stdlib's name
        self._answer()

    def _method_not_allowed(self) -> None:
        self._refuse(405, msg("serve.method-not-allowed"), {"Allow": "GET, HEAD"})

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _method_not_allowed  # noqa: N815

    def _answer(self) -> None:
        if not self._host_allowed():
            self._refuse(421, msg("serve.unknown-host"))
            return
        if self.path.split("?", 1)[0] == EVENTS_PATH:
            self._stream_events()
            return
        state = self.server.state
        root, problems = state.snapshot()
        if root is None:
            if problems:  # the first build failed: show why, and reload when it is fixed
                title = html.escape(msg("serve.cannot-build-title").format(state.language))
                page = (f'<!doctype html><html lang="{state.language}"><head><meta charset="utf-8">'
                        f"<title>{title}</title></head><body></body></html>")
                self._send(500, self._decorate(page.encode(), problems), CONTENT_TYPES[".html"])
            else:
                self._refuse(503, msg("serve.being-built"))
            return
        if self.path.split("?", 1)[0] == "/" and state.base_path != "/":
            self._send(302, b"", "text/plain", {"Location": state.base_path})
            return
        kind, path = resolve_request_path(self.path, state.base_path, root)
        if kind == "redirect":
            location = self.path.split("?", 1)[0].split("#", 1)[0] + "/"
            self._send(301, b"", "text/plain", {"Location": location})
            return
        status = 200
        if path is None:
            status, path = 404, root / "404.html"
            if not path.is_file():
                self._refuse(404, msg("serve.not-found"))
                return
        body = path.read_bytes()
        content_type = CONTENT_TYPES.get(path.suffix.lower(), "application/octet-stream")
        if content_type.startswith("text/html"):
            body = self._decorate(body, problems)
        self._send(status, body, content_type)

    def _decorate(self, body: bytes, problems: list[Problem]) -> bytes:
        language = self.server.state.language
        addition = (overlay_html(problems, language) if problems else "") + CLIENT_SCRIPT
        text = body.decode("utf-8", "replace")
        position = text.rfind("</body>")
        text = text[:position] + addition + text[position:] if position >= 0 else text + addition
        return text.encode("utf-8")

    def _stream_events(self) -> None:
        events = self.server.state.events
        if not events.join():
            self._refuse(503, msg("serve.too-many-tabs"))
            return
        try:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            self.close_connection = True
            if self.command == "HEAD":
                return
            event = events.current
            while True:
                self.wfile.write(f"event: {event.kind}\ndata: {event.counter}\n\n".encode())
                self.wfile.flush()
                following = None
                while following is None:
                    following = events.wait_after(event.counter, EVENT_KEEPALIVE)
                    if following is None:
                        if events.closed:
                            return
                        self.wfile.write(b": keep-alive\n\n")
                        self.wfile.flush()
                event = following
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            return
        finally:
            events.leave()


def allowed_hosts(bind_host: str, port: int) -> set[str] | None:
    """The Host header values the server answers to; None (any) when it listens everywhere."""
    if bind_host in ("0.0.0.0", "::", ""):
        return None
    names = set(LOOPBACK_NAMES)
    if bind_host not in ("127.0.0.1", "localhost", "::1"):
        names.add(bind_host if ":" not in bind_host else f"[{bind_host}]")
    return {f"{name}:{port}" for name in names} | (names if port == 80 else set())
