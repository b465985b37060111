"""The flags of `zuhause new`, apart from the wizard itself (the other commands need not
import it to build their argument parser)."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import __version__
from .errors import Message, msg

DEFAULT_LANGUAGE = "de"  # of a new site, when the owner does not choose

FLAG_HELP = (
    ("--name", msg("help.new.name")),
    ("--role", msg("help.new.role")),
    ("--value", msg("help.new.value")),
    ("--invitation", msg("help.new.invitation")),
    ("--email", msg("help.new.email")),
    ("--phone", msg("help.new.phone")),
    ("--business", msg("help.new.business")),
    ("--street", msg("help.new.street")),
    ("--postcode", msg("help.new.postcode")),
    ("--city", msg("help.new.city")),
)


def add_arguments(parser: argparse.ArgumentParser, language: str = "en") -> None:
    """Add DIR and every flag of `zuhause new` to the subcommand's parser, explained in
    `language`."""
    def say(message: Message) -> str:
        return message.format(language)

    parser.add_argument("dir", type=Path, metavar="DIR", help=say(msg("help.new.dir")))
    parser.add_argument("--language", choices=("de", "en"), default=None,
                        help=say(msg("help.new.language")))
    parser.add_argument("-y", "--yes", action="store_true", help=say(msg("help.new.yes")))
    parser.add_argument("--force", action="store_true", help=say(msg("help.new.force")))
    for flag, help_text in FLAG_HELP:
        sentence = "TEXT" if flag in ("--role", "--value", "--invitation") else None
        parser.add_argument(flag, action="append" if flag == "--value" else "store",
                            metavar=sentence, help=say(help_text))
    parser.add_argument("--legal-form", metavar="FORM", help=say(msg("help.new.legal-form")))
    parser.add_argument("--host", metavar="HOST", help=say(msg("help.new.host")))
    parser.add_argument("--github-user", metavar="USER", help=say(msg("help.new.github-user")))
    parser.add_argument("--repo", help=say(msg("help.new.repo")))
    parser.add_argument("--domain", help=say(msg("help.new.domain")))
    parser.add_argument("--netlify-name", metavar="NAME", help=say(msg("help.new.netlify-name")))
    parser.add_argument("--serve-from", metavar="HOST", help=say(msg("help.new.serve-from")))
    parser.add_argument("--install", metavar="SPEC",
                        help=say(msg("help.new.install", version=__version__)))
