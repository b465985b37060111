"""Typographic quotes, dashes and ellipses in the site's language, and German-aware heading
ids: small tree processors for Python-Markdown, much cheaper than its smarty and toc."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from markdown.treeprocessors import Treeprocessor

from .urls import slugify

_VERBATIM = {"code", "pre", "kbd", "samp", "script", "style", "math"}
_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "blockquote",
           "figcaption", "caption", "div", "ol", "ul", "table", "tr", "thead", "tbody"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_PLACEHOLDER = re.compile("\x02[^\x03]*\x03")
_UNIT_SPACE = re.compile(r"(?<=\d) (?=(?:€|%|Uhr\b|h\b|km\b|cm\b|mm\b|m²|kg\b))")
_QUOTE = re.compile("[\"']")
_OPENERS = " \t\n([{\u2013\u2014/\u201e\u201c\u201a\u2018\u00a0"


@dataclass(frozen=True)
class Quotes:
    """The quotation marks of one language."""

    double_open: str
    double_close: str
    single_open: str
    single_close: str


QUOTES = {
    "de": Quotes("\u201e", "\u201c", "\u201a", "\u2018"),  # „so“ ‚so‘
    "en": Quotes("\u201c", "\u201d", "\u2018", "\u2019"),  # “so” ‘so’
}
APOSTROPHE = "\u2019"


class TypographyProcessor(Treeprocessor):
    """Turns straight quotes, `--`, `---` and `...` into typographic characters."""

    def __init__(self, md: object, language: str) -> None:
        super().__init__(md)  # type: ignore[arg-type]
        self.quotes = QUOTES.get(language, QUOTES["en"])

    def run(self, root: etree.Element) -> None:
        state = {"previous": " ", "single_open": False}
        self._walk(root, state)

    def _walk(self, element: etree.Element, state: dict) -> None:  # type: ignore[type-arg]
        if element.tag in _BLOCKS:
            state["previous"], state["single_open"] = " ", False
        if element.tag in _VERBATIM:
            state["previous"] = "x"
        else:
            if element.text:
                element.text = self._educate(element.text, state)
            for child in element:
                self._walk(child, state)
                if child.tail:
                    child.tail = self._educate(child.tail, state)

    def _educate(self, text: str, state: dict) -> str:  # type: ignore[type-arg]
        if "--" in text or "..." in text:
            text = text.replace("---", "\u2014").replace("--", "\u2013").replace("...", "\u2026")
        if " " in text:
            text = _UNIT_SPACE.sub("\u00a0", text)
        if '"' in text or "'" in text:
            q = self.quotes
            start = state["previous"]

            def replace(match: re.Match[str]) -> str:
                index = match.start()
                previous = text[index - 1] if index else start
                following = text[index + 1] if index + 1 < len(text) else " "
                if match.group() == '"':
                    return q.double_open if previous in _OPENERS else q.double_close
                if previous.isalnum() and following.isalpha():
                    return APOSTROPHE
                if previous in _OPENERS and not following.isspace() and not following.isdigit():
                    state["single_open"] = True
                    return q.single_open
                if state["single_open"]:
                    state["single_open"] = False
                    return q.single_close
                return APOSTROPHE

            text = _QUOTE.sub(replace, text)
        state["previous"] = text[-1]
        return text


def educate_text(text: str, language: str) -> str:
    """Typographic quotes and dashes for a plain text outside Markdown (summaries, titles)."""
    if not text:
        return text
    element = etree.Element("p")
    element.text = text
    TypographyProcessor(None, language).run(element)
    return element.text or ""


class TableWrapProcessor(Treeprocessor):
    """Wraps tables in a focusable, labelled region that scrolls by itself on small screens."""

    def __init__(self, md: object, label: str) -> None:
        super().__init__(md)  # type: ignore[arg-type]
        self.label = label

    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            for index, child in enumerate(list(parent)):
                if child.tag == "table":
                    wrap = etree.Element("div", {"class": "table-wrap", "tabindex": "0",
                                                 "role": "region", "aria-label": self.label})
                    wrap.tail, child.tail = child.tail, None
                    parent.remove(child)
                    wrap.append(child)
                    parent.insert(index, wrap)


class HeadingIdProcessor(Treeprocessor):
    """Gives every heading an id made from its text (`Über Öl` -> `ueber-oel`), unique per text."""

    def run(self, root: etree.Element) -> None:
        used = {element.attrib["id"] for element in root.iter() if "id" in element.attrib}
        for element in root.iter():
            if element.tag in _HEADINGS and "id" not in element.attrib:
                text = _PLACEHOLDER.sub("", "".join(element.itertext()))
                base = slugify(text) or "abschnitt"
                candidate, number = base, 1
                while candidate in used:
                    number += 1
                    candidate = f"{base}-{number}"
                used.add(candidate)
                element.attrib["id"] = candidate
