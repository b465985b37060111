"""No placeholder goes live: `zuhause check` names every placeholder a new site still has,
with file and line, and nothing else; once they are replaced the site passes --strict."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from filled_site import fill_placeholders
from support import run_cli
from zuhause import build_site
from zuhause.checking import check_site
from zuhause.errors import msg
from zuhause.starter import portrait
from zuhause.starter.recognise import find_placeholders, is_placeholder_portrait

PAGES = {"de": {"about": "content/ueber-mich.md", "contact": "content/kontakt.md",
                "offer": "content/angebote/erstes-angebot.md",
                "post": "content/journal/erster-beitrag.md", "person": "people/ich.md"},
         "en": {"about": "content/about.md", "contact": "content/contact.md",
                "offer": "content/offers/first-offer.md", "post": "content/journal/first-post.md",
                "person": "people/me.md"}}


def expected(language: str) -> set[tuple[str, str, int]]:
    """Every placeholder of an untouched `zuhause new --yes` site, as (check id, file, line)."""
    files = PAGES[language]
    lines = {"zuhause.yaml": [3, 6, 10, 16, 17, 18, 19, 21],  # title, description, email, legal
             files["person"]: [3, 5, 7, 12, 15, 19, 21, 23, 26, 27, 30, 34],
             "content/index.md": [2, 4, 7], files["about"]: [9], files["contact"]: [9],
             files["offer"]: [2, 5, 9], files["post"]: [2, 5, 8, 12]}
    found = {("placeholder.text", path, line) for path, numbers in lines.items() for line in numbers}
    return found | {("placeholder.portrait", files["person"], 10)}


def new_site(tmp_path: Path, language: str) -> Path:
    target = tmp_path / "site"
    result = run_cli("new", target, "--yes", "--language", language)
    assert result.code == 0, result.err
    return target


@pytest.mark.parametrize("language", ["de", "en"])
def test_check_lists_every_placeholder_of_a_new_site_and_nothing_else(
        tmp_path: Path, language: str) -> None:
    site = new_site(tmp_path, language)
    report = check_site(site)
    assert {(f.id, f.path, f.line) for f in report.findings} == expected(language)
    assert {f.level for f in report.findings} == {"error"}
    result = run_cli("check", site)
    assert result.code == 1
    assert f"{PAGES[language]['person']}:10: error [placeholder.portrait]" in result.out


@pytest.mark.parametrize("language", ["de", "en"])
def test_with_the_placeholders_replaced_check_strict_passes(tmp_path: Path, language: str) -> None:
    site = new_site(tmp_path, language)
    fill_placeholders(site, language)
    result = run_cli("check", site, "--strict")
    assert result.code == 0, result.out
    built = run_cli("build", site)
    assert built.code == 0 and built.err == "", built.err


@pytest.mark.parametrize("language", ["de", "en"])
def test_build_names_the_placeholders_in_one_warning_in_the_sites_language(
        tmp_path: Path, language: str) -> None:
    site = new_site(tmp_path, language)
    report = build_site(site)
    warnings = [w.format(language) for w in report.warnings
                if "zuhause new" in w.format(language)]
    assert len(warnings) == 1 and "\n" not in warnings[0]
    assert ("Platzhalter" in warnings[0]) == (language == "de")
    for _, path, line in expected(language):
        assert f"{path}:{line}" in warnings[0]
    result = run_cli("build", site)
    assert result.code == 0
    assert [line for line in result.err.splitlines() if "zuhause new" in line] == [
        msg("build.warning", text=warnings[0]).format(language)]


def test_the_drawn_portrait_is_recognised_by_its_content_not_its_name(tmp_path: Path) -> None:
    renamed = tmp_path / "anna.svg"
    renamed.write_text(portrait(), "utf-8")
    assert is_placeholder_portrait(renamed)
    own = tmp_path / "portrait.svg"  # the starter's file name, but the owner's own drawing
    own.write_text(portrait().replace("zuhause-placeholder-portrait", "mein Bild"), "utf-8")
    assert not is_placeholder_portrait(own)

    site = new_site(tmp_path / "a", "de")
    shutil.copy(site / "static/images/portrait.svg", site / "static/images/anna.svg")
    person = site / "people/ich.md"
    person.write_text(person.read_text("utf-8").replace("images/portrait.svg", "images/anna.svg"))
    found = {(f.id, f.path, f.line) for f in check_site(site).findings}
    assert ("placeholder.portrait", "people/ich.md", 10) in found


@pytest.mark.parametrize(("line", "found"), [
    ("  email: anna@example.com", "example.com"),
    ("  url: https://shop.example.de/", "shop.example.de"),
    ("  email: anna@baeckerei.test", "baeckerei.test"),
    ("  url: http://localhost:8000/", "localhost"),
    ("  email: a@mail.invalid", "mail.invalid"),
    ('  phone: "+49 30 23125 678"', "+49 30 23125 678"),
    ("Rufen Sie an: 089 99998 123.", "089 99998 123"),
])
def test_example_addresses_and_numbers_are_placeholders(tmp_path: Path, line: str,
                                                        found: str) -> None:
    from zuhause.starter.recognise import placeholders_in
    assert [(p.key, p.text) for p in placeholders_in("x", line)][0][1] == found
    for real in ("  email: anna@baeckerei-korn.de", '  phone: "+49 351 1234567"',
                 "  url: https://example-bakery.de/"):
        assert placeholders_in("x", real) == []


def test_a_placeholder_is_recognised_in_either_language(tmp_path: Path) -> None:
    site = new_site(tmp_path, "de")
    fill_placeholders(site, "de")
    about = site / "content/ueber-mich.md"
    about.write_text(about.read_text("utf-8") + "\nHere goes one line about what I do\n")
    from zuhause.build import load_site
    loaded = load_site(site)
    assert [(p.path, p.key) for p in find_placeholders(site, loaded.model)] == [
        ("content/ueber-mich.md", "role")]
