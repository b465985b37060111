"""The project's promises about itself: the README's two commands and CI running exactly the
second."""

from __future__ import annotations

import re
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
