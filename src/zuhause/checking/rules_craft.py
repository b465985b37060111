"""Craft: links and images that lead nowhere, pictures without words, pages too heavy for a
phone, pages without title or description, and headings that skip a level."""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from PIL import Image

from .context import BuiltPage, CheckContext, Element, image_urls
from .findings import Rule
from .locate import locate, template_files, theme_label
from .targets import Target

Hits = list[tuple[str, int, dict[str, str]]]

_RASTER = {".jpg", ".jpeg", ".png", ".webp"}
_FONTS = {".woff2", ".woff", ".ttf", ".otf", ".eot"}
_MAX_IMAGE_WIDTH = 2400  # pixels, for an image shown without a width
_MAX_IMAGE_BYTES = 500_000
_MAX_PAGE_BYTES = 1_000_000
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)""")
_IDS = re.compile(r"""<[^>]*?\s(?:id|name)\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_WORDS = re.compile(r"[^\w\s.,:!?&-]+")  # what typography may have changed in a heading
# A Markdown image with nothing between the brackets, ![](foto.jpg) or ![][foto], and what
# follows it: `{alt=""}` (attr_list) marks it as decorative on purpose.
_EMPTY_ALT_IMAGE = re.compile(r"!\[\s*\](?:\(\s*<?([^)\s>]*)>?[^)]*\)|\[([^\]]*)\])(\{[^}]*\})?")
_DECORATIVE = re.compile(r"""\balt\s*=\s*(?:""|'')""")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_CODE_SPAN = re.compile(r"(`+).+?\1")


def _needles(context: CheckContext, url: str, attribute: str = "href") -> list[str]:
    """How a URL of the build may have been written by the owner, most exact first: as an
    HTML attribute, as a Markdown link target, as it stands; each also without the base path
    (Markdown links get it added) and without %-escapes."""
    if not url:
        return []
    base = context.model.base_path
    path = "/" + url[len(base):] if base != "/" and url.startswith(base) else url
    forms = list(dict.fromkeys([url, unquote(url), path, unquote(path)]))
    needles = [f'{attribute}="{f}"' for f in forms] + [f"{attribute}='{f}'" for f in forms]
    needles += [f"({f}" for f in forms] + forms + [path.lstrip("/")]
    return [needle for needle in needles if needle]


def _image_needles(context: CheckContext, page: BuiltPage, url: str) -> list[str]:
    """How the owner may have written an image the build shows at `url`: as that address, and
    (for a variant made of a picture) as the path or name of the picture it was made from."""
    needles = _needles(context, url, "src")
    origin = context.origin_of_url(page, url)
    if origin.startswith("static/"):
        needles += _needles(context, "/" + origin.removeprefix("static/"), "src")
    if origin:
        needles.append(PurePosixPath(origin).name)
    return list(dict.fromkeys(needles))


def _where(context: CheckContext, page: BuiltPage, needles: list[str]) -> tuple[str, int]:
    """Where the first needle that can be found was written; else the page's source, line 1."""
    for needle in needles:
        path, line = locate(context, page, needle)
        if context.line_of(path, needle, default=0) == line:
            return path, line
    return page.source, 1


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _page_label(page: BuiltPage) -> str:
    """The page's address below the base, as the owner knows it: '/', '/kontakt/'."""
    return "/" + page.file.removesuffix("index.html")


def _file_label(context: CheckContext, file: str) -> str:
    """Where a file of the build comes from: the site file it was made from (a picture in
    static/ or beside a page), the site's static/ folder or a theme's."""
    origin = context.origin(file)
    if origin:
        return theme_label(Path(origin), context) if Path(origin).is_absolute() else origin
    if (context.root / "static" / file).is_file():
        return f"static/{file}"
    for theme in context.loaded.chain:
        if (theme.static / file).is_file():
            return theme_label(theme.static / file, context)
    return file


def _size(number: int, language: str) -> str:
    """Bytes in words: '640 KB', '1,2 MB'."""
    text = f"{number / 1e6:.1f} MB" if number >= 1_000_000 else f"{round(number / 1e3)} KB"
    return text.replace(".", ",") if language == "de" else text


# --- links -------------------------------------------------------------------------------


def _page_ids(context: CheckContext) -> dict[str, set[str]]:
    """The ids (and <a name>s) of every built page, by file."""
    return {page.file: {e.get("id") for e in page.elements if e.get("id")}
            | {e.get("name") for e in page.find("a") if e.get("name")} for page in context.pages}


def _ids_of(context: CheckContext, file: str, known: dict[str, set[str]]) -> set[str]:
    """The ids of a built page or of another HTML file of the build (read once)."""
    if file not in known:
        text = (context.out / file).read_text("utf-8", "replace")
        known[file] = {html.unescape(m[1]) for m in _IDS.finditer(text)}
    return known[file]


def _links(context: CheckContext) -> Iterator[tuple[BuiltPage, Target]]:
    for page in context.pages:
        for element in page.find("a"):
            target = context.resolve(page.file, element.get("href"))
            if target is not None:
                yield page, target


def broken_links(context: CheckContext) -> Hits:
    return [(*_where(context, page, _needles(context, target.url)), {"href": _short(target.url)})
            for page, target in _links(context) if not target.exists]


def broken_anchors(context: CheckContext) -> Hits:
    known = _page_ids(context)
    hits: Hits = []
    for page, target in _links(context):
        if not target.exists or not target.file.endswith(".html") or not target.fragment \
                or target.fragment.lower() == "top" or target.fragment.startswith(":~:"):
            continue  # '#top' and text fragments '#:~:text=' need no id
        if target.fragment not in _ids_of(context, target.file, known):
            needles = _needles(context, target.url) + [f"#{target.fragment}"]
            hits.append((*_where(context, page, needles),
                         {"href": _short(target.url), "fragment": target.fragment,
                          "target": "/" + target.file.removesuffix("index.html")}))
    return hits


# --- images ------------------------------------------------------------------------------


def missing_images(context: CheckContext) -> Hits:
    hits: Hits = []
    for page in context.pages:
        for element in page.find("img", "source"):
            for url in image_urls(element):
                target = context.resolve(page.file, url)
                if target is not None and not target.exists:
                    hits.append((*_where(context, page, _needles(context, url, "src")),
                                 {"src": _short(url)}))
    return hits


def images_without_alt(context: CheckContext) -> Hits:
    return [(*_where(context, page, _image_needles(context, page, element.get("src"))),
             {"src": _short(element.get("src") or "?")})
            for page in context.pages for element in page.find("img") if "alt" not in element.attrs]


def empty_alt_images(markdown: str) -> Iterator[tuple[int, str]]:
    """(line offset, address) of every image in a Markdown text written with an empty alt
    text and not marked decorative with `{alt=""}`; code blocks and code spans are skipped."""
    fence = ""
    for offset, line in enumerate(markdown.split("\n")):
        opened = _FENCE.match(line)
        if opened and (not fence or opened[1] == fence):
            fence = "" if fence else opened[1]
            continue
        if fence or line.startswith(("    ", "\t")):
            continue
        for match in _EMPTY_ALT_IMAGE.finditer(_CODE_SPAN.sub("", line)):
            if not _DECORATIVE.search(match[3] or ""):
                yield offset, match[1] or match[2] or "?"


def images_with_empty_alt(context: CheckContext) -> Hits:
    """Markdown images in pages and people's stories with an empty alt text."""
    texts = [(page.source, page.entry.body, page.entry.body_line)
             for page in context.pages if page.entry.source]
    for person in context.people:
        document = context.person_document(person)
        texts.append((person.source, document.body, document.body_line))
    return [(source, body_line + offset, {"src": _short(src)})
            for source, body, body_line in texts for offset, src in empty_alt_images(body)]


def _pixel_width(path: Path) -> int:
    """An image's width in pixels (0 when Pillow cannot read it)."""
    try:
        with Image.open(path) as image:
            return int(image.size[0])
    except (OSError, ValueError, Image.DecompressionBombError):
        return 0


def _shown_width(element: Element) -> int:
    """The width an <img> says it is shown at (0 when it says none)."""
    match = re.match(r"\s*(\d+)", element.get("width"))
    return int(match[1]) if match else 0


def _image_uses(context: CheckContext) -> dict[str, list[tuple[BuiltPage, Element]]]:
    """Every <img> of the site, by the one file of the build a browser loads for it."""
    uses: dict[str, list[tuple[BuiltPage, Element]]] = {}
    for page in context.pages:
        for element in page.find("img"):
            target = context.resolve(page.file, page.loaded_image(element))
            if target is not None and target.exists:
                uses.setdefault(target.file, []).append((page, element))
    return uses


def _named_files(context: CheckContext) -> set[str]:
    """Every file of the build an image address of a page names (every candidate)."""
    named = set()
    for page in context.pages:
        for element in page.find("img", "source"):
            for url in image_urls(element):
                target = context.resolve(page.file, url)
                if target is not None and target.exists:
                    named.add(target.file)
    return named


def _too_large(context: CheckContext, file: str, uses: list[tuple[BuiltPage, Element]]
               ) -> dict[str, str] | None:
    """What is too large about one raster file of the build, None when its size is fine. An
    <img> with a `srcset` lets the browser choose by the room it has, so only a single file
    with a `width` is judged by the width it is shown at; a `width` as large as the file's own
    says only its proportions."""
    path = context.out / file
    width, size = _pixel_width(path), path.stat().st_size
    values = {"file": _file_label(context, file), "width": str(width),
              "size": _size(size, context.language)}
    shown = [_shown_width(element) for _, element in uses
             if element.picture < 0 and not element.get("srcset")]
    smaller = [w for w in shown if 0 < w < width]
    if smaller and width > 2 * min(smaller):
        return {**values, "target": str(2 * min(smaller))}
    natural = not uses or len(smaller) < len(uses)
    if (natural and width > _MAX_IMAGE_WIDTH) or size > _MAX_IMAGE_BYTES:
        return {**values, "target": str(min(width, _MAX_IMAGE_WIDTH) or _MAX_IMAGE_WIDTH)}
    return None


def oversized_images(context: CheckContext) -> Hits:
    """One finding per picture the owner put into the site (not per page that shows it, nor
    per variant made of it), at that picture: judged are the files a browser loads for the
    pages (the largest candidate of a `srcset`) and files no page shows (reachable by their
    address); the other variants of a `srcset` are smaller than its largest."""
    uses = _image_uses(context)
    named = _named_files(context)
    files = sorted(p.relative_to(context.out).as_posix() for p in context.out.rglob("*")
                   if p.suffix.lower() in _RASTER and p.is_file())
    found: dict[str, dict[str, str]] = {}
    for file in files:
        if file in named and file not in uses:
            continue  # a smaller candidate or the fallback of a <picture>
        values = _too_large(context, file, uses.get(file, []))
        if values is not None:
            found.setdefault(values["file"], values)
    return [(label, 1, values) for label, values in found.items()]


# --- weight ------------------------------------------------------------------------------


def _loaded_files(context: CheckContext, page: BuiltPage) -> dict[str, str]:
    """The files of the build a page loads, each once: file -> URL as written."""
    urls = [e.get("href") for e in page.find("link") if "stylesheet" in e.get("rel").lower().split()]
    urls += [page.loaded_image(e) for e in page.find("img")]
    urls += [e.get("src") for e in page.find("script")]
    loaded: dict[str, str] = {}
    for url in urls:
        target = context.resolve(page.file, url)
        if target is not None and target.exists:
            loaded.setdefault(target.file, url)
    for css in [file for file in loaded if file.endswith(".css")]:
        for match in _CSS_URL.finditer((context.out / css).read_text("utf-8", "replace")):
            font = context.resolve(css, match[1])
            if font is not None and font.exists and Path(font.file).suffix.lower() in _FONTS:
                loaded.setdefault(font.file, match[1])
    return loaded


def heavy_pages(context: CheckContext) -> Hits:
    hits: Hits = []
    for page in context.pages:
        loaded = _loaded_files(context, page)
        sizes = {file: (context.out / file).stat().st_size for file in loaded}
        total = (context.out / page.file).stat().st_size + sum(sizes.values())
        if total <= _MAX_PAGE_BYTES:
            continue
        heaviest = max(sizes, key=lambda file: sizes[file], default="")
        needles = [*_needles(context, loaded[heaviest]),
                   *_image_needles(context, page, loaded[heaviest])] if heaviest else []
        where = _where(context, page, needles) if heaviest else (page.source, 1)
        hits.append((*where, {
            "page": _page_label(page), "size": _size(total, context.language),
            "heaviest": _file_label(context, heaviest) if heaviest else page.file,
            "heaviest_size": _size(sizes.get(heaviest, 0), context.language)}))
    return hits


# --- title and description ---------------------------------------------------------------


def page_title(page: BuiltPage) -> str:
    """The text of the page's <title>, '' when it has none."""
    match = _TITLE.search(page.html)
    return " ".join(html.unescape(match[1]).split()) if match else ""


def page_description(page: BuiltPage) -> str:
    """The content of the page's <meta name="description">, '' when it has none."""
    metas = [e for e in page.find("meta") if e.get("name").lower() == "description"]
    return " ".join(metas[0].get("content").split()) if metas else ""


def _head_template(context: CheckContext) -> tuple[str, int]:
    """The template that writes the <head> of every page, at its </head>."""
    themes = [theme.templates / "base.html" for theme in context.loaded.chain]
    candidates = template_files(context) + [theme_label(p, context) for p in themes if p.is_file()]
    for path in candidates:
        line = context.line_of(path, "</head>", default=0)
        if line:
            return path, line
    return "templates/base.html", 1


def _lacking(context: CheckContext, pages: list[BuiltPage], key: str) -> Hits:
    """Findings for pages that lack a title or description: one at the shared template when
    every page lacks it, else one per page at the front matter of its source."""
    if not pages:
        return []
    if len(pages) == len(context.pages):
        every = "allen Seiten" if context.language == "de" else "every page"
        return [(*_head_template(context), {"page": every})]
    return [(page.source, context.line_of(page.source, key, context.line_of(page.source, "title:")),
             {"page": _page_label(page)}) for page in pages]


def missing_titles(context: CheckContext) -> Hits:
    # A blank `title: ' '` still leaves the site's name in <title>, but nothing of the page.
    return _lacking(context, [p for p in context.pages if not page_title(p)
                              or (p.entry.source and not p.entry.title.strip())], "title:")


def missing_descriptions(context: CheckContext) -> Hits:
    return _lacking(context, [p for p in context.pages if not page_description(p)],
                    "description:")


def duplicate_titles(context: CheckContext) -> Hits:
    first_with: dict[str, BuiltPage] = {}
    hits: Hits = []
    for page in context.pages:
        title = page_title(page)
        first = first_with.setdefault(title.casefold(), page)
        if title and first is not page:
            source = page.source if page.entry.source or not first.entry.source else first.source
            hits.append((source, context.line_of(source, "title:"),
                         {"title": title, "first": _page_label(first), "second": _page_label(page)}))
    return hits


# --- headings ----------------------------------------------------------------------------


def _in_main(page: BuiltPage) -> list[Element]:
    """The headings inside the page's <main> (all headings when it has none)."""
    headings = [e for e in page.elements if e.tag in _HEADINGS]
    main = next((e for e in page.elements if e.tag == "main"), None)
    if main is None:
        return headings
    end = page.html.lower().find("</main")
    last_line = page.html.count("\n", 0, end if end >= 0 else len(page.html)) + 1
    return [e for e in headings if e.index > main.index and e.line <= last_line]


def _heading_needles(text: str) -> list[str]:
    """How a heading may have been written: as a Markdown or HTML heading, as bare text; then
    the longest part of it typography (quotes, dashes) cannot have changed."""
    parts = sorted((p.strip() for p in _WORDS.split(text)), key=len, reverse=True)
    longest = [p for p in parts[:1] if len(p) >= 4 and p != text]
    return [f"# {text}", f">{text}<", text] + [f"# {p}" for p in longest] + longest


def heading_skips(context: CheckContext) -> Hits:
    hits: Hits = []
    for page in context.pages:
        inside = {e.index for e in _in_main(page)}
        headings = [e for e in page.elements if e.tag in _HEADINGS]
        for previous, element in itertools.pairwise(headings):
            above, level = int(previous.tag[1]), int(element.tag[1])
            if element.index not in inside or level <= above + 1:
                continue
            text = " ".join(element.text.split())
            hits.append((*_where(context, page, _heading_needles(text)), {
                "heading": _short(text, 50), "level": str(level),
                "previous": _short(" ".join(previous.text.split()), 50),
                "previous_level": str(above), "written": "#" * level, "wanted": "#" * (above + 1)}))
    return hits


RULES: list[Rule] = [
    Rule("craft.broken-link", "error", broken_links),
    Rule("craft.broken-anchor", "warning", broken_anchors),
    Rule("craft.missing-image", "error", missing_images),
    Rule("craft.image-without-alt", "error", images_without_alt),
    Rule("craft.image-empty-alt", "hint", images_with_empty_alt),
    Rule("craft.image-too-large", "warning", oversized_images),
    Rule("craft.page-too-heavy", "warning", heavy_pages),
    Rule("craft.missing-title", "error", missing_titles),
    Rule("craft.missing-description", "warning", missing_descriptions),
    Rule("craft.duplicate-title", "warning", duplicate_titles),
    Rule("craft.heading-skip", "warning", heading_skips),
]
