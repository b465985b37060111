"""What reading the site's files found, kept between builds so an unchanged file is not parsed
again: the front matter of every page and person (YAML, with the place of each key and value),
every page as read and validated (those without a picture), the texts derived from a page
(summary, description), the placeholders of `zuhause new` in each file, and what a build
found in each page file (`KnownFile`).

Entries are keyed by a hash of exactly what was parsed (the text, the file's name, where the
text starts), so an entry can never be out of date. The one exception is what lets a build
skip reading a page file at all: what the last `zuhause build` found in it (the page as read,
its placeholders, summary and description, the hash of its text) is kept by the file's name,
with the size, modification time, inode, mode and change time the walk before that build
found it with (`uptodate.walk`). A later build that finds the file so again takes the page
without reading it; one that finds it otherwise reads it, and takes the page all the same
when the text's hash is the one kept. The times are kept only when the file had not changed
for two seconds before the walk (else it could have been saved again since with the same
times and size). The cache is one text file in the site's `.zuhause/cache/` folder: a JSON
header line, then one line per entry, its key, a tab and its value as JSON: plain data,
never code. The file is read as
bytes and each entry is decoded only when a build asks for it. A file that cannot be read,
has no valid header, or was written by another version of zuhause is ignored and replaced;
a damaged entry is made again. A build adds its new entries at the file's end; when more
than one line in eight is one the last build did not use (or a damaged or replaced one), the
file is written anew with the used entries alone, so it stays about as big as the site.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from . import __version__, rawfiles
from .errors import Problem
from .frontmatter import Position, YamlList, YamlMap, load_yaml
from .later import Later
from .pages import Page
from .sources import text_digest
from .uptodate import FileStat

FORMAT = 5
STALE_SHARE = 8
CACHE_FILE = Path(".zuhause") / "cache" / "parsed.lines"
KEY_LENGTH = 40  # characters of a key (`key_of`)
_JSON = json.JSONDecoder()  # (keeps nothing between calls)


class Unencodable(ValueError):
    """A value the cache does not keep (it is computed again next time)."""


def encode(value: Any) -> Any:
    """A YAML value read with positions as plain JSON data."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, YamlMap):
        return {"map": [value.position.line, value.position.column],
                "items": [[key, encode(item), _position(value.key_positions.get(key)),
                           _position(value.value_positions.get(key))]
                          for key, item in value.items()]}
    if isinstance(value, YamlList):
        return {"list": [value.position.line, value.position.column],
                "items": [encode(item) for item in value],
                "at": [_position(p) for p in value.item_positions]}
    raise Unencodable(type(value).__name__)


def decode(data: Any) -> Any:
    """The YAML value `encode` made `data` from."""
    if data is None or isinstance(data, str):
        return data
    if "map" in data:
        mapping = YamlMap(Position(*data["map"]))
        for key, item, key_at, value_at in data["items"]:
            mapping[key] = item if item is None or isinstance(item, str) else decode(item)
            if key_at is not None:
                mapping.key_positions[key] = Position(*key_at)
            if value_at is not None:
                mapping.value_positions[key] = Position(*value_at)
        return mapping
    sequence = YamlList(Position(*data["list"]))
    sequence.extend(decode(item) for item in data["items"])
    sequence.item_positions = [Position(*p) for p in data["at"]]
    return sequence


def decode_text(text: str) -> Any:
    """The YAML value `encode` made, kept as JSON text (a page's front matter with its
    places: decoded only when a message needs a place); a damaged text gives an empty
    mapping at the file's start (the message then names the file's first line)."""
    try:
        return decode(json.loads(text))
    except (KeyError, TypeError, ValueError, IndexError, AttributeError):
        return YamlMap(Position(1, 1))


def encode_value(value: Any) -> Any:
    """A validated front matter value (text, number, yes/no, date, time) as JSON data."""
    if isinstance(value, datetime):
        return {"time": value.isoformat()}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, list):
        return [encode_value(item) for item in value]
    if isinstance(value, dict) and not isinstance(value, YamlMap):
        return {"map": {str(key): encode_value(item) for key, item in value.items()}}
    raise Unencodable(type(value).__name__)


def decode_value(data: Any) -> Any:
    """The value `encode_value` made `data` from."""
    if isinstance(data, list):
        return [decode_value(item) for item in data]
    if not isinstance(data, dict):
        return data
    if "time" in data:
        return datetime.fromisoformat(data["time"])
    if "date" in data:
        return date.fromisoformat(data["date"])
    return {key: decode_value(item) for key, item in data["map"].items()}


def encode_page(page: Page, places: bool = True) -> Any:
    """A page read from content/ as JSON data; its body is not kept (it is the end of the
    file's text, from which the page is looked up), nor, unless `places`, the places of its
    front matter's keys and values (then `decode_page` is told where to find them)."""
    if page.image is not None:
        raise Unencodable("a page with a picture")
    data = {"kind": page.kind, "path": page.path, "body_line": page.body_line,
            "body_length": len(page.body),
            "values": {key: encode_value(value) for key, value in page.values.items()}}
    if places:
        data["meta"] = json.dumps(encode(page.meta), ensure_ascii=False, separators=(",", ":"))
    return data


def decode_page(data: Any, name: str, digest: str, body: Callable[[int], Any],
                places: Later[Any] | None = None) -> Page:
    """The page `encode_page` made `data` from; `body(length)` gives its body (the last
    `length` characters of the file's text, or where to read them), `places` its front
    matter with places when `data` has none."""
    meta = Later(decode_text, str(data["meta"])) if "meta" in data else places
    if meta is None:
        raise KeyError("meta")
    return Page(name, str(data["kind"]), str(data["path"]),
                {key: decode_value(value) if isinstance(value, (list, dict)) else value
                 for key, value in data["values"].items()},
                body(int(data["body_length"])), int(data["body_line"]),
                meta, None, digest)  # (the places: made when asked)


def text_end(text: str) -> Callable[[int], str]:
    """A page's body as `decode_page` asks for it, cut from the file's whole `text`."""
    return lambda length: text[len(text) - length:] if length else ""


def _texts(data: Any) -> list[str]:
    """`data` when it is a list of texts (else the entry is damaged: ValueError)."""
    if not isinstance(data, list) or not set(map(type, data)) <= {str}:
        raise ValueError("not a list of texts")
    return data


@dataclass(frozen=True)
class KnownFile:
    """What a build found in a page file, for a later build (`ParseCache.known_file`): how
    the walk before it found the file (None when the file had changed just before: then
    only the hash of its text tells whether this still holds), the hash of its text, its
    placeholders as plain data ([line, key, text] each), its description and summary in a
    language ([language, description, summary], or empty), and the page as `encode_page`
    keeps it."""

    seen: FileStat | None
    digest: str
    placeholders: list[Any]
    texts: list[str]
    page: Any


def _known_file(data: Any) -> KnownFile:
    """A `KnownFile` as `note_file` keeps it (else ValueError)."""
    seen, digest, placeholders, texts, page = data
    if not (seen is None or (isinstance(seen, list) and len(seen) == 5
                             and set(map(type, seen)) <= {int})) \
            or not isinstance(digest, str) or not isinstance(placeholders, list) \
            or not all(isinstance(item, list) and len(item) == 3 for item in placeholders) \
            or len(texts) not in (0, 3) or not isinstance(page, dict):
        raise ValueError("not a known file")
    return KnownFile(None if seen is None else tuple(seen), digest,
                     placeholders, _texts(texts), page)


def _from_json(value: bytes) -> Any:
    """The data of one entry's value: exactly one JSON value (else ValueError)."""
    text = value.decode("utf-8", "surrogatepass")
    data, end = _JSON.raw_decode(text)  # (json.loads, without its checks for white space)
    if end != len(text):
        raise ValueError("more than one value")
    return data


def _to_json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8", "surrogatepass")


def _position(position: Position | None) -> list[int] | None:
    return None if position is None else [position.line, position.column]


def key_of(*parts: str | int) -> str:
    """The cache key of whatever `parts` describe (texts, names, numbers)."""
    framed = "".join([f"{len(text)}:{text}" for text in map(str, parts)])  # each part with
    # its length: no two lists alike
    return hashlib.blake2b(framed.encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()


class ParseCache:
    """Results of parsing site files by a key of their input; see the module docstring."""

    def __init__(self, entries: dict[str, bytes] | None = None, path: Path | None = None,
                 stored: bool = False, lines: int = 0) -> None:
        self.entries: dict[str, bytes] = entries or {}  # key -> its value as JSON (UTF-8)
        self.path = path
        self.used: set[str] = set()
        self.added: list[str] = []  # keys of entries made since the file was read or written
        self.stored = stored  # whether `path` holds the entries (but `added`) with our header
        self.lines = lines  # how many lines of entries the file has (some replaced by later ones)

    @classmethod
    def of_site(cls, root: Path) -> ParseCache:
        """The cache of the site folder `root` (empty when there is none or it is unusable)."""
        path = root / CACHE_FILE
        try:
            header, _, rest = path.read_bytes().partition(b"\n")
        except OSError:
            return cls({}, path)
        if header != _header().encode():  # (none, or another version's cache)
            return cls({}, path)
        kept = [line for line in rest.split(b"\n") if line[KEY_LENGTH:KEY_LENGTH + 1] == b"\t"]
        entries = {line[:KEY_LENGTH].decode("latin-1"): line[KEY_LENGTH + 1:]
                   for line in kept}  # (an entry added later comes later: it wins)
        return cls(entries, path, stored=True, lines=len(kept))

    def lookup(self, key: str, from_data: Callable[[Any], Any] = lambda d: d) -> Any:
        """The value kept for `key`; KeyError when there is none (a damaged one is dropped)."""
        try:
            value = from_data(_from_json(self.entries[key]))
        except KeyError:
            raise
        except (TypeError, ValueError, IndexError, AttributeError, RecursionError):
            del self.entries[key]  # damaged: to be made again
            raise KeyError(key) from None
        self.used.add(key)
        return value

    def get(self, key: str, make: Callable[[], Any], keep: Callable[[Any], bool] = bool,
            to_data: Callable[[Any], Any] = lambda v: v,
            from_data: Callable[[Any], Any] = lambda d: d) -> Any:
        """The value for `key`: from the cache, else `make()` (kept when `keep` says so)."""
        with contextlib.suppress(KeyError):
            return self.lookup(key, from_data)
        value = make()
        if keep(value):
            with contextlib.suppress(Unencodable):
                self.put(key, to_data(value))
        return value

    def put(self, key: str, data: Any) -> None:
        """Keep `data` (plain JSON data) for `key`."""
        self.entries[key] = _to_json(data)
        self.used.add(key)
        self.added.append(key)

    def load_yaml(self, text: str, name: str, line_offset: int) -> tuple[Any, list[Problem]]:
        """`frontmatter.load_yaml` through the cache (texts that read without problems)."""
        return self.get(key_of("yaml", line_offset, text),  # type: ignore[no-any-return]
                        lambda: load_yaml(text, name, line_offset),
                        keep=lambda result: not result[1],
                        to_data=lambda result: encode(result[0]),
                        from_data=lambda data: (decode(data), []))

    def page(self, name: str, text: str, make: Callable[[], tuple[Page | None, list[Problem]]],
             keep: Callable[[Page], bool], digest: str = "") -> tuple[Page | None, list[Problem]]:
        """The page read from the file `name` with `text` (and the problems reading found):
        from the cache, else `make()` (kept when it read without problems and `keep` says so).
        `digest` is the text's `text_digest`, when the caller has it already."""
        digest = digest or text_digest(text)

        def made() -> tuple[Page | None, list[Problem]]:
            page, problems = make()
            return (dataclasses.replace(page, digest=digest) if page else None), problems

        return self.get(  # type: ignore[no-any-return]
            key_of("page", name, digest), made,
            keep=lambda result: result[0] is not None and not result[1] and keep(result[0]),
            to_data=lambda result: encode_page(result[0]),
            from_data=lambda data: (decode_page(data, name, digest, text_end(text)), []))

    def known_file(self, name: str) -> KnownFile | None:
        """What the last build that read the page file `name` found in it (`note_file`);
        None when nothing is kept (or only something damaged)."""
        key = key_of("file", name)
        if key not in self.entries:
            return None
        try:
            return self.lookup(key, _known_file)  # type: ignore[no-any-return]
        except KeyError:
            return None

    def note_file(self, name: str, known: KnownFile) -> None:
        """Keep what a build found in the page file `name` (`known_file`), in place of what
        was kept for it. `known.seen` only when the walk before the build found the file
        `uptodate.settled`: else a later walk finding it so again could miss a change."""
        self.put(key_of("file", name), [None if known.seen is None else list(known.seen),
                                        known.digest, known.placeholders, known.texts,
                                        known.page])

    def texts(self, kind: str, *inputs: str | int, make: Callable[[], list[str]],
              keep: bool = True) -> list[str]:
        """A list of texts made from `inputs` alone (texts, a language), kept as JSON (made
        texts are not kept unless `keep`)."""
        return self.get(key_of(kind, *inputs), make,  # type: ignore[no-any-return]
                        keep=lambda _: keep, from_data=_texts)

    def save(self) -> None:
        """Keep what this build used for the next one; a cache that cannot be written is no
        loss (the next build parses again). New entries are added at the file's end while
        the file's other lines (entries no build used, damaged or replaced ones) are few: at
        most one for each `STALE_SHARE` used entries. Else the file is written anew with the
        used entries alone."""
        if self.path is None:
            return
        added = [key for key in dict.fromkeys(self.added) if key in self.entries]
        stale = self.lines + len(added) - len(self.used)  # (each used entry has one line)
        if not self.stored and not added and not self.used:
            return  # nothing to keep
        with contextlib.suppress(OSError):  # (the file is gone: written anew below)
            if self.stored and stale * STALE_SHARE <= len(self.used):
                if added:  # (after a line cut short, on a fresh line)
                    rawfiles.append(self.path, _lines(self.entries, added, b"\n"))
                    self.lines += len(added)
                self.added = []
                self.used = set()
                return
        try:
            kept = {key: self.entries[key] for key in sorted(self.used) if key in self.entries}
            rawfiles.replace(self.path, _lines(kept, kept, _header().encode() + b"\n"))
            self.entries, self.added, self.stored, self.lines = kept, [], True, len(kept)
        except OSError:
            return
        finally:
            self.used = set()


def _header() -> str:
    return json.dumps({"format": FORMAT, "zuhause": __version__})


def _lines(entries: dict[str, bytes], keys: Iterable[str], before: bytes) -> bytes:
    """`before`, then one line for each of `keys`: the key, a tab and its value's JSON."""
    return before + b"".join(b"%s\t%s\n" % (key.encode("latin-1"), entries[key]) for key in keys)
