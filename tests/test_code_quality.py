"""The habits that keep zuhause working: ruff finds no slip, mypy in strict mode no type error."""

from __future__ import annotations

import subprocess
import sys

from support import REPO


def run_tool(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=REPO, capture_output=True,
                          text=True, timeout=600)


def test_ruff_finds_nothing() -> None:
    result = run_tool("ruff", "check", "src", "tests", "scripts", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_finds_nothing() -> None:
    result = run_tool("mypy")  # settings and files in pyproject.toml: strict, src/zuhause
    assert result.returncode == 0, result.stdout + result.stderr
