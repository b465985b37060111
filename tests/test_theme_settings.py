"""Theme settings: declared in theme.yaml, chosen under theme_settings: in zuhause.yaml,
checked for type and for contrast against the theme's backgrounds (WCAG AA)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from support import minimal_file, run_cli
from zuhause.theme_settings import contrast, passing_shade

CONFIG = minimal_file("zuhause.yaml")
POST = "---\ntitle: Neues Brot\ndate: 2025-01-10\nperson: anna\n---\nIch backe ein neues Brot.\n"


def with_settings(lines: str) -> str:
    return CONFIG + "theme_settings:\n" + lines


def test_a_wrong_value_exits_1_at_its_line_with_the_allowed_values(
        site: Callable[..., Path], tmp_path: Path) -> None:
    root = site(zuhause_dot_yaml=with_settings('  accent: "#9a3b1a"\n  journal_on_home: vielleicht\n'))
    result = run_cli("build", root, "-o", tmp_path / "out")
    assert result.code == 1
    line = CONFIG.count("\n") + 3
    assert f"zuhause.yaml:{line}:20:" in result.err
    assert "journal_on_home: true" in result.err and "journal_on_home: false" in result.err


def test_an_unknown_setting_is_named_with_a_did_you_mean(
        site: Callable[..., Path], tmp_path: Path) -> None:
    root = site(zuhause_dot_yaml=with_settings('  acent: "#9a3b1a"\n'))
    result = run_cli("build", root, "-o", tmp_path / "out")
    assert result.code == 1
    assert f"zuhause.yaml:{CONFIG.count(chr(10)) + 2}:3:" in result.err
    assert "acent" in result.err and "accent" in result.err


def test_an_unquoted_colour_is_explained(site: Callable[..., Path], tmp_path: Path) -> None:
    root = site(zuhause_dot_yaml=with_settings("  accent: #9a3b1a\n"))
    result = run_cli("build", root, "-o", tmp_path / "out")
    assert result.code == 1
    assert "#rrggbb" in result.err or "Anführungszeichen" in result.err


def test_an_accent_with_too_little_contrast_is_named_with_the_pair(
        site: Callable[..., Path], tmp_path: Path) -> None:
    root = site(zuhause_dot_yaml=with_settings('  accent: "#ff9900"\n'))
    result = run_cli("build", root, "-o", tmp_path / "out")
    assert result.code == 1
    assert f"zuhause.yaml:{CONFIG.count(chr(10)) + 2}:11:" in result.err
    assert "accent '#ff9900'" in result.err and "#f4ede3" in result.err
    shade = passing_shade("#ff9900", ("#fbf8f3", "#ffffff", "#f4ede3"), darker=True)
    assert f'accent: "{shade}"' in result.err
    assert contrast(shade, "#f4ede3") >= 4.5


def test_a_good_accent_changes_the_built_css(site: Callable[..., Path], tmp_path: Path) -> None:
    root = site(zuhause_dot_yaml=with_settings('  accent: "#1F5F8B"\n  accent_dark: "#9cc7e8"\n'))
    result = run_cli("build", root, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    home = (tmp_path / "out" / "index.html").read_text()
    assert "--accent: #1f5f8b;" in home and "--accent: #9cc7e8;" in home


def test_the_defaults_are_the_stylesheet_colours(site: Callable[..., Path], tmp_path: Path) -> None:
    result = run_cli("build", site(), "-o", tmp_path / "out")
    assert result.code == 0, result.err
    home = (tmp_path / "out" / "index.html").read_text()
    assert "--accent: #9a3b1a;" in home and "--accent: #efa07a;" in home


def test_journal_on_home_false_leaves_the_journal_off_the_home_page(
        site: Callable[..., Path], tmp_path: Path) -> None:
    shown = site(content__journal__brot_dot_md=POST)
    assert run_cli("build", shown, "-o", tmp_path / "a").code == 0
    assert 'data-section="journal"' in (tmp_path / "a" / "index.html").read_text()
    hidden = site(zuhause_dot_yaml=with_settings("  journal_on_home: false\n"),
                  content__journal__brot_dot_md=POST)
    result = run_cli("build", hidden, "-o", tmp_path / "b")
    assert result.code == 0, result.err
    assert 'data-section="journal"' not in (tmp_path / "b" / "index.html").read_text()


def test_a_child_theme_overrides_a_default_and_its_default_is_checked(
        site: Callable[..., Path], tmp_path: Path) -> None:
    child = "name: warm\nextends: default\nsettings:\n  accent:\n    default: \"#d0d0d0\"\n"
    root = site(zuhause_dot_yaml=CONFIG + "theme: themes/warm\n",
                themes__warm__theme_dot_yaml=child)
    result = run_cli("build", root, "-o", tmp_path / "out")
    assert result.code == 1
    assert "themes/warm/theme.yaml:5:14:" in result.err and "#d0d0d0" in result.err
