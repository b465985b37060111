"""The identity rules of `zuhause check`: Impressum, contact data, business data and the owner's
page agree on phone number, e-mail domain, address and name."""

from __future__ import annotations

from pathlib import Path

from support import EXAMPLE_SITE, MINIMAL_SITE, REPO, minimal_file, write_site
from zuhause.checking import check_site
from zuhause.checking.rules_identity import normalise_address, normalise_phone

FACELESS = REPO / "tests" / "sites" / "faceless"
IDS = ("identity.phone-differs", "identity.email-differs", "identity.address-differs",
       "identity.name-differs")


def config(form: str = "sole_trader", name: str = "Anna Korn", legal_phone: str = "",
           contact: str = "", business: str = "", email: str = "anna@baeckerei-korn.example",
           language: str = "de") -> str:
    """zuhause.yaml of the small bakery; `contact` and `business` are the lines below them.
    Lines: 1-3 title, language, base_url; 4 legal:; 5 form; 6 name; 7 street; 8 postcode; 9 city;
    10 email; 11 employees; 12 phone (when given); then contact:, then business:."""
    text = (f"title: Bäckerei Korn\nlanguage: {language}\nbase_url: https://baeckerei-korn.example/\n"
            f"legal:\n  form: {form}\n  name: {name}\n  street: Brotgasse 3\n"
            f"  postcode: \"01067\"\n  city: Dresden\n  email: {email}\n  employees: 2\n")
    if legal_phone:
        text += f"  phone: {legal_phone}\n"
    if contact:
        text += "contact:\n" + contact
    if business:
        text += "business:\n" + business
    return text


def anna(phone: str = "") -> str:
    """Anna's person file, with a phone number in her invitation when given (line 11)."""
    text = minimal_file("people/anna.md")
    if phone:
        text = text.replace("  email: anna@baeckerei-korn.example\n",
                            f"  email: anna@baeckerei-korn.example\n  phone: {phone}\n")
    return text


def found(tmp_path: Path, rule_id: str, **overrides: str | None) -> list[tuple[str, int]]:
    """(path, line) of every finding of one rule on the small site with these files."""
    root = write_site(tmp_path / "site", MINIMAL_SITE, **overrides)
    return [(f.path, f.line) for f in check_site(root).findings if f.id == rule_id]


# identity.phone-differs

def test_normalised_phone_numbers() -> None:
    assert normalise_phone("+49 351 1234") == normalise_phone("0351 1234") == "03511234"
    assert normalise_phone("+49 (0)351 12-34") == normalise_phone("0049 351 / 1234")
    assert normalise_phone("+43 1 234") != normalise_phone("01 234")


def test_contact_phone_and_legal_phone_differ(tmp_path: Path) -> None:
    yaml = config(legal_phone="0351 1234", contact="  phone: 0351 9999\n")
    assert found(tmp_path, "identity.phone-differs", zuhause_dot_yaml=yaml) == \
        [("zuhause.yaml", 14)]
    report = check_site(tmp_path / "site")
    finding = next(f for f in report.findings if f.id == "identity.phone-differs")
    assert finding.level == "warning"
    assert "0351 9999" in finding.message and "0351 1234" in finding.message


def test_same_phone_written_differently_is_fine(tmp_path: Path) -> None:
    yaml = config(legal_phone="+49 351 1234", contact="  phone: 0351 1234\n")
    assert found(tmp_path, "identity.phone-differs", zuhause_dot_yaml=yaml,
                 people__anna_dot_md=anna("0351 / 12 34")) == []


def test_sole_traders_own_phone_differs_from_the_site_wide_ones(tmp_path: Path) -> None:
    yaml = config(legal_phone="0351 1234", contact="  phone: +49 351 1234\n")
    assert found(tmp_path, "identity.phone-differs", zuhause_dot_yaml=yaml,
                 people__anna_dot_md=anna("0171 5555555")) == [("people/anna.md", 11)]


def test_own_phone_equal_to_one_of_the_site_wide_numbers_is_fine(tmp_path: Path) -> None:
    yaml = config(legal_phone="0351 1234", contact="  phone: 0351 1234\n")
    assert found(tmp_path, "identity.phone-differs", zuhause_dot_yaml=yaml,
                 people__anna_dot_md=anna("+49 351 1234")) == []


def test_other_people_and_companies_may_have_their_own_numbers(tmp_path: Path) -> None:
    bernd = anna("0171 2222222").replace("Anna Korn", "Bernd Korn")
    yaml = config(legal_phone="0351 1234")
    assert found(tmp_path, "identity.phone-differs", zuhause_dot_yaml=yaml,
                 people__bernd_dot_md=bernd) == []
    yaml = config(form="gmbh", name="Bäckerei Korn GmbH", legal_phone="0351 1234")
    yaml = yaml.replace("  employees: 2\n", "  employees: 2\n  register_court: Amtsgericht "
                        "Dresden\n  register_number: HRB 1\n  managing_directors:\n    - Anna Korn\n")
    assert found(tmp_path, "identity.phone-differs", zuhause_dot_yaml=yaml,
                 people__anna_dot_md=anna("0171 5555555")) == []


# identity.email-differs

def test_contact_email_on_another_domain_is_a_hint(tmp_path: Path) -> None:
    yaml = config(contact="  email: anna.korn@gmx.example\n")
    root = write_site(tmp_path / "site", MINIMAL_SITE, zuhause_dot_yaml=yaml)
    findings = [f for f in check_site(root).findings if f.id == "identity.email-differs"]
    assert [(f.path, f.line, f.level) for f in findings] == [("zuhause.yaml", 13, "hint")]
    assert "gmx.example" in findings[0].message and "baeckerei-korn.example" in findings[0].message


def test_other_address_on_the_same_domain_is_fine(tmp_path: Path) -> None:
    yaml = config(contact="  email: Backstube@Baeckerei-Korn.example\n")
    assert found(tmp_path, "identity.email-differs", zuhause_dot_yaml=yaml) == []


# identity.address-differs

def test_normalised_addresses() -> None:
    assert normalise_address("Hauptstr. 3") == normalise_address("Hauptstraße 3")
    assert normalise_address("Haupt-Strasse  3") == normalise_address("hauptstraße 3")
    assert normalise_address("Hauptstraße 3") != normalise_address("Hauptstraße 5")


def test_business_address_other_than_the_legal_one(tmp_path: Path) -> None:
    yaml = config(business="  name: Bäckerei Korn\n  street: Brotgasse 5\n  city: Dresden\n")
    root = write_site(tmp_path / "site", MINIMAL_SITE, zuhause_dot_yaml=yaml)
    findings = [f for f in check_site(root).findings if f.id == "identity.address-differs"]
    assert [(f.path, f.line, f.level) for f in findings] == [("zuhause.yaml", 14, "warning")]
    assert "Brotgasse 5" in findings[0].message and "Brotgasse 3" in findings[0].message


def test_same_address_written_differently_is_fine(tmp_path: Path) -> None:
    yaml = config(business="  street: Hauptstr. 3\n  postcode: \"01067\"\n  city: dresden\n")
    yaml = yaml.replace("street: Brotgasse 3", "street: Hauptstraße 3")
    assert found(tmp_path, "identity.address-differs", zuhause_dot_yaml=yaml) == []


# identity.name-differs

def test_sole_trader_impressum_without_the_owners_name(tmp_path: Path) -> None:
    yaml = config(name="Bäckerei Korn")
    root = write_site(tmp_path / "site", MINIMAL_SITE, zuhause_dot_yaml=yaml)
    findings = [f for f in check_site(root).findings if f.id == "identity.name-differs"]
    assert [(f.path, f.line, f.level) for f in findings] == [("zuhause.yaml", 6, "warning")]
    assert "Anna Korn" in findings[0].message


def test_english_site_says_it_in_english(tmp_path: Path) -> None:
    yaml = config(form="freelancer", name="Korn Baking", language="en")
    root = write_site(tmp_path / "site", MINIMAL_SITE, zuhause_dot_yaml=yaml)
    finding = next(f for f in check_site(root).findings if f.id == "identity.name-differs")
    assert finding.message == ('The legal notice names "Korn Baking", but not Anna Korn, the '
                               "person of the home page (people/anna.md).")


def test_owners_name_with_business_name_or_reversed_is_fine(tmp_path: Path) -> None:
    for name in ("Anna Korn, Bäckerei Korn", "Korn, Anna", "Dr. Anna Korn"):
        assert found(tmp_path, "identity.name-differs", zuhause_dot_yaml=config(name=name)) == []


def test_companies_need_not_name_the_owner(tmp_path: Path) -> None:
    yaml = config(form="gbr", name="Bäckerei Korn GbR").replace(
        "  employees: 2\n", "  employees: 2\n  partners:\n    - Anna Korn\n")
    assert found(tmp_path, "identity.name-differs", zuhause_dot_yaml=yaml) == []


# the example site and the faceless fixture

def test_example_site_has_no_identity_findings() -> None:
    assert [f.format() for f in check_site(EXAMPLE_SITE).findings if f.id in IDS] == []


def test_faceless_site_has_one_identity() -> None:
    assert [f.id for f in check_site(FACELESS).findings if f.id in IDS] == []


# phone numbers written in the text of pages and people

PAGE_HEAD = "---\ntitle: Kontakt\nperson: anna\n---\n"  # the body starts on line 5


def test_phone_number_in_page_text_differs_from_the_configured_one(tmp_path: Path) -> None:
    yaml = config(legal_phone="+49 351 1234567")
    page = PAGE_HEAD + "So erreichen Sie mich:\n\nTelefon 0351 7654321, werktags ab acht.\n"
    root = write_site(tmp_path / "site", MINIMAL_SITE, zuhause_dot_yaml=yaml,
                      content__anrufen_dot_md=page)
    findings = [f for f in check_site(root).findings if f.id == "identity.phone-differs"]
    assert [(f.path, f.line, f.level) for f in findings] == [("content/anrufen.md", 7, "warning")]
    assert "0351 7654321 (content/anrufen.md)" in findings[0].message
    assert "+49 351 1234567 (legal: phone)" in findings[0].message


def test_phone_number_in_a_story_or_invitation_text_differs(tmp_path: Path) -> None:
    person = anna(phone="0351 1234567").replace(
        "Kommen Sie vorbei und probieren Sie.", "Rufen Sie mich an, 0351/99 88 77.")
    person += "\nMeine Backstube erreichen Sie unter +49 351 555 4444.\n"
    lines = person.split("\n")
    root = write_site(tmp_path / "site", MINIMAL_SITE, people__anna_dot_md=person)
    assert [(path, line) for path, line in found_in(root)] == [
        ("people/anna.md", next(i for i, t in enumerate(lines, 1) if "0351/99" in t)),
        ("people/anna.md", next(i for i, t in enumerate(lines, 1) if "555 4444" in t))]


def test_the_same_number_written_three_ways_is_one_number(tmp_path: Path) -> None:
    yaml = config(legal_phone="0351 1234567", contact="  phone: +49 351 1234567\n")
    page = PAGE_HEAD + ("Telefon: +49 351 1234567, auch 0351 1234567 oder 0351/123 45 67,\n"
                        "[anrufen](tel:+493511234567), Fax (0351) 123 45 67.\n\n"
                        "Überweisung: DE89 3704 0044 0532 0130 00, Rechnung vom 01.02.2025,\n"
                        "geöffnet 08 - 18 Uhr, Brotgasse 3, 01067 Dresden, Foto IMG_0123456.jpg.\n\n"
                        "```\nTel. 0351 0000000 (nur ein Beispiel im Code)\n```\n")
    root = write_site(tmp_path / "site", MINIMAL_SITE, zuhause_dot_yaml=yaml,
                      content__anrufen_dot_md=page)
    assert found_in(root) == []


def test_numbers_in_text_are_not_compared_when_none_is_configured(tmp_path: Path) -> None:
    page = PAGE_HEAD + "Telefon 0351 7654321.\n"
    root = write_site(tmp_path / "site", MINIMAL_SITE, content__anrufen_dot_md=page)
    assert found_in(root) == []


def found_in(root: Path) -> list[tuple[str, int]]:
    """(path, line) of every phone finding of a site."""
    return [(f.path, f.line) for f in check_site(root).findings if f.id == "identity.phone-differs"]
