"""Markdown conversions kept between builds, so that a clean output folder with a warm cache
is built without converting any text again.

Each conversion is one small JSON file in the site's `.zuhause/cache/markdown/`, named by a
hash of everything the HTML follows from: the text, its file and first line, its folder, the
id prefix, the site's language and base path, the picture sizes and the zuhause version. The
pages a text links to are stored with it and checked on every use (`MarkdownRenderer.
still_valid`); texts that show pictures, or that could not be converted, are not kept. A file
that cannot be read or is not what zuhause writes is ignored and made again: it is plain data,
never code. What no page of the site uses any more is removed after a build that rendered.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from . import __version__, rawfiles
from .parsecache import key_of

FOLDER = Path(".zuhause") / "cache" / "markdown"


class ConversionStore:
    """The conversions of one site folder (see the module docstring)."""

    def __init__(self, folder: Path, settings: tuple[str, ...] = ()) -> None:
        self.folder = folder
        self.settings = settings

    @classmethod
    def of_site(cls, root: Path) -> ConversionStore:
        """The store of the site folder `root`."""
        return cls(root / FOLDER)

    def for_settings(self, *settings: str) -> ConversionStore:
        """The same folder, for texts converted with these site settings."""
        return ConversionStore(self.folder, tuple(settings))

    def key(self, source: str, body: str, body_line: int, page_dir: str, id_prefix: str) -> str:
        """The name of a conversion's file."""
        return key_of("markdown", __version__, *self.settings, source, body, body_line,
                      page_dir, id_prefix)

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> tuple[str, dict[str, str]] | None:
        """The HTML and the links of a conversion made before; None when there is none."""
        try:
            data = json.loads(rawfiles.read_bytes(self._path(key)).decode("utf-8"))
            html, links = data["html"], data["links"]
            if not isinstance(html, str) or not isinstance(links, dict):
                return None
            return html, {str(k): str(v) for k, v in links.items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def put(self, key: str, html: str, links: dict[str, str]) -> None:
        """Keep a conversion; a store that cannot be written is no error, only slower."""
        data = json.dumps({"html": html, "links": links}, ensure_ascii=False)
        with contextlib.suppress(OSError):
            rawfiles.replace(self._path(key), data.encode("utf-8", "surrogatepass"))

    def prune(self, used: set[str]) -> int:
        """Remove every conversion whose key is not in `used`; the number removed."""
        removed = 0
        if not self.folder.is_dir():
            return 0
        for shard in os.scandir(self.folder):
            if not shard.is_dir(follow_symlinks=False):
                continue
            for entry in os.scandir(shard.path):
                if entry.name.removesuffix(".json") not in used:
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)
                        removed += 1
        return removed
