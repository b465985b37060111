"""The pages in `content/`: their kind, their front matter, validated."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from .errors import Problem, Problems, msg
from .frontmatter import Position, YamlMap, YamlParser, read_document, split_document
from .images.catalog import ImageRef, find_image, image_problem
from .images.plan import Where
from .later import Deferred
from .schema import Field, validate
from .sources import Source, SourceError, read_source, text_digest
from .urls import slugify

PAGE_FIELDS = (
    Field("title", "line", msg("field.page.title"), True, "Über mich"),
    Field("person", "line", msg("field.page.person"), True, "anna"),
    Field("description", "text", msg("field.page.description")),
    Field("date", "date", msg("field.page.date"), example="2025-12-08"),
    Field("updated", "date", msg("field.page.updated"), example="2025-12-10"),
    Field("draft", "bool", msg("field.page.draft"),
          example="true"),
    Field("order", "integer", msg("field.page.order"), example="1"),
    Field("menu", "bool", msg("field.page.menu"), example="true"),
    Field("template", "choice", msg("field.page.template"),
          choices=("page", "contact", "people")),
    Field("price", "line", msg("field.page.price"), example="ab 450 €"),
    Field("summary", "text", msg("field.page.summary")),
    Field("image", "line", msg("field.page.image"), example="kueche.jpg"),
    Field("image_alt", "line", msg("field.page.image_alt"),
          example="Eine Küche aus Eiche mit einer Arbeitsplatte aus Stein"),
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
    body: Deferred[str] = Deferred()  # or Later (`body_from_file`): a single build reads it
    body_line: int = 1
    meta: Deferred[YamlMap] = field(default=Deferred(), repr=False)  # or Later
    image: ImageRef | None = None
    digest: str = ""  # a hash of the file's text, when it was read through the parse cache

    @property
    def title(self) -> str:
        return str(self.values.get("title", ""))

    @property
    def draft(self) -> bool:
        return bool(self.values.get("draft", False))


@dataclass(frozen=True)
class BodyAt:
    """Where a page's text stands: the file (its path, and its name as the owner knows it),
    the text's length at the file's end, and the hash of the file's text as the build read it."""

    path: str
    name: str
    length: int
    digest: str


def body_from_file(at: BodyAt) -> str:
    """A page's text read again from its file; raises SourceError when the file is no longer
    the one the build read (it was saved in between)."""
    text = read_source(Path(at.path), at.name).text
    if text_digest(text) != at.digest:
        raise SourceError(Problem(at.name, 0, 0, msg("source.changed"), msg("source.changed-hint"),
                                  "source.changed"))
    return text[len(text) - at.length:] if at.length else ""


def places_from_file(at: BodyAt) -> YamlMap:
    """A page's front matter with the places of its keys and values, read again from its file
    (only a message needs them); an empty one at the file's start when the file is no longer
    the one the build read (the message then names the file's first line)."""
    try:
        text = read_source(Path(at.path), at.name).text
    except SourceError:
        return YamlMap(Position(1, 1))
    document = split_document(text, at.name) if text_digest(text) == at.digest else None
    if document is None or document.problems or not isinstance(document.meta, YamlMap):
        return YamlMap(Position(1, 1))
    return document.meta


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


def read_page(root: Path, relative: Path, problems: Problems,
              parse: YamlParser | None = None,
              read: Callable[[Path, str], Source] = read_source) -> Page | None:
    """Read and validate one page file; None when it cannot be used."""
    found = read_document(root, relative, problems, parse, read)
    if found is None:
        return None
    name, document = found
    content_relative = PurePosixPath(relative.relative_to("content").as_posix())
    kind = page_kind(content_relative)
    if not document.has_front_matter:
        problems.add(name, 1, 1, msg("page.no-front-matter"), msg("page.no-front-matter-hint"),
                     "page.no-front-matter")
        return None
    values = validate(document.meta, PAGE_FIELDS, name, problems)
    if kind == "post" and "date" not in document.meta:
        pos = document.meta.position
        problems.add(name, pos.line, pos.column, msg("page.missing-date"),
                     msg("page.missing-date-hint"), "page.missing-date")
    if "price" in values and kind != "offer":
        pos = document.meta.key_at("price")
        problems.add(name, pos.line, pos.column, msg("page.price-not-offer"),
                     msg("page.price-not-offer-hint"), "page.price-not-offer")
    image = _page_image(root, name, content_relative, document.meta, values, problems)
    return Page(name, kind, page_path(content_relative), values, document.body,
                document.body_line, document.meta, image)


def _page_image(root: Path, name: str, relative: PurePosixPath, meta: YamlMap,
                values: dict[str, Any], problems: Problems) -> ImageRef | None:
    """The picture a page names in `image:` (with `image_alt:`, both or neither)."""
    for present, missing in (("image", "image_alt"), ("image_alt", "image")):
        if present in values and missing not in values:
            pos = meta.key_at(present)
            problems.add(name, pos.line, pos.column,
                         msg("images.needs-both", present=present, missing=missing),
                         msg("images.needs-both-hint"), "image.needs-both")
            return None
    if "image" not in values:
        return None
    pos = meta.value_at("image")
    where = Where(name, pos.line, pos.column)
    folder = relative.parent.as_posix()
    ref = find_image(values["image"], "" if folder == "." else folder, root, [root / "static"],
                     where)
    if ref is None:
        problems.extend([image_problem("missing", values["image"], where)])
    return ref


def as_datetime(value: date | datetime, zone: Any) -> datetime:
    """A page date as a point in time: dates and times without offset are in the site's zone."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=zone)
    return datetime(value.year, value.month, value.day, tzinfo=zone)
