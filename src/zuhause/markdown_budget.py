"""The size and work budget of one Markdown text, checked before Python-Markdown sees it.

Python-Markdown's inline parsing is quadratic in the number of `[`, `<` and backticks within
one paragraph (measured in benchmarks/bench_markdown.py: 8,000 `![` take about 20 s), its
regular expressions are cubic on long backtick runs, and deep nesting ends in a
RecursionError. The check is linear and deterministic; a hard deadline (deadline.py) catches
whatever it does not foresee.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import Message, msg

MAX_CHARS = 2_000_000  # about 3 s of ordinary text; a book chapter is 100,000
MAX_WORK = 6_000_000  # the sum over paragraphs of (openers in it)², about 1 s at worst
_BACKTICK_RUN = re.compile(r"`{101,}")
_DEEP_LINE = re.compile(r"^(?:[ \t]{400,}|(?:>\s*){60,})", re.MULTILINE)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_OPENERS = re.compile(r"[\[<`]")


@dataclass(frozen=True)
class OverBudget:
    """Why a text is refused: where (0-based line in the text, 1-based column), what, hint."""

    line: int
    column: int
    message: Message
    hint: Message


def over_budget(body: str) -> OverBudget | None:
    """Why converting `body` would take too long, or None when it is within the budget."""
    if len(body) > MAX_CHARS:
        return OverBudget(0, 1, msg("markdown.too-long", count=len(body), limit=MAX_CHARS),
                          msg("markdown.too-long-hint"))
    match = _BACKTICK_RUN.search(body)
    if match:
        line, column = _place(body, match.start())
        return OverBudget(line, column, msg("markdown.backticks", count=len(match[0])),
                          msg("markdown.backticks-hint"))
    match = _DEEP_LINE.search(body)
    if match:
        return OverBudget(_place(body, match.start())[0], 1, msg("markdown.nested"),
                          msg("markdown.nested-hint"))
    work, worst_line, worst = 0, 0, 0
    for line, count in _openers_per_paragraph(body.split("\n")):
        work += count * count
        if count > worst:
            worst_line, worst = line, count
    if work > MAX_WORK:
        return OverBudget(worst_line, 1, msg("markdown.openers", count=worst),
                          msg("markdown.openers-hint"))
    return None


def _openers_per_paragraph(lines: list[str]) -> list[tuple[int, int]]:
    """(first line, number of `[`, `<` and backticks) of each paragraph outside fenced code."""
    code = _fenced_lines(lines)
    found: list[tuple[int, int]] = []
    start, count = 0, 0
    for index, line in enumerate(lines):
        if index in code or not line.strip():
            if count:
                found.append((start, count))
            count = 0
            continue
        if not count:
            start = index
        count += len(_OPENERS.findall(line))
    if count:
        found.append((start, count))
    return found


def _fenced_lines(lines: list[str]) -> set[int]:
    """Indexes of the lines inside closed ``` or ~~~ fences (Python-Markdown does not parse
    them inline); an unclosed fence is ordinary text."""
    inside: set[int] = set()
    opened: tuple[int, str] | None = None
    for index, line in enumerate(lines):
        match = _FENCE.match(line)
        if opened is None:
            if match:
                opened = (index, match[1])
        elif match and match[1][0] == opened[1][0] and len(match[1]) >= len(opened[1]):
            inside.update(range(opened[0], index + 1))
            opened = None
    return inside


def _place(body: str, offset: int) -> tuple[int, int]:
    """0-based line and 1-based column of `offset`."""
    line_start = body.rfind("\n", 0, offset) + 1
    return body.count("\n", 0, offset), offset - line_start + 1
