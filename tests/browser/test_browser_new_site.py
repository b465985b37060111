"""A site made by `zuhause new` passes the same checks as the example site: valid HTML, no
accessibility violations, nothing from other hosts."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from browser_helpers import VNU_JAR, axe_audit, vnu_messages
from static_host import serve
from zuhause import build_site
from zuhause.scaffold import answers_from_options, create_site


@pytest.fixture(scope="module")
def new_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new site from flags only (as `zuhause new --yes` in CI), built."""
    folder = tmp_path_factory.mktemp("new") / "site"
    answers = answers_from_options({"name": "Anna Korn", "role": "Bäckermeisterin",
                                    "email": "anna@korn.example", "phone": "+49 351 123456",
                                    "city": "Dresden", "yes": True}, None)
    create_site(folder, answers)
    build_site(folder)
    return folder / "public"


@pytest.fixture(scope="module")
def new_site_url(new_site: Path) -> Iterator[str]:
    with serve(new_site) as url:
        yield url


def test_new_site_is_valid_html(new_site: Path) -> None:
    assert len(list(new_site.rglob("*.html"))) >= 8
    result = subprocess.run(["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json",
                             "--stdout", "--skip-non-html", str(new_site)],
                            capture_output=True, text=True, timeout=300)
    assert [m["message"] for m in vnu_messages(result.stdout)] == []


def test_new_site_is_accessible_and_local(new_site: Path, new_site_url: str,
                                          visit: Callable) -> None:
    problems = {}
    for page in sorted(new_site.rglob("index.html")):
        path = page.relative_to(new_site).as_posix().removesuffix("index.html")
        opened = visit(new_site_url + path)
        found = {"axe": axe_audit(opened.page), "external": opened.external,
                 "failed": opened.failed, "console": opened.console_errors}
        found = {k: v for k, v in found.items() if v}
        if found:
            problems[path or "/"] = found
    assert problems == {}
