"""Problems with a site, reported to its owner: where, what is wrong, what to write instead.

A problem is found before the site's language is known (zuhause.yaml may itself be broken), so
it carries message keys and values, and is worded in a language only when it is shown.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Union

from .catalogue import text

DOMAIN = "messages"
Value = Union[str, int, "Message"]


@dataclass(frozen=True)
class Message:
    """A text of `locales/<language>/messages.yaml` with its values, not yet worded.

    Values may be messages themselves (a field's help inside "is missing"), worded in the same
    language. Make one with `msg()`: tests find every key used in the code through that call.
    """

    key: str
    values: tuple[tuple[str, Value], ...] = ()

    def format(self, language: str) -> str:
        """The text in `language`, values filled in."""
        filled = {name: value.format(language) if isinstance(value, Message) else value
                  for name, value in self.values}
        return text(DOMAIN, language, self.key, **filled)


def msg(key: str, /, **values: Value) -> Message:
    """The message `key` of the messages catalogue, with its values: `msg("site.missing")`."""
    return Message(key, tuple(sorted(values.items())))


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a site, with the place it comes from and a hint how to fix it.

    `line` and `column` are 1-based; 0 means "the whole file".
    """

    path: str
    line: int
    column: int
    message: Message
    hint: Message | None = None
    code: str = "error"

    def location(self) -> str:
        """`path:line:col`, the way editors and terminals link to a place in a file."""
        return f"{self.path}:{max(self.line, 1)}:{max(self.column, 1)}"

    def format(self, language: str) -> str:
        """The problem as the owner reads it in the terminal, in `language`."""
        worded = f"{self.location()}: {self.message.format(language)}"
        if self.hint is not None:
            worded += f"\n    {self.hint.format(language)}"
        return worded

    def order(self) -> tuple[str, int, int, str, str]:
        """Reading order: file, line, column, then the message."""
        return (self.path, self.line, self.column, self.message.key, repr(self.message.values))


class SiteError(Exception):
    """The site cannot be built; carries every problem found, in reading order."""

    exit_code = 1

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems), key=Problem.order)
        super().__init__("\n".join(p.format("en") for p in self.problems))

    def format(self, language: str) -> str:
        """All problems, then one line that counts them, in `language`."""
        count = len(self.problems)
        summary = msg("summary.problems-one" if count == 1 else "summary.problems", count=count)
        return "\n".join([*(p.format(language) for p in self.problems), summary.format(language)])


class Problems:
    """Collects problems during one stage of the build; raise them all at once with `check()`."""

    def __init__(self) -> None:
        self._items: list[Problem] = []

    def add(self, path: str, line: int, column: int, message: Message,
            hint: Message | None = None, code: str = "error") -> None:
        """Record one problem."""
        self._items.append(Problem(path, line, column, message, hint, code))

    def extend(self, problems: Iterable[Problem]) -> None:
        """Record problems found elsewhere."""
        self._items.extend(problems)

    def __bool__(self) -> bool:
        return bool(self._items)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self._items)

    def check(self) -> None:
        """Raise SiteError if anything was recorded."""
        if self._items:
            raise SiteError(self._items)


def did_you_mean(word: str, choices: Iterable[str]) -> Message | None:
    """A "Did you mean ...?" hint for a misspelt word, or None when nothing is close."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return msg("did-you-mean", word=matches[0]) if matches else None


def sentences(*parts: Message | None) -> Message:
    """Several sentences read one after the other (None parts are left out)."""
    present = [part for part in parts if part is not None]
    if not present:
        raise ValueError("sentences() needs at least one message")
    if len(present) == 1:
        return present[0]
    return msg("sentences", first=present[0], rest=sentences(*present[1:]))
