"""Texts people read, kept as data a translator edits without reading Python.

Each language is a folder `locales/<language>/` of YAML files, one per domain (`site` for what
visitors read, `messages` for what owners read in the terminal, ...). A file is a mapping of
keys to texts; nested mappings give dotted keys (`problem.unknown-key`). Texts are
`str.format` templates: `{name}` is filled in, `{{` and `}}` are literal braces. Every value
is read as text (YAML's `NO`, `01067` or `true` stay as written).

A third language is one more folder with the same files; `tests/test_catalogue.py` fails while
any key is missing in any language.
"""

from __future__ import annotations

import functools
import locale
import os
from collections.abc import Mapping
from pathlib import Path

import yaml

LOCALES = Path(__file__).with_name("locales")
FALLBACK = "en"


def languages() -> tuple[str, ...]:
    """Every language zuhause speaks: the folders under `locales/`."""
    return tuple(sorted(p.name for p in LOCALES.iterdir() if p.is_dir() and not p.name.startswith("_")))


def _flatten(data: object, prefix: str, where: str) -> dict[str, str]:
    if isinstance(data, str):
        return {prefix: data}
    if not isinstance(data, dict):
        raise ValueError(f"{where}: '{prefix}' must be a text or a mapping of texts")
    flat: dict[str, str] = {}
    for key, value in data.items():
        flat.update(_flatten(value, f"{prefix}.{key}" if prefix else str(key), where))
    return flat


@functools.cache
def catalogue(domain: str, language: str) -> Mapping[str, str]:
    """All texts of one domain in one language, with dotted keys (read once, never changed)."""
    path = LOCALES / language / f"{domain}.yaml"
    loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)  # libyaml's, when PyYAML has it
    data = yaml.load(path.read_text("utf-8"), Loader=loader)  # every scalar a str
    return _flatten(data or {}, "", str(path))


def text(domain: str, language: str, key: str, /, **values: object) -> str:
    """One text, filled in: `text("messages", "de", "build.summary", pages=3)`."""
    try:
        template = catalogue(domain, language)[key]
    except KeyError:
        raise KeyError(f"no text '{key}' in locales/{language}/{domain}.yaml") from None
    return template.format(**values)


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The language to speak before a site exists: from LC_ALL, LC_MESSAGES or LANG when
    zuhause speaks it, else English."""
    env = os.environ if environ is None else environ
    known = languages()
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(variable, "")
        for part in value.split(":"):
            code = part.split("_")[0].split(".")[0].lower()
            if code in known:
                return code
    if environ is None:
        code = (locale.getlocale()[0] or "").split("_")[0].lower()
        if code in known:
            return code
    return FALLBACK
