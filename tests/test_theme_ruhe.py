"""The built-in theme `ruhe` (calm and typographic): the example site builds with it, its CSS
stays in its budget, and the home page keeps the person first."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from support import EXAMPLE_SITE, run_cli

CSS_BUDGET = 25 * 1024  # bytes, uncompressed, every stylesheet the home page links together
PERSON_FIRST = ["person", "story", "values", "invitation", "offers", "journal"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("ruhe")
    site = root / "site"
    shutil.copytree(EXAMPLE_SITE, site, ignore=shutil.ignore_patterns("public"))
    config = site / "zuhause.yaml"
    text, count = re.subn(r"(?m)^theme: .*$", "theme: ruhe", config.read_text("utf-8"))
    assert count == 1
    config.write_text(text, "utf-8")
    result = run_cli("build", site, "-o", root / "out")
    assert result.code == 0, result.err
    return root / "out"


def linked_stylesheets(html: str) -> list[str]:
    """The site paths of the stylesheets a page links, without the ?v= version."""
    return [re.sub(r"^/|\?.*$", "", href)
            for href in re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)]


def test_the_example_site_builds_with_ruhe_and_every_page_uses_its_stylesheet(built: Path) -> None:
    pages = sorted(built.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        assert "css/ruhe.css" in linked_stylesheets(page.read_text("utf-8")), page
    assert (built / "fonts" / "LICENSE-Vollkorn.txt").is_file()  # the font's licence ships along
    # the theme's quieter accent, from its settings' defaults
    assert "--accent: #3b6356;" in (built / "index.html").read_text("utf-8")


def test_ruhe_css_stays_under_its_budget(built: Path) -> None:
    sheets = linked_stylesheets((built / "index.html").read_text("utf-8"))
    sizes = {sheet: (built / sheet).stat().st_size for sheet in sheets}
    assert sizes and sum(sizes.values()) < CSS_BUDGET, sizes


def test_ruhe_home_page_keeps_the_person_first(built: Path) -> None:
    html = (built / "index.html").read_text("utf-8")
    sections = re.findall(r'data-section="([a-z_]+)"', html)
    assert sections == PERSON_FIRST
    # the portrait is shown small, and its sizes say so: no larger file than needed
    portrait = re.search(r'<img class="portrait portrait-large[^>]*>', html)
    assert portrait and 'sizes="(min-width: 64em) 10rem, 7.5rem"' in portrait.group(0)
