"""Privacy and law: nothing from other hosts, no cookies, Impressum and privacy page linked
from every page, no link to the EU dispute platform, the § 36 VSBG statement where due."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from ..errors import msg
from ..i18n import Translator
from ..images import is_image
from .context import CheckContext
from .findings import Rule
from .locate import line_at, locate, source_label, templates_in_use, theme_label
from .metadata import COMMENT, GPS, IPTC, OWNER, SERIAL, XMP, personal_metadata
from .rules_safety import mask_code, mask_comments

Hits = list[tuple[str, int, dict[str, str]]]

# Attributes that make the browser fetch something by itself (links the visitor clicks are fine).
_FETCHING = {("script", "src"), ("img", "src"), ("iframe", "src"), ("video", "src"),
             ("audio", "src"), ("source", "src"), ("embed", "src"), ("object", "data"),
             ("track", "src"), ("input", "src"), ("video", "poster"), ("img", "srcset"),
             ("source", "srcset")}
_FETCHING_LINKS = {"stylesheet", "icon", "preload", "prefetch", "preconnect", "dns-prefetch",
                   "modulepreload", "manifest", "apple-touch-icon"}
# What a finding of privacy.image-metadata names, by kind.
_METADATA = {GPS: msg("check.metadata-gps"), SERIAL: msg("check.metadata-serial"),
             OWNER: msg("check.metadata-owner"), XMP: msg("check.metadata-xmp"),
             IPTC: msg("check.metadata-iptc"), COMMENT: msg("check.metadata-comment")}
_ODR = re.compile(r"ec\.europa\.eu/consumers/odr", re.IGNORECASE)
_CSS_URL = re.compile(r"(?:@import\s+(?:url\()?|url\()\s*['\"]?([^'\")\s]+)")
_INLINE_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
# What a script may use that needs the visitor's consent: (what a finding calls it, pattern).
_USES = (("document.cookie", r"document\.cookie"), ("localStorage", r"\blocalStorage\b"),
         ("sessionStorage", r"\bsessionStorage\b"), ("indexedDB", r"\bindexedDB\b"),
         ("Google Analytics (gtag)", r"\bgtag\s*\("), ("Google Analytics (ga)", r"\bga\s*\(\s*['\"]"),
         ("Google Tag Manager (dataLayer)", r"\bdataLayer\b"), ("Matomo (_paq)", r"\b_paq\b"),
         ("Meta Pixel (fbq)", r"\bfbq\s*\("), ("Hotjar", r"\bhotjar\b|\b_hjSettings\b"))
_EXTENDS = re.compile(r"""\{%-?\s*extends\s+["']([^"']+)["']""")
_INCLUDE = re.compile(r"""\{%-?\s*(?:include|import|from)\s+["']([^"']+)["']""")
_MAX_LAYOUT = 8  # templates extending one another, at most (as themes.MAX_CHAIN)
_USE = re.compile("|".join(f"({pattern})" for _, pattern in _USES))


def _foreign(url: str, own_host: str) -> str:
    """The other host a URL points to, or '' when it stays on the site."""
    url = url.strip().split(" ")[0]
    if url.startswith("//"):
        url = "https:" + url
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.hostname and parts.hostname != own_host:
        return parts.hostname
    return ""


def third_party_requests(context: CheckContext) -> Hits:
    own = urlsplit(context.model.base_url).hostname or ""
    hits: Hits = []
    seen: set[tuple[str, str]] = set()
    for page in context.pages:
        for element in page.elements:
            urls = []
            for tag, attribute in _FETCHING:
                if element.tag == tag and element.get(attribute):
                    urls.append(element.get(attribute))
            if element.tag == "link" and set(element.get("rel").lower().split()) & _FETCHING_LINKS:
                urls.append(element.get("href"))
            for url in urls:
                host = _foreign(url, own)
                if host and (url, page.source) not in seen:
                    seen.add((url, page.source))
                    path, line = locate(context, page, url.split("?")[0][:60])
                    hits.append((path, line, {"host": host, "tag": element.tag}))
    for label, text in _published(context, "*.css"):
        for match in _CSS_URL.finditer(text):
            host = _foreign(match[1], own)
            if host:
                hits.append((label, line_at(text, match.start()), {"host": host, "tag": "css"}))
    return hits


def _published(context: CheckContext, pattern: str) -> list[tuple[str, str]]:
    """Every published file matching `pattern` as (the file the owner has, its text): a file
    of static/ or of the theme is read where it was published from, so lines are its own."""
    found = []
    for file in sorted(context.out.rglob(pattern)):
        output = file.relative_to(context.out).as_posix()
        origin = context.origin(output)
        text = context.source_text(origin) if origin else ""
        found.append((source_label(context, origin) if text else output,
                      text or file.read_text("utf-8", "replace")))
    return found


def _inline_scripts(text: str) -> list[tuple[int, str]]:
    """(offset, code) of every inline <script> of an HTML or Markdown text (not JSON-LD)."""
    return [(match.start(2), match[2]) for match in _INLINE_SCRIPT.finditer(text)
            if not _SRC.search(match[1]) and "ld+json" not in match[1].lower()]


def _uses(code: str) -> list[tuple[int, str, str]]:
    """(offset, what it is called, as written) of every cookie, storage or tracker in code."""
    return [(match.start(), _USES[match.lastindex - 1][0], match[0])
            for match in _USE.finditer(code) if match.lastindex]


def _code_sources(context: CheckContext) -> list[tuple[str, str]]:
    """The files an inline script can be written in, as (label, text): the Markdown of pages
    and people (code the owner only shows blanked out) and every template in use."""
    markdown = [p.entry.source for p in context.pages if p.entry.source]
    markdown += [person.source for person in context.people]
    texts = [(source, mask_code(context.source_text(source))) for source in dict.fromkeys(markdown)]
    return texts + [(label, mask_comments(context.source_text(str(path))))
                    for label, path in templates_in_use(context).values()]


def cookies_and_storage(context: CheckContext) -> Hits:
    """Cookies, browser storage and trackers in the inline scripts of the built pages, found
    where they were written (a template's line, a Markdown file's line), and in script files."""
    live = {what: (page, written) for page in context.pages for element in page.find("script")
            if not element.get("src") and "ld+json" not in element.get("type")
            for _, what, written in _uses(element.text)}
    hits: Hits = []
    for label, text in _code_sources(context):
        for start, code in _inline_scripts(text):
            for offset, what, _ in _uses(code):
                if what in live:
                    hits.append((label, line_at(text, start + offset), {"what": what}))
    for what in live.keys() - {values["what"] for _, _, values in hits}:
        page, written = live[what]  # written in a way not found in the sources
        hits.append((*locate(context, page, written), {"what": what}))
    for label, text in _published(context, "*.js"):
        hits += [(label, line_at(text, offset), {"what": what}) for offset, what, _ in _uses(text)]
    firsts: dict[tuple[str, str], tuple[str, int, dict[str, str]]] = {}
    for hit in hits:  # the first place of each kind in each file
        firsts.setdefault((hit[0], hit[2]["what"]), hit)
    return list(firsts.values())


def _template(context: CheckContext, name: str) -> tuple[str, str] | None:
    """A template by the name templates use ('base.html', or the theme's own 'default:base.html'),
    as (label, text); None when there is none."""
    theme_name, _, inner = name.rpartition(":")
    for theme in context.loaded.chain:
        if theme_name and theme.name == theme_name and (theme.templates / inner).is_file():
            return (f"{theme.label}/templates/{inner}",
                    context.source_text(str((theme.templates / inner).resolve())))
    found = templates_in_use(context).get(name)
    return (found[0], context.source_text(str(found[1]))) if found else None


def _layout(context: CheckContext, name: str) -> list[tuple[str, str]]:
    """The template a page is made with and each one it extends, as (label, text): the frame
    the page shares with others (the one extending none) last."""
    layout: list[tuple[str, str]] = []
    while (found := _template(context, name)) and len(layout) < _MAX_LAYOUT:
        layout.append(found)
        extends = _EXTENDS.search(found[1])
        if extends is None:
            break
        name = extends[1]
    return layout


def _writes_link(context: CheckContext, frame: str, variable: str, url: str) -> bool:
    """Whether a frame's text, or a template it includes, writes the link to a legal page."""
    texts = [frame] + [found[1] for name in _INCLUDE.findall(frame)
                       if (found := _template(context, name))]
    return any(variable in text or f'"{url}"' in text for text in texts)


def _frame_place(context: CheckContext, label: str, text: str) -> tuple[str, int]:
    """Where the owner adds links to a frame: at its footer when it is the site's own template,
    else (a theme's) at the theme chosen in zuhause.yaml."""
    if not label.startswith("templates/"):
        return "zuhause.yaml", context.line_of("zuhause.yaml", "theme:")
    for mark in ("<footer", "</body"):
        if mark in text:
            return label, line_at(text, text.index(mark))
    return label, 1


def legal_pages_not_linked(context: CheckContext) -> Hits:
    """Pages without a link to the Impressum or the privacy page. When the frame the pages
    share (base.html) writes no such link, that is one finding at the frame's footer for all
    of them; a page is named on its own only when its frame does write the link."""
    special, t = context.model.special, Translator(context.language)
    wanted = {t("impressum"): ("impressum_url", context.model.url(special["impressum"])),
              t("privacy"): ("privacy_url", context.model.url(special["privacy"]))}
    frames: dict[str, tuple[str, dict[str, None], set[str]]] = {}
    hits: Hits = []
    for page in context.pages:
        links = {e.get("href") for e in page.find("a")}
        layout = _layout(context, f"{page.entry.template}.html")
        own: list[str] = []
        for name, (variable, url) in wanted.items():
            if url in links:
                continue
            if layout and not _writes_link(context, layout[-1][1], variable, url):
                label, text = layout[-1]
                frame = frames.setdefault(label, (text, {}, set()))
                frame[1][name] = None
                frame[2].add(page.file)
            else:
                own.append(name)
        if own:
            hits.append((page.source, 1, {"missing": ", ".join(own), "page": page.file}))
    for label, (text, names, pages) in frames.items():
        shared = msg("check.pages-of-template", template=label, count=len(pages))
        hits.append((*_frame_place(context, label, text),
                     {"missing": ", ".join(names), "page": shared.format(context.language)}))
    return hits


def image_metadata(context: CheckContext) -> Hits:
    """Published pictures that carry a GPS position, a camera's serial number or owner, XMP,
    IPTC or a comment: one finding per picture of the site, at that picture. The pipeline
    publishes pictures without metadata, so these are files kept as they are (`images: keep`)
    and GIFs, which are published byte for byte."""
    found: dict[str, list[str]] = {}
    for file, origin in sorted(context.origins.items()):
        if not is_image(file) or file.lower().endswith(".svg"):
            continue
        kinds = personal_metadata(context.out / file)
        if kinds:
            label = theme_label(Path(origin), context) if Path(origin).is_absolute() else origin
            known = found.setdefault(label, [])
            known += [kind for kind in kinds if kind not in known]
    return [(label, 1, {"file": label, "name": PurePosixPath(label).name,
                        "found": ", ".join(_METADATA[kind].format(context.language)
                                           for kind in kinds)})
            for label, kinds in found.items()]


def dispute_platform_link(context: CheckContext) -> Hits:
    hits: Hits = []
    for page in context.pages:
        for element in page.find("a"):
            if _ODR.search(element.get("href")):
                path, line = locate(context, page, "ec.europa.eu")
                hits.append((path, line, {}))
    return hits


def arbitration_statement_missing(context: CheckContext) -> Hits:
    legal = context.loaded.config.legal
    due = legal.get("employees") is None or legal["employees"] > 10
    impressum = next((p for p in context.pages if p.entry.path == context.model.special["impressum"]
                      and p.entry.kind == "legal"), None)
    if not due or impressum is None or "VSBG" in impressum.visible_text():
        return []
    return [("zuhause.yaml", context.line_of("zuhause.yaml", "legal:"), {})]


RULES = [
    Rule("privacy.third-party-request", "error", third_party_requests),
    Rule("privacy.cookies", "error", cookies_and_storage),
    Rule("privacy.image-metadata", "error", image_metadata),
    Rule("legal.not-linked", "error", legal_pages_not_linked),
    Rule("legal.odr-link", "error", dispute_platform_link),
    Rule("legal.no-arbitration-statement", "error", arbitration_statement_missing),
]
