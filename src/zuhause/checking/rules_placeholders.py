"""Placeholders: nothing `zuhause new` wrote for the owner to replace goes live. What counts as
a placeholder is kept with the starter site (zuhause/starter/), so the two cannot drift."""

from __future__ import annotations

from ..starter.recognise import Placeholder, find_placeholders
from .context import CheckContext
from .findings import Rule

Hits = list[tuple[str, int, dict[str, str]]]
_OTHER = {"address", "phone", "portrait"}


def _found(context: CheckContext, keep: set[str] | None, leave: set[str]) -> Hits:
    found: list[Placeholder] = find_placeholders(context.root, context.model, context.source_text)
    return [(p.path, p.line, {"text": p.text if len(p.text) <= 60 else p.text[:57] + "..."})
            for p in found if (keep is None or p.key in keep) and p.key not in leave]


def starter_texts(context: CheckContext) -> Hits:
    return _found(context, None, _OTHER)


def example_addresses(context: CheckContext) -> Hits:
    return _found(context, {"address", "phone"}, set())


def drawn_portrait(context: CheckContext) -> Hits:
    return _found(context, {"portrait"}, set())


RULES = [
    Rule("placeholder.text", "error", starter_texts),
    Rule("placeholder.example-address", "error", example_addresses),
    Rule("placeholder.portrait", "error", drawn_portrait),
]
