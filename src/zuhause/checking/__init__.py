"""`zuhause check`: read the built site the way a first-time visitor and a careful lawyer
would, and say in plain words what makes it faceless, broken, illegal or slow."""

from __future__ import annotations

from .findings import Finding, Rule
from .runner import CheckReport, check_site

__all__ = ["CheckReport", "Finding", "Rule", "check_site"]
