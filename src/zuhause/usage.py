"""Mistakes on the command line, said in the owner's language instead of argparse's English."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from typing import Any, NoReturn

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


class _WordedFormatter(argparse.HelpFormatter):
    """argparse's help layout with the "usage:" prefix in the owner's language."""

    def __init__(self, prog: str, usage_prefix: str) -> None:
        super().__init__(prog)
        self._usage_prefix = usage_prefix

    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                  groups: Iterable[argparse._MutuallyExclusiveGroup],
                  prefix: str | None = None) -> None:
        """The usage line, introduced in the owner's language unless a prefix is given."""
        super().add_usage(usage, actions, groups, self._usage_prefix if prefix is None else prefix)


class UsageParser(argparse.ArgumentParser):
    """An ArgumentParser that speaks the system's language (no site is known yet when the command
    line is read): its errors, its section titles, its "usage:" and its -h.

    With `intermixed=True` (for a command without subcommands) its options may also stand
    between its positional arguments: `theme new NAME --from THEME SITE` as well as `theme new
    NAME SITE --from THEME`; argparse alone stops at the option and finds SITE left over."""

    def __init__(self, *args: Any, language: str | None = None, intermixed: bool = False,
                 **kwargs: Any) -> None:
        kwargs["add_help"] = False  # the -h below, explained in the owner's language
        super().__init__(*args, **kwargs)
        self.language = language or system_language()
        self._intermixed = intermixed
        self._intermixing = False
        self._positionals.title = msg("usage.positionals").format(self.language)
        self._optionals.title = msg("usage.options").format(self.language)
        self.add_argument("-h", "--help", action="help",
                          help=msg("usage.help-option").format(self.language))

    def parse_known_args(self, args: Iterable[str] | None = None,
                         namespace: Any = None) -> tuple[Any, list[str]]:
        """argparse's parse_known_args, or its intermixed variant for an intermixed parser (the
        subcommand's parser is called through this method). Up to Python 3.12 the intermixed
        variant calls this method itself, so the second call parses plainly."""
        if not self._intermixed or self._intermixing:
            return super().parse_known_args(args, namespace)
        self._intermixing = True
        try:
            return self.parse_known_intermixed_args(None if args is None else list(args), namespace)
        finally:
            self._intermixing = False

    def _get_formatter(self) -> argparse.HelpFormatter:
        return _WordedFormatter(self.prog, msg("usage.prefix").format(self.language) + " ")

    def error(self, message: str) -> NoReturn:
        language = self.language
        self.print_usage(sys.stderr)
        worded = msg("usage.error", prog=self.prog, text=usage_message(message)).format(language)
        self.exit(2, worded + "\n" + msg("usage.help", prog=self.prog).format(language) + "\n")
