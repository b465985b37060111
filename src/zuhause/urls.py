"""Slugs with German transliteration, URL paths under a base URL, collision keys.

A file or page path becomes a URL in one place, `site_url`, which percent-encodes it; a
URL the owner wrote goes through `owner_url`, which encodes what is not yet encoded. So a
file `Stollen frisch.jpg` is `Stollen%20frisch.jpg` wherever it is named, exactly once."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote, unquote, urlsplit, urlunsplit

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


# What may stay as written in the query or fragment of a URL (RFC 3986 reserved characters
# and '%' of existing escapes); everything else, spaces and umlauts above all, is encoded.
_QUERY_SAFE = "!#$%&'()*+,/:;=?@[]~"


_NOTHING_TO_ENCODE = re.compile(r"[A-Za-z0-9_.~/-]*").fullmatch  # (most paths: slugs)


def is_plain_path(path: str) -> bool:
    """Whether `path` (a slug path such as 'journal/brot/') is a URL path as it is: relative,
    and nothing in it to percent-encode."""
    return not path.startswith("/") and _NOTHING_TO_ENCODE(path) is not None


def encode_path(path: str) -> str:
    """A file path as a URL path: every character but ASCII letters, digits, `-._~` and `/`
    percent-encoded (UTF-8), so `Stollen frisch.jpg` -> `Stollen%20frisch.jpg`, `#` -> `%23`."""
    return path if _NOTHING_TO_ENCODE(path) else quote(path, safe="/")


def site_url(base: str, path: str) -> str:
    """Join a site-relative file path ('kontakt/', 'images/Stollen frisch.jpg', '' for home)
    to a base (path or absolute URL), percent-encoded. `path` is a file path, not a URL:
    a '%', '#' or '?' in it is part of the name."""
    return base + encode_path(path.lstrip("/"))


def owner_url(url: str) -> str:
    """A URL the owner wrote, encoded exactly once: `Stollen frisch.jpg` and
    `Stollen%20frisch.jpg` both become `Stollen%20frisch.jpg`; escapes already there stay."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=encode_path(unquote(parts.path)),
                                     query=quote(parts.query, safe=_QUERY_SAFE),
                                     fragment=quote(parts.fragment, safe=_QUERY_SAFE)))
