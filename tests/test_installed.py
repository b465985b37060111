"""What a user gets from `pip install`: the sdist and wheel built from the checkout, installed into
a fresh venv that cannot see the source tree, and every command run from there."""

from __future__ import annotations

import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

from installed import Venv, checkout_files, copy_checkout, fresh_venv

from support import REPO


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


def test_installed_commands_run_outside_the_checkout(installed: Venv, tmp_path: Path) -> None:
    where = installed.run("python -c 'import zuhause; print(zuhause.__file__)'", cwd=tmp_path)
    assert_clean(where)
    assert Path(where.stdout.strip()).is_relative_to(installed.root)

    version = installed.run("zuhause --version", cwd=tmp_path)
    assert_clean(version)
    from zuhause import __version__
    assert version.stdout.strip() == f"zuhause {__version__}"

    assert_clean(installed.run("zuhause --help", cwd=tmp_path))
    assert_clean(installed.run("zuhause serve --help", cwd=tmp_path))
    assert_clean(installed.run("zuhause new my-site --yes --language de", cwd=tmp_path))
    built = installed.run("zuhause build my-site", cwd=tmp_path)
    assert_clean(built)
    assert (tmp_path / "my-site" / "public" / "index.html").is_file()
    checked = installed.run("zuhause check my-site", cwd=tmp_path)
    assert "Traceback" not in checked.stdout + checked.stderr
    assert checked.returncode in (0, 1), checked.stderr  # findings are the new site's own business


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


def test_python_can_run_the_package(installed: Venv, tmp_path: Path) -> None:
    assert_clean(installed.run("python -m zuhause --version", cwd=tmp_path))
    assert sys.version_info >= (3, 11)
