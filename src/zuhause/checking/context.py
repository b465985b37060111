"""What the rules look at: the site model and every built page, parsed, with the way back to
the source file and line."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from ..build import LoadedSite
from ..model import PageEntry, PersonView, SiteModel

_INVISIBLE = {"script", "style", "template", "noscript", "head", "title"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}


@dataclass
class Element:
    """A start tag of a built page, in document order, with the text inside it."""

    tag: str
    attrs: dict[str, str]
    index: int
    line: int
    text: str = ""

    def get(self, name: str) -> str:
        """An attribute's value, '' when absent."""
        return self.attrs.get(name, "")

    @property
    def classes(self) -> list[str]:
        return self.get("class").split()


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.texts: list[tuple[int, str]] = []
        self._open: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, len(self.elements), self.getpos()[0])
        self.elements.append(element)
        if tag not in _VOID:
            self._open.append(element)

    def handle_endtag(self, tag: str) -> None:
        for position in range(len(self._open) - 1, -1, -1):
            if self._open[position].tag == tag:
                del self._open[position:]
                break

    def handle_data(self, data: str) -> None:
        if any(e.tag in _INVISIBLE for e in self._open):
            return
        for element in self._open:
            element.text += data
        self.texts.append((len(self.elements), data))


@dataclass
class BuiltPage:
    """One page of the build: its HTML, parsed, and the page it was made from."""

    entry: PageEntry
    file: str  # relative to the output folder
    html: str
    elements: list[Element]
    texts: list[tuple[int, str]]

    @property
    def source(self) -> str:
        """The file a finding on this page points to."""
        return self.entry.source or "zuhause.yaml"

    def find(self, *tags: str) -> list[Element]:
        """Every element with one of these tags."""
        return [e for e in self.elements if e.tag in tags]

    def visible_text(self) -> str:
        """The text a visitor reads (without scripts, styles and the head)."""
        return " ".join(text for _, text in self.texts)

    def main_text(self) -> str:
        """The text inside <main> (or everything when there is none)."""
        main = next((e for e in self.elements if e.tag == "main"), None)
        return main.text if main else self.visible_text()


def parse_page(entry: PageEntry, file: str, html: str) -> BuiltPage:
    """Parse one built page."""
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    return BuiltPage(entry, file, html, parser.elements, parser.texts)


@dataclass
class CheckContext:
    """Everything a rule may look at."""

    loaded: LoadedSite
    out: Path
    pages: list[BuiltPage]
    sources: dict[str, str] = field(default_factory=dict)  # path -> text, read on demand

    @property
    def root(self) -> Path:
        return self.loaded.root

    @property
    def model(self) -> SiteModel:
        return self.loaded.model

    @property
    def language(self) -> str:
        return self.loaded.config.language

    @property
    def people(self) -> list[PersonView]:
        return list(self.model.people.values())

    @property
    def home(self) -> BuiltPage:
        return next(p for p in self.pages if p.entry.kind == "home")

    def source_text(self, path: str) -> str:
        """The text of a site file ('' when it cannot be read)."""
        if path not in self.sources:
            try:
                self.sources[path] = (self.root / path).read_text("utf-8-sig")
            except OSError:
                self.sources[path] = ""
        return self.sources[path]

    def line_of(self, path: str, needle: str, default: int = 1) -> int:
        """The first line of a site file that contains `needle` (case-insensitive)."""
        lowered = needle.lower()
        for number, line in enumerate(self.source_text(path).split("\n"), start=1):
            if lowered in line.lower():
                return number
        return default


def load_context(loaded: LoadedSite, out: Path) -> CheckContext:
    """Parse every page of a finished build."""
    pages = []
    for entry in loaded.model.pages:
        path = out / entry.output_file
        if path.is_file():
            pages.append(parse_page(entry, entry.output_file, path.read_text("utf-8")))
    return CheckContext(loaded, out, pages)
