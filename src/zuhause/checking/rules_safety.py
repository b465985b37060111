"""Safety of the owner's own HTML: the build keeps raw HTML in Markdown as it is written, so the
check points at scripts, event handlers (onclick=...) and javascript: links in the Markdown
sources, line by line. Code the owner only shows (fenced blocks, `code spans`) is left alone."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from markdown.extensions.fenced_code import FencedBlockPreprocessor

from .context import CheckContext
from .findings import Rule

Hits = list[tuple[str, int, dict[str, str]]]

# Python-Markdown's own pattern, so that exactly the blocks it turns into code are skipped.
_FENCED = FencedBlockPreprocessor.FENCED_BLOCK_RE
# `code` or ``code with ` inside``: the same run of backticks closes it, never across a blank line.
_CODE_SPAN = re.compile(r"(?<![`\\])(`+)(?!`)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_NAME = r"""[^\s"'>/=]+"""
_VALUE = r"""(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+)"""
_TAG = re.compile(rf"<([a-zA-Z][\w:-]*)((?:\s+{_NAME}(?:\s*=\s*{_VALUE})?)*)\s*/?>")
_ATTRIBUTE = re.compile(rf"({_NAME})(?:\s*=\s*({_VALUE}))?")
_ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}")  # Markdown's attribute lists: {: onclick="..." }
_SCRIPT = re.compile(r"<script\b", re.IGNORECASE)
_HANDLER = re.compile(r"on[a-z]+", re.IGNORECASE)
_MD_LINK = re.compile(r"\]\(\s*<?((?:[^\s()<>]|\([^\s()]*\))+)")  # [text](target) and ![alt](target)
_MD_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*<?(\S+?)>?(?:[ \t]|$)", re.MULTILINE)
_INVISIBLE = re.compile(r"[\x00-\x20]+")  # browsers ignore these inside a URL's scheme


@dataclass(frozen=True)
class Spot:
    """One risky place in a text: its kind, its offset, and what was written there."""

    kind: str  # script, handler, javascript
    offset: int
    what: str
    tag: str = ""  # the element the attribute belongs to: '<img>' or '{: … }'


def _blank(match: re.Match[str]) -> str:
    """The matched text with everything but line breaks turned into spaces (offsets stay)."""
    return re.sub(r"[^\n]", " ", match[0])


def mask_code(body: str) -> str:
    """The Markdown text with fenced code, code spans and HTML comments blanked out."""
    for pattern in (_FENCED, _CODE_SPAN, _COMMENT):
        body = pattern.sub(_blank, body)
    return body


def mask_comments(text: str) -> str:
    """The text with HTML comments blanked out."""
    return _COMMENT.sub(_blank, text)


def is_javascript_url(value: str) -> bool:
    """Whether a browser would run this URL as a script (entities, case, blanks ignored)."""
    return _INVISIBLE.sub("", html.unescape(value)).lower().startswith("javascript:")


def _attribute_spots(attributes: str, start: int, tag: str) -> list[Spot]:
    spots = []
    for match in _ATTRIBUTE.finditer(attributes):
        name, value = match[1], (match[2] or "").strip("\"'")
        if _HANDLER.fullmatch(name):
            spots.append(Spot("handler", start + match.start(), name.lower(), tag))
        elif value and is_javascript_url(value):
            spots.append(Spot("javascript", start + match.start(2), value, tag))
    return spots


def html_spots(text: str) -> list[Spot]:
    """Scripts, event handlers and javascript: URLs in the HTML tags of a text."""
    spots = [Spot("script", m.start(), "<script>") for m in _SCRIPT.finditer(text)]
    for tag in _TAG.finditer(text):
        spots += _attribute_spots(tag[2], tag.start(2), f"<{tag[1].lower()}>")
    return spots


def markdown_spots(text: str) -> list[Spot]:
    """Every risky place of a Markdown text, in the order written: in its HTML tags, in its
    attribute lists `{: ...}` and in its link targets."""
    spots = html_spots(text)
    for block in _ATTR_LIST.finditer(text):
        spots += _attribute_spots(block[1], block.start(1), "{: … }")
    for pattern in (_MD_LINK, _MD_REFERENCE):
        spots += [Spot("javascript", m.start(1), m[1]) for m in pattern.finditer(text)
                  if is_javascript_url(m[1])]
    return sorted(spots, key=lambda spot: spot.offset)


def live_spots(body: str, rendered: str) -> list[tuple[int, Spot]]:
    """The risky places of a Markdown text as (0-based line, spot).

    The text is read with its code blanked out; a place counts only when its kind is in the
    HTML the build really makes of the text (so a `<script>` in an indented code block is no
    alarm). A kind that is in the HTML but was not found that way is looked for in the whole
    text, else reported at its first line: nothing live goes unreported.
    """
    live = {spot.kind: spot for spot in html_spots(mask_comments(rendered))}
    spots = [spot for spot in markdown_spots(mask_code(body)) if spot.kind in live]
    for kind in live.keys() - {spot.kind for spot in spots}:
        unmasked = [spot for spot in markdown_spots(body) if spot.kind == kind]
        spots += unmasked or [Spot(kind, 0, live[kind].what, live[kind].tag)]
    return [(body.count("\n", 0, spot.offset), spot) for spot in spots]


def _texts(context: CheckContext) -> list[tuple[str, str, int, str]]:
    """Every Markdown text of the site, converted as the build converted it: (file, body, line
    of the body's first line, its HTML). The privacy text inside zuhause.yaml has no fixed first
    line (0): its lines are looked up."""
    texts = [(page.source, page.body, page.body_line, context.page_html(page))
             for page in context.model.pages if page.source]
    for person in context.people:
        document = context.person_document(person)
        texts.append((person.source, document.body, document.body_line, context.story_html(person)))
    privacy = context.loaded.config.privacy.get("text", "")
    if privacy:
        texts.append(("zuhause.yaml", privacy, 0, context.markdown_html("zuhause.yaml", privacy, 1)))
    return texts


def _line(context: CheckContext, source: str, body: str, first_line: int, line: int) -> int:
    """The line in the file of a (0-based) line of a text."""
    if first_line:
        return first_line + line
    written = body.split("\n")[line].strip()
    fallback = context.line_of(source, "privacy:")
    return context.line_of(source, written, fallback) if written else fallback


def _spots(context: CheckContext, kind: str) -> list[tuple[str, int, Spot]]:
    found = []
    for source, body, first_line, rendered in _texts(context):
        found += [(source, _line(context, source, body, first_line, line), spot)
                  for line, spot in live_spots(body, rendered) if spot.kind == kind]
    return found


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def scripts(context: CheckContext) -> Hits:
    return [(path, line, {}) for path, line, _ in _spots(context, "script")]


def event_handlers(context: CheckContext) -> Hits:
    return [(path, line, {"attribute": spot.what, "tag": spot.tag})
            for path, line, spot in _spots(context, "handler")]


def javascript_links(context: CheckContext) -> Hits:
    return [(path, line, {"url": _short(spot.what)})
            for path, line, spot in _spots(context, "javascript")]


RULES: list[Rule] = [
    Rule("safety.script", "error", scripts),
    Rule("safety.event-handler", "error", event_handlers),
    Rule("safety.javascript-link", "error", javascript_links),
]
