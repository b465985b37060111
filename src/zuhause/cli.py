"""The `zuhause` command: arguments in, one library call, problems and a summary out."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__, new_options
from .build import build_site, output_folder
from .catalogue import system_language
from .errors import Message, SiteError, msg
from .language import site_language
from .stopping import BuildStopped, Terminated, on_sigterm
from .usage import UsageParser

STOPPED = {"build": msg("stopped.build"), "new": msg("stopped.new")}

__all__ = ["Terminated", "main", "make_parser", "stopped_line"]


def make_parser(language: str | None = None) -> argparse.ArgumentParser:
    """The argument parser of every command, its help in `language` (default: the system's)."""
    language = language or system_language()

    def say(message: Message) -> str:
        return message.format(language)

    parser = UsageParser(prog="zuhause", description=say(msg("help.zuhause")), language=language)
    parser.add_argument("--version", action="version", version=f"zuhause {__version__}",
                        help=say(msg("help.version")))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    site_help, base_url_help = say(msg("help.site")), say(msg("help.base-url"))
    drafts_help, future_help = say(msg("help.drafts")), say(msg("help.future"))
    build = commands.add_parser("build", help=say(msg("help.build.command")),
                                description=say(msg("help.build.description")), language=language)
    build.add_argument("site", nargs="?", default=".", type=Path, help=site_help)
    build.add_argument("-o", "--output", type=Path, default=None, help=say(msg("help.build.output")))
    build.add_argument("--base-url", default=None, help=say(msg("help.build.base-url")))
    build.add_argument("--drafts", action="store_true", help=drafts_help)
    build.add_argument("--future", action="store_true", help=future_help)
    build.add_argument("--jobs", type=int, default=None, help=say(msg("help.build.jobs")))
    serve = commands.add_parser("serve", help=say(msg("help.serve.command")),
                                description=say(msg("help.serve.description")), language=language)
    serve.add_argument("site", nargs="?", default=".", type=Path, help=site_help)
    serve.add_argument("--port", type=int, default=8000, help=say(msg("help.serve.port")))
    serve.add_argument("--host", default="127.0.0.1", help=say(msg("help.serve.host")))
    serve.add_argument("--base-url", default=None, help=base_url_help)
    serve.add_argument("--drafts", action="store_true", help=drafts_help)
    serve.add_argument("--future", action="store_true", help=say(msg("help.serve.future")))
    new = commands.add_parser("new", help=say(msg("help.new.command")),
                              description=say(msg("help.new.description")), language=language)
    new_options.add_arguments(new, language)
    check = commands.add_parser("check", help=say(msg("help.check.command")),
                                description=say(msg("help.check.description")), language=language)
    check.add_argument("site", nargs="?", default=".", type=Path, help=site_help)
    check.add_argument("--format", choices=("text", "json"), default="text",
                       help=say(msg("help.check.format")))
    check.add_argument("--strict", action="store_true", help=say(msg("help.check.strict")))
    check.add_argument("--base-url", default=None, help=base_url_help)
    check.add_argument("--future", action="store_true", help=future_help)
    add_theme_commands(commands, say, site_help, language)
    return parser


def add_theme_commands(commands: argparse._SubParsersAction,  # type: ignore[type-arg]
                       say: Callable[[Message], str], site_help: str, language: str) -> None:
    """`zuhause theme list [SITE]`, `zuhause theme new NAME [--from THEME] [SITE]` and
    `zuhause theme gallery [SITE] [-o FOLDER]`."""
    theme = commands.add_parser("theme", help=say(msg("help.theme.command")),
                                description=say(msg("help.theme.description")), language=language)
    actions = theme.add_subparsers(dest="theme_command", metavar="ACTION")
    actions.required = True
    listing = actions.add_parser("list", help=say(msg("help.theme.list")),
                                 description=say(msg("help.theme.list")), language=language)
    listing.add_argument("site", nargs="?", default=".", type=Path, help=site_help)
    new = actions.add_parser("new", help=say(msg("help.theme.new")),
                             description=say(msg("help.theme.new")), language=language,
                             intermixed=True)  # NAME, SITE and --from in any order
    new.add_argument("name", help=say(msg("help.theme.name")))
    new.add_argument("--from", dest="parent", default="default", help=say(msg("help.theme.from")))
    new.add_argument("site", nargs="?", default=".", type=Path, help=site_help)
    shots = actions.add_parser("gallery", help=say(msg("help.theme.gallery")),
                               description=say(msg("help.theme.gallery")), language=language)
    shots.add_argument("site", nargs="?", default=".", type=Path, help=site_help)
    shots.add_argument("-o", "--output", type=Path, default=Path("theme-gallery"),
                       help=say(msg("help.theme.gallery-output")))


def owner_language(args: argparse.Namespace) -> str:
    """The language the owner reads: the one chosen for a new site, else the site's own, else
    the system's."""
    if args.command == "new":
        return str(args.language or new_options.DEFAULT_LANGUAGE)
    return site_language(args.site, system_language())


def run_new(args: argparse.Namespace, language: str) -> int:
    """`zuhause new`."""
    from . import scaffold  # imported when used: a build starts faster
    answers = scaffold.answers_from_options(vars(args), scaffold.terminal_ask(args.yes))
    report = scaffold.create_site(args.dir, answers, args.force)
    for path in report.written:
        print(msg("new.wrote", file=path).format(answers.language))
    for path in report.kept:
        print(msg("new.kept", file=path).format(answers.language))
    for note in report.notes:
        print(f"\n{note}")
    return 0


def run_theme(args: argparse.Namespace, language: str) -> int:
    """`zuhause theme list`, `zuhause theme new` and `zuhause theme gallery`."""
    from . import gallery, theme_tools  # imported when used: a build starts faster
    if args.theme_command == "list":
        print(theme_tools.theme_list_text(args.site, language))
        return 0
    if args.theme_command == "gallery":
        try:
            gallery.make_gallery(args.site, args.output, language)
        except gallery.GalleryUnavailable as error:
            print(error.message.format(language), file=sys.stderr)
            return 1
        print(msg("gallery.done", file=str(args.output / "index.html")).format(language))
        return 0
    written = theme_tools.new_theme(args.site, args.name, args.parent, language)
    for path in written:
        print(msg("new.wrote", file=str(path)).format(language))
    print(msg("theme.new-done", folder=str(written[0].parent), name=args.name).format(language))
    return 0


def run_check(args: argparse.Namespace, language: str) -> int:
    """`zuhause check`."""
    from .checking import check_site  # imported when used: a build starts faster
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
    from .serve import DevSession, is_loopback  # imported when used: a build starts faster
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


def stopped_line(argv: Sequence[str] | None = None) -> str:
    """The line that ends a command stopped before it wrote anything, in the owner's language."""
    try:
        args = make_parser().parse_args(argv)
    except SystemExit:
        return msg("stopped.other").format(system_language())
    return STOPPED.get(args.command, msg("stopped.other")).format(owner_language(args))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = make_parser().parse_args(argv)
    language = owner_language(args)
    previous = signal.signal(signal.SIGTERM, on_sigterm)
    stopped = STOPPED.get(args.command, msg("stopped.other")).format(language)
    try:
        commands = {"build": run_build, "serve": run_serve, "check": run_check, "new": run_new,
                    "theme": run_theme}
        return commands[args.command](args, language)
    except SiteError as error:
        print(error.format(language), file=sys.stderr)
        return error.exit_code
    except BuildStopped as stop:
        if stop.published:
            out = output_folder(args.site, args.output)
            stopped = msg("stopped.build-published", out=str(out)).format(language)
        print(stopped, file=sys.stderr)
        return stop.exit_code
    except KeyboardInterrupt:
        print(stopped, file=sys.stderr)
        return 130
    except Terminated:
        print(stopped, file=sys.stderr)
        return 143
    finally:
        signal.signal(signal.SIGTERM, previous)
