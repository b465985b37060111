"""A static host for tests: serves a built site under a sub-path, as GitHub Pages serves a
project site (`/repo/x` -> `x`), with the site's own 404.html for missing files."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit


class ProjectSiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a build under `prefix` only (/repo/x -> x); anything outside is a plain 404.
    A missing file under the prefix gets 404.html with status 404, as GitHub Pages answers."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        request_path = urlsplit(path).path
        if not (request_path + "/").startswith(self.prefix):
            return ""  # no such file -> 404
        return super().translate_path("/" + request_path[len(self.prefix):])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found = Path(self.directory) / "404.html"
        inside = (urlsplit(self.path).path + "/").startswith(self.prefix)
        if code != 404 or not inside or not not_found.is_file():
            return super().send_error(code, message, explain)
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
        pass


@contextlib.contextmanager
def serve(folder: Path, prefix: str = "/") -> Iterator[str]:
    """Serve `folder` in-process under `prefix`; yields http://127.0.0.1:PORT{prefix}."""
    handler_class = type("Handler", (ProjectSiteHandler,), {"prefix": prefix})
    handler = functools.partial(handler_class, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
