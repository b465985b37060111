"""A finding of `zuhause check` and the rule that produces it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, overload

from ..catalogue import catalogue

if TYPE_CHECKING:
    from .context import CheckContext

LEVELS = ("error", "warning", "hint")

Finder = Callable[["CheckContext"], list[tuple[str, int, dict[str, str]]]]


@dataclass(frozen=True)
class Finding:
    """One thing the owner should change: where, what, why it matters, what to do."""

    id: str
    level: str  # error, warning, hint
    path: str
    line: int
    message: str
    why: str
    fix: str

    def format(self) -> str:
        """The finding as the owner reads it in the terminal."""
        return (f"{self.path}:{max(self.line, 1)}: {self.level} [{self.id}] {self.message}\n"
                f"    {self.why}\n    {self.fix}")

    def as_dict(self) -> dict[str, object]:
        """The finding for `--format json`."""
        return {"id": self.id, "level": self.level, "path": self.path, "line": max(self.line, 1),
                "message": self.message, "why": self.why, "fix": self.fix}


@dataclass(frozen=True)
class Texts:
    """What a rule says, in one language: `message` may use {placeholders}."""

    message: str
    why: str
    fix: str

    @classmethod
    def from_catalogue(cls, rule_id: str, language: str) -> Texts:
        """A rule's texts from `locales/<language>/check.yaml`, where they sit under its id."""
        return cls(*(catalogue("check", language)[f"{rule_id}.{part}"]
                     for part in ("message", "why", "fix")))


@dataclass(frozen=True, init=False)
class Rule:
    """One check: a stable id, a level, and the function that yields (path, line, placeholders)
    for every place it fires. What it says sits under its id in `locales/<lang>/check.yaml`;
    a rule may still bring its texts along instead: `Rule(id, level, {"de": Texts(...), ...},
    find)`."""

    id: str
    level: str
    find: Finder
    inline: Mapping[str, Texts] | None

    @overload
    def __init__(self, id: str, level: str, find: Finder, /) -> None: ...
    @overload
    def __init__(self, id: str, level: str, texts: Mapping[str, Texts], find: Finder, /) -> None: ...

    def __init__(self, id: str, level: str, *rest: Any) -> None:  # noqa: A002 - the rule's id
        object.__setattr__(self, "id", id)
        object.__setattr__(self, "level", level)
        object.__setattr__(self, "find", rest[-1])
        object.__setattr__(self, "inline", rest[0] if len(rest) == 2 else None)

    def texts(self, language: str) -> Texts:
        """What the rule says in `language`."""
        if self.inline is not None:
            return self.inline.get(language) or self.inline["en"]
        return Texts.from_catalogue(self.id, language)

    def findings(self, context: CheckContext) -> list[Finding]:
        """Run the rule and word its findings in the site's language."""
        texts = self.texts(context.language)
        found = [Finding(self.id, self.level, path, line, texts.message.format(**values),
                         texts.why.format(**values), texts.fix.format(**values))
                 for path, line, values in self.find(context)]
        return list(dict.fromkeys(found))  # one cause seen on many pages is one finding
