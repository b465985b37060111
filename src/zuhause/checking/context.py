"""What the rules look at: the site model and every built page, parsed, with the way back to
the source file and line."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from ..build import LoadedSite
from ..frontmatter import Document
from ..manifest import load_manifest
from ..markup import MarkdownRenderer
from ..model import PageEntry, PersonView, SiteModel
from ..render import PageRenderer
from .targets import Target, resolve_url

_INVISIBLE = {"script", "style", "template", "noscript", "head", "title"}
_CODE = {"script", "style"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}
# The types of a <picture>'s <source> every browser zuhause writes for can show.
_SHOWN_TYPES = {"", "image/webp", "image/jpeg", "image/png", "image/gif", "image/svg+xml",
                "image/avif"}


@dataclass
class Element:
    """A start tag of a built page, in document order, with the text inside it."""

    tag: str
    attrs: dict[str, str]
    index: int
    line: int
    text: str = ""
    picture: int = -1  # the index of the <picture> it stands in, -1 when none

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
        picture = next((e.index for e in reversed(self._open) if e.tag == "picture"), -1)
        element = Element(tag, {k: v or "" for k, v in attrs}, len(self.elements),
                          self.getpos()[0], picture=picture)
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
            if self._open[-1].tag in _CODE:  # a script's or style's own text, for the rules
                self._open[-1].text += data  # that read code; never part of the visible text
            return
        for element in self._open:
            element.text += data
        self.texts.append((len(self.elements), data))


def srcset_urls(srcset: str) -> list[tuple[str, float]]:
    """The candidates of a `srcset`: (URL, width or density; 1 when it says none)."""
    candidates = []
    for candidate in srcset.split(","):
        parts = candidate.split()
        if not parts:
            continue
        size = 1.0
        if len(parts) > 1 and parts[1][:-1].replace(".", "", 1).isdigit():
            size = float(parts[1][:-1])
        candidates.append((parts[0], size))
    return candidates


def image_urls(element: Element) -> list[str]:
    """Every image address of an <img> (src, srcset) or a <picture>'s <source> (srcset)."""
    urls = [element.get("src")] if element.tag == "img" and element.get("src") else []
    return urls + [url for url, _ in srcset_urls(element.get("srcset"))]


def _largest(srcset: str) -> str:
    candidates = srcset_urls(srcset)
    return max(candidates, key=lambda c: c[1])[0] if candidates else ""


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

    def loaded_image(self, image: Element) -> str:
        """The one address an <img> makes the browser load, at most: in a <picture>, the first
        <source> of a type browsers show (WebP before the JPEG or PNG fallback), else the
        <img>'s own `srcset`, else its `src`; of a `srcset`, the largest candidate (what a wide
        screen with a sharp display takes, an upper bound for every other screen)."""
        if image.picture >= 0:
            for source in self.elements[image.picture + 1:image.index]:
                if source.tag == "source" and source.picture == image.picture \
                        and source.get("type").strip().lower() in _SHOWN_TYPES \
                        and (url := _largest(source.get("srcset")) or source.get("src")):
                    return url
        return _largest(image.get("srcset")) or image.get("src")

    def visible_text(self) -> str:
        """The text a visitor reads (without scripts, styles and the head)."""
        return " ".join(text for _, text in self.texts)


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
    # Every file of the build that was published from a file of the site (each image variant
    # in media/, each picture and file of static/) -> that file, as the build's manifest
    # records it: 'media/anna-1a2b3c4d5e-480.webp' -> 'static/images/anna.jpg'.
    origins: dict[str, str] = field(default_factory=dict)
    _markdown: MarkdownRenderer | None = field(default=None, repr=False)
    _targets: dict[tuple[str, str], Target | None] = field(default_factory=dict, repr=False)
    templates: dict[str, tuple[str, Path]] | None = field(default=None, repr=False)  # see locate

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

    def resolve(self, base_file: str, url: str) -> Target | None:
        """Where a URL written in the build file `base_file` leads; None when it is not the
        site's own (mailto:, tel:, other hosts, another site under the same host)."""
        key = (base_file, url)
        if key not in self._targets:  # every rule asks about the same links
            self._targets[key] = resolve_url(self.model.base_url, self.out, base_file, url)
        return self._targets[key]

    def markdown_html(self, source: str, body: str, body_line: int, page_dir: str = "",
                      id_prefix: str = "") -> str:
        """A Markdown text as the build converted it; converted here only if the build did not
        (pages rendered in worker processes on big sites)."""
        if self._markdown is None:
            loaded = self.loaded
            self._markdown = PageRenderer(loaded.model, loaded.root, loaded.chain,
                                          loaded.converted).markdown
        return self._markdown.render(body, source, body_line, page_dir, id_prefix).html

    def page_html(self, entry: PageEntry) -> str:
        """A page's own Markdown body as HTML (without what the theme puts around it)."""
        return self.markdown_html(entry.source, entry.body, entry.body_line, entry.page_dir)

    def person_document(self, person: PersonView) -> Document:
        """The person file as the build read it: front matter with its places, the story."""
        read = next(p for p in self.loaded.people if p.id == person.id)
        return Document(read.meta, read.story_markdown, read.story_line)

    def story_html(self, person: PersonView) -> str:
        """A person's story as the build converted it."""
        document = self.person_document(person)
        return self.markdown_html(person.source, document.body, document.body_line,
                                  id_prefix=f"{person.id}-")

    def origin(self, file: str) -> str:
        """The site file a file of the build was published from ('' when none: a page)."""
        return self.origins.get(file, "")

    def origin_of_url(self, page: BuiltPage, url: str) -> str:
        """The site file an image address on `page` (in src, srcset) was made from; '' when
        the address leads nowhere in the build or to a file made by zuhause itself."""
        target = self.resolve(page.file, url)
        return self.origin(target.file) if target is not None and target.exists else ""

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
    manifest = load_manifest(out)
    records = manifest.files if manifest is not None else {}
    origins = {file: str(record["source"]) for file, record in records.items()
               if isinstance(record, dict) and record.get("source")}
    return CheckContext(loaded, out, pages, origins=origins)
