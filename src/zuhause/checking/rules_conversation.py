"""Conversation over broadcasting: every page lets a visitor reach a person, journal posts can be
answered by email, no like buttons or follower counts, no e-mail addresses published by chance."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from .context import BuiltPage, CheckContext
from .findings import Rule
from .locate import locate

Hits = list[tuple[str, int, dict[str, str]]]

SITE_TEMPLATE = "templates/base.html"

# Classes that the embed codes of social networks and share-button tools put on their widgets.
_WIDGET_CLASS = re.compile(
    r"fb-(?:like|share-button|follow|send|page)|twitter-(?:share|follow|hashtag|mention)-button"
    r"|linkedin-share\S*|addthis_\S*|a2a_\S*|sharethis\S*|shariff\S*", re.IGNORECASE)
# Addresses of like and share widgets, share dialogs, their scripts and follower badges.
_WIDGET_URL = re.compile(
    r"(?<![\w-])(?:facebook\.com/(?:plugins/|sharer)|(?:twitter|x)\.com/intent/"
    r"|linkedin\.com/(?:sharing/|shareArticle)|platform\.twitter\.com|platform\.linkedin\.com"
    r"|connect\.facebook\.net|addthis\.com|addtoany\.com|sharethis\.com"
    r"|shields\.io/[\w-]+/follow)", re.IGNORECASE)
_WIDGET_TAGS = {"a": "href", "iframe": "src", "script": "src", "embed": "src", "object": "data",
                "img": "src", "form": "action", "link": "href"}
# Counters a visitor reads: "12 Follower", "1.234 Likes", "Gefällt 340 Mal".
_COUNTER = re.compile(
    r"\b\d[\d.,]*\s*(?:Tsd\.|Mio\.|[kKM]\b)?\s*(?:Follower(?:innen|s)?|Likes|Fans"
    r"|Abonnent(?:en|innen))\b"
    r"|\bGefällt\s+\d[\d.,]*\s*(?:Tsd\.|[kK]\b)?\s*(?:Mal|Personen)\b", re.IGNORECASE)
_EMAIL = re.compile(
    r"(?<![\w.%+@-])[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9-])")
_FILE_ENDINGS = frozenset({"png", "jpg", "jpeg", "gif", "webp", "avif", "svg", "pdf"})


def _page_name(context: CheckContext, page: BuiltPage) -> str:
    """A page as the owner knows it: its title and address."""
    title, url = page.entry.title, context.model.url(page.entry.path)
    quoted = f"„{title}“" if context.language == "de" else f'"{title}"'
    return f"{quoted} ({url})"


def _is_way_to_reach(href: str, contact_urls: set[str]) -> bool:
    """A link that brings a visitor to a person: e-mail, phone or the contact page."""
    lowered = href.strip().lower()
    if lowered.startswith(("mailto:", "tel:")):
        return True
    target = urlsplit(href.strip())._replace(query="", fragment="").geturl()
    return target.rstrip("/") in contact_urls


def _can_reach_someone(page: BuiltPage, contact_urls: set[str]) -> bool:
    """The page has a mailto:, tel: or contact page link, or a form that sends a message."""
    links = any(_is_way_to_reach(e.get("href"), contact_urls) for e in page.find("a"))
    form = any(e.get("method").lower() == "post" for e in page.find("form"))
    return links or form


def no_way_to_reach(context: CheckContext) -> Hits:
    """Pages (not the 404 page) without a mailto:, tel: or contact page link."""
    contact = context.model.special["contact"]
    contact_urls = {context.model.url(contact).rstrip("/"),
                    context.model.absolute_url(contact).rstrip("/")}
    pages = [p for p in context.pages if p.entry.kind != "not_found"]
    lonely = [p for p in pages if not _can_reach_someone(p, contact_urls)]
    has_template = (context.root / SITE_TEMPLATE).is_file()
    if lonely and len(lonely) == len(pages) and has_template:
        every = "Alle Seiten" if context.language == "de" else "Every page"
        return [(SITE_TEMPLATE, 1, {"page": every})]
    return [(p.source, 1, {"page": _page_name(context, p)}) for p in lonely]


class _LinksInside(HTMLParser):
    """The link targets inside <main> or <article> of a page."""

    CONTAINERS = ("main", "article")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a" and any(t in self.CONTAINERS for t in self._open):
            self.hrefs.append(dict(attrs).get("href") or "")
        if tag in self.CONTAINERS:
            self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._open:
            del self._open[len(self._open) - 1 - self._open[::-1].index(tag):]


def _mailto_inside_main(page: BuiltPage) -> bool:
    """Whether the page's main part holds a mailto: link."""
    parser = _LinksInside()
    parser.feed(page.html)
    parser.close()
    return any(href.strip().lower().startswith("mailto:") for href in parser.hrefs)


def post_without_reply(context: CheckContext) -> Hits:
    """Journal posts without a mailto: link inside <main> or <article>."""
    return [(p.source, 1, {"page": _page_name(context, p)}) for p in context.pages
            if p.entry.kind == "post" and not _mailto_inside_main(p)]


def _locate_any(context: CheckContext, page: BuiltPage, needles: list[str]) -> tuple[str, int]:
    """Where the first of `needles` that can be found was written (else the page, line 1)."""
    fallback = (page.source, 1)
    for needle in needles:
        found = locate(context, page, needle)
        if found != fallback:
            return found
    return fallback


def _widgets(page: BuiltPage) -> list[str]:
    """The widget classes and addresses on a page, as they would be written in the source."""
    found: list[str] = []
    for element in page.elements:
        found += [c for c in element.classes if _WIDGET_CLASS.fullmatch(c)]
        attribute = _WIDGET_TAGS.get(element.tag)
        match = _WIDGET_URL.search(element.get(attribute)) if attribute else None
        if match:
            found.append(match[0])
    return found


def like_buttons(context: CheckContext) -> Hits:
    """Like and share widgets of social networks and follower counts on any page."""
    hits: Hits = []
    for page in context.pages:
        for widget in _widgets(page):
            path, line = _locate_any(context, page, [widget])
            hits.append((path, line, {"what": widget}))
        for match in _COUNTER.finditer(page.visible_text()):
            text = " ".join(match[0].split())
            path, line = _locate_any(context, page, [text, text.split()[-1]])
            hits.append((path, line, {"what": text}))
    return hits


def _configured_emails(context: CheckContext) -> set[str]:
    """The addresses the owner gave as ways to reach the site and its people."""
    config = context.loaded.config
    addresses = {config.contact.get("email", ""), config.legal.get("email", "")}
    addresses |= {person.invitation.email for person in context.people}
    return {a.lower() for a in addresses if a}


def _emails_in(text: str) -> list[tuple[int, str]]:
    """(line, address) of every e-mail address written in a text."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        for match in _EMAIL.finditer(line):
            address = match[0].strip("_")  # _emphasis_ in Markdown
            if address.rsplit(".", 1)[-1].lower() not in _FILE_ENDINGS:
                found.append((number, address))
    return found


def needless_email(context: CheckContext) -> Hits:
    """E-mail addresses in page and person files that are no configured way to reach."""
    known = _configured_emails(context)
    sources = [p.entry.source for p in context.pages if p.entry.source]
    sources += [person.source for person in context.people]
    hits: Hits = []
    for source in dict.fromkeys(sources):
        for line, address in _emails_in(context.source_text(source)):
            if address.lower() not in known:
                hits.append((source, line, {"email": address}))
    return hits


RULES: list[Rule] = [
    Rule("conversation.no-way-to-reach", "error", no_way_to_reach),
    Rule("conversation.post-without-reply", "warning", post_without_reply),
    Rule("conversation.like-buttons", "error", like_buttons),
    Rule("privacy.needless-email", "warning", needless_email),
]
