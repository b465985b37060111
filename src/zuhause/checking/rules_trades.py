"""Regulated trades and professions: a master craftsperson, a lawyer, a doctor, ... must name
the chamber, the legal professional title with the state that awarded it, and the professional
rules in the Impressum (§ 5 Abs. 1 Nr. 5 DDG)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .context import CheckContext
from .findings import Rule

Hits = list[tuple[str, int, dict[str, str]]]

CONFIG = "zuhause.yaml"
DATA = Path(__file__).with_name("data") / "regulated_titles.yaml"
# Each detail the Impressum needs, and the keys of legal: that give it (the newer field first;
# `profession` and `profession_rules` are the older free-text spellings).
DETAILS = (
    ("chamber", ("chamber",)),
    ("professional_title", ("professional_title", "profession")),
    ("title_state", ("title_state", "profession")),
    ("professional_rules", ("professional_rules", "profession_rules")),
)


@dataclass(frozen=True)
class Profession:
    """One regulated profession: the words that name it, their look-alikes, and the example
    the finding suggests, by language."""

    id: str
    names: re.Pattern[str]
    unless: tuple[re.Pattern[str], ...]
    example: dict[str, dict[str, str]]

    def named_in(self, text: str) -> str:
        """The first word of `text` that names this profession ('' when none does)."""
        excluded = [m.span() for pattern in self.unless for m in pattern.finditer(text)]
        for match in self.names.finditer(text):
            if not any(start <= match.start() and match.end() <= end for start, end in excluded):
                return match.group(0)
        return ""


def _whole_word(patterns: list[str]) -> re.Pattern[str]:
    """Alternatives that match only where no letter, digit or hyphen touches them."""
    joined = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(rf"(?<![\w-])(?:{joined})(?![\w-])", re.IGNORECASE)


@functools.cache
def professions() -> tuple[Profession, ...]:
    """The regulated professions of `data/regulated_titles.yaml`, in its order."""
    data: dict[str, Any] = yaml.safe_load(DATA.read_text("utf-8"))
    always = list(data.get("always", []))
    return tuple(
        Profession(key, _whole_word(entry["names"]),
                   tuple(_whole_word([p]) for p in always + list(entry.get("unless", []))),
                   entry["example"])
        for key, entry in data["professions"].items())


def regulated_name(text: str) -> tuple[Profession, str] | None:
    """The profession `text` names and the words that name it; None for none."""
    for profession in professions():
        found = profession.named_in(text)
        if found:
            return profession, found
    return None


def _named_places(context: CheckContext) -> list[tuple[str, str]]:
    """(text, where it stands) of every text that may name the profession: each person's role,
    the site's title, the business's and the provider's name."""
    config = context.loaded.config
    places = [(person.role, f"{person.source}, role") for person in context.people]
    places += [(config.title, f"{CONFIG}, title"),
               (config.business.get("name", ""), f"{CONFIG}, business: name"),
               (config.legal.get("name", ""), f"{CONFIG}, legal: name")]
    return [(text, where) for text, where in places if text]


def _quoted(text: str, language: str) -> str:
    return f"„{text}“" if language == "de" else f"“{text}”"


def _example(missing: list[str], example: dict[str, str]) -> str:
    """What to write below legal: for the missing details, in YAML as the owner types it."""
    parts = {"professional_rules": f"professional_rules: [{{name: {example['rule']}, "
                                   f"url: '{example['url']}'}}]"}
    return "; ".join(parts.get(key, f"{key}: {example.get(key, '')}") for key in missing)


def regulated_details(context: CheckContext) -> Hits:
    """A regulated business whose Impressum lacks the chamber, the title, the state that
    awarded it or the professional rules: one finding at `legal:`."""
    config = context.loaded.config
    legal = config.legal
    if legal.get("regulated") is False or legal.get("country", "DE").upper() != "DE":
        return []  # the DDG binds providers in Germany; others follow their own law
    missing = [detail for detail, keys in DETAILS if not any(legal.get(k) for k in keys)]
    if not missing:
        return []
    named = next(((found, where) for text, where in _named_places(context)
                  if (found := regulated_name(text))), None)
    if named is None and legal.get("regulated") is not True:
        return []
    profession = named[0][0] if named else professions()[0]
    reason = (f"{_quoted(named[0][1], context.language)} in {named[1]}" if named
              else "legal: regulated: true")
    example = profession.example.get(context.language) or profession.example["en"]
    return [(CONFIG, config.raw.key_at("legal").line,
             {"reason": reason, "missing": ", ".join(missing), "example": _example(missing, example)})]


RULES: list[Rule] = [
    Rule("legal.regulated-details", "error", regulated_details),
]
