"""Where a URL written on a built page leads in the output folder."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit


@dataclass(frozen=True)
class Target:
    """Where a URL on the site leads in the build."""

    url: str  # as written on the page
    file: str  # relative to the output folder; '' when it leaves the site
    fragment: str
    exists: bool


def is_path(kind: str, path: Path) -> bool:
    """Whether a path is a 'file' or 'dir'; False for names no file system takes."""
    try:
        return path.is_file() if kind == "file" else path.is_dir()
    except (OSError, ValueError):
        return False


def output_file(out: Path, path: str) -> str:
    """The file in the build a path below the base means ('' when it climbs out)."""
    folder = path in ("", ".") or path.endswith("/")
    path = posixpath.normpath(path) if path else "."
    if path == ".." or path.startswith("../"):
        return ""
    path = "" if path == "." else path
    if folder or is_path("dir", out / path):
        path = posixpath.join(path, "index.html")
    return path


def resolve_url(base_url: str, out: Path, base_file: str, url: str) -> Target | None:
    """Where a URL written in the build file `base_file` leads; None when it is not the site's
    own (mailto:, tel:, other hosts, another site under the same host)."""
    url = url.strip()
    try:
        written = urlsplit(url)
        target = urlsplit(urljoin(urljoin(base_url, base_file), url))
    except ValueError:  # e.g. a broken IPv6 host: not an address of the site
        return None
    if not url or (written.scheme and written.scheme.lower() not in ("http", "https")):
        return None
    own = urlsplit(base_url)
    if (target.hostname or "") != (own.hostname or ""):
        return None
    base_path, path = own.path or "/", unquote(target.path)
    if path + "/" == base_path:
        path = base_path
    if not path.startswith(base_path):
        if written.netloc:  # an absolute link to another site under the same host
            return None
        return Target(url, "", unquote(target.fragment), False)
    file = output_file(out, path[len(base_path):])
    return Target(url, file, unquote(target.fragment), bool(file) and is_path("file", out / file))
