"""Every user error: exit 1, `path:line:col: what is wrong`, a hint what to write, no traceback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from support import minimal_file, run_cli
from zuhause import build_site
from zuhause.errors import SiteError

PERSON_WITHOUT_ALT = """\
---
name: Anna Korn
role: Bäckermeisterin
portrait: images/anna.png
values:
  - Brot braucht Zeit
invitation:
  text: Kommen Sie vorbei.
  email: anna@baeckerei-korn.example
---
Ich backe seit zwanzig Jahren Brot.
"""

CASES = {
    "page without person": (
        {"content__index_dot_md": "---\ntitle: Willkommen\n---\nHallo\n"},
        "content/index.md:2:1: 'person' is missing", "Add a line like: person: anna"),
    "unknown person id": (
        {"content__index_dot_md": "---\ntitle: Willkommen\nperson: ana\n---\nHallo\n"},
        "content/index.md:3:9: there is no person 'ana'", "Did you mean 'anna'?"),
    "person without portrait_alt": (
        {"people__anna_dot_md": PERSON_WITHOUT_ALT},
        "people/anna.md:2:1: 'portrait_alt' is missing", "Add a line like: portrait_alt:"),
    "person with empty story": (
        {"people__anna_dot_md": PERSON_WITHOUT_ALT.replace(
            "values:", "portrait_alt: Anna lacht\nvalues:").replace(
            "Ich backe seit zwanzig Jahren Brot.\n", "\n\n")},
        "people/anna.md:12:1: the story is empty", "tell your story"),
    "YAML syntax error": (
        {"content__index_dot_md": "---\ntitle: Angebot: Brot\nperson: anna\n---\nHallo\n"},
        "content/index.md:2:15: YAML: mapping values are not allowed here",
        'Put the whole value in double quotes'),
    "misspelled key": (
        {"people__anna_dot_md": PERSON_WITHOUT_ALT.replace(
            "values:", "portait_alt: Anna lacht\nvalues:")},
        "people/anna.md:5:1: unknown key 'portait_alt'", "Did you mean 'portrait_alt'?"),
    "journal post without date": (
        {"content__journal__brot_dot_md": "---\ntitle: Brot\nperson: anna\n---\nText\n"},
        "content/journal/brot.md:2:1: a journal post needs a 'date'",
        "Add a line like: date: 2025-12-08"),
    "two pages, one URL": (
        {"content__Über uns_dot_md": "---\ntitle: Über uns\nperson: anna\n---\nText\n",
         "content__ueber-uns_dot_md": "---\ntitle: Über uns 2\nperson: anna\n---\nText\n"},
        "'content/ueber-uns.md' and 'content/Über uns.md' both become the page /ueber-uns/",
        "Rename one of the two files"),
    "link to a missing page": (
        {"content__index_dot_md": "---\ntitle: Willkommen\nperson: anna\n---\nHallo\n\n"
         "Zum [Kontakt](kontkt.md).\n"},
        "content/index.md:7:15: the link 'kontkt.md' points to a page that does not exist",
        "Link to a file in content/"),
    "missing portrait file": (
        {"people__anna_dot_md": PERSON_WITHOUT_ALT.replace(
            "values:", "portrait_alt: Anna lacht\nvalues:").replace("anna.png", "anna.jpg")},
        "people/anna.md:4:11: the portrait 'static/images/anna.jpg' does not exist",
        "Put the picture into the static/ folder"),
    "German legal data without street": (
        {"zuhause_dot_yaml": "title: Bäckerei\nbase_url: https://b.example/\nlegal:\n"
         "  form: sole_trader\n  name: Anna Korn\n  postcode: '01067'\n  city: Dresden\n"
         "  email: anna@b.example\n"},
        "zuhause.yaml:4:3: the Impressum lacks 'street', which German law requires",
        "Add 'street:' below 'legal:'"),
    "GmbH without register": (
        {"zuhause_dot_yaml": "title: Bäckerei\nbase_url: https://b.example/\nlegal:\n"
         "  form: gmbh\n  name: Korn GmbH\n  street: Brotgasse 3\n  postcode: '01067'\n"
         "  city: Dresden\n  email: anna@b.example\n"},
        "the Impressum lacks 'register_court', which German law requires for the legal form 'gmbh'",
        "Add 'register_court:' below 'legal:'"),
}


def in_language(overrides: dict[str, str], language: str) -> dict[str, str]:
    """The same site, with `language:` set in its zuhause.yaml."""
    config = overrides.get("zuhause_dot_yaml", minimal_file("zuhause.yaml"))
    config = "\n".join(line for line in config.split("\n") if not line.startswith("language:"))
    return {**overrides, "zuhause_dot_yaml": f"{config.rstrip()}\nlanguage: {language}\n"}


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("name", CASES)
def test_user_error_names_place_and_hint(site: Callable[..., Path], name: str,
                                         language: str) -> None:
    overrides, message, hint = CASES[name]
    root = site(**in_language(overrides, language))
    result = run_cli("build", root, "-o", root / "public")
    assert result.code == 1
    assert "Traceback" not in result.err
    assert not (root / "public").exists()
    with pytest.raises(SiteError) as raised:
        build_site(root, root / "public")
    for problem in raised.value.problems:  # the catalogue's text of this language, with its place
        assert problem.format(language) in result.err
        assert f"{problem.location()}: " in result.err
    if language == "en":
        assert message in result.err
        assert hint in result.err
    else:  # nothing of the English text shows on a German site
        assert message not in result.err and hint not in result.err
        for problem in raised.value.problems:
            assert problem.message.format("en") not in result.err
            assert problem.hint is None or problem.hint.format("en") not in result.err
        assert "es wurde nichts geschrieben" in result.err


def test_problems_in_two_files_are_reported_together(site: Callable[..., Path]) -> None:
    root = site(content__index_dot_md="---\ntitle: Willkommen\nperson: anna\nfarbe: rot\n---\nx\n",
                people__anna_dot_md=PERSON_WITHOUT_ALT)
    result = run_cli("build", root)
    assert result.code == 1
    assert "content/index.md:4:1: Den Schlüssel 'farbe' kennt zuhause nicht" in result.err
    assert "people/anna.md:2:1: 'portrait_alt' fehlt" in result.err
    assert result.err.strip().endswith("2 Probleme, es wurde nichts geschrieben.")


def test_missing_site_folder(tmp_path: Path) -> None:
    result = run_cli("build", tmp_path / "nowhere")
    assert result.code == 1
    assert "this site folder does not exist" in result.err
    assert "Traceback" not in result.err


def test_folder_without_config(tmp_path: Path) -> None:
    result = run_cli("build", tmp_path)
    assert result.code == 1
    assert "zuhause.yaml:1:1: the site folder has no zuhause.yaml" in result.err
    assert "zuhause new" in result.err


def test_blank_title_is_empty(site: Callable[..., Path]) -> None:
    root = site(content__index_dot_md="---\ntitle: '  '\nperson: anna\n---\nHallo\n")
    result = run_cli("build", root)
    assert result.code == 1
    assert "content/index.md:2:8: 'title' ist leer" in result.err
