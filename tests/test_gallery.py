"""`zuhause theme gallery`: the example site in every built-in theme, photographed at 390 and
1280 px in headless Chromium, and an index page that links and shows the pictures (issue 12,
acceptance 6)."""

from __future__ import annotations

import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from support import EXAMPLE_SITE, run_cli
from zuhause.gallery import WIDTHS, site_with_theme
from zuhause.themes import builtin_theme_names

PNG = b"\x89PNG\r\n\x1a\n"


class _Links(HTMLParser):
    """The links and images (with their alt texts) of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: set[str] = set()
        self.images: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "a":
            self.hrefs.add(a.get("href", ""))
        if tag == "img":
            self.images[a.get("src", "")] = a.get("alt", "")


def test_gallery_writes_two_pngs_per_theme_and_an_index_that_links_them(tmp_path: Path) -> None:
    out = tmp_path / "gallery"
    # its own process: Playwright's sync API does not nest in a session browser's event loop
    result = subprocess.run([sys.executable, "-m", "zuhause", "theme", "gallery", str(EXAMPLE_SITE),
                             "-o", str(out)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert str(out / "index.html") in result.stdout
    themes = builtin_theme_names()
    assert "default" in themes
    expected = {f"{theme}-{width}.png" for theme in themes for width in WIDTHS}
    assert {p.name for p in out.glob("*.png")} == expected
    for name in expected:
        data = (out / name).read_bytes()
        assert data.startswith(PNG) and len(data) > 10_000, name
    page = _Links()
    page.feed((out / "index.html").read_text("utf-8"))
    assert expected <= page.hrefs
    assert set(page.images) == expected
    assert all(alt.strip() for alt in page.images.values()), page.images


def test_site_with_theme_changes_only_the_copy(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    original = "title: Anna\ntheme: default\ntheme_settings:\n  accent: \"#123456\"\n\nlanguage: de\n"
    (site / "zuhause.yaml").write_text(original, "utf-8")
    copy = site_with_theme(site, "ruhe", tmp_path / "work")
    assert (copy / "zuhause.yaml").read_text("utf-8") == "title: Anna\ntheme: ruhe\nlanguage: de\n"
    assert (site / "zuhause.yaml").read_text("utf-8") == original
    (site / "zuhause.yaml").write_text("title: Anna\n", "utf-8")
    copy = site_with_theme(site, "werkstatt", tmp_path / "work2")
    assert (copy / "zuhause.yaml").read_text("utf-8") == "title: Anna\ntheme: werkstatt\n"


def test_without_playwright_the_gallery_says_how_to_install_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "playwright.sync_api", None)  # import fails
    result = run_cli("theme", "gallery", str(EXAMPLE_SITE), "-o", str(tmp_path / "out"))
    assert result.code == 1
    assert "pip install 'zuhause[gallery]'" in result.err
    assert not (tmp_path / "out").exists()
