"""A finding of `zuhause check` and the rule that produces it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .context import CheckContext

LEVELS = ("error", "warning", "hint")


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


@dataclass(frozen=True)
class Rule:
    """One check: a stable id, a level, its texts in German and English, and the function that
    yields (path, line, placeholders) for every place it fires."""

    id: str
    level: str
    texts: dict[str, Texts]
    find: Callable[[CheckContext], list[tuple[str, int, dict[str, str]]]]

    def findings(self, context: CheckContext) -> list[Finding]:
        """Run the rule and word its findings in the site's language."""
        texts = self.texts.get(context.language) or self.texts["en"]
        found = [Finding(self.id, self.level, path, line, texts.message.format(**values),
                         texts.why.format(**values), texts.fix.format(**values))
                 for path, line, values in self.find(context)]
        return list(dict.fromkeys(found))  # one cause seen on many pages is one finding
