"""Pages dated after the moment of the build: held back until their day, unless the build
includes them (`--future`); then `zuhause serve` marks them as not yet published."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo
from typing import Protocol

from .catalogue import text
from .errors import Message, msg
from .i18n import format_date


class Dated(Protocol):
    """What scheduling needs of a page."""

    kind: str
    source: str
    date: datetime | None


def build_moment(now: datetime | None, zone: tzinfo) -> datetime:
    """The moment a build publishes for: `now` (a time without offset is in the site's zone)
    or the present."""
    if now is None:
        return datetime.now(zone)
    return now if now.tzinfo else now.replace(tzinfo=zone)


def is_scheduled(page: Dated, now: datetime) -> bool:
    """Whether a page's date is after `now`. The home page is always published."""
    return page.kind != "home" and page.date is not None and page.date > now


def day_text(moment: datetime, zone: tzinfo, language: str) -> str:
    """The day of a moment in the site's time zone, written out: `1. Dezember 2026`."""
    return format_date(moment.astimezone(zone).date(), language)


def held_back_warning(pages: Sequence[Dated], zone: tzinfo, language: str) -> Message:
    """One line that names the held-back pages and their days (written in the site's language)."""
    posts = all(page.kind == "post" for page in pages)
    one = len(pages) == 1
    listed = ", ".join(text("dates", language, "held_back.entry", source=page.source,
                            day=day_text(page.date, zone, language))
                       for page in sorted(pages, key=_when) if page.date)
    return msg(("dates.held-back-post" if one else "dates.held-back-posts") if posts
               else ("dates.held-back-page" if one else "dates.held-back-pages"),
               count=len(pages), pages=listed)


def preview_marker(date: datetime, zone: tzinfo, language: str) -> str:
    """The note `zuhause serve` shows on and beside a page that is not yet published."""
    return text("dates", language, "preview.marker", day=day_text(date, zone, language))


def link_texts(target: str, day: str) -> tuple[Message, Message]:
    """Message and hint for a link to a page that is held back until `day`."""
    return msg("dates.link", target=target, day=day), msg("dates.link-hint")


def _when(page: Dated) -> tuple[float, str]:
    return page.date.timestamp() if page.date else 0.0, page.source

