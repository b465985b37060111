"""Regulated trades and professions: `legal.regulated-details` asks a master craftsperson, a
lawyer, a doctor ... for the chamber, the title with its state and the professional rules
(§ 5 Abs. 1 Nr. 5 DDG), and the Impressum shows them; look-alike words raise nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image

from support import MINIMAL_SITE, minimal_file, write_site
from zuhause import build_site
from zuhause.checking import check_site
from zuhause.checking.rules_trades import regulated_name

RULE = "legal.regulated-details"
DETAILS = {
    "de": """\
  chamber: Handwerkskammer Dresden, Am Lagerplatz 8, 01099 Dresden
  professional_title: Tischlermeisterin
  title_state: Deutschland
  professional_register: Handwerksrolle der Handwerkskammer Dresden, Nr. 4711
  professional_rules:
    - name: Handwerksordnung
      url: https://www.gesetze-im-internet.de/hwo/
""",
    "en": """\
  chamber: Handwerkskammer Dresden, Am Lagerplatz 8, 01099 Dresden
  professional_title: Tischlermeisterin
  title_state: Germany
  professional_rules:
    - name: Handwerksordnung
      url: https://www.gesetze-im-internet.de/hwo/
""",
}
IMPRESSUM = {"de": "impressum", "en": "legal-notice"}


def config(legal: str = "", language: str = "de", business: str = "Tischlerei Lindner") -> str:
    """zuhause.yaml of a small joinery; `legal:` on line 4, `legal` lines added after line 10."""
    return (f"title: Tischlerei Lindner\nlanguage: {language}\n"
            f"base_url: https://tischlerei-lindner.example/\n"
            f"legal:\n  form: sole_trader\n  name: Marie Lindner\n  street: Am Spänehof 7\n"
            f"  postcode: \"01139\"\n  city: Dresden\n  email: marie@tischlerei-lindner.example\n"
            f"{legal}  employees: 3\nbusiness:\n  name: {business}\n")


def person(role: str = "Tischlermeisterin, ich baue Möbel", story: str = "") -> str:
    """Marie's person file with this role (and story)."""
    text = minimal_file("people/anna.md").replace(
        "Bäckermeisterin, ich backe Brot mit Zeit", role).replace("Anna Korn", "Marie Lindner")
    return text.replace("Ich backe seit zwanzig Jahren Brot.", story or
                        "Ich baue seit zwanzig Jahren Möbel.")


def site(tmp_path: Path, yaml: str, role: str = "Tischlermeisterin, ich baue Möbel",
         story: str = "", home: str | None = None) -> Path:
    """The joinery's site with this zuhause.yaml and role."""
    overrides: dict[str, str | None] = {"zuhause_dot_yaml": yaml, "people__anna_dot_md": person(role, story)}
    if home is not None:
        overrides["content__index_dot_md"] = home
    return write_site(tmp_path / "site", MINIMAL_SITE, **overrides)


def found(root: Path) -> list[tuple[str, int, str, str]]:
    """(path, line, message, fix) of each finding of the rule."""
    return [(f.path, f.line, f.message, f.fix) for f in check_site(root).findings if f.id == RULE]


def test_master_craftswoman_without_chamber_gets_one_error_naming_the_fields(tmp_path: Path) -> None:
    [(path, line, message, fix)] = found(site(tmp_path, config()))
    assert (path, line) == ("zuhause.yaml", 4)
    assert message == ("Ein reglementierter Beruf („Tischlermeisterin“ in people/anna.md, role), doch "
                       "unter legal: fehlt chamber, professional_title, title_state, professional_rules.")
    assert "chamber: Handwerkskammer" in fix and "title_state: Deutschland" in fix
    assert "url: 'https://www.gesetze-im-internet.de/hwo/'" in fix and "regulated: false" in fix
    report = check_site(tmp_path / "site")
    assert next(f for f in report.findings if f.id == RULE).level == "error"
    assert report.exit_code() == 1


def test_the_finding_in_english_names_only_what_is_missing(tmp_path: Path) -> None:
    yaml = config("  chamber: Handwerkskammer Dresden, Am Lagerplatz 8, 01099 Dresden\n"
                  "  professional_title: Tischlermeisterin\n", language="en")
    [(_, _, message, fix)] = found(site(tmp_path, yaml, role="Master carpenter, I build furniture"))
    assert message == ("A regulated profession (“Master carpenter” in people/anna.md, role), but "
                       "legal: lacks title_state, professional_rules.")
    assert fix.startswith("Add your details below legal:, for example title_state: Germany; "
                          "professional_rules: [{name: Handwerksordnung, ")
    assert "chamber:" not in fix


@pytest.mark.parametrize("language", ["de", "en"])
def test_with_the_details_nothing_is_found_and_the_impressum_shows_them(
        tmp_path: Path, language: str) -> None:
    root = site(tmp_path, config(DETAILS[language], language))
    assert found(root) == []
    build_site(root, tmp_path / "out")
    html = (tmp_path / "out" / IMPRESSUM[language] / "index.html").read_text("utf-8")
    text = re.sub(r"<[^>]+>", " ", html)
    heading, title, state, chamber, rules = {
        "de": ("Berufsbezeichnung und berufsrechtliche Regelungen",
               "Gesetzliche Berufsbezeichnung: Tischlermeisterin", "(verliehen in: Deutschland)",
               "Zuständige Kammer: Handwerkskammer Dresden, Am Lagerplatz 8, 01099 Dresden",
               "Berufsrechtliche Regelungen:"),
        "en": ("Professional title and rules", "Legal professional title: Tischlermeisterin",
               "(awarded in: Germany)", "Chamber: Handwerkskammer Dresden, Am Lagerplatz 8",
               "Professional rules:"),
    }[language]
    for words in (heading, title, state, chamber, rules):
        assert words in text, words
    assert '<a href="https://www.gesetze-im-internet.de/hwo/">Handwerksordnung</a>' in html
    assert ("Eingetragen in: Handwerksrolle der Handwerkskammer Dresden, Nr. 4711" in text) == \
        (language == "de")


def test_the_older_free_text_fields_still_count(tmp_path: Path) -> None:
    yaml = config("  profession: Tischlermeisterin, verliehen in Deutschland\n"
                  "  chamber: Handwerkskammer Dresden\n"
                  "  profession_rules: Handwerksordnung, www.gesetze-im-internet.de/hwo\n")
    assert found(site(tmp_path, yaml)) == []


def test_regulated_false_silences_it(tmp_path: Path) -> None:
    yaml = config("  regulated: false\n")
    assert found(site(tmp_path, yaml, role="Goldschmiedemeisterin, ich fasse Steine")) == []


def test_regulated_true_asks_without_a_title_in_the_role(tmp_path: Path) -> None:
    yaml = config("  regulated: true\n  professional_title: Rechtsanwältin\n")
    [(path, line, message, _)] = found(site(tmp_path, yaml, role="Ich helfe Familien in Streit"))
    assert (path, line) == ("zuhause.yaml", 4)
    assert "(legal: regulated: true)" in message
    assert "chamber, title_state, professional_rules." in message


def test_a_regulated_business_name_counts(tmp_path: Path) -> None:
    yaml = config(business="Zahnarztpraxis Dr. Lindner")
    [(_, _, message, fix)] = found(site(tmp_path, yaml, role="Ich kümmere mich um Ihre Zähne"))
    assert "„Zahnarztpraxis“ in zuhause.yaml, business: name" in message
    assert "Landeszahnärztekammer" in fix


def test_an_authentic_site_with_look_alike_words_raises_nothing(tmp_path: Path) -> None:
    home = ("---\ntitle: Willkommen\nperson: anna\n---\n"
            "Jeder Tisch soll ein kleines Meisterwerk werden. Ich mag Architektur, "
            "lese abends Arztromane und habe vor Jahren die Meisterprüfung bestanden.\n")
    root = site(tmp_path, config(), role="Ich baue kleine Meisterwerke aus Holz",
                story="Wie ein Architekt meines Lebens plane ich jede Woche neu.", home=home)
    Image.new("RGB", (480, 600), (180, 150, 120)).save(root / "static" / "images" / "anna.png")
    report = check_site(root)
    assert [f.format() for f in report.findings if f.level in ("error", "warning")] == []


@pytest.mark.parametrize(("text", "profession"), [
    ("Tischlermeisterin, ich baue Möbel", "craft"),
    ("Meisterbetrieb seit 1990", "craft"),
    ("Kfz-Meister mit eigener Werkstatt", "craft"),
    ("Meisterin im Tischlerhandwerk", "craft"),
    ("Master baker in Dresden", "craft"),
    ("Rechtsanwältin für Familienrecht", "lawyer"),
    ("Müller & Partner Rechtsanwälte", "lawyer"),
    ("Steuerberater aus Leipzig", "tax_adviser"),
    ("Hausärztin in Pieschen", "doctor"),
    ("Dr. med. Anna Weiß", "doctor"),
    ("Dr. med. dent. Anna Weiß", "dentist"),
    ("Tierarztpraxis am Elbufer", "vet"),
    ("Psychologische Psychotherapeutin", "psychotherapist"),
    ("Innenarchitektin", "architect"),
    ("Apotheke am Markt", "pharmacist"),
    ("Wirtschaftsprüferin", "auditor"),
    ("Beratender Ingenieur für Tragwerke", "engineer"),
])
def test_regulated_titles_are_recognised(text: str, profession: str) -> None:
    result = regulated_name(text)
    assert result is not None and result[0].id == profession


@pytest.mark.parametrize("text", [
    "Ich baue kleine Meisterwerke", "Architekturfotografin", "Autorin von Arztromanen",
    "Reiki-Meisterin und Coach", "Die Architektin Ihres Erfolgs", "wie ein Architekt meines Lebens",
    "IT-Architekt", "Software architect", "Ich bin keine Ärztin, sondern Heilpraktikerin",
    "Heilpraktikerin für Psychotherapie", "Bürgermeisterin a. D.", "Hausmeisterservice Korn",
    "Weltmeisterin im Kanu", "Meisterin ihres Fachs", "Kräuterapotheke", "Webmaster",
    "Handy-Arzt: Reparatur in einer Stunde",
])
def test_look_alike_words_are_no_titles(text: str) -> None:
    assert regulated_name(text) is None
