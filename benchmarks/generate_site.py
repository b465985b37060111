"""Generate a realistic, valid zuhause site of N pages for benchmarks.

The site follows docs/site-folder.md: a ``zuhause.yaml``, three people with
portraits, a home page, a few plain pages, offers (about 10 % of the pages) and
journal posts (the rest) of 500-700 words each. Everything is derived from
``random.Random(seed)``, so the same pages and seed give the same bytes.

Usage::

    python benchmarks/generate_site.py OUT --pages 1000 --seed 1
"""

from __future__ import annotations

import argparse
import datetime as dt
import posixpath
import random
import re
import shutil
import struct
import sys
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

# --------------------------------------------------------------------------
# Word lists (immutable constants). Every entry is letters only, so that the
# word counts of count_words() are exact.
# --------------------------------------------------------------------------

DETERMINERS = tuple(
    """
    der die das ein eine jeder unser mein dieser jene kein manche
    """.split()
)
NOUNS = tuple(
    """
    Holz Werkstatt Tisch Eiche Buche Kirsche Nussbaum Ahorn Esche Lärche Hobel Säge Leim
    Oberfläche Kante Fuge Schublade Regal Schrank Stuhl Bank Platte Maserung Öl Wachs
    Auftrag Kundin Kunde Familie Küche Treppe Fenster Tür Boden Diele Zeit Woche Winter
    Sommer Morgen Abend Licht Farbe Form Entwurf Skizze Maß Gespräch Idee Frage Antwort
    Geduld Handwerk Material Werkzeug Zwinge Stemmeisen Bohrer Schraube Zapfen Verbindung
    Ecke Wand Haus Wohnung Raum Garten Lieferung Montage Angebot Preis Termin Projekt
    Nachbarin Lehrling Meisterin Geselle Stück Brett Bohle Stamm Rinde Jahresring
    Feuchtigkeit Wärme Geruch Staub Qualität Sorgfalt Erfahrung Ruhe Freude Stadt Dorf Markt
    Lager Halle Maschine Bandsäge Fräse Lack Beize Pinsel Griff Beschlag Scharnier Tischbein
    Zarge Arbeitsplatte Fensterbank Kommode Bett Garderobe Bücherregal Werkbank
    Schwalbenschwanz Furnier Sockel Deckel
    """.split()
)
ADJECTIVES = tuple(
    """
    alte neue helle dunkle ruhige warme kalte feine grobe glatte raue massive schlichte
    ehrliche schöne lange kurze breite schmale schwere leichte gute klare weiche harte
    trockene frische geölte gewachste krumme gerade kleine große heimische regionale
    nachhaltige robuste zeitlose
    """.split()
)
VERBS = tuple(
    """
    baut hobelt schleift misst plant zeigt trägt braucht bleibt wirkt arbeitet riecht glänzt
    hält passt wächst trocknet reißt schwindet quillt wartet entsteht erzählt liebt sucht
    findet prüft sägt leimt ölt liefert montiert lernt versteht verändert erklärt fragt
    beginnt wird ist war hat kann soll muss darf bekommt
    """.split()
)
ADVERBS = tuple(
    """
    heute morgen gestern immer oft selten gern langsam schnell sorgfältig ruhig genau wieder
    noch schon bald endlich wirklich einfach eigentlich manchmal vielleicht sicher trotzdem
    zusammen draußen drinnen hier dort
    """.split()
)
PREPOSITIONS = tuple(
    """
    mit aus für über unter neben zwischen nach vor bei ohne durch gegen in auf an
    """.split()
)
CONJUNCTIONS = ("und", "aber", "weil", "denn", "dass", "wenn", "obwohl", "während")
COMMA_CONJUNCTIONS = frozenset({"aber", "weil", "denn", "dass", "wenn", "obwohl", "während"})
PRONOUNS = ("wir", "ich", "sie", "er", "es", "man", "ihr")

WORD_CLASSES: dict[str, tuple[str, ...]] = {
    "det": DETERMINERS,
    "noun": NOUNS,
    "adj": ADJECTIVES,
    "verb": VERBS,
    "adv": ADVERBS,
    "prep": PREPOSITIONS,
    "conj": CONJUNCTIONS,
    "pron": PRONOUNS,
}

# Sentence shapes; a sentence of n words walks one of them cyclically.
SENTENCE_PATTERNS = (
    (
        "det",
        "adj",
        "noun",
        "verb",
        "adv",
        "prep",
        "det",
        "noun",
        "conj",
        "pron",
        "verb",
        "adj",
        "noun",
    ),
    (
        "pron",
        "verb",
        "det",
        "noun",
        "prep",
        "det",
        "adj",
        "noun",
        "conj",
        "det",
        "noun",
        "verb",
        "adv",
    ),
    ("adv", "verb", "det", "noun", "det", "adj", "noun", "prep", "noun", "conj", "pron", "verb"),
    (
        "det",
        "noun",
        "prep",
        "noun",
        "verb",
        "adv",
        "adj",
        "conj",
        "det",
        "noun",
        "verb",
        "prep",
        "noun",
    ),
)
LINK_LEADS = (
    ("Mehr", "dazu", "steht", "in"),
    ("Siehe", "auch"),
    ("Passend", "dazu"),
    ("Wie", "es", "weitergeht", "zeigt"),
    ("Das", "erinnert", "an"),
    ("Vergleiche", "auch"),
)
CODE_LANGUAGES = ("text", "yaml", "bash", "python")

WORD_RE = re.compile(r"[A-Za-zÄÖÜäöüß]+")
FENCE_RE = re.compile(r"^```.*?^```[ \t]*$", re.MULTILINE | re.DOTALL)
LINK_DEST_RE = re.compile(r"\]\([^)]*\)")

PLAIN_PAGE_COUNT = 4
OFFER_SHARE = 0.10
MIN_PAGES = 1 + PLAIN_PAGE_COUNT + 1 + 1
POST_WORDS = (500, 700)
FIRST_POST_DAY = dt.date(2010, 1, 1)
LAST_POST_DAY = dt.date(2025, 12, 31)


# --------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    """One person of the site (people/<id>.md)."""

    id: str
    name: str
    role: str
    values: tuple[str, ...]
    invitation: str
    greeting: str
    since: str
    interests: tuple[str, ...]
    color: tuple[int, int, int]


@dataclass(frozen=True)
class PageRef:
    """A page to write: its path inside content/ (posix), title and speaker."""

    path: str
    title: str
    person: str


@dataclass(frozen=True)
class Post:
    """A journal post: the page plus its date."""

    page: PageRef
    date: dt.date


@dataclass(frozen=True)
class SitePlan:
    """Every page of the site, decided before any file is written."""

    people: tuple[Person, ...]
    home: PageRef
    plain: tuple[PageRef, ...]
    offers: tuple[PageRef, ...]
    posts: tuple[Post, ...]

    @property
    def page_count(self) -> int:
        """All content pages: home, plain pages, offers and posts."""
        return 1 + len(self.plain) + len(self.offers) + len(self.posts)


PEOPLE_POOL = (
    Person(
        "anna",
        "Anna Berger",
        "Tischlermeisterin und Inhaberin der Werkstatt",
        ("Ehrliches Handwerk", "Holz aus der Region", "Möbel, die Generationen halten"),
        "Erzähl mir von deinem Projekt, ich melde mich innerhalb von zwei Tagen.",
        "Moin, ich bin Anna.",
        "2009",
        ("Segeln", "Gartenarbeit"),
        (176, 122, 72),
    ),
    Person(
        "jonas",
        "Jonas Keller",
        "Geselle, zuständig für Küchen und Einbauten",
        ("Genauigkeit", "Zuhören", "Saubere Montage"),
        "Schreib mir, wenn deine Küche ein neues Gesicht braucht.",
        "Hallo, ich bin Jonas.",
        "2016",
        ("Klettern", "Kochen"),
        (94, 120, 140),
    ),
    Person(
        "mira",
        "Mira Hoffmann",
        "Gestalterin für Entwürfe und Oberflächen",
        ("Schlichte Formen", "Natürliche Oberflächen", "Klare Absprachen"),
        "Lass uns bei einem Kaffee über deine Ideen sprechen.",
        "Guten Tag, ich bin Mira.",
        "2018",
        ("Zeichnen", "Radfahren"),
        (150, 90, 110),
    ),
    Person(
        "emil",
        "Emil Schröder",
        "Restaurator für alte Möbel",
        ("Reparieren statt wegwerfen", "Geduld", "Respekt vor dem Alter"),
        "Bring mir dein Erbstück vorbei, ich schaue es mir gern an.",
        "Moin, ich bin Emil.",
        "2004",
        ("Flohmärkte", "Jazz"),
        (120, 140, 80),
    ),
    Person(
        "lena",
        "Lena Wagner",
        "Auszubildende im dritten Lehrjahr",
        ("Neugier", "Sorgfalt", "Teamgeist"),
        "Frag mich gern, wie eine Ausbildung bei uns aussieht.",
        "Hi, ich bin Lena.",
        "2023",
        ("Fußball", "Fotografie"),
        (200, 160, 60),
    ),
    Person(
        "karl",
        "Karl Neumann",
        "Treppenbauer und Monteur",
        ("Sicherheit", "Verlässlichkeit", "Pünktlichkeit"),
        "Ruf mich an, wenn deine Treppe knarrt oder eine neue her soll.",
        "Servus, ich bin Karl.",
        "1998",
        ("Wandern", "Schach"),
        (80, 80, 150),
    ),
)
ADDRESSES = (
    ("Werkstattweg 12", "01067", "Dresden", "+49 351 4820193"),
    ("Am Sägewerk 3", "24103", "Kiel", "+49 431 5520871"),
    ("Hobelgasse 7", "79098", "Freiburg", "+49 761 3811452"),
    ("Lindenstraße 40", "04109", "Leipzig", "+49 341 9902217"),
)
OFFER_THINGS = tuple(
    """
    Esstisch Küche Einbauschrank Treppe Bücherregal Kommode Garderobe Bett Haustür
    Fensterbank Sideboard Schreibtisch Badmöbel Dielenboden Gartenbank Reparatur
    Restaurierung
    """.split()
)
WOODS = ("Eiche", "Buche", "Kirsche", "Nussbaum", "Ahorn", "Esche", "Lärche", "Kiefer")
OFFER_SHAPES = (
    "{thing} aus {wood}",
    "{thing} nach Maß",
    "{adj} {thing} aus {wood}",
    "{thing} für kleine Räume",
    "{thing} mit Massivholzkante",
)
UNITS = ("Tage", "Wochen", "mm", "cm", "kg", "Stück")


# --------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------


def count_words(markdown: str) -> int:
    """Words of prose in Markdown: letter runs, without code blocks and link targets."""
    text = FENCE_RE.sub("", markdown)
    text = LINK_DEST_RE.sub("]", text)
    return len(WORD_RE.findall(text))


def slugify(text: str) -> str:
    """The URL name zuhause makes from a file name (see docs/site-folder.md)."""
    text = text.lower()
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, plain)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def unique_slug(base: str, taken: set[str]) -> str:
    """Return base, or base-2, base-3, ... whichever is not taken yet; mark it taken."""
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def yaml_scalar(value: str) -> str:
    """A YAML scalar that zuhause reads back as exactly this text."""
    needs_quotes = (
        not value
        or value != value.strip()
        or ": " in value
        or " #" in value
        or value.endswith(":")
        or value[0] in "@%`*&!|>'\"{}[],?-#"
    )
    if not needs_quotes:
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def front_matter(fields: Sequence[tuple[str, str]]) -> str:
    """A front matter block of flat key: value pairs."""
    lines = [f"{key}: {yaml_scalar(value)}" for key, value in fields]
    return "---\n" + "\n".join(lines) + "\n---\n"


def capitalize(text: str) -> str:
    """Upper-case the first letter only."""
    return text[:1].upper() + text[1:]


def relative_link(source: str, target: str) -> str:
    """The relative .md link from content file source to content file target."""
    return posixpath.relpath(target, posixpath.dirname(source) or ".")


def tiny_png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A valid RGB PNG with a simple vertical gradient, made with the stdlib only."""

    def chunk(tag: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(tag + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)

    rows = []
    for y in range(height):
        shade = tuple(min(255, c + y * 4) for c in rgb)
        rows.append(b"\x00" + bytes(shade) * width)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )


def write_text(path: Path, text: str) -> None:
    """Write UTF-8 text with Unix line endings, creating parent folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


# --------------------------------------------------------------------------
# Prose
# --------------------------------------------------------------------------


def words(rng: random.Random, n: int) -> list[str]:
    """n words that follow one of the sentence patterns."""
    pattern = rng.choice(SENTENCE_PATTERNS)
    start = rng.randrange(len(pattern))
    return [rng.choice(WORD_CLASSES[pattern[(start + i) % len(pattern)]]) for i in range(n)]


def sentence(rng: random.Random, n: int, emphasis: bool = False) -> str:
    """A sentence of exactly n words, maybe with one emphasised word or pair."""
    parts = words(rng, n)
    parts[0] = capitalize(parts[0])
    for i in range(1, n):
        if parts[i] in COMMA_CONJUNCTIONS:
            parts[i - 1] += ","
    if emphasis and n >= 4:
        i = rng.randrange(1, n - 2)
        last = i + 1 if rng.random() < 0.5 and not parts[i].endswith(",") else i
        marker = "**" if last > i else "*"
        comma = "," if parts[last].endswith(",") else ""
        parts[i] = marker + parts[i]
        parts[last] = parts[last].rstrip(",") + marker + comma
    end = rng.choices((".", "?", "!"), weights=(12, 1, 1))[0]
    return " ".join(parts) + end


def paragraph(rng: random.Random, n: int, emphasis: float = 0.3) -> str:
    """A paragraph of exactly n words made of sentences of 5-16 words."""
    sentences = []
    remaining = n
    while remaining > 0:
        size = min(remaining, rng.randint(5, 16))
        if 0 < remaining - size < 4:
            size = remaining
        sentences.append(sentence(rng, size, emphasis=rng.random() < emphasis))
        remaining -= size
    return " ".join(sentences)


def heading(rng: random.Random, level: int) -> str:
    """A Markdown heading of 2-5 words."""
    return "#" * level + " " + capitalize(" ".join(words(rng, rng.randint(2, 5))))


def title(rng: random.Random) -> str:
    """A page title of 3-6 words."""
    return capitalize(" ".join(words(rng, rng.randint(3, 6))))


def bullet_list(rng: random.Random) -> str:
    """A bullet list of 3-5 short items."""
    items = [
        f"- {sentence(rng, rng.randint(3, 9), rng.random() < 0.2)}"
        for _ in range(rng.randint(3, 5))
    ]
    return "\n".join(items)


def numbered_list(rng: random.Random) -> str:
    """A numbered list of 3-5 steps."""
    return "\n".join(
        f"{i}. {sentence(rng, rng.randint(4, 10))}" for i in range(1, rng.randint(3, 5) + 1)
    )


def table(rng: random.Random) -> str:
    """A small three-column table of wood, measure and quality."""
    lines = ["| Holz | Menge | Eigenschaft |", "| --- | ---: | --- |"]
    for _ in range(rng.randint(3, 5)):
        amount = f"{rng.randint(1, 400)} {rng.choice(UNITS)}"
        lines.append(f"| {rng.choice(WOODS)} | {amount} | {capitalize(rng.choice(ADJECTIVES))} |")
    return "\n".join(lines)


def code_block(rng: random.Random) -> str:
    """A fenced code block: a cut list, a config snippet or a tiny script."""
    language = rng.choice(CODE_LANGUAGES)
    if language == "yaml":
        body = "\n".join(
            f"{slugify(rng.choice(WOODS))}_{i}: {rng.randint(200, 2400)}x{rng.randint(20, 900)}"
            for i in range(rng.randint(3, 6))
        )
    elif language == "bash":
        body = (
            f"rsync -av public/ server:/srv/www/\nls -la public | wc -l\necho {rng.randint(1, 99)}"
        )
    elif language == "python":
        body = (
            f"breite = {rng.randint(600, 2400)}\nzugabe = {rng.randint(2, 20)}\n"
            "print(breite + 2 * zugabe)"
        )
    else:
        body = "\n".join(
            f"{i}  {rng.choice(WOODS):<10} {rng.randint(200, 2400)} x {rng.randint(20, 900)} mm"
            for i in range(1, rng.randint(3, 6) + 1)
        )
    return f"```{language}\n{body}\n```"


def link_sentence(rng: random.Random, target: PageRef, href: str) -> str:
    """A sentence that links to another page of the site."""
    lead = " ".join(rng.choice(LINK_LEADS))
    return f"{lead} [{target.title}]({href})."


# --------------------------------------------------------------------------
# Planning
# --------------------------------------------------------------------------


def page_counts(pages: int) -> tuple[int, int]:
    """(offers, posts) for a site of `pages` pages in total."""
    if pages < MIN_PAGES:
        raise ValueError(f"a site needs at least {MIN_PAGES} pages, got {pages}")
    offers = max(1, round(pages * OFFER_SHARE))
    return offers, pages - 1 - PLAIN_PAGE_COUNT - offers


def plan_offers(rng: random.Random, count: int, people: Sequence[Person]) -> tuple[PageRef, ...]:
    """Offer pages with unique file names in content/angebote/."""
    taken: set[str] = set()
    offers = []
    for _ in range(count):
        name = rng.choice(OFFER_SHAPES).format(
            thing=rng.choice(OFFER_THINGS),
            wood=rng.choice(WOODS),
            adj=capitalize(rng.choice(ADJECTIVES)),
        )
        slug = unique_slug(slugify(name), taken)
        offers.append(PageRef(f"angebote/{slug}.md", name, rng.choice(people).id))
    return tuple(offers)


def plan_posts(rng: random.Random, count: int, people: Sequence[Person]) -> tuple[Post, ...]:
    """Journal posts with unique file names and dates spread over many years."""
    taken: set[str] = set()
    span = (LAST_POST_DAY - FIRST_POST_DAY).days
    posts = []
    for _ in range(count):
        name = title(rng)
        slug = unique_slug(slugify(name), taken)
        day = FIRST_POST_DAY + dt.timedelta(days=rng.randint(0, span))
        posts.append(Post(PageRef(f"journal/{slug}.md", name, rng.choice(people).id), day))
    return tuple(posts)


def plan_site(rng: random.Random, pages: int) -> SitePlan:
    """Decide people and every page (paths, titles, speakers, dates)."""
    offer_count, post_count = page_counts(pages)
    people = tuple(rng.sample(PEOPLE_POOL, 3))
    owner = people[0].id
    plain = (
        PageRef("ueber-mich.md", "Über mich", owner),
        PageRef("werkstatt.md", "Die Werkstatt", rng.choice(people).id),
        PageRef("team.md", "Das Team", owner),
        PageRef("kontakt.md", "Kontakt", owner),
    )
    home = PageRef("index.md", "Willkommen in der Werkstatt", owner)
    return SitePlan(
        people,
        home,
        plain,
        plan_offers(rng, offer_count, people),
        plan_posts(rng, post_count, people),
    )


def pick_links(rng: random.Random, plan: SitePlan, source: PageRef, count: int) -> list[PageRef]:
    """Up to `count` distinct other pages to link to: mostly posts, some offers and plain pages."""
    chosen: dict[str, PageRef] = {}
    for _ in range(count * 4):
        if len(chosen) == count:
            break
        roll = rng.random()
        if roll < 0.6 and len(plan.posts) > 1:
            target = rng.choice(plan.posts).page
        elif roll < 0.9:
            target = rng.choice(plan.offers)
        else:
            target = rng.choice(plan.plain[:2])
        if target.path != source.path:
            chosen.setdefault(target.path, target)
    return list(chosen.values())


# --------------------------------------------------------------------------
# Bodies
# --------------------------------------------------------------------------


def post_body(rng: random.Random, target_words: int, links: list[tuple[PageRef, str]]) -> str:
    """A post body of exactly target_words words (see count_words)."""
    extras = ["bullet"]
    extras += ["numbered"] if rng.random() < 0.7 else []
    extras += ["subsection"] if rng.random() < 0.8 else []
    extras += ["table"] if rng.random() < 0.2 else []
    extras += ["code"] if rng.random() < 0.25 else []
    rng.shuffle(extras)
    pending = list(links)
    closing_reserve = 80
    budget = target_words - closing_reserve

    def with_link(text: str) -> str:
        if pending and rng.random() < 0.7:
            target, href = pending.pop(0)
            return f"{text} {link_sentence(rng, target, href)}"
        return text

    blocks = [with_link(paragraph(rng, rng.randint(40, 70)))]
    used = count_words(blocks[0])
    while used < budget - 30:
        section = [heading(rng, 2), with_link(paragraph(rng, rng.randint(25, 60)))]
        if extras:
            section.extend(extra_blocks(rng, extras.pop(0)))
        size = count_words("\n\n".join(section))
        if used + size > budget:
            break
        blocks.extend(section)
        used += size
    blocks.extend(closing_section(rng, target_words - used, pending))
    return "\n\n".join(blocks) + "\n"


def extra_blocks(rng: random.Random, kind: str) -> list[str]:
    """The blocks of one kind of extra: lists, tables, code or a sub-section."""
    if kind == "bullet":
        return [bullet_list(rng)]
    if kind == "numbered":
        return [numbered_list(rng)]
    if kind == "table":
        return [table(rng)]
    if kind == "code":
        return [code_block(rng)]
    return [heading(rng, 3), paragraph(rng, rng.randint(20, 45))]


def closing_section(
    rng: random.Random, words_left: int, links: list[tuple[PageRef, str]]
) -> list[str]:
    """A last section with exactly words_left words, holding the links still to place."""
    head = heading(rng, 2)
    link_text = " ".join(link_sentence(rng, target, href) for target, href in links)
    prose = words_left - count_words(head) - count_words(link_text)
    if prose < 5:
        raise AssertionError("closing section has no room left; widen closing_reserve")
    blocks = [head]
    while prose > 60:
        size = rng.randint(30, 50)
        blocks.append(paragraph(rng, size))
        prose -= size
    blocks.append(" ".join(filter(None, (paragraph(rng, prose), link_text))))
    return blocks


def prose_body(rng: random.Random, sections: int, links: Iterable[tuple[PageRef, str]] = ()) -> str:
    """A shorter body for people, offers and plain pages."""
    blocks = [paragraph(rng, rng.randint(30, 60))]
    for i in range(sections):
        blocks += [heading(rng, 2), paragraph(rng, rng.randint(30, 70))]
        if i == 0:
            blocks.append(bullet_list(rng))
    link_text = " ".join(link_sentence(rng, target, href) for target, href in links)
    if link_text:
        blocks.append(link_text)
    return "\n\n".join(blocks) + "\n"


# --------------------------------------------------------------------------
# Files
# --------------------------------------------------------------------------


def write_config(target: Path, rng: random.Random, owner: Person) -> None:
    """zuhause.yaml with business, contact and the Impressum data of a sole trader."""
    street, postcode, city, phone = rng.choice(ADDRESSES)
    business = f"Tischlerei {owner.name.split()[-1]}"
    email = "info@bench.example"
    text = f"""title: {business}
language: de
base_url: https://bench.example/
description: Möbel, Küchen und Treppen aus heimischem Holz, geplant und gebaut in {city}.
theme: default
business:
  name: {business}
  type: LocalBusiness
  street: {street}
  postcode: {postcode}
  city: {city}
  country: DE
contact:
  email: {email}
  phone: {phone}
legal:
  form: sole_trader
  name: {owner.name}
  street: {street}
  postcode: {postcode}
  city: {city}
  country: DE
  email: {email}
  phone: {phone}
  employees: 3
"""
    write_text(target / "zuhause.yaml", text)


def write_person(target: Path, rng: random.Random, person: Person) -> None:
    """people/<id>.md with every required key, a story body and the portrait file."""
    values = "\n".join(f"  - {yaml_scalar(v)}" for v in person.values)
    interests = "\n".join(f"    - {yaml_scalar(v)}" for v in person.interests)
    head = f"""---
name: {yaml_scalar(person.name)}
role: {yaml_scalar(person.role)}
portrait: images/{person.id}.png
portrait_alt: {yaml_scalar(f"{person.name} in der Werkstatt, lächelnd, mit Spänen auf der Schürze")}
values:
{values}
invitation:
  text: {yaml_scalar(person.invitation)}
  email: {person.id}@bench.example
greeting: {yaml_scalar(person.greeting)}
since: {person.since}
outside_work:
  interests:
{interests}
---
"""
    story = "\n\n".join(
        paragraph(rng, rng.randint(50, 90), emphasis=0.2) for _ in range(rng.randint(3, 5))
    )
    write_text(target / "people" / f"{person.id}.md", head + "\n" + story + "\n")
    png = tiny_png(16, 16, person.color)
    (target / "static" / "images").mkdir(parents=True, exist_ok=True)
    (target / "static" / "images" / f"{person.id}.png").write_bytes(png)


def write_page(target: Path, page: PageRef, extra: Sequence[tuple[str, str]], body: str) -> None:
    """content/<page.path> with title, person, extra front matter and body."""
    fields = [("title", page.title), ("person", page.person), *extra]
    write_text(target / "content" / page.path, front_matter(fields) + "\n" + body)


def links_from(
    rng: random.Random, plan: SitePlan, page: PageRef, count: int
) -> list[tuple[PageRef, str]]:
    """(target, relative href) pairs for `count` links from page."""
    return [(t, relative_link(page.path, t.path)) for t in pick_links(rng, plan, page, count)]


def write_home(target: Path, rng: random.Random, plan: SitePlan) -> None:
    """content/index.md: greeting, some offers, the latest posts."""
    home = plan.home
    latest = sorted(plan.posts, key=lambda p: (p.date, p.page.path), reverse=True)[:3]
    offers = "\n".join(
        f"- [{o.title}]({relative_link(home.path, o.path)})" for o in plan.offers[:3]
    )
    posts = "\n".join(
        f"- [{p.page.title}]({relative_link(home.path, p.page.path)})" for p in latest
    )
    body = (
        f"{paragraph(rng, 60)} Wer wir sind, steht auf [Über mich](ueber-mich.md).\n\n"
        f"## Was wir bauen\n\n{offers}\n\n## Aus dem Journal\n\n{posts}\n\n"
        f"{paragraph(rng, 30)} [Schreib uns](kontakt.md).\n"
    )
    extra = [("description", "Möbel, Küchen und Treppen aus heimischem Holz, mit Sorgfalt gebaut.")]
    write_page(target, home, extra, body)


def write_plain_pages(target: Path, rng: random.Random, plan: SitePlan) -> None:
    """Über mich, Werkstatt (with an image), Team (people template), Kontakt (contact template)."""
    about, workshop, team, contact = plan.plain
    write_page(
        target,
        about,
        [("menu", "true"), ("order", "1")],
        prose_body(rng, 3, links_from(rng, plan, about, 2)),
    )
    (target / "static" / "images" / "werkstatt.png").write_bytes(tiny_png(32, 16, (140, 110, 80)))
    workshop_body = (
        prose_body(rng, 2)
        + "\n![Die Werkbank im Morgenlicht](/images/werkstatt.png)\n\n"
        + table(rng)
        + "\n"
    )
    write_page(target, workshop, [("menu", "true"), ("order", "2")], workshop_body)
    write_page(target, team, [("template", "people"), ("order", "3")], prose_body(rng, 1))
    write_page(
        target,
        contact,
        [("template", "contact"), ("menu", "true"), ("order", "4")],
        paragraph(rng, 40) + "\n",
    )


def write_offers(target: Path, rng: random.Random, plan: SitePlan) -> None:
    """content/angebote/*.md with price, order and summary."""
    for order, offer in enumerate(plan.offers, start=1):
        extra = [
            ("price", f"ab {rng.randint(3, 120) * 50} €"),
            ("order", str(order)),
            ("summary", sentence(rng, rng.randint(8, 14))),
        ]
        contact_link = (PageRef("kontakt.md", "Schreib mir", offer.person), "../kontakt.md")
        body = prose_body(rng, rng.randint(1, 3), [*links_from(rng, plan, offer, 1), contact_link])
        if rng.random() < 0.3:
            body += "\n" + table(rng) + "\n"
        write_page(target, offer, extra, body)


def write_posts(target: Path, rng: random.Random, plan: SitePlan) -> None:
    """content/journal/*.md of 500-700 words with 1-3 links each."""
    for post in plan.posts:
        extra: list[tuple[str, str]] = [("date", post.date.isoformat())]
        if rng.random() < 0.5:
            extra.append(("description", sentence(rng, rng.randint(10, 18))))
        if rng.random() < 0.3:
            extra.append(("summary", sentence(rng, rng.randint(8, 14))))
        if rng.random() < 0.1:
            updated = min(LAST_POST_DAY, post.date + dt.timedelta(days=rng.randint(1, 400)))
            extra.append(("updated", updated.isoformat()))
        links = links_from(rng, plan, post.page, rng.randint(1, 3))
        body = post_body(rng, rng.randint(*POST_WORDS), links)
        write_page(target, post.page, extra, body)


def generate_site(target: Path, pages: int, seed: int = 1) -> None:
    """Write a valid zuhause site of exactly `pages` content pages into target.

    target must not exist or be empty. The output depends only on pages and seed.
    """
    target = Path(target)
    if target.exists() and any(target.iterdir()):
        raise FileExistsError(f"{target} is not empty")
    rng = random.Random(seed)
    plan = plan_site(rng, pages)
    write_config(target, rng, plan.people[0])
    for person in plan.people:
        write_person(target, rng, person)
    write_home(target, rng, plan)
    write_plain_pages(target, rng, plan)
    write_offers(target, rng, plan)
    write_posts(target, rng, plan)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: generate_site.py OUT --pages N --seed S [--force]."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the site folder to create")
    parser.add_argument(
        "--pages", type=int, default=1000, help="total content pages (default 1000)"
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--force", action="store_true", help="delete OUT first if it exists")
    args = parser.parse_args(argv)
    if args.force and args.out.exists():
        shutil.rmtree(args.out)
    try:
        generate_site(args.out, args.pages, args.seed)
    except (ValueError, FileExistsError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"wrote a site of {args.pages} pages to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
