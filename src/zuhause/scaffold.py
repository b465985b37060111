"""`zuhause new`: ask the few questions that make a site someone's own, then write a site
folder that builds at once, with the deploy settings of the host that serves it."""

from __future__ import annotations

import os
import re
import shlex
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from . import __version__, starter
from .catalogue import text
from .deploy import (
    SERVE_FROM,
    SERVE_FROM_WORDS,
    default_install,
    deploy_files,
    install_problem,
    is_wheel,
    publisher,
)
from .errors import Message, Problem, Problems, SiteError, msg
from .frontmatter import Position, YamlMap
from .new_options import DEFAULT_LANGUAGE
from .output import describe_os_error
from .quoting import yaml_quote
from .scaffold_texts import (
    CONFIG_COMMENTS,
    GITIGNORE,
    HOST_WORDS,
    LEGAL_FORM_WORDS,
    NOTES,
    PAGE_FILES,
    QUESTIONS,
    WORDS,
)
from .schema import Field, validate
from .urls import slugify

HOSTS = ("netlify", "github-user", "github-project", "domain")
LEGAL_FORMS = ("sole_trader", "freelancer", "gmbh", "ug", "gbr")
HOST_FIELDS = {"netlify": ("netlify_name",), "github-user": ("github_user",),
               "github-project": ("github_user", "repo"), "domain": ("domain",)}
COMPANY_SUFFIX = {"gmbh": "GmbH", "ug": "UG (haftungsbeschränkt)", "gbr": "GbR"}

_GITHUB_USER = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,38}")
_REPO = re.compile(r"[A-Za-z0-9._-]{1,100}")
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_NETLIFY_NAME = re.compile(_LABEL)
_DOMAIN = re.compile(rf"(?=.{{1,253}}\Z)(?:{_LABEL}\.)+(?:[a-z]{{2,63}}|xn--[a-z0-9-]{{1,59}})")


@dataclass(frozen=True)
class Answers:
    """Everything the owner answered; an empty text means "skipped" (a placeholder is written)."""

    language: str = DEFAULT_LANGUAGE
    name: str = ""
    role: str = ""
    values: tuple[str, ...] = ()
    invitation: str = ""
    email: str = ""
    phone: str = ""
    business: str = ""
    legal_form: str = "sole_trader"
    street: str = ""
    postcode: str = ""
    city: str = ""
    host: str = "netlify"
    github_user: str = ""
    repo: str = ""
    domain: str = ""
    netlify_name: str = ""
    serve_from: str = ""  # for an own domain: netlify or github-pages ("" = netlify, the default)
    install: str = ""  # the pip requirement the deploy files install ("" = this version)


@dataclass
class ScaffoldReport:
    """What `create_site` did, and what the owner should do next."""

    target: Path
    written: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    base_url: str = ""
    host: str = ""
    notes: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------- the questions

def prompt_on_terminal(question: str, default: str) -> str:
    """Ask on the terminal; Enter (or a closed input) takes the default shown in brackets."""
    shown = f"[{default}] " if default else ""
    try:
        answer = input(f"{question}\n{shown}> ")
    except EOFError:
        print()
        return default
    return answer.strip() or default


def terminal_ask(yes: bool, stdin: TextIO | None = None) -> Callable[[str, str], str] | None:
    """`prompt_on_terminal` when a person can answer; None with --yes or when the input is no
    terminal (CI, a pipe), so that nothing is ever asked there."""
    stream = sys.stdin if stdin is None else stdin
    interactive = stream is not None and not stream.closed and stream.isatty()
    return prompt_on_terminal if interactive and not yes else None


def clean(text: str) -> str:
    """An answer on one line: line breaks become spaces, the ends are trimmed."""
    return re.sub(r"\s*[\r\n]+\s*", " ", text).strip()


def _schema_problem(kind: str, name: str, value: str) -> tuple[Message, Message | None] | None:
    """Check `value` the way zuhause.yaml will check it: (message, hint) or None."""
    data = YamlMap(Position(1, 1))
    data[name] = value
    problems = Problems()
    validate(data, (Field(name, kind, msg("new.answer-help"), True),), name, problems)
    found = list(problems)
    return (found[0].message, found[0].hint) if found else None


def check_answer(name: str, value: str) -> tuple[Message, Message | None] | None:
    """What is wrong with one (normalised) answer, as (message, hint); None when it is fine."""
    if not value:
        return None
    if name in ("email", "phone"):
        return _schema_problem(name, name, value)
    if name == "legal_form" and value not in LEGAL_FORMS:
        return (msg("new.not-legal-form", value=value),
                msg("new.numbered-choices-hint", choices=", ".join(LEGAL_FORMS), last=5))
    if name == "host" and value not in HOSTS:
        return (msg("new.not-host", value=value),
                msg("new.numbered-choices-hint", choices=", ".join(HOSTS), last=4))
    if name == "github_user" and not _GITHUB_USER.fullmatch(value):
        return msg("new.not-github-user", value=value), msg("new.not-github-user-hint")
    if name == "repo" and not _REPO.fullmatch(value):
        return msg("new.not-repo", value=value), msg("new.not-repo-hint")
    if name == "netlify_name" and not _NETLIFY_NAME.fullmatch(value):
        return msg("new.not-netlify-name", value=value), msg("new.not-netlify-name-hint")
    if name == "domain" and not _DOMAIN.fullmatch(value):
        return msg("new.not-domain", value=value), msg("new.not-domain-hint")
    if name == "serve_from" and value not in SERVE_FROM:
        return msg("new.not-serve-from", value=value), msg("new.not-serve-from-hint")
    if name == "install":
        return install_problem(value)
    if name == "language" and value not in starter.languages():
        return msg("new.not-language", value=value), msg("new.not-language-hint")
    return None


def normalise(name: str, value: str) -> str:
    """Map typed words to zuhause's keys (`2` or `GitHub-User` -> `github-user`)."""
    lower = value.lower()
    if name == "legal_form":
        return LEGAL_FORM_WORDS.get(lower, lower)
    if name == "host":
        return HOST_WORDS.get(lower, lower)
    if name == "serve_from":
        return SERVE_FROM_WORDS.get(lower, lower)
    if name == "domain":  # `https://Bäckerei-Korn.de/` -> `xn--bckerei-korn-bfb.de`
        domain = re.sub(r"^https?://", "", lower).rstrip("/")
        try:
            return domain.encode("idna").decode("ascii")
        except UnicodeError:
            return domain
    if name in ("netlify_name", "language"):
        return lower
    return value


def _flag(name: str) -> str:
    return "--" + name.replace("_", "-")


def _ask_until_valid(ask: Callable[[str, str], str], name: str, question: str,
                     default: str, language: str) -> str:
    """Ask until the answer is usable (five tries, then the reason is raised as a problem)."""
    prompt, tries = question, 0
    while True:
        value = normalise(name, clean(ask(prompt, default)))
        problem = check_answer(name, value)
        if problem is None:
            return value
        tries += 1
        if tries == 5:
            raise SiteError([Problem(_flag(name), 0, 0, problem[0], problem[1], "new.answer")])
        prompt = msg("new.ask-again", problem=problem[0], hint=problem[1] or "",
                     question=question).format(language)


def answers_from_options(options: Mapping[str, object],
                         ask: Callable[[str, str], str] | None) -> Answers:
    """Fill answers from flags; for missing ones call ask(question, default) when ask is given,
    else take the default. Raises SiteError naming every flag with an unusable value."""
    problems = Problems()
    language = normalise("language", clean(str(options.get("language") or "de")))
    if check_answer("language", language):
        raise SiteError([Problem("--language", 0, 0, msg("new.not-language", value=language),
                                 msg("new.not-language-flag-hint"), "new.answer")])
    questions = QUESTIONS[language]
    got: dict[str, Any] = {}

    def get(name: str, default: str = "", question: str = "") -> str:
        given = options.get(name)
        if given is not None:
            value = normalise(name, clean(str(given)))
            problem = check_answer(name, value)
            if problem:
                problems.add(_flag(name), 0, 0, problem[0], problem[1], "new.answer")
        elif ask is None:
            value = normalise(name, default)
        else:
            value = _ask_until_valid(ask, name, question or questions[name], default, language)
        got[name] = value
        return value

    get("name")
    get("role")
    values = _values(options.get("value"), ask, questions)
    for key in ("invitation", "email", "phone", "business"):
        get(key)
    get("legal_form", "1")
    for key in ("street", "postcode", "city"):
        get(key)
    host = get("host", "netlify")
    partial = Answers(language=language, values=values, **got)
    derived = complete(partial)
    if host in ("github-user", "github-project"):
        terms = NOTES[language]["github_terms"]
        get("github_user", derived.github_user, f"{terms}\n{questions['github_user']}")
        if host == "github-project":
            get("repo", derived.repo)
    elif host == "netlify":
        get("netlify_name", derived.netlify_name)
    elif host == "domain":
        get("domain", derived.domain)
        # without questions the default stays "" so that the notes can say it was taken
        get("serve_from", "" if ask is None else "netlify",
            text("new", language, "question.serve_from"))
    for key in ("github_user", "repo", "netlify_name", "domain", "serve_from", "install"):
        if key not in got and options.get(key) is not None:
            get(key)
    problems.check()
    return complete(replace(partial, **got))


def _values(given: object, ask: Callable[[str, str], str] | None,
            questions: Mapping[str, str]) -> tuple[str, ...]:
    """What the owner stands for: every --value, or up to three answers."""
    if given is not None:
        items = [given] if isinstance(given, str) else list(given)  # type: ignore[call-overload]
        return tuple(v for v in (clean(str(i)) for i in items) if v)
    if ask is None:
        return ()
    found: list[str] = []
    question = questions["value"]
    while len(found) < 3:
        answer = clean(ask(question, ""))
        if not answer:
            break
        found.append(answer)
        question = questions["more_values"]
    return tuple(found)


def complete(answers: Answers) -> Answers:
    """Fill the names a host needs from the other answers (`baeckerei-korn.netlify.app`)."""
    words = WORDS[answers.language]
    site_slug = (slugify(answers.business) or slugify(answers.name) or words["site_name"])[:63]
    user = answers.github_user or slugify(answers.name)[:39].strip("-") or words["site_name"]
    repo = f"{user}.github.io" if answers.host == "github-user" else answers.repo or "website"
    return replace(answers, github_user=user, repo=repo,
                   netlify_name=answers.netlify_name or site_slug.strip("-"),
                   domain=answers.domain or f"www.{site_slug.strip('-')}.{words['tld']}")


def base_url_for(answers: Answers) -> str:
    """The address the site will live at, from the chosen host."""
    if answers.host == "github-user":
        return f"https://{answers.github_user.lower()}.github.io/"
    if answers.host == "github-project":
        return f"https://{answers.github_user.lower()}.github.io/{answers.repo}/"
    if answers.host == "domain":
        return f"https://{answers.domain}/"
    return f"https://{answers.netlify_name}.netlify.app/"


def check_answers(answers: Answers) -> list[Problem]:
    """Problems with answers made in code rather than through `answers_from_options`."""
    names = ("language", "email", "phone", "legal_form", "host", *HOST_FIELDS.get(answers.host, ()),
             *(name for name in ("serve_from", "install") if getattr(answers, name)))
    found = ((name, check_answer(name, getattr(answers, name))) for name in names)
    return [Problem(_flag(name), 0, 0, problem[0], problem[1], "new.answer")
            for name, problem in found if problem]


# ---------------------------------------------------------------------------- the files

def person_id(answers: Answers) -> str:
    """The id of the owner's person file: the slug of the first name (`Anna Korn` -> `anna`)."""
    words = answers.name.split()
    first = slugify(words[0]) if words else ""
    return first or slugify(answers.name) or WORDS[answers.language]["person_id"]


def legal_name(answers: Answers, name: str) -> str:
    """The provider in the Impressum: the person (and business), or the company with its form."""
    business = answers.business
    if answers.legal_form in COMPANY_SUFFIX:
        company = business or name
        suffix = COMPANY_SUFFIX[answers.legal_form]
        words = company.lower().replace("(", " ").split()
        return company if suffix.split()[0].lower() in words else f"{company} {suffix}"
    if business and business != name:
        return f"{name}, {business}"
    return name


def _block(key: str, pairs: list[tuple[str, str | list[str]]]) -> str:
    """A YAML block `key:` with its `name: value` pairs; a list value becomes `- item` lines."""
    lines = [f"{key}:"]
    for name, value in pairs:
        if isinstance(value, list):
            lines += [f"  {name}:", *(f"    - {item}" for item in value)]
        else:
            lines.append(f"  {name}: {value}")
    return "\n".join(lines) + "\n"


def config_yaml(answers: Answers, base_url: str) -> str:
    """The text of zuhause.yaml."""
    words = starter.placeholders(answers.language)
    comments = CONFIG_COMMENTS[answers.language]
    name = answers.name or words["name"]
    q = yaml_quote
    address = [(k, q(getattr(answers, k) or words[k])) for k in ("street", "postcode", "city")]
    parts = [comments["top"]
             + f"title: {q(answers.business or name)}\n"
             f'language: "{answers.language}"\n'
             f"base_url: {q(base_url)}\n"
             f"description: {q(answers.role or words['role'])}\n"
             'theme: "default"\n']
    if answers.business:
        parts.append(_block("business", [("name", q(answers.business)), *[
            (k, q(getattr(answers, k))) for k in ("street", "postcode", "city")
            if getattr(answers, k)], ("country", '"DE"')]))
    contact: list[tuple[str, str | list[str]]] = [("email", q(answers.email or words["email"]))]
    if answers.phone:
        contact.append(("phone", q(answers.phone)))
    parts.append(_block("contact", contact))
    if answers.host == "domain":
        parts.append(f"domain: {q(answers.domain)}\n")
    legal: list[tuple[str, str | list[str]]] = [
        ("form", q(answers.legal_form)), ("name", q(legal_name(answers, name))),
        *address, ("country", '"DE"'), *contact]
    if answers.legal_form in ("gmbh", "ug"):
        legal += [("register_court", q(words["register_court"])),
                  ("register_number", q(words["register_number"])),
                  ("managing_directors", [q(name)])]
    elif answers.legal_form == "gbr":
        legal.append(("partners", [q(name), q(words["partner"])]))
    legal.append(("employees", "1"))
    parts.append(comments["legal"] + _block("legal", legal))
    hosting = {"netlify": "netlify", "github-pages": "github"}[publisher(answers.host,
                                                                      answers.serve_from)]
    parts.append(_block("privacy", [("hosting", q(hosting))]))
    return "\n".join(parts)


def person_md(answers: Answers) -> str:
    """The text of people/<id>.md."""
    words = starter.placeholders(answers.language)
    q = yaml_quote
    name = answers.name or words["name"]
    greeting = WORDS[answers.language]["greeting"].format(first=name.split()[0]) \
        if answers.name else words["greeting"]
    values = answers.values or (words["value"],)
    channels = [("email", answers.email or words["email"])]
    if answers.phone:
        channels.append(("phone", answers.phone))
    return starter.template("person.md", answers.language).format(
        name=q(name), role=q(answers.role or words["role"]), greeting=q(greeting),
        portrait_alt=q(words["portrait_alt"]),
        location=f"location: {q(answers.city)}\n" if answers.city else "",
        values="\n".join(f"  - {q(v)}" for v in values),
        interest=q(words["interest"]), like=q(words["like"]), dislike=q(words["dislike"]),
        invitation=q(answers.invitation or words["invitation"]),
        channels="".join(f"  {k}: {q(v)}\n" for k, v in channels), story=words["story"])


def site_files(answers: Answers, today: date | None = None) -> dict[str, str]:
    """Every file of the new site, path -> text, in the order they are written."""
    answers = complete(answers)
    language, ident = answers.language, person_id(answers)
    words = starter.placeholders(language)
    q = yaml_quote
    pages = PAGE_FILES[language]

    def page(name: str, **fields: str) -> str:
        return starter.template(f"{name}.md", language).format(person=q(ident), **fields)

    return {
        "zuhause.yaml": config_yaml(answers, base_url_for(answers)),
        f"people/{ident}.md": person_md(answers),
        "content/index.md": page("home", title=q(answers.business or answers.name or words["name"]),
                                 description=q(answers.role or words["role"]), home=words["home"]),
        pages["about"]: page("about", about=words["about"]),
        pages["contact"]: page("contact", contact=words["contact"]),
        pages["offer"]: page("offer", offer_title=q(words["offer_title"]),
                             offer_summary=q(words["offer_summary"]), offer=words["offer"]),
        pages["post"]: page("post", date=q((today or date.today()).isoformat()),
                            post_title=q(words["post_title"]),
                            post_summary=q(words["post_summary"]), post=words["post"]),
        "static/images/portrait.svg": starter.portrait(),
        ".gitignore": GITIGNORE,
        **deploy_files(answers.host, answers.serve_from, language,
                       answers.install or default_install()),
    }


# ---------------------------------------------------------------------------- writing

def create_site(target: Path, answers: Answers, force: bool = False) -> ScaffoldReport:
    """Write the new site into `target` without ever replacing a file. Raises SiteError."""
    target = Path(target)
    problems = check_answers(answers)
    if problems:
        raise SiteError(problems)
    if target.exists() and not target.is_dir():
        raise SiteError([Problem(str(target), 0, 0, msg("new.not-a-folder"),
                                 msg("new.not-a-folder-hint"), "new.not-a-folder")])
    if target.is_dir() and any(target.iterdir()) and not force:
        raise SiteError([Problem(str(target), 0, 0, msg("new.not-empty"), msg("new.not-empty-hint"),
                                 "new.not-empty")])
    answers = complete(answers)
    report = ScaffoldReport(target, base_url=base_url_for(answers), host=answers.host)
    created_dirs: list[Path] = []
    try:
        for relative, text in site_files(answers).items():
            path = target / relative
            created_dirs += _make_dirs(path.parent)
            try:
                with open(path, "x", encoding="utf-8", newline="\n") as handle:
                    report.written.append(relative)
                    handle.write(text)
            except FileExistsError:
                report.kept.append(relative)
    except BaseException as error:  # a failed or interrupted write leaves nothing behind
        _undo(target, report.written, created_dirs)
        if not isinstance(error, OSError):
            raise
        raise SiteError([Problem(str(getattr(error, "filename", "") or target), 0, 0,
                                 msg("new.write-failed", reason=describe_os_error(error)),
                                 msg("new.write-failed-hint"), "new.write-failed")]) from None
    report.notes = notes_for(answers, report)
    return report


def _make_dirs(folder: Path) -> list[Path]:
    """Create `folder` and its missing parents; returns the ones created, outermost first."""
    missing = [p for p in [folder, *folder.parents] if not p.exists()][::-1]
    for path in missing:
        path.mkdir()
    return missing


def _undo(target: Path, written: list[str], created_dirs: list[Path]) -> None:
    """Remove what a failed `create_site` wrote (only files and folders it created itself)."""
    for relative in written:
        try:
            os.remove(target / relative)
        except OSError:
            pass
    for folder in reversed(created_dirs):
        try:
            folder.rmdir()
        except OSError:
            pass


def notes_for(answers: Answers, report: ScaffoldReport) -> list[str]:
    """Plain sentences for the owner: what is still missing, how to build and publish."""
    texts = NOTES[answers.language]
    notes = [texts["placeholders"].format(person=f"people/{person_id(answers)}.md")]
    missing = [texts[k] for k in ("street", "postcode", "city", "email") if not getattr(answers, k)]
    if missing:
        notes.append(texts["legal_missing"].format(fields=", ".join(missing)))
    notes.append(texts["build"].format(target=shlex.quote(str(report.target))))
    host = "github" if answers.host.startswith("github") else answers.host
    notes.append(texts[host].format(netlify_name=answers.netlify_name, base_url=report.base_url,
                                    repo=f"{answers.github_user}/{answers.repo}",
                                    domain=answers.domain))
    if answers.host == "domain" and not answers.serve_from:
        notes.append(text("new", answers.language, "notes.serve_from_default"))
    if answers.install:
        key = "notes.install_wheel" if is_wheel(answers.install) else "notes.install_other"
        notes.append(text("new", answers.language, key, spec=answers.install, version=__version__))
    notes.append(texts["github_terms"])
    return notes
