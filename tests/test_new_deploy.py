"""The deploy files of a new site: only the host's own, installing exactly one requirement,
checking before building, rebuilding daily on GitHub, and valid for actionlint."""

from __future__ import annotations

import argparse
import re
import shlex
from pathlib import Path

import pytest

import zuhause.deploy
from deploy_steps import netlify_command, workflow, workflow_steps
from support import actionlint
from zuhause import SiteError, __version__, build_site
from zuhause.new_options import add_arguments
from zuhause.scaffold import answers_from_options, create_site

ANNA = ("--name", "Anna Korn", "--email", "anna@korn.example", "--city", "Dresden")
WORKFLOW = ".github/workflows/pages.yml"
NETLIFY = "netlify.toml"


def options(*argv: str) -> dict[str, object]:
    parser = argparse.ArgumentParser(prog="zuhause new")
    add_arguments(parser)
    return vars(parser.parse_args(["site", *argv]))


def new_site(tmp_path: Path, *argv: str) -> Path:
    target = tmp_path / "site"
    create_site(target, answers_from_options(options(*ANNA, *argv), None))
    return target


@pytest.mark.parametrize(("argv", "files"), [
    ((), {NETLIFY}),
    (("--host", "netlify"), {NETLIFY}),
    (("--host", "github-user"), {WORKFLOW}),
    (("--host", "github-project", "--repo", "brot"), {WORKFLOW}),
    (("--host", "domain", "--domain", "www.korn.de"), {NETLIFY}),
    (("--host", "domain", "--domain", "www.korn.de", "--serve-from", "netlify"), {NETLIFY}),
    (("--host", "domain", "--domain", "www.korn.de", "--serve-from", "github-pages"), {WORKFLOW}),
])
def test_only_the_files_of_the_host_that_serves_the_site(tmp_path: Path, argv: tuple[str, ...],
                                                          files: set[str]) -> None:
    site = new_site(tmp_path, *argv)
    written = {name for name in (WORKFLOW, NETLIFY) if (site / name).exists()}
    assert written == files
    build_site(site)
    assert (site / "public/CNAME").exists() == ("domain" in argv)  # GitHub Pages and Netlify


def test_an_own_domain_asks_who_serves_it_and_yes_says_the_default(tmp_path: Path) -> None:
    asked: list[str] = []

    def ask(question: str, default: str) -> str:
        asked.append(question)
        return "2" if "GitHub Pages" in question and "Netlify" in question else default
    answers = answers_from_options(options(*ANNA, "--host", "domain", "--domain", "korn.de"), ask)
    assert answers.serve_from == "github-pages" and len(asked) > 3
    report = create_site(tmp_path / "asked", answers)
    assert not any("--serve-from" in note for note in report.notes)
    quiet = create_site(tmp_path / "yes", answers_from_options(
        options(*ANNA, "--yes", "--host", "domain", "--domain", "korn.de"), None))
    assert any("Netlify" in n and "--serve-from github-pages" in n for n in quiet.notes)
    with pytest.raises(SiteError) as refused:
        answers_from_options(options("--host", "domain", "--serve-from", "ftp"), None)
    assert "--serve-from" in refused.value.format("en")


@pytest.mark.parametrize("host", ["netlify", "github-user"])
def test_the_deploy_file_installs_the_version_that_wrote_it(
        tmp_path: Path, host: str, monkeypatch: pytest.MonkeyPatch) -> None:
    site = new_site(tmp_path / "now", "--host", host)
    commands = _install_and_later(site)
    assert commands[0] == f"pip install zuhause=={__version__}"
    monkeypatch.setattr(zuhause.deploy, "__version__", "9.8.7")  # never a version written by hand
    assert _install_and_later(new_site(tmp_path / "later", "--host", host))[0] == \
        "pip install zuhause==9.8.7"


def _install_and_later(site: Path) -> list[str]:
    """The commands of the site's deploy file, in the order the host runs them."""
    if (site / NETLIFY).exists():
        return [part.strip() for part in netlify_command(site).split("&&")]
    return [step["run"] for step in workflow_steps(site) if "run" in step]


@pytest.mark.parametrize("host", ["netlify", "github-project"])
def test_check_runs_before_build(tmp_path: Path, host: str) -> None:
    commands = _install_and_later(new_site(tmp_path, "--host", host))
    assert [c.split()[:2] for c in commands] == [["pip", "install"], ["zuhause", "check"],
                                                 ["zuhause", "build"]]
    assert commands[1].split()[2:] == commands[2].split()[2:]  # the same address for both


def test_github_rebuilds_once_a_day(tmp_path: Path) -> None:
    data = workflow(new_site(tmp_path, "--host", "github-user"))
    [schedule] = data["on"]["schedule"]
    minute, hour, *rest = schedule["cron"].split()
    assert rest == ["*", "*", "*"] and minute.isdigit() and hour.isdigit()
    assert data["on"]["push"]["branches"] == ["main"] and "workflow_dispatch" in data["on"]


def test_github_keeps_the_build_cache_between_deploys_and_restores_it_before_building(
        tmp_path: Path) -> None:
    from zuhause.memory import TEMPLATE_FOLDER
    from zuhause.parsecache import CACHE_FILE
    steps = workflow(new_site(tmp_path, "--host", "github-user"))["jobs"]["build"]["steps"]
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    cache = steps[uses.index("actions/cache")]
    # the parse cache, conversions and pictures; not the compiled templates, which are code
    assert cache["with"]["path"].split() == [CACHE_FILE.parent.as_posix(),
                                             f"!{TEMPLATE_FOLDER.as_posix()}"]
    assert "hashFiles(" in cache["with"]["key"] and cache["with"]["restore-keys"]
    names = [step.get("name", "") for step in steps]
    assert uses.index("actions/cache") < names.index("Build the site")


@pytest.mark.parametrize("spec", [
    "zuhause==0.2.0",
    "git+https://github.com/anna/zuhause@v0.2.0",
    "zuhause @ git+https://github.com/anna/zuhause@v0.2.0",
    "./vendor/zuhause-0.2.0-py3-none-any.whl",
    "vendor/zuhause-0.2.0.dev1-py3-none-any.whl",
])
@pytest.mark.parametrize("host", ["netlify", "github-user"])
def test_install_writes_the_requirement_quoted_for_yaml_toml_and_shell(
        tmp_path: Path, spec: str, host: str) -> None:
    site = new_site(tmp_path, "--host", host, "--install", spec)
    install = _install_and_later(site)[0]
    assert shlex.split(install) == ["pip", "install", spec]


@pytest.mark.parametrize(("spec", "says"), [
    ("git+https://github.com/anna/zuhause", "names no tag"),
    ("/home/anna/zuhause-0.2.0-py3-none-any.whl", "not inside the site folder"),
    ("../zuhause-0.2.0-py3-none-any.whl", "not inside the site folder"),
    ("zuhause==0.2.0; rm -rf ~", "nothing zuhause can be installed from"),
    ("requests", "nothing zuhause can be installed from"),
    ('zuhause==1"\n  publish = "/"', "nothing zuhause can be installed from"),
])
def test_install_refuses_what_cannot_work_on_a_host(tmp_path: Path, spec: str, says: str) -> None:
    with pytest.raises(SiteError) as refused:
        answers_from_options(options("--install", spec), None)
    assert "--install" in refused.value.format("en") and says in refused.value.format("en")


def test_a_committed_wheel_is_named_in_the_notes(tmp_path: Path) -> None:
    spec = "./vendor/zuhause-0.2.0-py3-none-any.whl"
    report = create_site(tmp_path / "site", answers_from_options(options("--install", spec), None))
    assert any(spec in note and "Git" in note for note in report.notes)


def test_actions_are_pinned_to_major_versions(tmp_path: Path) -> None:
    steps = [s for job in workflow(new_site(tmp_path, "--host", "github-user"))["jobs"].values()
             for s in job["steps"] if "uses" in s]
    pins = {s["uses"].split("@")[0]: s["uses"].split("@")[1] for s in steps}
    assert set(pins) == {"actions/checkout", "actions/setup-python", "actions/cache",
                         "actions/configure-pages", "actions/upload-pages-artifact",
                         "actions/deploy-pages"}
    assert all(re.fullmatch(r"v[1-9][0-9]*", pin) for pin in pins.values()), pins


@pytest.mark.parametrize("argv", [("--host", "github-user"),
                                  ("--host", "github-project", "--install",
                                   "zuhause @ git+https://github.com/anna/zuhause@v0.2.0")])
def test_the_workflow_passes_actionlint(tmp_path: Path, argv: tuple[str, ...]) -> None:
    site = new_site(tmp_path, *argv)
    assert actionlint(site / WORKFLOW) == []
