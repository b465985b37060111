"""Mistakes on the command line, said in the owner's language instead of argparse's English."""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

from .catalogue import system_language
from .errors import Message, msg

# argparse's own English sentences (Python 3.11 to 3.13) and what the owner reads instead
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"the following arguments are required: (?P<names>.+)"), "required"),
    (re.compile(r"unrecognized arguments: (?P<names>.+)"), "unrecognized"),
    (re.compile(r"argument (?P<names>\S+): invalid choice: '?(?P<value>.*?)'? "
                r"\(choose from (?P<choices>.+)\)"), "invalid-choice"),
    (re.compile(r"argument (?P<names>\S+): invalid \w+ value: '?(?P<value>.*?)'?$"), "invalid-value"),
    (re.compile(r"argument (?P<names>\S+): expected one argument"), "expected-one"),
    (re.compile(r"ambiguous option: (?P<names>\S+) could match (?P<choices>.+)"), "ambiguous"),
)


def usage_message(english: str) -> Message:
    """argparse's error sentence as a message of the catalogue (its own words when unknown)."""
    for pattern, kind in _PATTERNS:
        match = pattern.fullmatch(english)
        if match is None:
            continue
        found = {k: v.replace("'", "") for k, v in match.groupdict().items() if v is not None}
        if kind == "required":
            return msg("usage.required", names=found["names"])
        if kind == "unrecognized":
            return msg("usage.unrecognized", names=found["names"])
        if kind == "invalid-choice":
            return msg("usage.invalid-choice", name=found["names"], value=found["value"],
                       choices=found["choices"])
        if kind == "invalid-value":
            return msg("usage.invalid-value", name=found["names"], value=found["value"])
        if kind == "expected-one":
            return msg("usage.expected-one", name=found["names"])
        return msg("usage.ambiguous", name=found["names"], choices=found["choices"])
    return msg("usage.other", detail=english)


class UsageParser(argparse.ArgumentParser):
    """An ArgumentParser that words its errors in the system's language (no site is known yet
    when the command line is wrong)."""

    def error(self, message: str) -> NoReturn:
        language = system_language()
        self.print_usage(sys.stderr)
        worded = msg("usage.error", prog=self.prog, text=usage_message(message)).format(language)
        self.exit(2, worded + "\n" + msg("usage.help", prog=self.prog).format(language) + "\n")
