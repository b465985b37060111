"""The starter site `zuhause new` writes, kept as package data: page templates per language in
`starter/<language>/`, every placeholder text in `starter/<language>/placeholders.yaml`, the
drawn portrait and the deploy files. The scaffold writes from here and `zuhause check` and
`zuhause build` recognise the placeholders from here, so the two cannot drift apart."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path

import yaml

FOLDER = Path(__file__).parent
PORTRAIT_FILE = FOLDER / "portrait.svg"
# The drawn portrait carries this mark, so it is recognised under any file name.
PORTRAIT_MARK = "zuhause-placeholder-portrait"


def languages() -> tuple[str, ...]:
    """The languages the starter site is written in."""
    return tuple(sorted(p.name for p in FOLDER.iterdir() if (p / "placeholders.yaml").is_file()))


def template(name: str, language: str | None = None) -> str:
    """A starter file: `template("person.md", "de")`, or a language-neutral one by name."""
    folder = FOLDER / language if language else FOLDER
    return (folder / name).read_text("utf-8")


@functools.cache
def placeholders(language: str) -> Mapping[str, str]:
    """Every placeholder text of one language, key -> text (read once)."""
    data = yaml.load(template("placeholders.yaml", language), Loader=yaml.BaseLoader)
    return {str(key): str(value) for key, value in data.items()}


def portrait() -> str:
    """The drawn portrait that stands in for the owner's photo."""
    return PORTRAIT_FILE.read_text("utf-8")
