"""Every text a visitor reads, and dates, in the site's language (from `locales/<lang>/site.yaml`
and `dates.yaml`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .catalogue import text


@dataclass(frozen=True)
class Translator:
    """Looks up visitor strings for one language: `t("contact")`, `t("since", year=2009)`."""

    language: str

    def __call__(self, key: str, **values: object) -> str:
        return text("site", self.language, key, **values)

def format_date(day: date, language: str) -> str:
    """`8. Dezember 2025` in German, `8 December 2025` in English."""
    month = text("dates", language, f"month.{day.month}")
    return text("dates", language, "long", day=day.day, month=month, year=day.year)
