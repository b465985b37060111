"""The `zuhause` command: arguments in, one library call, problems and a summary out."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

from . import __version__, scaffold
from .build import build_site
from .catalogue import system_language
from .checking import check_site
from .errors import SiteError, msg
from .language import site_language
from .serve import DevSession, is_loopback
from .usage import UsageParser

STOPPED = {"build": msg("stopped.build"), "new": msg("stopped.new")}


class Terminated(BaseException):
    """The process was asked to stop (SIGTERM). Like KeyboardInterrupt, no `except Exception`
    in the library may swallow it."""


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise Terminated()


def make_parser() -> argparse.ArgumentParser:
    """The argument parser of every command."""
    parser = UsageParser(
        prog="zuhause",
        description="Build a person-first homepage from a folder of Markdown and one YAML file.")
    parser.add_argument("--version", action="version", version=f"zuhause {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    build = commands.add_parser("build", help="build the site into its output folder",
                                description="Build the site folder SITE into static files that "
                                "GitHub Pages or Netlify serve as they are.")
    build.add_argument("site", nargs="?", default=".", type=Path,
                       help="the site folder, which holds zuhause.yaml (default: this folder)")
    build.add_argument("-o", "--output", type=Path, default=None,
                       help="the output folder (default: SITE/public)")
    build.add_argument("--base-url", default=None,
                       help="the address the site will live at, overriding zuhause.yaml, "
                       "e.g. https://anna.github.io/website/")
    build.add_argument("--drafts", action="store_true", help="include pages marked draft: true")
    build.add_argument("--future", action="store_true",
                       help="include pages dated after today (left out until their day)")
    build.add_argument("--jobs", type=int, default=None,
                       help="how many processes render pages (default: one per CPU core)")
    serve = commands.add_parser("serve", help="build, serve on this computer and rebuild on change",
                                description="Build the site, serve it at http://127.0.0.1:8000/ "
                                "(under the base URL's path), rebuild after every saved change "
                                "and reload open browser tabs.")
    serve.add_argument("site", nargs="?", default=".", type=Path,
                       help="the site folder, which holds zuhause.yaml (default: this folder)")
    serve.add_argument("--port", type=int, default=8000, help="the port (default: 8000)")
    serve.add_argument("--host", default="127.0.0.1",
                       help="the address to listen on (default: 127.0.0.1, this computer only)")
    serve.add_argument("--base-url", default=None, help="the address the site will live at")
    serve.add_argument("--drafts", action="store_true", help="include pages marked draft: true")
    serve.add_argument("--future", action="store_true",
                       help="include pages dated after today, marked as not yet published")
    new = commands.add_parser("new", help="make a new site that builds at once",
                              description="Ask a few questions (or take them from flags) and "
                              "write a new site folder, with deploy files for GitHub Pages and "
                              "Netlify.")
    scaffold.add_arguments(new)
    check = commands.add_parser("check", help="say what makes the site faceless, broken, illegal "
                                "or slow", description="Build the site into a temporary folder and "
                                "report what to change, each finding with its file and line.")
    check.add_argument("site", nargs="?", default=".", type=Path,
                       help="the site folder, which holds zuhause.yaml (default: this folder)")
    check.add_argument("--format", choices=("text", "json"), default="text",
                       help="text for people (default), json for programs")
    check.add_argument("--strict", action="store_true", help="warnings count like errors")
    check.add_argument("--base-url", default=None, help="the address the site will live at")
    check.add_argument("--future", action="store_true",
                       help="include pages dated after today (left out until their day)")
    return parser


def owner_language(args: argparse.Namespace) -> str:
    """The language the owner reads: the one chosen for a new site, else the site's own, else
    the system's."""
    if args.command == "new":
        return str(args.language or scaffold.Answers.language)
    return site_language(args.site, system_language())


def run_new(args: argparse.Namespace, language: str) -> int:
    """`zuhause new`."""
    answers = scaffold.answers_from_options(vars(args), scaffold.terminal_ask(args.yes))
    report = scaffold.create_site(args.dir, answers, args.force)
    for path in report.written:
        print(msg("new.wrote", file=path).format(answers.language))
    for path in report.kept:
        print(msg("new.kept", file=path).format(answers.language))
    for note in report.notes:
        print(f"\n{note}")
    return 0


def run_check(args: argparse.Namespace, language: str) -> int:
    """`zuhause check`."""
    report = check_site(args.site, base_url=args.base_url, future=args.future)
    if args.format == "json":
        print(json.dumps({"findings": [f.as_dict() for f in report.findings],
                          "skipped": [{"id": i, "reason": r} for i, r in report.skipped],
                          "seconds": round(report.seconds, 3)}, ensure_ascii=False, indent=2))
    else:
        for finding in report.findings:
            print(finding.format())
        for check_id, reason in report.skipped:
            print(msg("check.skipped", id=check_id, reason=reason).format(language))
        print(report.summary(language))
    return report.exit_code(args.strict)


def run_serve(args: argparse.Namespace, language: str) -> int:
    """`zuhause serve`: serve until Ctrl-C."""
    if not is_loopback(args.host):
        print(msg("serve.not-loopback", host=args.host).format(language), file=sys.stderr)
    session = DevSession(args.site, args.host, args.port, args.base_url, args.drafts, args.future,
                         log=lambda text: print(text, file=sys.stderr, flush=True),
                         language=system_language())
    try:
        url = session.start()
        print(msg("serve.serving", url=url).format(site_language(args.site, language)), flush=True)
        stop = threading.Event()
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        print(msg("stopped.other").format(site_language(args.site, language)), file=sys.stderr)
    except OSError as error:
        reason = error.strerror or str(error)
        print(msg("serve.cannot-listen", host=args.host, port=args.port, reason=reason)
              .format(language), file=sys.stderr)
        return 1
    finally:
        session.stop()
    return 0


def run_build(args: argparse.Namespace, language: str) -> int:
    """`zuhause build`."""
    report = build_site(args.site, args.output, base_url=args.base_url, drafts=args.drafts,
                        jobs=args.jobs, future=args.future)
    for warning in report.warnings:
        print(msg("build.warning", text=warning.format(language)).format(language), file=sys.stderr)
    print(report.summary(language))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = make_parser().parse_args(argv)
    language = owner_language(args)
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    stopped = STOPPED.get(args.command, msg("stopped.other")).format(language)
    try:
        commands = {"build": run_build, "serve": run_serve, "check": run_check, "new": run_new}
        return commands[args.command](args, language)
    except SiteError as error:
        print(error.format(language), file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print(stopped, file=sys.stderr)
        return 130
    except Terminated:
        print(stopped, file=sys.stderr)
        return 143
    finally:
        signal.signal(signal.SIGTERM, previous)
