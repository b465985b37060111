"""`zuhause theme list` and `zuhause theme new`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from support import minimal_file, run_cli
from zuhause.themes import builtin_theme_names

ENGLISH = minimal_file("zuhause.yaml").replace("language: de", "language: en")


def test_theme_new_makes_a_theme_that_builds_a_full_site(
        site: Callable[..., Path], tmp_path: Path) -> None:
    root = site()
    made = run_cli("theme", "new", "laden", root)
    assert made.code == 0, made.err
    assert "theme: themes/laden" in made.out
    assert "theme:" not in (root / "zuhause.yaml").read_text()  # the owner decides
    base = root / "themes" / "laden" / "templates" / "base.html"
    base.write_text(base.read_text().replace("{% block head %}",
                                             '{% block head %}<meta name="laden" content="ja">'))
    (root / "zuhause.yaml").write_text(minimal_file("zuhause.yaml") + "theme: themes/laden\n")
    result = run_cli("build", root, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    for page in ("index.html", "impressum/index.html", "kontakt/index.html"):
        assert '<meta name="laden" content="ja">' in (tmp_path / "out" / page).read_text()


def test_theme_new_overwrites_nothing(site: Callable[..., Path]) -> None:
    root = site()
    assert run_cli("theme", "new", "laden", root).code == 0
    yaml = root / "themes" / "laden" / "theme.yaml"
    yaml.write_text("name: laden\nextends: default\n")
    again = run_cli("theme", "new", "laden", root, "--from", "default")
    assert again.code == 1 and "themes/laden" in again.err
    assert yaml.read_text() == "name: laden\nextends: default\n"


def test_theme_list_shows_built_in_and_own_themes_with_settings(site: Callable[..., Path]) -> None:
    root = site()
    assert run_cli("theme", "new", "laden", root).code == 0
    listed = run_cli("theme", "list", root)
    assert listed.code == 0, listed.err
    assert "default\n" in listed.out and "themes/laden\n" in listed.out
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


@pytest.mark.parametrize("name", builtin_theme_names())
def test_theme_new_refuses_the_name_of_a_built_in_theme_in_german(
        site: Callable[..., Path], name: str) -> None:
    root = site()
    result = run_cli("theme", "new", name, root, "--from", "ruhe")
    assert result.code == 1 and "Traceback" not in result.err
    assert (f"themes/{name}:1:1: Ein Theme namens '{name}' bringt zuhause schon mit; ein eigenes "
            "Theme mit diesem Namen würde es verdecken") in result.err
    assert (f"Wählen Sie einen anderen Namen, z. B. mein-{name}: zuhause theme new mein-{name}"
            in result.err)
    assert "1 Problem, es wurde nichts geschrieben." in result.err
    assert not (root / "themes").exists() and result.out == ""


def test_theme_new_refuses_the_name_of_a_built_in_theme_in_english(site: Callable[..., Path]) -> None:
    root = site(zuhause_dot_yaml=ENGLISH)
    result = run_cli("theme", "new", "default", root)
    assert result.code == 1 and "Traceback" not in result.err
    assert ("themes/default:1:1: 'default' is the name of a theme that comes with zuhause; a theme "
            "of your own by that name would hide it") in result.err
    assert "Choose another name, e.g. my-default: zuhause theme new my-default" in result.err
    assert not (root / "themes").exists()
    assert run_cli("theme", "new", "my-default", root).code == 0  # the name it suggests works
