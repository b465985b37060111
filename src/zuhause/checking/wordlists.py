"""The word lists of the person rules (buzzwords, stock agencies, company names, calls to a
form), read once from the YAML files in `checking/data/`, where each group is explained."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).with_name("data")


@dataclass(frozen=True)
class Pattern:
    """A regular expression of a word list, with the label a finding names it by."""

    label: str
    regex: re.Pattern[str]


def _read(name: str) -> Any:
    return yaml.safe_load((DATA / name).read_text("utf-8"))


def _patterns(entries: list[dict[str, Any]], label: str) -> tuple[Pattern, ...]:
    """Entries {label, pattern, case?} compiled; case-insensitive unless `case: true`."""
    return tuple(Pattern(str(entry[label]),
                         re.compile(str(entry["pattern"]),
                                    0 if entry.get("case") else re.IGNORECASE))
                 for entry in entries)


@functools.cache
def buzzwords() -> tuple[Pattern, ...]:
    """Every buzzword, German and English (every site is read with both)."""
    data = _read("buzzwords.yaml")
    return _patterns(data["de"], "label") + _patterns(data["en"], "label")


@functools.cache
def stock_names() -> tuple[Pattern, ...]:
    """File names as stock agencies give their downloads, labelled with the agency."""
    return _patterns(_read("stock.yaml")["names"], "agency")


@functools.cache
def stock_hosts() -> dict[str, str]:
    """The image hosts of stock agencies -> the agency."""
    return {str(entry["host"]).lower(): str(entry["agency"])
            for entry in _read("stock.yaml")["hosts"]}


@functools.cache
def company_names() -> tuple[Pattern, ...]:
    """What in a person's name says it is a team or a company, labelled with the kind."""
    return _patterns(_read("voice.yaml")["company_names"], "kind")


@functools.cache
def invitation_words() -> tuple[frozenset[str], frozenset[str]]:
    """(calls, fillers): the words of an invitation that only points to a form or a quote."""
    data = _read("voice.yaml")["invitation"]

    def merged(part: str) -> frozenset[str]:
        return frozenset(str(word).casefold() for words in data[part].values() for word in words)

    return merged("calls"), merged("fillers")
