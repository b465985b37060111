"""Recognise what `zuhause new` left for the owner to replace: the starter's placeholder texts
(in any language zuhause speaks), addresses and phone numbers reserved for examples, and the
drawn portrait. `zuhause check` reports each one; `zuhause build` warns about them."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import SiteModel
from ..parsecache import ParseCache, key_of
from ..sources import text_digest
from . import PORTRAIT_MARK, languages, placeholders

# Domains reserved for examples and tests (RFC 2606, RFC 6761): example.org, example.com,
# example.de ... and the top-level names .test, .invalid, .localhost. The top-level name
# .example is left out: sites written as examples use it on purpose.
_HOST = re.compile(r"(?:@|://)((?:[A-Za-z0-9-]+\.)*[A-Za-z0-9-]+)")
_RESERVED_TLDS = {"test", "invalid", "localhost"}
# German numbers the Bundesnetzagentur keeps free for films and books (030 23125 xxx, ...).
_PHONE = re.compile(r"(?<![\w+])(?:\+|00)?[0-9][0-9 ()/.-]{6,}[0-9]")
_FICTION_PREFIXES = ("03023125", "06990009", "04066969", "02214710", "08999998")


@dataclass(frozen=True)
class Placeholder:
    """One placeholder found: where, which (a key of placeholders.yaml, `address`, `phone` or
    `portrait`), and the text found."""

    path: str
    line: int
    key: str
    text: str


@functools.cache
def _markers() -> tuple[dict[str, str], dict[str, str], re.Pattern[str]]:
    """Lines of multi-line placeholders (line -> key), the one-line ones (text -> key), and one
    pattern that finds any one-line placeholder (longest first)."""
    lines: dict[str, str] = {}
    short: dict[str, str] = {}
    for language in languages():
        for key, value in placeholders(language).items():
            parts = [line.strip() for line in value.splitlines() if line.strip()]
            if len(parts) > 1:
                lines.update(dict.fromkeys(parts, key))
            elif parts:
                short[parts[0]] = key
    alternatives = "|".join(re.escape(t) for t in sorted(short, key=len, reverse=True))
    return lines, short, re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def is_reserved_host(host: str) -> bool:
    """Whether a host name is reserved for examples (`example.org`, `shop.test`)."""
    labels = host.lower().rstrip(".").split(".")
    return labels[-1] in _RESERVED_TLDS or (len(labels) >= 2 and labels[-2] == "example")


def is_fiction_phone(number: str) -> bool:
    """Whether a German phone number lies in a range kept free for films and books."""
    digits = re.sub(r"[^0-9+]", "", number)
    for prefix in ("+49", "0049"):
        if digits.startswith(prefix):
            digits = "0" + digits[len(prefix):]
    return digits.startswith(_FICTION_PREFIXES)


def _hits_by_line(text: str, starts: list[int], skip: list[str]) -> dict[int, list[tuple[str, str]]]:
    """(key, text) of every one-line placeholder, reserved address and fiction number, by
    line index (lines whose `skip` key is set are left out). Each pattern runs once over the
    whole text, not once per line."""
    _, short, pattern = _markers()
    hits: dict[int, list[tuple[str, str]]] = {}

    def line_of(offset: int) -> int:
        return bisect.bisect_right(starts, offset) - 1

    for match in pattern.finditer(text):
        index = line_of(match.start())
        if not skip[index]:
            hits.setdefault(index, []).append((short[match[0]], match[0]))
    for match in _HOST.finditer(text):
        index = line_of(match.start())
        if skip[index] or not is_reserved_host(match[1]):
            continue
        if not any(match[1] in found for _, found in hits.get(index, [])):
            hits.setdefault(index, []).append(("address", match[1]))
    for match in _PHONE.finditer(text):
        index = line_of(match.start())
        if not skip[index] and is_fiction_phone(match[0]):
            hits.setdefault(index, []).append(("phone", match[0].strip()))
    return {index: list(dict.fromkeys(found)) for index, found in hits.items()}


def placeholders_in(path: str, text: str) -> list[Placeholder]:
    """Every placeholder in one file's text; a run of lines of one long text counts once."""
    body_lines = _markers()[0]
    lines = text.split("\n")
    keys = [body_lines.get(line.strip(), "") for line in lines]
    starts = list(itertools.accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    hits = _hits_by_line(text, starts, keys)
    found: list[Placeholder] = []
    previous = ""
    for index, key in enumerate(keys):
        if key and key != previous:
            found.append(Placeholder(path, index + 1, key, lines[index].strip()))
        previous = key
        found += [Placeholder(path, index + 1, k, t) for k, t in hits.get(index, [])]
    return found


def cached_placeholders(path: str, text: str, cache: ParseCache | None,
                        digest: str = "") -> list[Placeholder]:
    """`placeholders_in`, kept in `cache` (when there is one) by the file's name and text
    (`digest`: the text's `text_digest`, when the caller has it already)."""
    if cache is None:
        return placeholders_in(path, text)
    key = key_of("placeholders", path, digest or text_digest(text))
    return cache.get(key,  # type: ignore[no-any-return]
                     lambda: placeholders_in(path, text), keep=lambda _: True,
                     to_data=placeholders_data,
                     from_data=lambda data: placeholders_from_data(path, data))


def placeholders_data(found: list[Placeholder]) -> list[list[Any]]:
    """Placeholders of one file as the parse cache keeps them: [line, key, text] each."""
    return [[p.line, p.key, p.text] for p in found]


def placeholders_from_data(path: str, data: Any) -> list[Placeholder]:
    """The placeholders `placeholders_data` kept for the file `path` (else ValueError)."""
    if not isinstance(data, list):
        raise ValueError("not a list of placeholders")
    return [_placeholder(path, item) for item in data]


def _placeholder(path: str, item: Any) -> Placeholder:
    """A placeholder as the parse cache keeps it: [line, key, text] (else ValueError)."""
    line, key, text = item
    if not (isinstance(line, int) and isinstance(key, str) and isinstance(text, str)):
        raise ValueError("not a placeholder")
    return Placeholder(path, line, key, text)


def is_placeholder_portrait(file: Path) -> bool:
    """Whether an image is the starter's drawn portrait (by the mark inside it, any name)."""
    try:
        with open(file, "rb") as handle:
            return PORTRAIT_MARK.encode() in handle.read(4096)
    except OSError:
        return False


def text_reader(root: Path) -> Callable[[str], str]:
    """Reads a site file's text by its name in the site (empty when it cannot be read)."""
    def read(path: str) -> str:
        try:
            return (root / path).read_text("utf-8-sig", errors="replace").replace("\r\n", "\n")
        except OSError:
            return ""
    return read


def find_placeholders(root: Path, model: SiteModel, read: Callable[[str], str] | None = None,
                      cache: ParseCache | None = None,
                      known: Mapping[str, list[Placeholder]] | None = None) -> list[Placeholder]:
    """Every placeholder in zuhause.yaml, the people and the pages, and every drawn portrait,
    in file and line order (each file's findings kept in `cache` by its text; `known` has
    those of files looked at already, by name)."""
    read = read or text_reader(root)
    known = known or {}
    people = sorted(model.people.values(), key=lambda p: p.source)
    sources = ["zuhause.yaml", *(p.source for p in people),
               *sorted({e.source for e in model.pages if e.source})]
    found = [hit for path in dict.fromkeys(sources)
             for hit in (known[path] if path in known
                         else cached_placeholders(path, read(path), cache))]
    for person in people:
        if person.portrait_file is not None and is_placeholder_portrait(person.portrait_file):
            lines = read(person.source).split("\n")
            line = next((n for n, text in enumerate(lines, 1) if text.startswith("portrait:")), 1)
            found.append(Placeholder(person.source, line, "portrait", person.portrait))
    return sorted(found, key=lambda p: (p.path, p.line, p.key))
