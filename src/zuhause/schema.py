"""Declarative field tables: one table per object drives required and type checks,
unknown keys with did-you-mean, conversion of text values, and the docs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from .errors import Message, Problems, did_you_mean, msg
from .frontmatter import Position, YamlList, YamlMap

_EMAIL = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()/.\-]{3,}[0-9]$")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # invisible; tab and newline are fine
_INTEGER = re.compile(r"-?[0-9]+")
COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
MAX_DIGITS = 9
_TRUE = {"true", "yes", "ja", "on"}
_FALSE = {"false", "no", "nein", "off"}


@dataclass(frozen=True)
class Field:
    """One key of a front matter block or of zuhause.yaml; `help` says what it is for."""

    name: str
    kind: str  # text, line, list, bool, integer, date, url, email, phone, colour, choice, map,
    # maplist, block (a map another module checks)
    help: Message
    required: bool = False
    example: str = ""
    choices: tuple[str, ...] = ()
    fields: tuple[Field, ...] = ()
    min_items: int = 0


class _Invalid(Exception):
    def __init__(self, message: Message, hint: Message | None = None) -> None:
        super().__init__(message.key)
        self.message = message
        self.hint = hint


def _describe(value: Any) -> Message:
    if isinstance(value, dict):
        return msg("schema.kind-block")
    if isinstance(value, list):
        return msg("schema.kind-list")
    return msg("schema.kind-text")


def _visible(field: Field, text: str) -> str:
    """`text`, unless it holds an invisible control character (which breaks feeds and names)."""
    found = _CONTROL.search(text)
    if found:
        raise _Invalid(msg("schema.control-character", field=field.name,
                           code=f"U+{ord(found[0]):04X}"), msg("schema.control-character-hint"))
    return text


def _one_line(field: Field, value: Any) -> str:
    if not isinstance(value, str):
        raise _Invalid(msg("schema.not-text", field=field.name, found=_describe(value)),
                       msg("schema.not-text-hint", field=field.name, example=field.example or "…"))
    text = _visible(field, value.strip())
    if "\n" in text and field.kind == "line":
        raise _Invalid(msg("schema.not-one-line", field=field.name),
                       msg("schema.not-one-line-hint"))
    return text


def parse_date(text: str) -> date | datetime:
    """`2025-12-08`, `2025-12-08 14:30`, `2025-12-08T14:30:00+01:00` -> date or datetime."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if match:
        return date(int(match[1]), int(match[2]), int(match[3]))
    match = re.fullmatch(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(Z|[+-]\d{2}:\d{2})?", text)
    if match:
        offset = "+00:00" if match[3] == "Z" else match[3] or ""
        return datetime.fromisoformat(f"{match[1]}T{match[2]}{offset}")
    raise ValueError(text)


def _convert(field: Field, value: Any) -> Any:
    kind, name, example = field.kind, field.name, field.example or "…"
    if kind in ("text", "line"):
        return _one_line(field, value)
    if kind == "list":
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise _Invalid(msg("schema.not-list", field=name),
                           msg("schema.not-list-hint", field=name, example=example))
        cleaned = [_visible(field, i.strip()) for i in items if i.strip()]
        if len(cleaned) < field.min_items:
            raise _Invalid(msg("schema.too-few", field=name, count=field.min_items),
                           msg("schema.too-few-hint", field=name, example=example))
        return cleaned
    if kind == "bool":
        text = _one_line(field, value).lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise _Invalid(msg("schema.not-bool", field=name, value=str(value)),
                       msg("schema.not-bool-hint", field=name))
    if kind == "integer":
        text = _one_line(field, value)
        if not _INTEGER.fullmatch(text):
            raise _Invalid(msg("schema.not-integer", field=name, value=text[:40]),
                           msg("schema.not-integer-hint", field=name, example=field.example or "3"))
        if len(text.lstrip("-")) > MAX_DIGITS:
            raise _Invalid(msg("schema.integer-too-long", field=name, digits=MAX_DIGITS),
                           msg("schema.not-integer-hint", field=name, example=field.example or "3"))
        return int(text)
    if kind == "date":
        text = _one_line(field, value)
        try:
            return parse_date(text)
        except ValueError:
            raise _Invalid(msg("schema.not-date", value=text),
                           msg("schema.not-date-hint", field=name)) from None
    if kind == "url":
        text = _one_line(field, value)
        if not re.match(r"https?://[^\s/]+", text):
            raise _Invalid(msg("schema.not-url", value=text), msg("schema.not-url-hint"))
        return text
    if kind == "email":
        text = _one_line(field, value)
        if not _EMAIL.match(text):
            raise _Invalid(msg("schema.not-email", value=text), msg("schema.not-email-hint"))
        return text
    if kind == "phone":
        text = _one_line(field, value)
        if not _PHONE.match(text):
            raise _Invalid(msg("schema.not-phone", value=text), msg("schema.not-phone-hint"))
        return text
    if kind == "colour":
        text = value.strip() if isinstance(value, str) else ""
        if not COLOUR.fullmatch(text):
            raise _Invalid(msg("schema.not-colour", field=name, value=text),
                           msg("schema.not-colour-hint", field=name, example=field.example or "#9a3b1a"))
        return text.lower()
    if kind == "choice":
        text = _one_line(field, value)
        if text not in field.choices:
            choices = ", ".join(field.choices)
            close = did_you_mean(text, field.choices)
            hint = (msg("schema.choices-hint", choices=choices) if close is None
                    else msg("schema.choices-close-hint", close=close, choices=choices))
            raise _Invalid(msg("schema.not-choice", value=text, field=name), hint)
        return text
    raise AssertionError(f"unknown field kind {kind}")  # a programming error, not a user error


def _within(where: str, message: Message) -> Message:
    """`invitation: ...`: the message for a key inside the block `where`."""
    return msg("schema.within", block=where, text=message) if where else message


def validate(data: YamlMap, fields: tuple[Field, ...], name: str, problems: Problems,
             where: str = "", others: bool = False) -> dict[str, Any]:
    """Check `data` against `fields`, record problems, and return the converted values.

    Missing optional fields are absent from the result; invalid ones are left out too.
    `where` names the block for messages (e.g. "invitation"); `others` lets keys that are not
    among `fields` pass (someone else checks them).
    """
    known = {f.name: f for f in fields}
    result: dict[str, Any] = {}
    for key in data:
        if key not in known and not others:
            pos = data.key_at(key)
            close = did_you_mean(key, known)
            problems.add(name, pos.line, pos.column, _within(where, msg("schema.unknown-key", key=key)),
                         close or msg("schema.known-keys", keys=", ".join(known)),
                         "schema.unknown-key")
    for field in fields:
        example = field.example or "…"
        if field.name not in data:
            if field.required:
                pos = data.position
                problems.add(name, pos.line, pos.column,
                             _within(where, msg("schema.missing", field=field.name, help=field.help)),
                             msg("schema.missing-hint", field=field.name, example=example),
                             "schema.missing")
            continue
        value = data[field.name]
        pos = data.value_at(field.name)
        if field.required and (value is None or (isinstance(value, str) and not value.strip())):
            problems.add(name, pos.line, pos.column,
                         _within(where, msg("schema.empty", field=field.name, help=field.help)),
                         msg("schema.empty-hint", field=field.name, example=example),
                         "schema.empty")
            continue
        if value == "" and not field.required and field.kind != "colour":  # `#…` unquoted is ""
            continue
        if field.kind in ("map", "block"):
            if not isinstance(value, YamlMap):
                problems.add(name, pos.line, pos.column, msg("schema.not-block", field=field.name),
                             msg("schema.not-block-hint", field=field.name), "schema.type")
                continue
            result[field.name] = (value if field.kind == "block" else
                                  validate(value, field.fields, name, problems, field.name))
            continue
        if field.kind == "maplist":
            if not isinstance(value, YamlList) or not all(isinstance(i, YamlMap) for i in value):
                problems.add(name, pos.line, pos.column,
                             msg("schema.not-entries", field=field.name,
                                 keys=", ".join(f.name for f in field.fields)),
                             msg("schema.not-entries-hint", first=field.fields[0].name),
                             "schema.type")
                continue
            result[field.name] = [validate(item, field.fields, name, problems, field.name)
                                  for item in value]
            continue
        try:
            result[field.name] = _convert(field, value)
        except _Invalid as invalid:
            problems.add(name, pos.line, pos.column, _within(where, invalid.message), invalid.hint,
                         "schema.value")
    return result


def position_of(data: YamlMap, *keys: str) -> Position:
    """Where the value at a nested key path stood (the deepest known position)."""
    current: Any = data
    pos = data.position
    for key in keys:
        if isinstance(current, YamlMap) and key in current:
            pos = current.value_at(key)
            current = current[key]
        else:
            break
    return pos
