"""The project's promises about itself: the README's two commands, CI running exactly the
second, and a package that carries its themes."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from support import EXAMPLE_SITE, REPO, run_cli


def readme_commands() -> list[str]:
    readme = (REPO / "README.md").read_text("utf-8")
    section = readme.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_readme_has_exactly_two_commands_and_ci_runs_the_second() -> None:
    install_and_build, run_tests = readme_commands()
    assert install_and_build == "pip install . && zuhause build example-site"
    ci = (REPO / ".ci" / "run").read_text("utf-8")
    assert re.search(rf"^exec {re.escape(run_tests)}$", ci, re.MULTILINE)
    script = (REPO / run_tests).read_text("utf-8")
    assert "apt-get install" in script and "chromium" in script  # the browser comes from Debian
    assert ".[test]" in script and "pytest" in script


def test_first_command_builds_the_example_site(tmp_path: Path) -> None:
    # `zuhause build example-site` writes example-site/public; build a copy to keep the repo clean
    result = run_cli("build", EXAMPLE_SITE, "-o", tmp_path / "public")
    assert result.code == 0, result.err
    assert (tmp_path / "public" / "index.html").is_file()


def test_wheel_carries_the_builtin_themes(tmp_path: Path) -> None:
    source = tmp_path / "source"  # build from a copy: setuptools writes build/ into the tree
    source.mkdir()
    for name in ("src", "themes"):
        shutil.copytree(REPO / name, source / name,
                        ignore=shutil.ignore_patterns("*.egg-info", "__pycache__"))
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(REPO / name, source / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w",
                    str(tmp_path), str(source)], check=True, capture_output=True, cwd=tmp_path)
    wheel = next(tmp_path.glob("zuhause-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for theme_file in (REPO / "themes" / "default").rglob("*"):
        if theme_file.is_file():
            relative = theme_file.relative_to(REPO / "themes").as_posix()
            assert f"zuhause/builtin_themes/{relative}" in names, relative
    assert "zuhause/cli.py" in names
