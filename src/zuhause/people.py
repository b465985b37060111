"""The people of a site: the mandatory "about the person" front matter, validated."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import LINK_FIELDS
from .errors import Problems, msg
from .frontmatter import YamlMap, YamlParser, read_document
from .images.plan import Where
from .images.source import MAX_PIXELS, BadImage, SourceImage, probe
from .schema import Field, position_of, validate
from .sources import Source, is_file, read_source

INVITATION_FIELDS = (
    Field("text", "text", msg("field.invitation.text"), True,
          "Erzählen Sie mir von Ihrem Vorhaben, ich höre gern zu."),
    Field("email", "email", msg("field.invitation.email"), example="anna@example.de"),
    Field("phone", "phone", msg("field.invitation.phone"), example="+49 351 1234567"),
    Field("address", "line", msg("field.invitation.address"), example="Hauptstraße 1, 01067 Dresden"),
    Field("booking_url", "url", msg("field.invitation.booking_url"),
          example="https://cal.example.de/anna"),
)
CHANNELS = ("email", "phone", "address", "booking_url")

OUTSIDE_WORK_FIELDS = (
    Field("interests", "list", msg("field.outside_work.interests"), example="Segeln auf der Elbe"),
    Field("likes", "list", msg("field.outside_work.likes"), example="frisches Brot am Samstag"),
    Field("dislikes", "list", msg("field.outside_work.dislikes"), example="Wegwerfmöbel"),
)

PERSON_FIELDS = (
    Field("name", "line", msg("field.person.name"), True, "Anna Beispiel"),
    Field("role", "line", msg("field.person.role"), True, "Tischlermeisterin – Möbel, die bleiben"),
    Field("portrait", "line", msg("field.person.portrait"), True, "images/anna.jpg"),
    Field("portrait_alt", "line", msg("field.person.portrait_alt"), True,
          "Anna lacht in ihrer Werkstatt, Hobelspäne im Haar"),
    Field("values", "list", msg("field.person.values"), True, "Ehrliches Holz statt Spanplatte",
          min_items=1),
    Field("invitation", "map", msg("field.person.invitation"), True,
          fields=INVITATION_FIELDS),
    Field("greeting", "line", msg("field.person.greeting"), example="Moin, ich bin Anna."),
    Field("outside_work", "map", msg("field.person.outside_work"), fields=OUTSIDE_WORK_FIELDS),
    Field("since", "line", msg("field.person.since"), example="2009"),
    Field("location", "line", msg("field.person.location"), example="Dresden"),
    Field("social", "maplist", msg("field.person.social"), fields=LINK_FIELDS),
)


@dataclass
class Person:
    """One person of the site, as read from `people/<id>.md`."""

    id: str
    source: str
    values: dict[str, Any]
    story_markdown: str
    story_line: int
    portrait_path: Path | None
    meta: YamlMap = field(repr=False)
    portrait_size: tuple[int, int] = (0, 0)
    portrait_where: Where = Where("")
    complete: bool = True  # False when the file had problems: it is known, but not rendered


def read_person(root: Path, relative: Path, problems: Problems,
                parse: YamlParser | None = None,
                read: Callable[[Path, str], Source] = read_source,
                look: Callable[[Path], SourceImage] = probe) -> Person | None:
    """Read and validate one person file; None when it cannot be used (`look` says what an
    image file's header says: `probe`, or what an earlier build found)."""
    found = read_document(root, relative, problems, parse, read)
    if found is None:
        return None
    name, document = found
    if not document.has_front_matter:
        problems.add(name, 1, 1, msg("person.no-front-matter"), msg("person.no-front-matter-hint"),
                     "person.no-front-matter")
        return None
    before = len(list(problems))
    values = validate(document.meta, PERSON_FIELDS, name, problems)
    invitation = values.get("invitation")
    if invitation is not None and not any(invitation.get(c) for c in CHANNELS):
        pos = position_of(document.meta, "invitation")
        problems.add(name, pos.line, pos.column,
                     msg("person.no-channel"), msg("person.no-channel-hint"), "person.no-channel")
    if not document.body.strip():
        problems.add(name, document.body_line, 1, msg("person.empty-story"),
                     msg("person.empty-story-hint"), "person.empty-story")
    portrait_path = None
    portrait_size: tuple[int, int] | None = None
    where = Where(name)
    if "portrait" in values:
        pos = document.meta.value_at("portrait")
        where = Where(name, pos.line, pos.column)
        portrait_path = _portrait_file(root, values["portrait"])
        if portrait_path is None:
            problems.add(name, pos.line, pos.column,
                         msg("person.missing-portrait", file=values["portrait"].lstrip("/")),
                         msg("person.missing-portrait-hint"), "person.missing-portrait")
        else:
            portrait_size = _image_size(portrait_path, look)
            if portrait_size is None:
                problems.add(name, pos.line, pos.column,
                             msg("person.bad-portrait", file=values["portrait"]),
                             msg("person.bad-portrait-hint"), "person.bad-portrait")
            elif portrait_size == _TOO_LARGE:
                portrait_size = None
                problems.add(name, pos.line, pos.column,
                             msg("person.huge-portrait", file=values["portrait"],
                                 pixels=MAX_PIXELS),
                             msg("person.huge-portrait-hint"), "person.bad-portrait")
    return Person(relative.stem, name, values, document.body, document.body_line, portrait_path,
                  document.meta, portrait_size or (0, 0), where, len(list(problems)) == before)


def _portrait_file(root: Path, portrait: str) -> Path | None:
    """The portrait's file inside static/, or None when there is none (or the name could name
    no file: too long, NUL, outside static/)."""
    static = (root / "static").resolve()
    try:
        path = (static / portrait.lstrip("/")).resolve()
    except (OSError, ValueError):
        return None
    return path if static in path.parents and is_file(path) else None


_TOO_LARGE = (-1, -1)


def _image_size(path: Path, look: Callable[[Path], SourceImage]) -> tuple[int, int] | None:
    """Width and height of an image as shown (0, 0 for an SVG without a size), None when it
    is no image, `_TOO_LARGE` when it has more pixels than zuhause is willing to open."""
    try:
        image = look(path)
    except BadImage as error:
        return _TOO_LARGE if error.reason == "too-many-pixels" else None
    except OSError:
        return None
    return image.width, image.height
