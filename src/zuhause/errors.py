"""Problems with a site, reported to its owner: where, what is wrong, what to write instead."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a site, with the place it comes from and a hint how to fix it.

    `line` and `column` are 1-based; 0 means "the whole file".
    """

    path: str
    line: int
    column: int
    message: str
    hint: str = ""
    code: str = "error"

    def location(self) -> str:
        """`path:line:col`, the way editors and terminals link to a place in a file."""
        return f"{self.path}:{max(self.line, 1)}:{max(self.column, 1)}"

    def format(self) -> str:
        """The problem as the owner reads it in the terminal."""
        text = f"{self.location()}: {self.message}"
        if self.hint:
            text += f"\n    {self.hint}"
        return text


class SiteError(Exception):
    """The site cannot be built; carries every problem found, in reading order."""

    exit_code = 1

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems), key=lambda p: (p.path, p.line, p.column, p.message))
        super().__init__("\n".join(p.format() for p in self.problems))

    def format(self) -> str:
        """All problems, then one line that counts them."""
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        return "\n".join([*(p.format() for p in self.problems), f"{count} {noun}, nothing was written."])


class Problems:
    """Collects problems during one stage of the build; raise them all at once with `check()`."""

    def __init__(self) -> None:
        self._items: list[Problem] = []

    def add(self, path: str, line: int, column: int, message: str, hint: str = "",
            code: str = "error") -> None:
        """Record one problem."""
        self._items.append(Problem(path, line, column, message, hint, code))

    def extend(self, problems: Iterable[Problem]) -> None:
        """Record problems found elsewhere."""
        self._items.extend(problems)

    def __bool__(self) -> bool:
        return bool(self._items)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._items)

    def check(self) -> None:
        """Raise SiteError if anything was recorded."""
        if self._items:
            raise SiteError(self._items)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A "Did you mean ...?" hint for a misspelt word, or "" when nothing is close."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"Did you mean '{matches[0]}'?" if matches else ""
