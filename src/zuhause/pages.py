"""The pages in `content/`: their kind, their front matter, validated."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from .errors import Problems
from .frontmatter import YamlMap, read_document
from .schema import Field, validate
from .urls import slugify

PAGE_FIELDS = (
    Field("title", "line", "the page's title", True, "Über mich"),
    Field("person", "line", "the id of the person who speaks on this page (the file name in "
          "people/ without .md)", True, "anna"),
    Field("description", "text", "one or two sentences for search engines and link previews"),
    Field("date", "date", "the day of a journal post", example="2025-12-08"),
    Field("updated", "date", "when the page was last changed", example="2025-12-10"),
    Field("draft", "bool", "true leaves the page out unless you build with --drafts",
          example="true"),
    Field("order", "integer", "a number to sort pages, offers and the menu by", example="1"),
    Field("menu", "bool", "true puts the page into the main menu", example="true"),
    Field("template", "choice", "another template of the theme for this page",
          choices=("page", "contact", "people")),
    Field("price", "line", "offers only: a price line", example="ab 450 €"),
    Field("summary", "text", "a sentence shown in lists of offers and posts"),
)

OFFER_FOLDERS = ("angebote", "offers")
JOURNAL_FOLDERS = ("journal",)


@dataclass
class Page:
    """One page read from `content/`."""

    source: str
    kind: str  # home, page, offer, post, section
    path: str  # the URL path below the base, '' for home, 'kontakt/' for others
    values: dict[str, Any]
    body: str
    body_line: int
    meta: YamlMap = field(repr=False)

    @property
    def title(self) -> str:
        return str(self.values.get("title", ""))

    @property
    def draft(self) -> bool:
        return bool(self.values.get("draft", False))


def page_kind(relative: PurePosixPath) -> str:
    """The kind of a page follows from where its file lives in `content/`."""
    parts = relative.parts
    if parts == ("index.md",):
        return "home"
    if len(parts) >= 2 and parts[0] in OFFER_FOLDERS:
        return "section" if parts[1:] == ("index.md",) else "offer"
    if len(parts) >= 2 and parts[0] in JOURNAL_FOLDERS:
        return "section" if parts[1:] == ("index.md",) else "post"
    return "page"


def page_path(relative: PurePosixPath) -> str:
    """The URL path of a page: `Über mich.md` -> `ueber-mich/`, `angebote/index.md` -> `angebote/`."""
    folders = [slugify(part) or "-" for part in relative.parts[:-1]]
    stem = relative.stem
    if stem != "index":
        folders.append(slugify(stem) or "-")
    return "".join(f"{part}/" for part in folders)


def read_page(root: Path, relative: Path, problems: Problems) -> Page | None:
    """Read and validate one page file; None when it cannot be used."""
    read = read_document(root, relative, problems)
    if read is None:
        return None
    name, document = read
    content_relative = PurePosixPath(relative.relative_to("content").as_posix())
    kind = page_kind(content_relative)
    if not document.has_front_matter:
        problems.add(name, 1, 1, "this page has no front matter",
                     "Start the file with a block between two '---' lines that names its title "
                     "and its person, e.g.\n    ---\n    title: Über mich\n    person: anna\n    ---",
                     "page.no-front-matter")
        return None
    values = validate(document.meta, PAGE_FIELDS, name, problems)
    if kind == "post" and "date" not in document.meta:
        pos = document.meta.position
        problems.add(name, pos.line, pos.column, "a journal post needs a 'date'",
                     "Add a line like: date: 2025-12-08", "page.missing-date")
    if "price" in values and kind != "offer":
        pos = document.meta.key_at("price")
        problems.add(name, pos.line, pos.column, "'price' is only for offers",
                     "Move this page into content/angebote/ or remove the price.",
                     "page.price-not-offer")
    return Page(name, kind, page_path(content_relative), values, document.body,
                document.body_line, document.meta)


def as_datetime(value: date | datetime, zone: Any) -> datetime:
    """A page date as a point in time: dates and times without offset are in the site's zone."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=zone)
    return datetime(value.year, value.month, value.day, tzinfo=zone)
