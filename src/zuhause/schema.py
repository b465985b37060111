"""Declarative field tables: one table per object drives required and type checks,
unknown keys with did-you-mean, conversion of text values, and the docs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from .errors import Problems, did_you_mean
from .frontmatter import Position, YamlList, YamlMap

_EMAIL = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()/.\-]{3,}[0-9]$")
_TRUE = {"true", "yes", "ja", "on"}
_FALSE = {"false", "no", "nein", "off"}


@dataclass(frozen=True)
class Field:
    """One key of a front matter block or of zuhause.yaml."""

    name: str
    kind: str  # text, line, list, bool, integer, date, url, email, phone, choice, map, maplist
    help: str
    required: bool = False
    example: str = ""
    choices: tuple[str, ...] = ()
    fields: tuple[Field, ...] = ()
    min_items: int = 0


class _Invalid(Exception):
    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a block of 'key: value' pairs"
    if isinstance(value, list):
        return "a list"
    return "text"


def _one_line(field: Field, value: Any) -> str:
    if not isinstance(value, str):
        raise _Invalid(f"'{field.name}' should be text, not {_describe(value)}",
                       f"Write it on one line, e.g. {field.name}: {field.example or '…'}")
    text = value.strip()
    if "\n" in text and field.kind == "line":
        raise _Invalid(f"'{field.name}' should be one line", "Shorten it to one line.")
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
    kind = field.kind
    if kind in ("text", "line"):
        return _one_line(field, value)
    if kind == "list":
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise _Invalid(f"'{field.name}' should be a list of short texts",
                           "Write one item per line, each starting with '- ', e.g.\n"
                           f"    {field.name}:\n      - {field.example or '…'}")
        cleaned = [i.strip() for i in items if i.strip()]
        if len(cleaned) < field.min_items:
            raise _Invalid(f"'{field.name}' needs at least {field.min_items} item(s)",
                           f"Add one per line, e.g.\n    {field.name}:\n      - {field.example or '…'}")
        return cleaned
    if kind == "bool":
        text = _one_line(field, value).lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise _Invalid(f"'{field.name}' should be true or false, not '{value}'",
                       f"Write {field.name}: true or {field.name}: false")
    if kind == "integer":
        text = _one_line(field, value)
        if not re.fullmatch(r"-?\d+", text):
            raise _Invalid(f"'{field.name}' should be a whole number, not '{text}'",
                           f"Write it with digits only, e.g. {field.name}: {field.example or '3'}")
        return int(text)
    if kind == "date":
        text = _one_line(field, value)
        try:
            return parse_date(text)
        except ValueError:
            raise _Invalid(f"'{text}' is not a date zuhause understands",
                           f"Write the date as year-month-day, e.g. {field.name}: 2025-12-08 "
                           "(or with a time: 2025-12-08 14:30)") from None
    if kind == "url":
        text = _one_line(field, value)
        if not re.match(r"https?://[^\s/]+", text):
            raise _Invalid(f"'{text}' is not a web address zuhause accepts",
                           "Write the full address starting with https://, e.g. https://example.org/")
        return text
    if kind == "email":
        text = _one_line(field, value)
        if not _EMAIL.match(text):
            raise _Invalid(f"'{text}' is not an email address", "Write it like anna@example.de")
        return text
    if kind == "phone":
        text = _one_line(field, value)
        if not _PHONE.match(text):
            raise _Invalid(f"'{text}' is not a phone number",
                           "Write digits, spaces and an optional leading +, e.g. +49 351 1234567")
        return text
    if kind == "choice":
        text = _one_line(field, value)
        if text not in field.choices:
            close = did_you_mean(text, field.choices)
            raise _Invalid(f"'{text}' is not one of the choices for '{field.name}'",
                           (close + " " if close else "") + "Write one of: " + ", ".join(field.choices))
        return text
    raise AssertionError(f"unknown field kind {kind}")  # a programming error, not a user error


def validate(data: YamlMap, fields: tuple[Field, ...], name: str, problems: Problems,
             where: str = "") -> dict[str, Any]:
    """Check `data` against `fields`, record problems, and return the converted values.

    Missing optional fields are absent from the result; invalid ones are left out too.
    `where` names the block for messages (e.g. "invitation").
    """
    known = {f.name: f for f in fields}
    result: dict[str, Any] = {}
    prefix = f"{where}: " if where else ""
    for key in data:
        if key not in known:
            pos = data.key_at(key)
            close = did_you_mean(key, known)
            problems.add(name, pos.line, pos.column, f"{prefix}unknown key '{key}'",
                         close or "Known keys here: " + ", ".join(known), "schema.unknown-key")
    for field in fields:
        if field.name not in data:
            if field.required:
                pos = data.position
                problems.add(name, pos.line, pos.column,
                             f"{prefix}'{field.name}' is missing: {field.help}",
                             f"Add a line like: {field.name}: {field.example or '…'}",
                             "schema.missing")
            continue
        value = data[field.name]
        pos = data.value_at(field.name)
        if field.required and (value is None or (isinstance(value, str) and not value.strip())):
            problems.add(name, pos.line, pos.column, f"{prefix}'{field.name}' is empty: {field.help}",
                         f"Write it after the colon, e.g. {field.name}: {field.example or '…'}",
                         "schema.empty")
            continue
        if value == "" and not field.required:
            continue
        if field.kind == "map":
            if not isinstance(value, YamlMap):
                problems.add(name, pos.line, pos.column,
                             f"'{field.name}' should be a block of 'key: value' lines",
                             f"Indent its keys below '{field.name}:' by two spaces.", "schema.type")
                continue
            result[field.name] = validate(value, field.fields, name, problems, field.name)
            continue
        if field.kind == "maplist":
            if not isinstance(value, YamlList) or not all(isinstance(i, YamlMap) for i in value):
                problems.add(name, pos.line, pos.column,
                             f"'{field.name}' should be a list of entries with "
                             + " and ".join(f.name for f in field.fields),
                             f"Write each entry as '- {field.fields[0].name}: …' with the other "
                             "keys indented below it.", "schema.type")
                continue
            result[field.name] = [validate(item, field.fields, name, problems, field.name)
                                  for item in value]
            continue
        try:
            result[field.name] = _convert(field, value)
        except _Invalid as invalid:
            problems.add(name, pos.line, pos.column, prefix + invalid.message, invalid.hint,
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
