"""The people of a site: the mandatory "about the person" front matter, validated."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError

from .config import LINK_FIELDS
from .errors import Problems
from .frontmatter import YamlMap, read_document
from .schema import Field, position_of, validate

INVITATION_FIELDS = (
    Field("text", "text", "a sentence of your own inviting people to talk", True,
          "Erzählen Sie mir von Ihrem Vorhaben, ich höre gern zu."),
    Field("email", "email", "an email address", example="anna@example.de"),
    Field("phone", "phone", "a phone number", example="+49 351 1234567"),
    Field("address", "line", "an address people may visit", example="Hauptstraße 1, 01067 Dresden"),
    Field("booking_url", "url", "a page where people book an appointment",
          example="https://cal.example.de/anna"),
)
CHANNELS = ("email", "phone", "address", "booking_url")

OUTSIDE_WORK_FIELDS = (
    Field("interests", "list", "what interests you outside work", example="Segeln auf der Elbe"),
    Field("likes", "list", "what you love", example="frisches Brot am Samstag"),
    Field("dislikes", "list", "what you do not like", example="Wegwerfmöbel"),
)

PERSON_FIELDS = (
    Field("name", "line", "the person's full name", True, "Anna Beispiel"),
    Field("role", "line", "one line: what I do", True, "Tischlermeisterin – Möbel, die bleiben"),
    Field("portrait", "line", "the portrait image, a path inside static/", True, "images/anna.jpg"),
    Field("portrait_alt", "line", "what the portrait shows, for people who cannot see it", True,
          "Anna lacht in ihrer Werkstatt, Hobelspäne im Haar"),
    Field("values", "list", "what I stand for", True, "Ehrliches Holz statt Spanplatte",
          min_items=1),
    Field("invitation", "map", "a personal invitation to get in touch", True,
          fields=INVITATION_FIELDS),
    Field("greeting", "line", "the first words a visitor reads", example="Moin, ich bin Anna."),
    Field("outside_work", "map", "life behind the scenes", fields=OUTSIDE_WORK_FIELDS),
    Field("since", "line", "since when you do this work", example="2009"),
    Field("location", "line", "where you work", example="Dresden"),
    Field("social", "maplist", "the person's own profiles", fields=LINK_FIELDS),
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
    complete: bool = True  # False when the file had problems: it is known, but not rendered


def read_person(root: Path, relative: Path, problems: Problems) -> Person | None:
    """Read and validate one person file; None when it cannot be used."""
    read = read_document(root, relative, problems)
    if read is None:
        return None
    name, document = read
    if not document.has_front_matter:
        problems.add(name, 1, 1, "this person file has no front matter",
                     "Start it with a block between two '---' lines: name, role, portrait, "
                     "portrait_alt, values and invitation (see docs/site-folder.md).",
                     "person.no-front-matter")
        return None
    before = len(list(problems))
    values = validate(document.meta, PERSON_FIELDS, name, problems)
    invitation = values.get("invitation")
    if invitation is not None and not any(invitation.get(c) for c in CHANNELS):
        pos = position_of(document.meta, "invitation")
        problems.add(name, pos.line, pos.column,
                     "the invitation has no way to reach you",
                     "Add at least one of email, phone, address or booking_url below "
                     "'invitation:'.", "person.no-channel")
    if not document.body.strip():
        problems.add(name, document.body_line, 1, "the story is empty",
                     "Below the closing '---', tell your story in a few sentences: how you came "
                     "to this work and what you love about it.", "person.empty-story")
    portrait_path = None
    portrait_size: tuple[int, int] | None = None
    if "portrait" in values:
        static = (root / "static").resolve()
        portrait_path = (static / values["portrait"].lstrip("/")).resolve()
        if static not in portrait_path.parents or not portrait_path.is_file():
            pos = document.meta.value_at("portrait")
            problems.add(name, pos.line, pos.column,
                         f"the portrait 'static/{values['portrait'].lstrip('/')}' does not exist",
                         "Put the picture into the static/ folder and write its path inside "
                         "static/, e.g. portrait: images/anna.jpg", "person.missing-portrait")
        else:
            portrait_size = _image_size(portrait_path)
            if portrait_size is None:
                pos = document.meta.value_at("portrait")
                problems.add(name, pos.line, pos.column,
                             f"the portrait '{values['portrait']}' is not an image zuhause can read",
                             "Use a JPEG, PNG, WebP or SVG file.", "person.bad-portrait")
    return Person(relative.stem, name, values, document.body, document.body_line, portrait_path,
                  document.meta, portrait_size or (0, 0), len(list(problems)) == before)


def _image_size(path: Path) -> tuple[int, int] | None:
    """Width and height of a raster image, (0, 0) for SVG, None when it is no image."""
    if path.suffix.lower() == ".svg":
        return (0, 0)
    try:
        with Image.open(path) as image:
            return image.size
    except (UnidentifiedImageError, OSError):
        return None
