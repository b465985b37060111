"""Slugs with German transliteration, URL paths under a base URL, collision keys."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue",
                         "ß": "ss", "ẞ": "SS"})


def slugify(text: str) -> str:
    """`Über mich` -> `ueber-mich`: lower case, German transliteration, ASCII letters and digits."""
    text = unicodedata.normalize("NFC", text).translate(_GERMAN)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def collision_key(path: str) -> str:
    """The key under which two URL paths count as the same on any file system."""
    return unicodedata.normalize("NFC", path).casefold()


def base_path(base_url: str) -> str:
    """The path part of a base URL, always starting and ending with '/'."""
    path = urlsplit(base_url).path or "/"
    return path if path.endswith("/") else path + "/"


def normalise_base_url(base_url: str) -> str:
    """A base URL that ends with '/'."""
    return base_url if base_url.endswith("/") else base_url + "/"


def site_url(base: str, path: str) -> str:
    """Join a site-relative path ('kontakt/', '' for home) to a base (path or absolute URL)."""
    return base + path.lstrip("/")
