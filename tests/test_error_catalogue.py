"""docs/errors.md lists every problem id zuhause can raise, each with an example made by a test.

Every id in the code has a case in `error_cases.py`; every case raises its id; the examples in
docs/errors.md are what zuhause prints today. After changing a message, write the catalogue anew:

    ZUHAUSE_WRITE_ERRORS_DOC=1 scripts/test tests/test_error_catalogue.py
"""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path

import pytest

from error_cases import CASES, Case
from support import REPO
from zuhause.errors import Problem, SiteError

DOC = REPO / "docs" / "errors.md"
SOURCE = REPO / "src" / "zuhause"

INTRO = """# Problems zuhause reports

When a site cannot be built, zuhause names every problem at once: the file, line and column,
what is wrong, and (indented below) what to write instead, in the site's language. Each problem
has an id, listed here with what it means and an example as an English site prints it. The
examples are written by `tests/test_error_catalogue.py`, which makes each problem happen; the
findings of `zuhause check` (warnings and hints about a site that builds) are in
[check.md](check.md).
"""


def problem_ids_in_code() -> set[str]:
    """Every literal problem id passed to Problem(...) or Problems.add(...) in the package."""
    ids: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name not in ("Problem", "add"):
                continue
            code = next((k.value for k in node.keywords if k.arg == "code"),
                        node.args[5] if len(node.args) > 5 else None)
            if isinstance(code, ast.Constant) and isinstance(code.value, str):
                ids.add(code.value)
    return ids


def raised(case: Case, tmp_path: Path) -> list[Problem]:
    with pytest.raises(SiteError) as caught:
        case.trigger(tmp_path)
    return caught.value.problems


def example(case: Case, tmp_path: Path) -> str:
    """The first problem of the case's id, as an English site prints it, without tmp paths."""
    problem = next(p for p in raised(case, tmp_path) if p.code == case.id)
    text = problem.format("en")
    for folder in (tmp_path / "my-site", tmp_path):
        text = text.replace(str(folder.resolve()), "my-site").replace(str(folder), "my-site")
    return text


def catalogue(tmp_path_factory: pytest.TempPathFactory) -> str:
    sections = [INTRO]
    for case in sorted(CASES, key=lambda c: c.id):
        shown = example(case, tmp_path_factory.mktemp(case.id.replace(".", "-")))
        sections.append(f"## `{case.id}`\n\n{case.about}\n\n```text\n{shown}\n```\n")
    return "\n".join(sections)


def test_every_problem_id_in_the_code_has_exactly_one_case() -> None:
    ids = [case.id for case in CASES]
    assert len(ids) == len(set(ids))
    assert problem_ids_in_code() == set(ids)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_each_case_raises_its_problem_with_a_hint(case: Case, tmp_path: Path) -> None:
    problems = [p for p in raised(case, tmp_path) if p.code == case.id]
    assert problems, f"{case.id} was not raised"
    assert all(p.hint is not None for p in problems), case.id
    for language in ("de", "en"):
        assert all(p.format(language) for p in problems)


def test_docs_errors_md_lists_every_id_with_its_current_example(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    expected = catalogue(tmp_path_factory)
    if os.environ.get("ZUHAUSE_WRITE_ERRORS_DOC"):
        DOC.write_text(expected, "utf-8")
    documented = set(re.findall(r"^## `([^`]+)`$", DOC.read_text("utf-8"), re.MULTILINE))
    assert documented == {case.id for case in CASES}
    assert DOC.read_text("utf-8") == expected, (
        "docs/errors.md is out of date: ZUHAUSE_WRITE_ERRORS_DOC=1 scripts/test "
        "tests/test_error_catalogue.py")
