"""A human, not a facade: pages that speak in the first person, invitations in one's own words,
a life outside work, a portrait one can see, no buzzword walls, no stock photos, and on the home
page the person before the offers."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from ..catalogue import text as catalogue_text
from ..frontmatter import Document, YamlMap
from ..model import PageEntry, PersonView
from ..starter.recognise import find_placeholders
from .context import BuiltPage, CheckContext, image_urls
from .findings import Rule
from .locate import locate, template_files, templates_in_use, theme_label
from .wordlists import buzzwords as buzzword_list
from .wordlists import company_names, invitation_words, stock_hosts, stock_names

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
_ADDRESSES = [re.compile(pattern, re.IGNORECASE) for pattern in (
    r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)+",                       # e-mail address
    r"(?:https?://|www\.)\S+",                              # web address
    r"\+?\(?\d[\d\s/().-]{5,}\d",                           # phone number
    r"\b\d{4,5}\s+[^\W\d_][\w-]*",                          # postcode and town
    r"[^\W\d_][\w.-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer|markt|hof"
    r"|street|road|lane|avenue)\s*\d+\s?[a-z]?\b",          # street and number
)]
_LABELS = re.compile(r"\b(?:kontaktformular|kontakt|formular|e-?mail|mail|telefon|tel\.?|fax"
                     r"|handy|mobil|adresse|anschrift|contact|form|phone|address)\b",
                     re.IGNORECASE)
_NOT_A_SENTENCE = [*_ADDRESSES, _LABELS]

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


# --- 1. first person ----------------------------------------------------------------------------

def _is_about_page(page: BuiltPage) -> bool:
    """The home page and the pages about the people behind the business."""
    entry = page.entry
    return bool(entry.source) and (entry.kind == "home" or entry.template == "people"
                                   or bool(_ABOUT_TITLE.search(entry.title)))


def speaks_of_others_only(html: str, language: str) -> bool:
    """A text of at least MIN_WORDS words whose own words (outside quotations) have no I, me,
    we, us, our: a text about someone, not by them."""
    text = _prose(html, without_quotes=True)
    pattern = _FIRST_PERSON.get(language, _FIRST_PERSON["en"])
    return len(_words(text)) >= MIN_WORDS and not pattern.search(text)


def no_first_person(context: CheckContext) -> Hits:
    """Home and about pages whose own text (outside quotations) has no I, me, we, us, our."""
    hits: Hits = []
    for page in context.pages:
        entry = page.entry
        if _is_about_page(page) and speaks_of_others_only(context.page_html(entry),
                                                          context.language):
            hits.append((page.source, _first_text_line(entry.body, entry.body_line),
                         {"page": _quoted(entry.title, context.language)}))
    return hits


def third_person_story(context: CheckContext) -> Hits:
    """People whose story is written about them ("Anna Korn ist seit 2008 ...", "Sie
    gründete ...") instead of by them; a first-person story that quotes others passes."""
    unwritten = {found.path for found in
                 find_placeholders(context.root, context.model, context.source_text)
                 if found.key == "story"}  # the starter's text, a placeholder finding already
    hits: Hits = []
    for person in context.people:
        if person.source not in unwritten and speaks_of_others_only(str(person.story),
                                                                    context.language):
            document = context.person_document(person)
            hits.append((person.source, _first_text_line(document.body, document.body_line),
                         {"name": person.name}))
    return hits


# --- 2. who the person is, and the invitation ---------------------------------------------------

def company_word(name: str) -> str:
    """The words of a person's name that make it a team or a company ('' for a human or two)."""
    return next((match[0] for pattern in company_names()
                 for match in [pattern.regex.search(name)] if match), "")


def not_a_person(context: CheckContext) -> Hits:
    """Person files named after a team or a company: "Das Team", "Müller GmbH"."""
    return [(person.source, _key_line(context.person_document(person), "name"),
             {"name": person.name, "word": word})
            for person in context.people if (word := company_word(person.name))]


def is_own_sentence(text: str) -> bool:
    """An invitation of at least four words besides addresses, numbers and labels."""
    for pattern in _NOT_A_SENTENCE:
        text = pattern.sub(" ", text)
    return len(_words(text)) >= MIN_INVITATION_WORDS


def invites_nobody(text: str) -> bool:
    """A sentence that only points to the contact form or asks to request a quote: at least
    one word of the calls list, and every other word a filler (see data/voice.yaml)."""
    for pattern in _ADDRESSES:
        text = pattern.sub(" ", text)
    calls, fillers = invitation_words()
    words = [part.casefold() for word in _words(text) for part in word.split("-") if part]
    return any(word in calls for word in words) and \
        all(word in calls or word in fillers for word in words)


def _invitations(context: CheckContext, wanted: Callable[[str], bool]) -> Hits:
    """People whose invitation text is `wanted`, at the line of that text."""
    return [(person.source, _key_line(context.person_document(person), "invitation", "text"),
             {"name": person.name, "text": person.invitation.text.strip()})
            for person in context.people if wanted(person.invitation.text)]


def invitation_without_sentence(context: CheckContext) -> Hits:
    return _invitations(context, lambda text: not is_own_sentence(text))


def invitation_invites_nobody(context: CheckContext) -> Hits:
    return _invitations(context, lambda text: is_own_sentence(text) and invites_nobody(text))


# --- 3. life outside work -----------------------------------------------------------------------

def no_life_outside_work(context: CheckContext) -> Hits:
    return [(person.source, _key_line(context.person_document(person), "name"),
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
            line = _key_line(context.person_document(person), "portrait")
            hits.append((person.source, line, {"name": person.name, "width": str(width),
                                               "height": str(height),
                                               "minimum": str(MIN_PORTRAIT_SIDE)}))
    return hits


# --- 5. buzzwords -------------------------------------------------------------------------------

def buzzword_hits(text: str) -> list[tuple[str, str]]:
    """(list label, words as written) of every buzzword in a text."""
    return [(pattern.label, " ".join(match[0].split())) for pattern in buzzword_list()
            for match in pattern.regex.finditer(text)]


def is_buzzword_wall(text: str) -> bool:
    """At least MIN_BUZZWORDS different buzzwords and MIN_BUZZ_DENSITY of them per 100 words."""
    hits = buzzword_hits(text)
    words = len(_words(text))
    return (len({label for label, _ in hits}) >= MIN_BUZZWORDS and words > 0
            and len(hits) * 100 / words >= MIN_BUZZ_DENSITY)


def _first_buzzword_line(markdown: str, body_line: int) -> int:
    """The line of the first buzzword in the Markdown source of a text."""
    starts = [match.start() for pattern in buzzword_list()
              for match in [pattern.regex.search(markdown)] if match]
    if not starts:
        return _first_text_line(markdown, body_line)
    return body_line + markdown[:min(starts)].count("\n")


def _buzzword_values(text: str, name: str) -> dict[str, str]:
    hits = buzzword_hits(text)
    examples = list(dict.fromkeys(written for _, written in hits))[:4]
    return {"page": name, "count": str(len(hits)), "words": str(len(_words(text))),
            "examples": ", ".join(examples)}


def _part_of(person: PersonView, part: str, language: str) -> str:
    """'Die Geschichte von Anna Korn': what a finding on a part of a person file names."""
    return catalogue_text("check_labels", language, part, name=person.name)


def _person_walls(context: CheckContext, person: PersonView) -> Hits:
    """Buzzword walls in a person's story, values (read together) and invitation."""
    document = context.person_document(person)
    language = context.language
    hits: Hits = []
    story = _prose(str(person.story), without_quotes=True)
    if is_buzzword_wall(story):
        hits.append((person.source, _first_buzzword_line(document.body, document.body_line),
                     _buzzword_values(story, _part_of(person, "story", language))))
    values = _QUOTED.sub(" ", ".\n".join(person.values))
    if is_buzzword_wall(values):
        line = context.line_of(person.source, buzzword_hits(values)[0][1],
                               _key_line(document, "values"))
        hits.append((person.source, line,
                     _buzzword_values(values, _part_of(person, "values", language))))
    invitation = _QUOTED.sub(" ", person.invitation.text)
    if is_buzzword_wall(invitation):
        hits.append((person.source, _key_line(document, "invitation", "text"),
                     _buzzword_values(invitation, _part_of(person, "invitation", language))))
    return hits


def buzzwords(context: CheckContext) -> Hits:
    """Pages, and people's stories, values and invitations, that are mostly buzzwords (words
    in quotations, such as a client's praise, left out)."""
    hits: Hits = []
    for page in context.pages:
        entry = page.entry
        if not entry.source:
            continue
        prose = _prose(context.page_html(entry), without_quotes=True)
        if is_buzzword_wall(prose):
            hits.append((page.source, _first_buzzword_line(entry.body, entry.body_line),
                         _buzzword_values(prose, _quoted(entry.title, context.language))))
    for person in context.people:
        hits += _person_walls(context, person)
    return hits


# --- 6. stock photos ----------------------------------------------------------------------------

def stock_agency(name: str) -> str:
    """The agency whose downloads are named like `name`; '' for one's own photo."""
    return next((pattern.label for pattern in stock_names() if pattern.regex.search(name)), "")


def is_stock_photo_name(name: str) -> bool:
    """A file name as stock photo sites give their downloads."""
    return bool(stock_agency(name))


def stock_host(url: str) -> str:
    """The agency whose image server a URL leads to ('' when none): 't3.ftcdn.net' -> Adobe."""
    host = (urlsplit(url.strip()).hostname or "").lower()
    return next((agency for known, agency in stock_hosts().items()
                 if host == known or host.endswith("." + known)), "")


def _file_name(url: str) -> str:
    return PurePosixPath(unquote(urlsplit(url.strip()).path)).name


def _portrait_label(person: PersonView) -> str:
    """The portrait's file as the build names it: 'static/images/anna.jpg'."""
    image = person.portrait_image
    return image.label if image is not None else f"static/{person.portrait}"


def _page_stock_photos(context: CheckContext, page: BuiltPage, portraits: set[str],
                       named: set[str]) -> Hits:
    """Images on a page named like stock photos, or loaded from an agency's image server."""
    hits: Hits = []
    for image in page.find("img", "source"):
        for url in image_urls(image):
            origin = context.origin_of_url(page, url)
            if origin and origin in portraits:
                continue
            name = PurePosixPath(origin).name if origin else _file_name(url)
            agency = stock_host(url) if not origin else ""
            if agency:
                path, line = locate(context, page, url.strip())
                hits.append((path, line, {"file": url.strip(), "agency": agency}))
            elif name and (agency := stock_agency(name)):
                path, line = locate(context, page, name)
                hits.append((path, line, {"file": name, "agency": agency}))
            named.add(origin or url)
    return hits


def stock_photos(context: CheckContext) -> Hits:
    """Portraits, images on pages and files in static/ named like stock photos (the name of
    the file the owner put into the site is judged, not the names of the variants made of it),
    and images loaded straight from a stock agency's image server."""
    hits: Hits = []
    named: set[str] = set()  # site files already judged
    portraits: set[str] = set()  # ... as a portrait: every page that shows it says nothing new
    for person in context.people:
        name = PurePosixPath(person.portrait).name
        if agency := stock_agency(name):
            line = _key_line(context.person_document(person), "portrait")
            hits.append((person.source, line, {"file": name, "agency": agency}))
            portraits.add(_portrait_label(person))
    for page in context.pages:
        hits += _page_stock_photos(context, page, portraits, named)
    for origin in sorted(set(context.origins.values()) - named - portraits):
        name = PurePosixPath(origin).name
        if origin.startswith("static/") and (agency := stock_agency(name)):
            hits.append((origin, 1, {"file": name, "agency": agency}))
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


_OFFERS_IN_TEMPLATE = re.compile(r"{[{%][^}]*\boffers?\b")  # {{ offer.title }}, {% for offer ...


def _offer_place(context: CheckContext, offer: PageEntry) -> tuple[str, int]:
    """Where the home page puts an offer: the line of content/index.md that names or links it,
    else the first line of the home template (the site's or the theme's) that shows offers."""
    home = context.home.entry
    needles = [offer.title, context.model.url(offer.path), offer.path.rstrip("/"),
               PurePosixPath(offer.source).name]
    for offset, line in enumerate(home.body.split("\n")):
        if any(needle and needle.lower() in line.lower() for needle in needles):
            return home.source, home.body_line + offset
    themes = [theme.templates / f"{home.template}.html" for theme in context.loaded.chain]
    own = [path for path in template_files(context) if path == f"templates/{home.template}.html"]
    for path in own + [theme_label(p, context) for p in themes if p.is_file()]:
        for number, line in enumerate(context.source_text(path).split("\n"), start=1):
            if _OFFERS_IN_TEMPLATE.search(line) or offer.title.lower() in line.lower():
                return path, number
        return path, 1
    return home.source, 1


_OFFERS_MARKED = re.compile(r"""data-section\s*=\s*["']?offers\b|{%-?\s*block\s+offers\b""")


def _marked_order(context: CheckContext) -> list[str]:
    """The home page's sections `person` and `offers` in the order the page marks them."""
    return [e.get("data-section") for e in context.home.elements
            if e.get("data-section") in ("person", "offers")]


def _home_template(context: CheckContext) -> tuple[str, str, int]:
    """The theme (by name) and template file that render the home page, and the line that
    places the offers: the nearest `home.html`, the site's own `templates/` counting as the
    site's theme."""
    name = f"{context.home.entry.template}.html"
    label, path = templates_in_use(context).get(name, (f"templates/{name}", Path()))
    chain = context.loaded.chain
    site_theme = chain[0].name if chain else ""
    theme = next((t.name for t in chain if path.is_relative_to(t.templates.resolve())),
                 site_theme)
    lines = path.read_text("utf-8").split("\n") if path.is_file() else []
    line = next((n for n, text in enumerate(lines, start=1) if _OFFERS_MARKED.search(text)), 1)
    return theme, label, line


def _offers_first_by_markers(context: CheckContext) -> Hits | None:
    """Decided by the section markers when the home page has both: a hit at the template that
    puts `offers` before `person`; None when the page is not marked."""
    order = _marked_order(context)
    if "person" not in order or "offers" not in order:
        return None
    if order.index("offers") > order.index("person"):
        return []
    theme, label, line = _home_template(context)
    model = context.model
    return [(label, line, {"offer": _quoted(model.offers[0].title, context.language),
                           "name": model.owner.name, "theme": theme, "template": label})]


def offer_before_person(context: CheckContext) -> Hits:
    """On the rendered home page, offers before the owner's face or name: by the section
    markers (`data-section`) when the page has them, else element by element."""
    model = context.model
    offers = model.offers
    if not offers:
        return []
    marked = _offers_first_by_markers(context)
    if marked is not None:
        return marked
    theme, label, _ = _home_template(context)
    urls = {url: entry.title for entry in offers
            for url in (model.url(entry.path), model.absolute_url(entry.path))}
    titles = {_same_text(entry.title): entry.title for entry in offers}
    home = context.home
    for item in _visible_main(home.html):
        if _shows_owner(item, model.owner, lambda url: context.origin_of_url(home, url)):
            return []
        offer = _shows_offer(item, urls, titles)
        if offer:
            entry = next(e for e in offers if e.title == offer)
            path, line = _offer_place(context, entry)
            return [(path, line, {"offer": _quoted(offer, context.language),
                                  "name": model.owner.name, "theme": theme, "template": label})]
    return []


RULES: list[Rule] = [
    Rule("person.no-first-person", "warning", no_first_person),
    Rule("person.third-person-story", "warning", third_person_story),
    Rule("person.not-a-person", "error", not_a_person),
    Rule("person.invitation-without-sentence", "warning", invitation_without_sentence),
    Rule("person.invitation-invites-nobody", "warning", invitation_invites_nobody),
    Rule("person.no-life-outside-work", "hint", no_life_outside_work),
    Rule("person.portrait-missing-or-tiny", "warning", portrait_tiny),
    Rule("person.buzzwords", "warning", buzzwords),
    Rule("person.stock-photo", "warning", stock_photos),
    Rule("person.offer-before-person", "error", offer_before_person),
]
