"""Rules of the craft family (being written)."""

from __future__ import annotations

from .findings import Rule

RULES: list[Rule] = []
