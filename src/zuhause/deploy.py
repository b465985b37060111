"""The deploy files of a new site: which host gets which file, and what they install.

Each file installs exactly one pip requirement (by default the zuhause version that wrote
it), runs `zuhause check` so that an error stops the publish, then `zuhause build`."""

from __future__ import annotations

import re
import shlex

from . import __version__
from .catalogue import text
from .errors import Message, msg
from .quoting import toml_quote, yaml_quote
from .starter import template

PYTHON_VERSION = "3.13"
WORKFLOW = ".github/workflows/pages.yml"
NETLIFY = "netlify.toml"
SERVE_FROM = ("netlify", "github-pages")
SERVE_FROM_WORDS = {"1": "netlify", "netlify": "netlify", "2": "github-pages",
                    "github-pages": "github-pages", "github pages": "github-pages",
                    "github": "github-pages", "github_pages": "github-pages"}

_VERSION = r"[0-9]+(?:\.[0-9]+)*(?:(?:a|b|rc)[0-9]+)?(?:\.post[0-9]+)?(?:\.dev[0-9]+)?"
_PINNED = re.compile(rf"zuhause(?:==|~=|>=){_VERSION}")
_GIT = re.compile(r"(?:zuhause ?@ ?)?git\+https://[A-Za-z0-9.-]+(?::[0-9]+)?/[A-Za-z0-9._~/-]+"
                  r"(?P<ref>@[A-Za-z0-9._/-]+)?")
_WHEEL = re.compile(r"(?:\./)?(?:[A-Za-z0-9._-]+/)*zuhause-[A-Za-z0-9._+-]+\.whl")


def default_install() -> str:
    """The pip requirement of the running zuhause: `zuhause==0.1.0`."""
    return f"zuhause=={__version__}"


def install_problem(spec: str) -> tuple[Message, Message] | None:
    """What is wrong with a pip requirement for --install, as (message, hint); None when it
    can be written into the deploy files."""
    if _PINNED.fullmatch(spec):
        return None
    git = _GIT.fullmatch(spec)
    if git:
        return None if git["ref"] else (msg("new.install-no-tag", value=spec),
                                         msg("new.install-no-tag-hint"))
    if spec.endswith(".whl"):
        parts = spec.split("/")
        if spec.startswith("/") or ".." in parts or re.match(r"[A-Za-z]:", spec):
            return msg("new.install-outside", value=spec), msg("new.install-outside-hint")
        if _WHEEL.fullmatch(spec):
            return None
    return msg("new.install-unusable", value=spec), msg("new.install-unusable-hint")


def is_wheel(spec: str) -> bool:
    """Whether the requirement is a wheel file that must be committed with the site."""
    return spec.endswith(".whl")


def install_command(spec: str) -> str:
    """The shell command that installs zuhause: `pip install 'zuhause @ git+https://...'`."""
    return f"pip install {shlex.quote(spec)}"


def workflow_yml(language: str, spec: str) -> str:
    """GitHub Actions: check, build (also once a day) and deploy with GitHub's Pages actions."""
    return text("new", language, "deploy.workflow_comment") + template("pages.yml").format(
        install=yaml_quote(install_command(spec)), python=PYTHON_VERSION)


def netlify_toml(language: str, spec: str) -> str:
    """Netlify: install, check and build under the site's own address (Netlify sets URL)."""
    command = (f'{install_command(spec)} && zuhause check --base-url "$URL/" '
               f'&& zuhause build --base-url "$URL/"')
    return text("new", language, "deploy.netlify_comment") + template("netlify.toml").format(
        command=toml_quote(command), python=PYTHON_VERSION)


def publisher(host: str, serve_from: str) -> str:
    """Who serves the site: `netlify` or `github-pages` (an own domain is served by one)."""
    if host == "domain":
        return serve_from or "netlify"
    return "github-pages" if host.startswith("github") else "netlify"


def deploy_files(host: str, serve_from: str, language: str, spec: str) -> dict[str, str]:
    """Only the deploy file of the host that serves the site, path -> text."""
    if publisher(host, serve_from) == "github-pages":
        return {WORKFLOW: workflow_yml(language, spec)}
    return {NETLIFY: netlify_toml(language, spec)}
