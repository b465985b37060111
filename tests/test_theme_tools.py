"""`zuhause theme list` and `zuhause theme new`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from support import minimal_file, run_cli


def test_theme_new_makes_a_theme_that_builds_a_full_site(
        site: Callable[..., Path], tmp_path: Path) -> None:
    root = site()
    made = run_cli("theme", "new", "werkstatt", root)
    assert made.code == 0, made.err
    assert "theme: themes/werkstatt" in made.out
    assert "theme:" not in (root / "zuhause.yaml").read_text()  # the owner decides
    base = root / "themes" / "werkstatt" / "templates" / "base.html"
    base.write_text(base.read_text().replace("{% block head %}",
                                             '{% block head %}<meta name="werkstatt" content="ja">'))
    (root / "zuhause.yaml").write_text(minimal_file("zuhause.yaml") + "theme: themes/werkstatt\n")
    result = run_cli("build", root, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    for page in ("index.html", "impressum/index.html", "kontakt/index.html"):
        assert '<meta name="werkstatt" content="ja">' in (tmp_path / "out" / page).read_text()


def test_theme_new_overwrites_nothing(site: Callable[..., Path]) -> None:
    root = site()
    assert run_cli("theme", "new", "werkstatt", root).code == 0
    yaml = root / "themes" / "werkstatt" / "theme.yaml"
    yaml.write_text("name: werkstatt\nextends: default\n")
    again = run_cli("theme", "new", "werkstatt", root, "--from", "default")
    assert again.code == 1 and "themes/werkstatt" in again.err
    assert yaml.read_text() == "name: werkstatt\nextends: default\n"


def test_theme_list_shows_built_in_and_own_themes_with_settings(site: Callable[..., Path]) -> None:
    root = site()
    assert run_cli("theme", "new", "werkstatt", root).code == 0
    listed = run_cli("theme", "list", root)
    assert listed.code == 0, listed.err
    assert "default\n" in listed.out and "themes/werkstatt\n" in listed.out
    assert "accent (colour, Standard #9a3b1a; erlaubt: #rrggbb)" in listed.out
    assert "journal_on_home (bool, Standard true; erlaubt: true, false)" in listed.out
    assert "Akzentfarbe" in listed.out  # the site is German


@pytest.mark.parametrize("order", [
    ["NAME", "--from", "ruhe", "SITE"],  # the order of the usage line; argparse alone refused it
    ["NAME", "SITE", "--from", "ruhe"],
    ["--from", "ruhe", "NAME", "SITE"],
    ["--from=ruhe", "NAME", "SITE"],
    ["NAME", "--from=ruhe", "SITE"],
])
def test_theme_new_takes_name_site_and_from_in_any_order(
        site: Callable[..., Path], order: list[str]) -> None:
    root = site()
    made = run_cli("theme", "new", *[{"NAME": "laden", "SITE": str(root)}.get(a, a) for a in order])
    assert made.code == 0, made.err
    assert "extends: ruhe\n" in (root / "themes" / "laden" / "theme.yaml").read_text()
    assert '{% extends "ruhe:base.html" %}' in (root / "themes" / "laden" / "templates" / "base.html"
                                                 ).read_text()


def test_theme_new_still_refuses_a_word_too_many(site: Callable[..., Path]) -> None:
    root = site()
    result = run_cli("theme", "new", "laden", "--from", "ruhe", root, "noch-eins")
    assert result.code == 2 and "noch-eins" in result.err
    assert not (root / "themes").exists()
