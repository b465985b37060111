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
from .locate import locate, template_files, theme_label
from .metadata import COMMENT, GPS, IPTC, OWNER, SERIAL, XMP, personal_metadata

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
_STORAGE = re.compile(r"document\.cookie|localStorage|sessionStorage|indexedDB")


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
    for css in sorted(context.out.rglob("*.css")):
        for match in re.finditer(r"(?:@import\s+(?:url\()?|url\()\s*['\"]?([^'\")\s]+)",
                                 css.read_text("utf-8", "replace")):
            host = _foreign(match[1], own)
            if host:
                hits.append((css.relative_to(context.out).as_posix(), 1, {"host": host, "tag": "css"}))
    return hits


def cookies_and_storage(context: CheckContext) -> Hits:
    hits: Hits = []
    for page in context.pages:
        inline = " ".join(e.text for e in page.find("script") if not e.get("src")
                          and e.get("type") != "application/ld+json")
        match = _STORAGE.search(inline)
        if match:
            path, line = locate(context, page, match[0])
            hits.append((path, line, {"what": match[0]}))
    for script in sorted(context.out.rglob("*.js")):
        match = _STORAGE.search(script.read_text("utf-8", "replace"))
        if match:
            hits.append((f"static/{script.relative_to(context.out).as_posix()}", 1,
                         {"what": match[0]}))
    return hits


def legal_pages_not_linked(context: CheckContext) -> Hits:
    special = context.model.special
    t = Translator(context.language)
    wanted = {t("impressum"): context.model.url(special["impressum"]),
              t("privacy"): context.model.url(special["privacy"])}
    hits: Hits = []
    for page in context.pages:
        links = {e.get("href") for e in page.find("a")}
        missing = [name for name, url in wanted.items() if url not in links]
        if missing:
            hits.append((page.source, 1, {"missing": ", ".join(missing), "page": page.file}))
    if hits and len(hits) == len(context.pages) and len({h[2]["missing"] for h in hits}) == 1:
        # every page lacks the same links: the cause is the frame all pages share
        template = next((t for t in template_files(context) if t.endswith("base.html")),
                        "templates/base.html")
        every = "base.html (alle Seiten)" if context.language == "de" else "base.html (every page)"
        return [(template, 1, {"missing": hits[0][2]["missing"], "page": every})]
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
