"""Every sentence an owner reads exists in every language zuhause speaks, and is used."""

from __future__ import annotations

import ast
import string
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from support import REPO, minimal_file, run_cli
from zuhause.catalogue import LOCALES, catalogue, languages, system_language
from zuhause.devhttp import overlay_html
from zuhause.errors import SiteError
from zuhause.language import site_language
from zuhause.scaffold import answers_from_options
from zuhause.serve import DevSession

SOURCE = REPO / "src" / "zuhause"
KEY_HELPERS = {"msg"}  # every message key in the code is the first argument of one of these


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def domains() -> set[str]:
    return {path.stem for language in languages() for path in (LOCALES / language).glob("*.yaml")}


@pytest.mark.parametrize("domain", sorted(domains()))
def test_every_key_is_in_every_language_with_the_same_placeholders(domain: str) -> None:
    texts = {language: catalogue(domain, language) for language in languages()}
    keys = {language: set(found) for language, found in texts.items()}
    every = set().union(*keys.values())
    for language in languages():
        assert not every - keys[language], f"locales/{language}/{domain}.yaml lacks these keys"
    english = texts["en"]
    for language, found in texts.items():
        for key, template in found.items():
            assert placeholders(template) == placeholders(english[key]), (language, key)


def literal_keys(node: ast.expr) -> list[str] | None:
    """The keys a key expression can take: a literal, or a choice between literals."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        first, second = literal_keys(node.body), literal_keys(node.orelse)
        return None if first is None or second is None else first + second
    return None


def message_calls() -> Iterator[tuple[str, int, list[str] | None, set[str] | None]]:
    """(file, line, keys, keyword names) of every msg(...) call in the package."""
    for path in sorted(SOURCE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and node.func.id in KEY_HELPERS:
                names = {k.arg for k in node.keywords if k.arg is not None}
                spread = any(k.arg is None for k in node.keywords)
                yield (f"{path.relative_to(SOURCE)}:{node.lineno}",
                       literal_keys(node.args[0]) if node.args else None, names,
                       None if spread else names)


def test_every_message_key_in_the_code_has_a_text_with_the_values_it_is_given() -> None:
    english = catalogue("messages", "en")
    calls = list(message_calls())
    assert len(calls) > 200  # the scan finds the calls at all
    for where, keys, _names, exact in calls:
        if where.startswith("errors.py") and keys is None:
            continue  # msg() itself and its definition's helpers
        assert keys is not None, f"{where}: the message key must be written out as text"
        for key in keys:
            assert key in english, f"{where}: no text for '{key}' in locales/en/messages.yaml"
            if exact is not None:
                assert placeholders(english[key]) == exact, f"{where}: values for '{key}'"


def test_every_text_of_the_catalogue_is_used() -> None:
    used = {key for _, keys, _, _ in message_calls() for key in keys or []}
    assert set(catalogue("messages", "en")) - used == set()


def test_german_texts_differ_from_the_english_ones() -> None:
    german, english = catalogue("messages", "de"), catalogue("messages", "en")
    words = {key: "".join(part for part, *_ in string.Formatter().parse(text))
             for key, text in english.items()}
    same = {key for key in english if english[key] == german[key]
            and any(c.isalpha() for c in words[key].replace("YAML", ""))}
    assert same == set()


def test_the_language_is_read_from_a_broken_zuhause_yaml(tmp_path: Path) -> None:
    (tmp_path / "zuhause.yaml").write_text("title: [kaputt\nlanguage: en\n  legal: :\n")
    assert site_language(tmp_path, "de") == "en"
    (tmp_path / "zuhause.yaml").write_text("title: Ohne Sprache\n")
    assert site_language(tmp_path, "en") == "de"  # the config's default
    assert site_language(tmp_path / "nowhere", "en") == "en"


def test_without_a_site_the_system_language_is_used(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert system_language() == "de"
    result = run_cli("build", tmp_path / "nowhere")
    assert result.code == 1 and "Diesen Ordner für die Website gibt es nicht" in result.err
    usage = run_cli("build", "--jobs", "viele")
    assert usage.code == 2 and "'viele' ist hier kein gültiger Wert" in usage.err
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert "this site folder does not exist" in run_cli("build", tmp_path / "nowhere").err


def test_serve_overlay_is_german_on_a_german_site(site: Callable[..., Path]) -> None:
    root = site(content__index_dot_md="---\ntitle: Preise: teuer\nperson: anna\n---\nText\n")
    logged: list[str] = []
    session = DevSession(root, port=0, log=logged.append, language="en")
    try:
        session.rebuild(set())
        _, problems = session.state.snapshot()
        overlay = overlay_html(problems, session.state.language)
    finally:
        session.stop()
    assert "Die letzte Änderung ließ sich nicht bauen" in overlay
    assert "content/index.md:2:14" in overlay and "Anführungszeichen" in overlay
    assert "quotes" not in overlay and "could not be built" not in overlay
    assert "es wurde nichts geschrieben" in logged[-1]


def test_serve_overlay_is_english_on_an_english_site(site: Callable[..., Path]) -> None:
    config = minimal_file("zuhause.yaml").replace("language: de", "language: en")
    root = site(zuhause_dot_yaml=config,
                content__index_dot_md="---\ntitle: Preise: teuer\nperson: anna\n---\nText\n")
    session = DevSession(root, port=0, log=lambda text: None, language="de")
    try:
        session.rebuild(set())
        _, problems = session.state.snapshot()
        overlay = overlay_html(problems, session.state.language)
    finally:
        session.stop()
    assert "The last change could not be built" in overlay and "double quotes" in overlay


def test_new_asks_again_in_german_with_language_de() -> None:
    asked: list[str] = []

    def ask(question: str, default: str) -> str:
        asked.append(question)
        if "E-Mail" in question.split("\n")[-1]:
            return "anna@korn.example" if any("anna-at-korn" in q for q in asked) else "anna-at-korn"
        return default

    answers_from_options({"language": "de"}, ask)
    again = next(q for q in asked if "anna-at-korn" in q)
    assert again.startswith("'anna-at-korn' ist keine E-Mail-Adresse. Schreiben Sie sie wie")
    assert "is not an email address" not in again


def test_new_reports_in_german_and_english(tmp_path: Path) -> None:
    german = run_cli("new", tmp_path / "de", "--language", "de", "--email", "anna-at-korn")
    assert german.code == 1 and "'anna-at-korn' ist keine E-Mail-Adresse" in german.err
    english = run_cli("new", tmp_path / "en", "--language", "en", "--name", "Anna Korn")
    assert english.code == 0 and "wrote zuhause.yaml" in english.out
    assert "geschrieben" not in english.out


def test_check_summary_is_in_the_sites_language(site: Callable[..., Path]) -> None:
    result = run_cli("check", site())
    assert "Fehler" in result.out.splitlines()[-1] and "übersprungen" in result.out.splitlines()[-1]


def test_site_error_words_each_problem_in_the_language_asked(site: Callable[..., Path]) -> None:
    from zuhause import build_site
    root = site(content__index_dot_md="---\ntitle: Hallo\n---\nx\n")
    with pytest.raises(SiteError) as raised:
        build_site(root)
    assert raised.value.format("de").endswith("1 Problem, es wurde nichts geschrieben.")
    assert raised.value.format("en").endswith("1 problem, nothing was written.")


def test_help_follows_the_system_language(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    german = run_cli("check", "--help")
    assert german.code == 0 and german.out.startswith("Aufruf: zuhause check")
    assert "Warnungen zählen wie Fehler" in german.out and "Optionen:" in german.out
    assert "diese Hilfe zeigen" in german.out and "usage:" not in german.out
    assert "show this help" not in german.out
    new = run_cli("new", "--help").out
    assert "Ihr Vor- und Nachname" in new and "your first and last name" not in new
    assert run_cli("build", "--jobs", "viele").err.startswith("Aufruf: zuhause build")
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    english = run_cli("--help")
    assert english.out.startswith("usage: zuhause") and "make a new site" in english.out
    assert "Aufruf" not in english.out
