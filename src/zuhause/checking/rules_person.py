"""A human, not a facade: pages that speak in the first person, invitations in one's own words,
a life outside work, a portrait one can see, no buzzword walls, no stock photos, and on the home
page the person before the offers."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from ..frontmatter import Document, YamlMap, split_document
from ..markup import MarkdownRenderer
from ..model import PageEntry, PersonView
from .context import BuiltPage, CheckContext, image_urls
from .findings import Rule
from .locate import locate

Hits = list[tuple[str, int, dict[str, str]]]

MIN_WORDS = 10  # a text shorter than this says too little to judge its voice
MIN_INVITATION_WORDS = 4
MIN_PORTRAIT_SIDE = 240  # pixels on the shorter side
MIN_BUZZWORDS = 3  # distinct buzzwords ...
MIN_BUZZ_DENSITY = 3.0  # ... and hits per 100 words

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_ABOUT_TITLE = re.compile(r"\b(?:über|ueber|about)\b", re.IGNORECASE)
# Quotations in running text: „…“ (German), “…” and "…" (English), «…» and »…«.
_QUOTED = re.compile(r"„[^„“”]{0,600}[“”]|“[^“”]{0,600}”|\"[^\"]{0,600}\"|«[^«»]{0,600}»"
                     r"|»[^«»]{0,600}«")
_FIRST_PERSON = {
    "de": re.compile(r"\b(?:ich|mich|mir|mein(?:e[mnrs]?)?|meins|wir|uns"
                     r"|unse?r(?:e[mnrs]?)?|unsers)\b", re.IGNORECASE),
    # "I" only as a capital (not "i.e."), and "US" is the country.
    "en": re.compile(r"\b(?:I|[Mm]e|ME|[Mm]y|MY|[Mm]ine|[Mm]yself|[Ww]e|WE|[Uu]s|[Oo]urs?|OURS?"
                     r"|[Oo]urselves)\b"),
}

# What an invitation may hold besides a sentence: addresses, numbers and labels.
_NOT_A_SENTENCE = [re.compile(pattern, re.IGNORECASE) for pattern in (
    r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)+",                       # e-mail address
    r"(?:https?://|www\.)\S+",                              # web address
    r"\+?\(?\d[\d\s/().-]{5,}\d",                           # phone number
    r"\b\d{4,5}\s+[^\W\d_][\w-]*",                          # postcode and town
    r"[^\W\d_][\w.-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer|markt|hof"
    r"|street|road|lane|avenue)\s*\d+\s?[a-z]?\b",          # street and number
    r"\b(?:kontaktformular|kontakt|formular|e-?mail|mail|telefon|tel\.?|fax|handy|mobil"
    r"|adresse|anschrift|contact|form|phone|address)\b",    # labels
)]

_BUZZWORDS_DE = (
    ("marktführend", r"\bmarktführe(?:nd|r)\w*"),
    ("innovative Lösungen", r"\binnovativ\w*\s+lösung\w*"),
    ("Synergien", r"\bsynergie\w*"),
    ("ganzheitlich", r"\bganzheitlich\w*"),
    ("Wertschöpfung", r"\bwertschöpfung\w*"),
    ("disruptiv", r"\bdisruptiv\w*"),
    ("Exzellenz", r"\bexzellenz\w*"),
    ("Kompetenz", r"\bkompetenz\w*"),
    ("Mehrwert schaffen", r"\bmehrwert\w*\s+(?:zu\s+)?(?:schaff|biet|generier)\w*"
                          r"|\b(?:schaff|biet|generier)\w*\s+(?:\w+\s+)?mehrwert\w*"),
    ("nachhaltig aufgestellt", r"\bnachhaltig\s+aufgestellt\w*"),
    ("Lösungsanbieter", r"\blösungsanbieter\w*"),
    ("kundenorientiert", r"\bkundenorientiert\w*"),
    ("zukunftsorientiert", r"\bzukunftsorientiert\w*"),
    ("Premium-Qualität", r"\bpremium-?\s?qualität\w*"),
)
_BUZZWORDS_EN = (
    ("world-class", r"\bworld[\s-]class\b"),
    ("innovative solutions", r"\binnovative\s+solutions?\b"),
    ("synergy", r"\bsynerg(?:y|ies|istic)\b"),
    ("holistic", r"\bholistic\w*"),
    ("best-in-class", r"\bbest[\s-]in[\s-]class\w*"),
    ("cutting-edge", r"\bcutting[\s-]edge\b"),
    ("leverage", r"\bleverag(?:e|es|ed|ing)\b"),
    ("seamless", r"\bseamless(?:ly)?\b"),
    ("value-added", r"\bvalue[\s-]added\b"),
    ("industry-leading", r"\bindustry[\s-]leading\b"),
    ("next-generation", r"\bnext[\s-]gen(?:eration)?\b"),
    ("state of the art", r"\bstate[\s-]of[\s-]the[\s-]art\b"),
)
# German marketing text borrows the English words, so every site is read with both lists.
_BUZZWORDS = [(label, re.compile(pattern, re.IGNORECASE))
              for label, pattern in _BUZZWORDS_DE + _BUZZWORDS_EN]

_STOCK_NAME = re.compile(
    r"(?<![a-z0-9])(?:shutterstock[_-]|istock|gettyimages[_-]|pexels[_-]|adobestock[_-]|unsplash"
    r"|depositphotos[_-]|fotolia[_-]|123rf|pixabay)", re.IGNORECASE)
# Free stock sites name downloads like "tree-736885_1280.jpg".
_FREE_STOCK_NAME = re.compile(r"^[^\W_]+(?:-[^\W_]+)*-\d{5,}_(?:640|1280|1920)\.\w+$")

_PROSE_SKIP = frozenset({"script", "style", "template", "code", "pre"})
_QUOTE_TAGS = frozenset({"q", "blockquote"})
_INVISIBLE = frozenset({"script", "style", "template", "noscript", "head", "title"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "source", "track", "wbr"})


# --- reading HTML -------------------------------------------------------------------------------

class _Prose(HTMLParser):
    """The running text of an HTML fragment, without code (and, if asked, quotations)."""

    def __init__(self, skip: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = skip
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.skip:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.skip and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.depth:
            self.parts.append(data)


def _prose(html: str, without_quotes: bool = False) -> str:
    """The text of an HTML fragment; with `without_quotes`, quotations left out."""
    parser = _Prose(_PROSE_SKIP | _QUOTE_TAGS if without_quotes else _PROSE_SKIP)
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    return _QUOTED.sub(" ", text) if without_quotes else text


@dataclass
class _Seen:
    """An element of a page, with whether a visitor sees it in the main part of the page."""

    tag: str
    attrs: dict[str, str]
    in_main: bool
    in_navigation: bool
    text: str = ""


class _Outline(HTMLParser):
    """Every element of a page in document order, knowing if it is in <main> or <header>/<nav>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[_Seen] = []
        self.open: list[_Seen] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tags = {e.tag for e in self.open} | {tag}
        item = _Seen(tag, {k: v or "" for k, v in attrs}, "main" in tags,
                     bool(tags & {"header", "nav"}))
        self.items.append(item)
        if tag not in _VOID:
            self.open.append(item)

    def handle_endtag(self, tag: str) -> None:
        for position in range(len(self.open) - 1, -1, -1):
            if self.open[position].tag == tag:
                del self.open[position:]
                break

    def handle_data(self, data: str) -> None:
        if not any(e.tag in _INVISIBLE for e in self.open):
            for element in self.open:
                element.text += data


def _visible_main(html: str) -> list[_Seen]:
    """The elements inside <main> (everything when there is none), menus left out."""
    outline = _Outline()
    outline.feed(html)
    outline.close()
    has_main = any(item.tag == "main" for item in outline.items)
    return [item for item in outline.items
            if (item.in_main or not has_main) and not item.in_navigation]


# --- small helpers ------------------------------------------------------------------------------

def _words(text: str) -> list[str]:
    """The words of a text (anything with a letter; numbers do not count)."""
    return _WORD.findall(text)


def _same_text(text: str) -> str:
    """Text compared loosely: whitespace collapsed, case ignored."""
    return " ".join(text.split()).casefold()


def _quoted(title: str, language: str) -> str:
    return f"„{title}“" if language == "de" else f"“{title}”"


def _first_text_line(body: str, body_line: int) -> int:
    """The line of the first non-empty line of a page body."""
    for offset, line in enumerate(body.split("\n")):
        if line.strip():
            return body_line + offset
    return body_line


def _person_document(context: CheckContext, person: PersonView) -> Document:
    """The person file, split into front matter and story."""
    return split_document(context.source_text(person.source), person.source)


def _key_line(document: Document, *keys: str) -> int:
    """The line where a (nested) key of the front matter is written; 1 when unknown."""
    current: object = document.meta
    line = 1
    for key in keys:
        if not isinstance(current, YamlMap) or key not in current:
            break
        line = current.key_at(key).line
        current = current[key]
    return max(line, 1)


def _body_renderer(context: CheckContext) -> MarkdownRenderer:
    model = context.model
    return MarkdownRenderer(context.language, model.base_path, model.pages_by_source)


def _body_html(renderer: MarkdownRenderer, entry: PageEntry) -> str:
    """A page's own Markdown body as HTML (without what the theme puts around it)."""
    return renderer.render(entry.body, entry.source, entry.body_line, entry.page_dir).html


# --- 1. first person ----------------------------------------------------------------------------

def _is_about_page(page: BuiltPage) -> bool:
    """The home page and the pages about the people behind the business."""
    entry = page.entry
    return bool(entry.source) and (entry.kind == "home" or entry.template == "people"
                                   or bool(_ABOUT_TITLE.search(entry.title)))


def no_first_person(context: CheckContext) -> Hits:
    """Home and about pages whose own text (outside quotations) has no I, me, we, us, our."""
    pattern = _FIRST_PERSON.get(context.language, _FIRST_PERSON["en"])
    renderer = _body_renderer(context)
    hits: Hits = []
    for page in context.pages:
        if not _is_about_page(page):
            continue
        text = _prose(_body_html(renderer, page.entry), without_quotes=True)
        if len(_words(text)) >= MIN_WORDS and not pattern.search(text):
            entry = page.entry
            hits.append((page.source, _first_text_line(entry.body, entry.body_line),
                         {"page": _quoted(entry.title, context.language)}))
    return hits


# --- 2. invitation ------------------------------------------------------------------------------

def is_own_sentence(text: str) -> bool:
    """An invitation of at least four words besides addresses, numbers and labels."""
    for pattern in _NOT_A_SENTENCE:
        text = pattern.sub(" ", text)
    return len(_words(text)) >= MIN_INVITATION_WORDS


def invitation_without_sentence(context: CheckContext) -> Hits:
    hits: Hits = []
    for person in context.people:
        text = person.invitation.text
        if not is_own_sentence(text):
            line = _key_line(_person_document(context, person), "invitation", "text")
            hits.append((person.source, line, {"name": person.name, "text": text.strip()}))
    return hits


# --- 3. life outside work -----------------------------------------------------------------------

def no_life_outside_work(context: CheckContext) -> Hits:
    return [(person.source, _key_line(_person_document(context, person), "name"),
             {"name": person.name})
            for person in context.people if not person.outside_work]


# --- 4. portrait --------------------------------------------------------------------------------

def portrait_tiny(context: CheckContext) -> Hits:
    """Raster portraits smaller than MIN_PORTRAIT_SIDE on the shorter side (SVG scales)."""
    hits: Hits = []
    for person in context.people:
        width, height = person.portrait_width, person.portrait_height
        if PurePosixPath(person.portrait).suffix.lower() == ".svg":
            continue  # its size is only the drawing's proportions: it is sharp at any size
        if width and height and min(width, height) < MIN_PORTRAIT_SIDE:
            line = _key_line(_person_document(context, person), "portrait")
            hits.append((person.source, line, {"name": person.name, "width": str(width),
                                               "height": str(height),
                                               "minimum": str(MIN_PORTRAIT_SIDE)}))
    return hits


# --- 5. buzzwords -------------------------------------------------------------------------------

def buzzword_hits(text: str) -> list[tuple[str, str]]:
    """(list label, words as written) of every buzzword in a text."""
    return [(label, " ".join(match[0].split())) for label, pattern in _BUZZWORDS
            for match in pattern.finditer(text)]


def is_buzzword_wall(text: str) -> bool:
    """At least MIN_BUZZWORDS different buzzwords and MIN_BUZZ_DENSITY of them per 100 words."""
    hits = buzzword_hits(text)
    words = len(_words(text))
    return (len({label for label, _ in hits}) >= MIN_BUZZWORDS and words > 0
            and len(hits) * 100 / words >= MIN_BUZZ_DENSITY)


def _first_buzzword_line(markdown: str, body_line: int) -> int:
    """The line of the first buzzword in the Markdown source of a text."""
    starts = [match.start() for _, pattern in _BUZZWORDS
              for match in [pattern.search(markdown)] if match]
    if not starts:
        return _first_text_line(markdown, body_line)
    return body_line + markdown[:min(starts)].count("\n")


def _buzzword_values(text: str, name: str) -> dict[str, str]:
    hits = buzzword_hits(text)
    examples = list(dict.fromkeys(written for _, written in hits))[:4]
    return {"page": name, "count": str(len(hits)), "words": str(len(_words(text))),
            "examples": ", ".join(examples)}


def _story_of(person: PersonView, language: str) -> str:
    return f"Die Geschichte von {person.name}" if language == "de" else f"The story of {person.name}"


def buzzwords(context: CheckContext) -> Hits:
    """Pages and people's stories that are mostly buzzwords."""
    renderer = _body_renderer(context)
    hits: Hits = []
    for page in context.pages:
        entry = page.entry
        if not entry.source:
            continue
        text = _prose(_body_html(renderer, entry))
        if is_buzzword_wall(text):
            hits.append((page.source, _first_buzzword_line(entry.body, entry.body_line),
                         _buzzword_values(text, _quoted(entry.title, context.language))))
    for person in context.people:
        text = _prose(str(person.story))
        if is_buzzword_wall(text):
            document = _person_document(context, person)
            hits.append((person.source, _first_buzzword_line(document.body, document.body_line),
                         _buzzword_values(text, _story_of(person, context.language))))
    return hits


# --- 6. stock photos ----------------------------------------------------------------------------

def is_stock_photo_name(name: str) -> bool:
    """A file name as stock photo sites give their downloads."""
    return bool(_STOCK_NAME.search(name) or _FREE_STOCK_NAME.match(name))


def _file_name(url: str) -> str:
    return PurePosixPath(unquote(urlsplit(url.strip()).path)).name


def _portrait_label(person: PersonView) -> str:
    """The portrait's file as the build names it: 'static/images/anna.jpg'."""
    image = person.portrait_image
    return image.label if image is not None else f"static/{person.portrait}"


def stock_photos(context: CheckContext) -> Hits:
    """Portraits, images on pages and files in static/ named like stock photos: the name of
    the file the owner put into the site is judged, not the names of the variants made of it."""
    hits: Hits = []
    named: set[str] = set()  # site files already reported
    portraits: set[str] = set()  # ... as a portrait: every page that shows it says nothing new
    for person in context.people:
        name = PurePosixPath(person.portrait).name
        if is_stock_photo_name(name):
            line = _key_line(_person_document(context, person), "portrait")
            hits.append((person.source, line, {"file": name}))
            portraits.add(_portrait_label(person))
    for page in context.pages:
        for image in page.find("img", "source"):
            for url in image_urls(image):
                origin = context.origin_of_url(page, url)
                if origin and origin in portraits:
                    continue
                name = PurePosixPath(origin).name if origin else _file_name(url)
                if name and is_stock_photo_name(name):
                    path, line = locate(context, page, name)
                    hits.append((path, line, {"file": name}))
                    named.add(origin or url)
    for origin in sorted(set(context.origins.values()) - named - portraits):
        name = PurePosixPath(origin).name
        if origin.startswith("static/") and is_stock_photo_name(name):
            hits.append((origin, 1, {"file": name}))
    return hits


# --- 7. the person before the offers ------------------------------------------------------------

def _shows_owner(item: _Seen, owner: PersonView, origin: Callable[[str], str]) -> bool:
    """The owner's portrait (any variant made of it), or an element whose whole text is the
    owner's name."""
    if item.tag == "img":
        if not owner.portrait:
            return False
        if origin(item.attrs.get("src", "")) == _portrait_label(owner):
            return True
        src = unquote(urlsplit(item.attrs.get("src", "")).path)
        return src == owner.portrait or src.endswith("/" + owner.portrait)
    return _same_text(item.text) == _same_text(owner.name)


def _shows_offer(item: _Seen, urls: dict[str, str], titles: dict[str, str]) -> str:
    """The title of the offer an element links to or names, '' when none."""
    if item.tag == "a":
        target = urlsplit(item.attrs.get("href", "").strip())._replace(query="", fragment="")
        title = urls.get(target.geturl())
        if title:
            return title
    return titles.get(_same_text(item.text), "")


def offer_before_person(context: CheckContext) -> Hits:
    """On the rendered home page, an offer that comes before the owner's face or name."""
    model = context.model
    offers = model.offers
    if not offers:
        return []
    urls = {url: entry.title for entry in offers
            for url in (model.url(entry.path), model.absolute_url(entry.path))}
    titles = {_same_text(entry.title): entry.title for entry in offers}
    home = context.home
    for item in _visible_main(home.html):
        if _shows_owner(item, model.owner, lambda url: context.origin_of_url(home, url)):
            return []
        offer = _shows_offer(item, urls, titles)
        if offer:
            template = "templates/home.html"
            path = template if (context.root / template).is_file() else context.home.source
            return [(path, 1, {"offer": _quoted(offer, context.language),
                               "name": model.owner.name})]
    return []


RULES: list[Rule] = [
    Rule("person.no-first-person", "warning", no_first_person),
    Rule("person.invitation-without-sentence", "warning", invitation_without_sentence),
    Rule("person.no-life-outside-work", "hint", no_life_outside_work),
    Rule("person.portrait-missing-or-tiny", "warning", portrait_tiny),
    Rule("person.buzzwords", "warning", buzzwords),
    Rule("person.stock-photo", "warning", stock_photos),
    Rule("person.offer-before-person", "error", offer_before_person),
]
