"""What a user gets from `pip install`: the sdist and wheel built from the checkout, installed into
a fresh venv that cannot see the source tree, and every command run from there."""

from __future__ import annotations

import re
import subprocess
import tarfile
import zipfile
from pathlib import Path

from filled_site import fill_placeholders
from installed import Venv, checkout_files, copy_checkout, fresh_venv
from support import REPO, actionlint


def readme_first_command() -> str:
    readme = (REPO / "README.md").read_text("utf-8")
    section = readme.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)[0]


def assert_clean(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_the_wheel_holds_every_module_and_theme_file(distributions: tuple[Path, Path]) -> None:
    names = set(zipfile.ZipFile(distributions[1]).namelist())
    expected = {name.removeprefix("src/") for name in checkout_files() if name.startswith("src/")}
    assert expected - names == set()
    themes = {f"zuhause/builtin_themes/{name.removeprefix('themes/')}" for name in checkout_files()
              if name.startswith("themes/")}
    assert themes - names == set()
    assert any(name.endswith(".py") for name in expected if name.startswith("zuhause/checking/"))


def test_the_sdist_holds_every_file_of_the_checkout(distributions: tuple[Path, Path]) -> None:
    with tarfile.open(distributions[0]) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    wanted = {name for name in checkout_files()
              if name.startswith(("src/", "themes/", "tests/", "example-site/", "docs/"))}
    assert wanted - names == set()


def test_installed_package_is_the_wheel_not_the_checkout(installed: Venv, tmp_path: Path) -> None:
    where = installed.run("python -c 'import zuhause; print(zuhause.__file__)'", cwd=tmp_path)
    assert_clean(where)
    assert Path(where.stdout.strip()).is_relative_to(installed.root)
    assert_clean(installed.run("python -m zuhause --version", cwd=tmp_path))


def test_a_new_site_from_the_wheel_checks_clean_once_its_placeholders_are_replaced(
        installed: Venv, tmp_path: Path) -> None:
    assert_clean(installed.run("zuhause new my-site --yes --language de", cwd=tmp_path))
    untouched = installed.run("zuhause check my-site", cwd=tmp_path)
    assert untouched.returncode == 1 and "Traceback" not in untouched.stdout + untouched.stderr
    assert "[placeholder." in untouched.stdout
    fill_placeholders(tmp_path / "my-site", "de")
    assert_clean(installed.run("zuhause check my-site --strict", cwd=tmp_path))
    assert_clean(installed.run("zuhause build my-site", cwd=tmp_path))


def test_smoke_test_of_the_wheel_passes(distributions: tuple[Path, Path]) -> None:
    # the release workflow runs the same script on the wheel it is about to publish
    from zuhause import __version__
    result = subprocess.run(["bash", str(REPO / "scripts" / "smoke-test"), str(distributions[1]),
                             __version__], capture_output=True, text=True, timeout=600)
    assert_clean(result)
    assert f"smoke test passed: zuhause {__version__}" in result.stdout
    assert "my-site/public" in result.stdout  # it built the new site


def test_readme_first_command_in_a_fresh_venv(distributions: tuple[Path, Path],
                                              tmp_path: Path) -> None:
    command = readme_first_command()
    assert command.startswith("pip install . ")  # not editable: the user gets a real install
    checkout = copy_checkout(tmp_path / "checkout")
    venv = fresh_venv(tmp_path / "venv", distributions[1])
    result = venv.run(command, cwd=checkout)
    assert_clean(result)
    assert (checkout / "example-site" / "public" / "index.html").is_file()


def test_ci_runs_the_readme_first_command_before_the_suite() -> None:
    ci = (REPO / ".ci" / "run").read_text("utf-8")
    first = ci.index(readme_first_command())
    assert "python3 -m venv" in ci[:first] or "-m venv" in ci[:first]
    assert "-e " not in ci[:first].split("venv", 1)[1]  # not editable
    assert ci.index("exec scripts/test") > first


def test_the_projects_own_workflows_pass_actionlint() -> None:
    workflows = sorted((REPO / ".github" / "workflows").glob("*.yml"))
    assert [w.name for w in workflows] == ["ci.yml", "release.yml"]
    for workflow in workflows:
        assert actionlint(workflow) == [], workflow.name


def test_actionlint_finds_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: echo ${{ github.evnt }}\n", "utf-8")
    assert any('"evnt" is not defined' in line for line in actionlint(broken))
