"""Themes: a site's templates/ overrides single templates; a theme may extend another;
template errors name the template file and line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from support import run_cli


def test_site_template_replaces_the_theme_template(site: Callable[..., Path], tmp_path: Path) -> None:
    root = site()
    (root / "templates").mkdir()
    (root / "templates" / "page.html").write_text(
        '{% extends "base.html" %}{% block main %}<h1>Eigene Vorlage: {{ page.title }}</h1>'
        '{% endblock %}')
    result = run_cli("build", root, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    impressum = (tmp_path / "out" / "impressum" / "index.html").read_text()
    assert "<h1>Eigene Vorlage: Impressum</h1>" in impressum
    assert "<footer" in impressum  # base.html still from the theme
    home = (tmp_path / "out" / "index.html").read_text()
    assert "Eigene Vorlage" not in home


def test_site_template_can_extend_the_theme_version_of_itself(
        site: Callable[..., Path], tmp_path: Path) -> None:
    root = site()
    (root / "templates").mkdir()
    (root / "templates" / "base.html").write_text(
        '{% extends "default:base.html" %}{% block title %}Eigener Titel{% endblock %}')
    result = run_cli("build", root, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert "<title>Eigener Titel</title>" in (tmp_path / "out" / "index.html").read_text()


def test_theme_extending_default_with_one_template_builds_a_full_site(
        site: Callable[..., Path], tmp_path: Path) -> None:
    root = site()
    theme = root / "themes" / "hell"
    (theme / "templates").mkdir(parents=True)
    (theme / "static" / "css").mkdir(parents=True)
    (theme / "theme.yaml").write_text("name: hell\nextends: default\n")
    (theme / "templates" / "404.html").write_text(
        '{% extends "base.html" %}{% block main %}<h1>Hier ist nichts</h1>{% endblock %}')
    (theme / "static" / "css" / "extra.css").write_text("body { color: #000; }")
    config = root / "zuhause.yaml"
    config.write_text(config.read_text() + "theme: hell\n")
    result = run_cli("build", root, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    out = tmp_path / "out"
    assert "<h1>Hier ist nichts</h1>" in (out / "404.html").read_text()
    for page in ["index.html", "kontakt/index.html", "impressum/index.html",
                 "datenschutz/index.html"]:
        assert "</html>" in (out / page).read_text(), page
    assert (out / "css" / "zuhause.css").is_file()  # static files of the parent theme
    assert (out / "css" / "extra.css").is_file()


def test_unknown_theme_is_named(site: Callable[..., Path]) -> None:
    root = site()
    config = root / "zuhause.yaml"
    config.write_text(config.read_text() + "theme: hel\n")
    result = run_cli("build", root)
    assert result.code == 1
    assert "Ein Theme 'hel' gibt es nicht" in result.err
    assert "default" in result.err


def test_template_syntax_error_names_template_and_line(site: Callable[..., Path]) -> None:
    root = site()
    (root / "templates").mkdir()
    (root / "templates" / "page.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n{% if page.title %}\n{% endblock %}')
    result = run_cli("build", root)
    assert result.code == 1
    assert "templates/page.html:4:1: Fehler in der Vorlage:" in result.err
    assert "Traceback" not in result.err


def test_undefined_variable_is_an_error_with_template_line(site: Callable[..., Path]) -> None:
    root = site()
    (root / "templates").mkdir()
    (root / "templates" / "page.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n<p>{{ page.untertitel }}</p>\n{% endblock %}')
    result = run_cli("build", root)
    assert result.code == 1
    assert "templates/page.html:3:1: Fehler in der Vorlage beim Erzeugen von" in result.err
    assert "untertitel" in result.err
    assert "Traceback" not in result.err
