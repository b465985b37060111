"""Markdown to HTML, one converter per build: German-aware heading ids, typographic quotes in
the site's language, and links between Markdown files turned into page addresses."""

from __future__ import annotations

import dataclasses
import posixpath
import re
import unicodedata
import xml.etree.ElementTree as etree
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

import markdown
from markdown.extensions.attr_list import AttrListExtension
from markdown.extensions.fenced_code import FencedCodeExtension
from markdown.extensions.footnotes import FootnoteExtension
from markdown.extensions.tables import TableExtension
from markdown.treeprocessors import Treeprocessor

from .conversions import ConversionStore
from .deadline import DeadlinePassed, deadline
from .errors import Message, Problem, msg
from .i18n import Translator
from .images.markup import Shown
from .images.plan import Where
from .images.show import ImageFailed, Pictures
from .markdown_budget import over_budget
from .schedule import link_texts
from .typography import HeadingIdProcessor, TableWrapProcessor, TypographyProcessor
from .urls import owner_url

SECONDS_PER_TEXT = 10.0  # a backstop: the budget check refuses the known slow texts at once
_EXTERNAL = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*:|//)")


@dataclass
class Rendered:
    """The HTML of one Markdown text and what went wrong while making it."""

    html: str
    problems: list[Problem] = field(default_factory=list)
    # Every page file the text links to, with what the link became ('' when the page is
    # missing, 'held:' + its day when it is dated later): the HTML is valid as long as each
    # still resolves the same.
    links: dict[str, str] = field(default_factory=dict)
    pictures: bool = False  # whether it shows local pictures (their HTML follows the files)
    stored: str = ""  # its key in the store of conversions ('' without a store)


MemoKey = tuple[str, str, int, str, str]  # source, body, first line, page folder, id prefix


@dataclass
class _Job:
    source: str
    body: str
    body_line: int
    page_dir: str
    id_prefix: str
    problems: list[Problem]
    links: dict[str, str] = field(default_factory=dict)
    pictures: bool = False


class _LinkRewriter(Treeprocessor):
    """Turns `.md` links into page URLs, root links into base-path links, and prefixes ids."""

    def __init__(self, md: markdown.Markdown, owner: MarkdownRenderer) -> None:
        super().__init__(md)
        self.owner = owner

    def run(self, root: etree.Element) -> None:
        job = self.owner.job
        if job is None:
            return
        if self.owner.pictures is not None:
            self.owner.replace_images(root, job, self.owner.pictures)
        if job.id_prefix:
            for element in root.iter():
                if "id" in element.attrib:
                    element.attrib["id"] = job.id_prefix + element.attrib["id"]
        for element in root.iter():
            for attribute in ("href", "src"):
                if attribute in element.attrib:
                    element.attrib[attribute] = self.owner.rewrite(element.attrib[attribute], job)
            if "srcset" in element.attrib:
                element.attrib["srcset"] = self.owner.rewrite_srcset(element.attrib["srcset"], job)


class MarkdownRenderer:
    """Converts Markdown for one build. Not shared between threads."""

    def __init__(self, language: str, base_path: str, pages_by_source: Mapping[str, str],
                 held_back: Mapping[str, str] | None = None,
                 seconds: float = SECONDS_PER_TEXT, pictures: Pictures | None = None,
                 content_sizes: str = "100vw", memo: dict[MemoKey, Rendered] | None = None,
                 store: ConversionStore | None = None) -> None:
        """`pages_by_source` maps a file in content/ ('journal/oel.md', NFC) to its page URL;
        `held_back` maps the files dated after the build to their day, written out; `seconds`
        is the most one text may take to convert; `pictures` turns images into `<picture>`s
        shown at `content_sizes`; `memo` keeps every conversion, so that whoever shares it
        (the build and `zuhause check`) converts each text once; `store` keeps conversions
        between builds (`conversions`)."""
        self.memo = memo
        self.store = store.for_settings(language, base_path, content_sizes,
                                        "pictures" if pictures else "plain") if store else None
        self.seconds = seconds
        self.pictures = pictures
        self.content_sizes = content_sizes
        self.language = language
        self.base_path = base_path
        self.pages_by_source = pages_by_source
        self.held_back = held_back or {}
        # what a link to a page file becomes now (see `resolver`)
        self.link_target = self.resolver(pages_by_source, self.held_back)
        self.job: _Job | None = None
        # The extensions as objects: named, Markdown would look through every installed
        # package's entry points to find them, in every build.
        self.md = markdown.Markdown(
            extensions=[TableExtension(),
                        FootnoteExtension(BACKLINK_TITLE="", SUPERSCRIPT_TEXT="{}"),
                        AttrListExtension(), FencedCodeExtension()],
            output_format="html",
        )
        # After the inline patterns (20) and the footnotes (50); before the prefixing of ids.
        self.md.treeprocessors.register(TypographyProcessor(self.md, language), "zuhause-typography", 8)
        self.md.treeprocessors.register(HeadingIdProcessor(self.md), "zuhause-heading-ids", 7)
        self.md.treeprocessors.register(
            TableWrapProcessor(self.md, Translator(language)("table")), "zuhause-tables", 6)
        self.md.treeprocessors.register(_LinkRewriter(self.md, self), "zuhause-links", 1)

    def render(self, body: str, source: str, body_line: int, page_dir: str = "",
               id_prefix: str = "") -> Rendered:
        """Convert one Markdown text; any failure becomes a problem of that file."""
        key = (source, body, body_line, page_dir, id_prefix)
        stored = self.store.key(*key) if self.store is not None else ""
        known = self.memo.get(key) if self.memo is not None else None
        if known is not None and self.still_valid(known):
            return known if known.stored == stored else dataclasses.replace(known, stored=stored)
        rendered = self._stored(stored)
        if rendered is None:
            rendered = self._convert(body, source, body_line, page_dir, id_prefix)
            if stored and not rendered.problems and not rendered.pictures:
                self.store.put(stored, rendered.html, rendered.links)  # type: ignore[union-attr]
        rendered.stored = stored
        if self.memo is not None:
            self.memo[key] = rendered
        return rendered

    def _stored(self, key: str) -> Rendered | None:
        """A conversion from the store, if there is one and it is still valid."""
        found = self.store.get(key) if key and self.store is not None else None
        if found is None:
            return None
        rendered = Rendered(found[0], [], found[1])
        return rendered if self.still_valid(rendered) else None

    @staticmethod
    def resolver(pages_by_source: Mapping[str, str],
                 held_back: Mapping[str, str]) -> Callable[[str], str]:
        """What a link to a page file becomes: its URL, '' when it is missing, 'held:DAY'
        when it is dated later."""
        def resolve(wanted: str) -> str:
            url = pages_by_source.get(wanted)
            if url is not None:
                return url
            return f"held:{held_back[wanted]}" if wanted in held_back else ""
        return resolve

    def still_valid(self, rendered: Rendered) -> bool:
        """Whether a conversion of this text made earlier is what converting it now would
        give: every page it links to resolves as it did (see `carried_over` for the rest)."""
        return all(self.link_target(wanted) == target
                   for wanted, target in rendered.links.items())

    def _convert(self, body: str, source: str, body_line: int, page_dir: str,
                 id_prefix: str) -> Rendered:
        refused = over_budget(body)
        if refused:
            return Rendered("", [Problem(source, body_line + refused.line, refused.column,
                                         refused.message, refused.hint, "markdown.pathological")])
        job = _Job(source, body, body_line, page_dir, id_prefix, [])
        self.job = job
        try:
            with deadline(self.seconds):
                html = self.md.reset().convert(body)
        except DeadlinePassed:
            return Rendered("", [Problem(source, body_line, 1,
                                         msg("markdown.too-slow", seconds=f"{self.seconds:g}"),
                                         msg("markdown.too-slow-hint"), "markdown.pathological")])
        except RecursionError:
            return Rendered("", [Problem(source, body_line, 1, msg("markdown.too-deep"),
                                         msg("markdown.too-deep-hint"), "markdown.too-deep")])
        except Exception as error:  # noqa: BLE001 - a converter bug must not end the build
            return Rendered("", [Problem(source, body_line, 1,
                                         msg("markdown.failed", error=type(error).__name__),
                                         msg("markdown.failed-hint"), "markdown.failed")])
        finally:
            self.job = None
        return Rendered(html, job.problems, job.links, job.pictures)

    def rewrite(self, target: str, job: _Job) -> str:
        """The address a link in Markdown should point to."""
        if not target or _EXTERNAL.match(target):
            return target
        if target.startswith("#"):
            return "#" + job.id_prefix + target[1:] if job.id_prefix else target
        if target.startswith("/"):
            return self.base_path + owner_url(target[1:])
        parts = urlsplit(target)
        if not parts.path.lower().endswith(".md"):
            return owner_url(target)
        wanted = unicodedata.normalize("NFC", posixpath.normpath(
            posixpath.join(job.page_dir, unquote(parts.path))))
        url = self.pages_by_source.get(wanted)
        job.links[wanted] = self.link_target(wanted)
        if url is None and wanted in self.held_back:
            line, column = _locate(job.body, target)
            message, hint = link_texts(target, self.held_back[wanted])
            job.problems.append(Problem(job.source, job.body_line + line, column, message, hint,
                                        "link.scheduled"))
            return target
        if url is None:
            line, column = _locate(job.body, target)
            job.problems.append(Problem(
                job.source, job.body_line + line, column,
                msg("link.missing", target=target),
                _missing_hint(wanted, self.pages_by_source), "link.missing"))
            return target
        return url + (owner_url(f"#{parts.fragment}") if parts.fragment else "")

    def replace_images(self, root: etree.Element, job: _Job, pictures: Pictures) -> None:
        """Every image of the text with a local file becomes that file's `<picture>`; a file
        that is missing or broken is a problem at the place it is written."""
        for parent in list(root.iter()):
            for child in list(parent):
                src = child.get("src", "")
                if child.tag != "img" or not src or _EXTERNAL.match(src) or "srcset" in child.attrib:
                    continue
                line, column = _locate(job.body, src)
                job.pictures = True
                where = Where(job.source, job.body_line + line, column)
                try:
                    ref = pictures.find(unquote(urlsplit(src).path), job.page_dir, where)
                    html = pictures.show(ref, Shown(child.get("alt", ""), self.content_sizes,
                                                    child.get("class", "")))
                except ImageFailed as failed:
                    job.problems.append(failed.problem)
                    continue
                _replace(parent, child, self.md.htmlStash.store(html))

    def rewrite_srcset(self, srcset: str, job: _Job) -> str:
        """Each candidate of a `srcset` ('a.jpg 1x, b.jpg 2x') rewritten like a `src`."""
        candidates = []
        for candidate in srcset.split(","):
            url, _, descriptor = candidate.strip().partition(" ")
            candidates.append(" ".join(filter(None, [self.rewrite(url, job), descriptor.strip()])))
        return ", ".join(candidates)


def carried_over(memo: dict[MemoKey, Rendered]) -> dict[MemoKey, Rendered]:
    """The conversions of one build that a later build may take (after `still_valid`): those
    without problems and without pictures, whose files may have changed in between."""
    return {key: rendered for key, rendered in memo.items()
            if not rendered.pictures and not rendered.problems}


def _replace(parent: etree.Element, child: etree.Element, text: str) -> None:
    """Put `text` where `child` was, keeping the text that followed it."""
    index = list(parent).index(child)
    addition = text + (child.tail or "")
    if index == 0:
        parent.text = (parent.text or "") + addition
    else:
        before = parent[index - 1]
        before.tail = (before.tail or "") + addition
    parent.remove(child)


def _locate(body: str, target: str) -> tuple[int, int]:
    """0-based line offset and 1-based column of the first place `target` is written."""
    for index, line in enumerate(body.split("\n")):
        column = line.find(target)
        if column >= 0:
            return index, column + 1
    return 0, 1


def _missing_hint(wanted: str, pages: Mapping[str, str]) -> Message:
    import difflib
    close = difflib.get_close_matches(wanted, list(pages), n=1, cutoff=0.6)
    if close:
        return msg("link.missing-close-hint", close=close[0])
    return msg("link.missing-hint")


_INLINE_MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|[*_`]|<[^>]+>|\[\^[^\]]*\]")


def first_paragraph(body: str, limit: int = 240) -> str:
    """The first paragraph of a Markdown text as plain text, for summaries and descriptions."""
    lines: list[str] = []
    for line in body.split("\n"):
        stripped = line.strip()
        if not stripped:
            if lines:
                break
            continue
        if not lines and re.match(r"^(#|[-*+] |\d+\. |\||```|~~~|<|>|!\[|\[\^)", stripped):
            continue
        lines.append(stripped)
    text = _INLINE_MARKUP.sub(lambda m: m.group(1) or "", " ".join(lines))
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) > limit:
        text = text[: limit].rsplit(" ", 1)[0].rstrip(",;:–-") + " …"
    return text
