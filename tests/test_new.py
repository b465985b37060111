"""`zuhause new`: the questions, the site folder it writes, and that the new site builds at once."""

from __future__ import annotations

import argparse
import builtins
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from support import tree_bytes
from zuhause import SiteError, build_site
from zuhause.frontmatter import load_yaml, split_document
from zuhause.new_options import add_arguments
from zuhause.scaffold import (
    Answers,
    answers_from_options,
    create_site,
    prompt_on_terminal,
    terminal_ask,
    yaml_quote,
)

FILES = {
    "de": ["content/ueber-mich.md", "content/kontakt.md", "content/angebote/erstes-angebot.md",
           "content/journal/erster-beitrag.md"],
    "en": ["content/about.md", "content/contact.md", "content/offers/first-offer.md",
           "content/journal/first-post.md"],
}
COMMON_FILES = ["zuhause.yaml", "people/anna.md", "content/index.md",
                "static/images/portrait.svg", ".gitignore", "netlify.toml"]
IMPRESSUM = {"de": "impressum", "en": "legal-notice"}


def options(*argv: str) -> dict[str, object]:
    """The options of `zuhause new DIR ARGV...`, parsed by the real subcommand parser."""
    parser = argparse.ArgumentParser(prog="zuhause new")
    add_arguments(parser)
    return vars(parser.parse_args(["site", *argv]))


def new_site(tmp_path: Path, *argv: str) -> tuple[Path, Answers]:
    """Run `zuhause new` without questions into tmp_path/site; return the folder and answers."""
    target = tmp_path / "site"
    answers = answers_from_options(options(*argv), None)
    create_site(target, answers)
    return target, answers


ANNA = ("--name", "Anna Korn", "--role", "Bäckermeisterin, ich backe Brot mit Zeit",
        "--value", "Brot braucht Zeit", "--value", "Mehl aus der Region",
        "--invitation", "Kommen Sie vorbei und probieren Sie ein Stück Sauerteigbrot.",
        "--email", "anna@baeckerei-korn.example", "--phone", "+49 351 1234567",
        "--business", "Bäckerei Korn", "--legal-form", "sole_trader", "--street", "Brotgasse 3",
        "--postcode", "01067", "--city", "Dresden")


@pytest.mark.parametrize("language", ["de", "en"])
def test_new_site_with_flags_builds_at_once(tmp_path: Path, language: str) -> None:
    site, _ = new_site(tmp_path, *ANNA, "--language", language)
    for name in COMMON_FILES + FILES[language]:
        assert (site / name).is_file(), name
    assert not (site / ".github").exists()  # Netlify serves it: no GitHub workflow
    build_site(site)
    person = (site / "people/anna.md").read_text("utf-8")
    assert 'name: "Anna Korn"' in person
    impressum = (site / "public" / IMPRESSUM[language] / "index.html").read_text("utf-8")
    assert "Anna Korn, Bäckerei Korn" in impressum
    assert "Brotgasse 3" in impressum and "01067 Dresden" in impressum
    home = (site / "public/index.html").read_text("utf-8")
    assert "Kommen Sie vorbei und probieren Sie ein Stück Sauerteigbrot." in home
    assert f'lang="{language}"' in home
    journal = (site / FILES[language][3]).read_text("utf-8")
    assert "date: " in journal


@pytest.mark.parametrize("language", ["de", "en"])
def test_site_from_defaults_alone_builds(tmp_path: Path, language: str) -> None:
    site, answers = new_site(tmp_path, "--yes", "--language", language)
    assert answers.host == "netlify" and answers.legal_form == "sole_trader"
    build_site(site)
    config = (site / "zuhause.yaml").read_text("utf-8")
    assert "example.org" in config  # the placeholder email says plainly it must be replaced
    portrait = (site / "static/images/portrait.svg").read_text("utf-8")
    assert "viewBox=" in portrait and 'width="' in portrait and 'height="' in portrait
    assert len(portrait) < 2000


@pytest.mark.parametrize(("argv", "base_url"), [
    (("--host", "netlify", "--netlify-name", "baeckerei-korn"), "https://baeckerei-korn.netlify.app/"),
    (("--host", "netlify"), "https://baeckerei-korn.netlify.app/"),
    (("--host", "github-user", "--github-user", "annakorn"), "https://annakorn.github.io/"),
    (("--host", "github-project", "--github-user", "annakorn", "--repo", "brot"),
     "https://annakorn.github.io/brot/"),
    (("--host", "domain", "--domain", "https://www.baeckerei-korn.de/"),
     "https://www.baeckerei-korn.de/"),
])
def test_host_sets_base_url(tmp_path: Path, argv: tuple[str, ...], base_url: str) -> None:
    site, _ = new_site(tmp_path, *ANNA, *argv)
    config, problems = load_yaml((site / "zuhause.yaml").read_text("utf-8"), "zuhause.yaml")
    assert not problems
    assert config["base_url"] == base_url
    build_site(site)
    sitemap = (site / "public/sitemap.xml").read_text("utf-8")
    assert f"<loc>{base_url}</loc>" in sitemap
    if argv[1] == "domain":
        assert config["domain"] == "www.baeckerei-korn.de"
        assert (site / "public/CNAME").read_text("utf-8").strip() == "www.baeckerei-korn.de"
    else:
        assert "domain" not in config
        assert not (site / "public/CNAME").exists()


def test_notes_always_tell_of_githubs_terms(tmp_path: Path) -> None:
    for host in ("netlify", "github-user", "domain"):
        answers = answers_from_options(options(*ANNA, "--host", host), None)
        report = create_site(tmp_path / host, answers)
        assert any("GitHub Pages" in note and "Transaktionen" in note for note in report.notes)
        assert report.host == host


def test_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    target = tmp_path / "site"
    (target / "content").mkdir(parents=True)
    mine = target / "content/index.md"
    mine.write_bytes(b"---\ntitle: Meine eigene Startseite\nperson: anna\n---\nSchon da.\r\n")
    before = tree_bytes(target)
    answers = answers_from_options(options(*ANNA), None)
    with pytest.raises(SiteError) as refused:
        create_site(target, answers)
    assert str(target) in refused.value.format("en")
    assert "not empty" in refused.value.format("en") and "--force" in refused.value.format("en")
    assert tree_bytes(target) == before

    report = create_site(target, answers, force=True)
    assert mine.read_bytes() == before["content/index.md"]
    assert report.kept == ["content/index.md"]
    assert "content/index.md" not in report.written
    for name in COMMON_FILES + FILES["de"]:
        assert (target / name).is_file()
        assert name in report.written or name == "content/index.md"
    again = create_site(target, answers, force=True)
    assert again.written == [] and sorted(again.kept) == sorted(report.written + report.kept)


def test_refuses_a_file_as_target(tmp_path: Path) -> None:
    target = tmp_path / "site"
    target.write_text("kein Ordner", "utf-8")
    with pytest.raises(SiteError) as refused:
        create_site(target, Answers(), force=True)
    assert str(target) in refused.value.format("en")
    assert target.read_text("utf-8") == "kein Ordner"


def test_values_survive_exactly(tmp_path: Path) -> None:
    name = 'Anna "Nanni" Korn: Bäckerei'
    business = "Korn & Söhne: Brot #1"
    invitation = "Kommen Sie vorbei # ab 7:00 Uhr: frisches Brot! \\o/"
    value = "- @Brot: 100 % Roggen, 'ehrlich'"
    site, _ = new_site(tmp_path, "--name", name, "--business", business, "--invitation",
                       invitation, "--value", value, "--postcode", "01067", "--phone",
                       "+49 351 123", "--street", "Hauptstraße 1 #2", "--city", "NO",
                       "--email", "anna@korn.example")
    config, problems = load_yaml((site / "zuhause.yaml").read_text("utf-8"), "zuhause.yaml")
    assert not problems
    assert config["title"] == business
    assert config["legal"]["name"] == f"{name}, {business}"
    assert config["legal"]["postcode"] == "01067"
    assert config["legal"]["phone"] == "+49 351 123"
    assert config["legal"]["street"] == "Hauptstraße 1 #2"
    assert config["legal"]["city"] == "NO"
    person = split_document((site / "people/anna.md").read_text("utf-8"), "people/anna.md")
    assert not person.problems
    assert person.meta["name"] == name
    assert person.meta["invitation"]["text"] == invitation
    assert person.meta["invitation"]["phone"] == "+49 351 123"
    assert person.meta["values"] == [value]
    build_site(site)
    impressum = (site / "public/impressum/index.html").read_text("utf-8")
    assert "01067 NO" in impressum and "+49 351 123" in impressum


@given(st.text())
def test_yaml_quote_reads_back_as_written(text: str) -> None:
    data, problems = load_yaml(f"key: {yaml_quote(text)}\n", "x.yaml")
    assert not problems
    assert data["key"] == text


def test_without_ask_nothing_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_input(*args: object) -> str:
        raise AssertionError("input() was called")
    monkeypatch.setattr(builtins, "input", no_input)
    answers = answers_from_options(options("--yes"), None)
    assert answers == answers_from_options({}, None)
    assert answers.name == "" and answers.host == "netlify" and answers.language == "de"
    given_answers = answers_from_options(options(*ANNA, "--host", "github-project"), None)
    assert given_answers.name == "Anna Korn" and given_answers.repo == "website"
    assert given_answers.values == ("Brot braucht Zeit", "Mehl aus der Region")


def test_questions_are_asked_in_order_and_until_the_answer_is_usable() -> None:
    script = iter([
        "Anna Korn", "Bäckermeisterin", "Brot braucht Zeit", "Mehl aus der Region", "",
        "Kommen Sie vorbei.", "anna-at-korn", "anna@korn.example", "", "Bäckerei Korn", "2",
        "", "", "Dresden", "3", "AnnaKorn", "",
    ])
    asked: list[tuple[str, str]] = []

    def ask(question: str, default: str) -> str:
        asked.append((question, default))
        return next(script) or default

    answers = answers_from_options({"language": "de"}, ask)
    assert next(script, None) is None
    assert answers.values == ("Brot braucht Zeit", "Mehl aus der Region")
    assert answers.email == "anna@korn.example"
    assert "ist keine E-Mail-Adresse" in asked[7][0]
    assert answers.legal_form == "freelancer" and answers.host == "github-project"
    assert answers.phone == "" and answers.street == ""
    github_question = asked[-2][0]
    assert "GitHub Pages" in github_question and "Transaktionen" in github_question
    assert asked[-1][1] == "website" and answers.repo == "website"
    assert answers.github_user == "AnnaKorn"


def test_flags_are_not_asked_again_and_bad_flags_are_named() -> None:
    def ask(question: str, default: str) -> str:
        return default
    answers = answers_from_options(options(*ANNA, "--host", "domain", "--domain", "korn.de"), ask)
    assert answers.name == "Anna Korn" and answers.domain == "korn.de"
    with pytest.raises(SiteError) as refused:
        answers_from_options(options("--email", "anna at korn", "--host", "ftp",
                                     "--legal-form", "ag"), None)
    text = refused.value.format("en")
    for flag in ("--email", "--host", "--legal-form"):
        assert flag in text
    assert "3 problems" in text


def test_prompt_on_terminal_shows_default_and_takes_it_on_enter(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    prompts: list[str] = []
    answers = iter(["", "  baeckerei-korn  "])

    def fake_input(prompt: str) -> str:
        prompts.append(prompt)
        return next(answers)
    monkeypatch.setattr(builtins, "input", fake_input)
    assert prompt_on_terminal("Name bei Netlify:", "korn") == "korn"
    assert "[korn]" in prompts[0]
    assert prompt_on_terminal("Name bei Netlify:", "korn") == "baeckerei-korn"

    def closed(prompt: str) -> str:
        raise EOFError
    monkeypatch.setattr(builtins, "input", closed)
    assert prompt_on_terminal("Ort:", "Dresden") == "Dresden"


def test_long_names_still_give_valid_host_names(tmp_path: Path) -> None:
    name = "Anna-Katharina Müller-Lüdenscheidt von und zu Hohenzollern-Sigmaringen"
    for host in ("netlify", "github-user", "domain"):
        answers = answers_from_options(options("--name", name, "--host", host), None)
        report = create_site(tmp_path / host, answers)
        assert report.base_url.startswith("https://")
        build_site(tmp_path / host)


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = builtins.open

    def disk_full_at_the_journal(path: object, *args: object, **kwargs: object) -> object:
        if str(path).endswith("erster-beitrag.md"):
            raise OSError(28, "No space left on device", str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[call-overload]
    monkeypatch.setattr(builtins, "open", disk_full_at_the_journal)
    target = tmp_path / "site"
    with pytest.raises(SiteError) as failed:
        create_site(target, answers_from_options(options(*ANNA), None))
    assert "the disk is full" in failed.value.format("en")
    assert not target.exists()


def test_domain_is_written_as_the_host_needs_it() -> None:
    answers = answers_from_options(options("--host", "domain", "--domain",
                                           "https://www.Bäckerei-Korn.de/"), None)
    assert answers.domain == "www.xn--bckerei-korn-gcb.de"
    with pytest.raises(SiteError) as refused:
        answers_from_options(options("--host", "domain", "--domain", "baeckerei korn"), None)
    assert "--domain" in refused.value.format("en")


def test_nothing_is_asked_without_a_terminal_or_with_yes(tmp_path: Path) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True
    assert terminal_ask(False, io.StringIO("Anna\n")) is None  # a pipe, as in CI
    assert terminal_ask(True, Terminal()) is None
    assert terminal_ask(False, Terminal()) is prompt_on_terminal
    with open(tmp_path / "answers.txt", "w+", encoding="utf-8") as file:
        assert terminal_ask(False, file) is None


@pytest.mark.parametrize(("form", "provider"), [
    ("freelancer", "Anna Korn, Bäckerei Korn"), ("3", "Bäckerei Korn GmbH"),
    ("ug", "Bäckerei Korn UG (haftungsbeschränkt)"), ("GbR", "Bäckerei Korn GbR"),
])
def test_every_legal_form_builds_with_what_the_impressum_needs(
        tmp_path: Path, form: str, provider: str) -> None:
    site, _ = new_site(tmp_path, *ANNA, "--legal-form", form)
    build_site(site)
    impressum = (site / "public/impressum/index.html").read_text("utf-8")
    assert provider in impressum
