"""`zuhause check`, person family: first person on home and about pages, an invitation in one's
own words, a life outside work, a portrait one can see, no buzzword walls, no stock photos, and
the person before the offers on the home page. Each rule fires on a small site at the right file
and line, and stays silent where all is well."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image

from support import EXAMPLE_SITE, MINIMAL_SITE, REPO, minimal_file, tiny_png, write_site
from zuhause.checking import check_site
from zuhause.checking.rules_person import RULES, is_own_sentence, is_stock_photo_name

FACELESS = REPO / "tests" / "sites" / "faceless"
IDS = {rule.id for rule in RULES}

OFFER = """---
title: Sauerteigbrot
person: anna
price: 5 € das Kilo
---
Ein Brot aus Roggen, Wasser und Salz, drei Tage geführt.
"""


def anna(invitation: str = "Kommen Sie vorbei und probieren Sie.",
         portrait: str = "images/anna.png", story: str = "Ich backe seit zwanzig Jahren Brot.",
         extra: str = "") -> str:
    """Anna's person file: name on line 2, portrait on line 4, invitation text on line 9, the
    story on line 12 (later by the lines of `extra`, which go at the end of the front matter)."""
    return (f"---\nname: Anna Korn\nrole: Bäckermeisterin\nportrait: {portrait}\n"
            f"portrait_alt: Anna lacht, Mehl auf der Schürze\nvalues:\n  - Brot braucht Zeit\n"
            f"invitation:\n  text: {invitation}\n  email: anna@baeckerei-korn.example\n"
            f"{extra}---\n{story}\n")


def page(title: str, body: str, extra: str = "") -> str:
    """A content page for Anna; its body starts on line 5 (later by the lines of `extra`)."""
    return f"---\ntitle: {title}\nperson: anna\n{extra}---\n{body}"


def site_with(tmp_path: Path, **overrides: str | None) -> Path:
    return write_site(tmp_path / "site", MINIMAL_SITE, **overrides)


def found(root: Path, rule_id: str) -> list[tuple[str, int]]:
    """(path, line) of every finding of one rule."""
    return [(f.path, f.line) for f in check_site(root).findings if f.id == rule_id]


def messages(root: Path, rule_id: str) -> list[str]:
    return [f.message for f in check_site(root).findings if f.id == rule_id]


def save_image(path: Path, width: int, height: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (width, height), "white").save(path)


# --- person.no-first-person ---------------------------------------------------------------------

def test_third_person_home_fires_although_we_appears_in_quotes(tmp_path: Path) -> None:
    body = ("Die Bäckerei Korn backt seit 1950 Brot in der Dresdner Neustadt.\n"
            'Kunden sagen: "Wir kommen jeden Samstag wieder."\n\n'
            "> Unser Brot ist das beste der Stadt.\n\n"
            "Der Laden öffnet um sechs Uhr, <q>mein Lieblingsbrot</q> gibt es bis mittags.\n")
    root = site_with(tmp_path, content__index_dot_md=page("Willkommen", body))
    assert found(root, "person.no-first-person") == [("content/index.md", 5)]
    assert "„Willkommen“" in messages(root, "person.no-first-person")[0]


def test_first_person_next_to_a_quote_is_fine(tmp_path: Path) -> None:
    body = ("Ich backe seit 1990 Brot in der Dresdner Neustadt, jeden Morgen ab drei Uhr.\n"
            "Kunden sagen: „Wir kommen jeden Samstag wieder.“\n")
    root = site_with(tmp_path, content__index_dot_md=page("Willkommen", body))
    assert found(root, "person.no-first-person") == []


def test_parts_of_words_are_not_first_person_on_an_about_page(tmp_path: Path) -> None:
    body = ("\nMichael und Uschi führen die Bäckerei wirklich mit Liebe. Im Winter gibt es "
            "Stollen, und die Meinung der Kundschaft zählt.\n")
    root = site_with(tmp_path, content__baeckerei_dot_md=page("Über die Bäckerei", body))
    assert found(root, "person.no-first-person") == [("content/baeckerei.md", 6)]


def test_people_template_page_is_judged(tmp_path: Path) -> None:
    body = "Anna Korn backt seit zwanzig Jahren Brot, erst in Leipzig, heute in Dresden.\n"
    root = site_with(tmp_path, content__team_dot_md=page("Team", body, "template: people\n"))
    assert found(root, "person.no-first-person") == [("content/team.md", 6)]


def test_other_pages_and_a_short_greeting_are_not_judged(tmp_path: Path) -> None:
    body = "Das Roggenbrot kostet fünf Euro das Kilo und hält sich eine ganze Woche frisch.\n"
    root = site_with(tmp_path, content__preise_dot_md=page("Preise", body))
    # the home page of MINIMAL_SITE says only "Schön, dass Sie da sind."
    assert found(root, "person.no-first-person") == []


ENGLISH_YAML = minimal_file("zuhause.yaml").replace("title: Bäckerei Korn", "title: Korn Bakery") \
    .replace("language: de", "language: en")


@pytest.mark.parametrize(("body", "fires"), [
    ("The Korn bakery has baked bread in Dresden since 1950, i.e. for three generations, with "
     "flour from the US and Saxony.\n", True),
    ('The Korn bakery has baked bread in Dresden since 1950. Customers say: "We love it, '
     'our kids too."\n', True),
    ("I have baked bread in Dresden since 1990, every single morning from three o'clock.\n",
     False),
    ("The bakery is small, and we bake everything by hand, every morning from three.\n", False),
])
def test_english_first_person(tmp_path: Path, body: str, fires: bool) -> None:
    root = site_with(tmp_path, zuhause_dot_yaml=ENGLISH_YAML,
                     content__about_dot_md=page("About the bakery", body))
    assert found(root, "person.no-first-person") == ([("content/about.md", 5)] if fires else [])


# --- person.invitation-without-sentence ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Kontaktformular", "Kontakt", "Schreiben Sie uns", "anna@baeckerei-korn.example",
    '"+49 351 123 45 67"', "Musterstraße 1, 01067 Dresden", '"Telefon: 0351 8471 230"',
    "Am Spänehof 7, 01139 Dresden",
])
def test_invitation_without_a_sentence_fires(tmp_path: Path, text: str) -> None:
    root = site_with(tmp_path, people__anna_dot_md=anna(invitation=text))
    assert found(root, "person.invitation-without-sentence") == [("people/anna.md", 9)]


@pytest.mark.parametrize("text", [
    "Kommen Sie vorbei und probieren Sie.",
    "Schreiben Sie mir an anna@baeckerei-korn.example, ich antworte am selben Tag.",
    "Tell me what you have in mind.",
])
def test_invitation_in_own_words_is_fine(tmp_path: Path, text: str) -> None:
    assert is_own_sentence(text)
    root = site_with(tmp_path, people__anna_dot_md=anna(invitation=text))
    assert found(root, "person.invitation-without-sentence") == []


# --- person.no-life-outside-work ----------------------------------------------------------------

def test_person_without_life_outside_work_gets_a_hint(tmp_path: Path) -> None:
    root = site_with(tmp_path)
    report = check_site(root)
    hits = [(f.path, f.line, f.level) for f in report.findings
            if f.id == "person.no-life-outside-work"]
    assert hits == [("people/anna.md", 2, "hint")]


def test_person_with_life_outside_work_is_fine(tmp_path: Path) -> None:
    extra = "outside_work:\n  interests:\n    - Paddeln auf der Elbe\n"
    root = site_with(tmp_path, people__anna_dot_md=anna(extra=extra))
    assert found(root, "person.no-life-outside-work") == []


# --- person.portrait-missing-or-tiny ------------------------------------------------------------

def test_tiny_portrait_fires(tmp_path: Path) -> None:
    root = site_with(tmp_path)  # a 1 x 1 pixel portrait
    assert found(root, "person.portrait-missing-or-tiny") == [("people/anna.md", 4)]
    assert "1 × 1" in messages(root, "person.portrait-missing-or-tiny")[0]


@pytest.mark.parametrize(("width", "height", "fires"), [
    (300, 239, True), (239, 800, True), (240, 240, False), (480, 640, False)])
def test_portrait_shorter_side(tmp_path: Path, width: int, height: int, fires: bool) -> None:
    root = site_with(tmp_path)
    save_image(root / "static" / "images" / "anna.png", width, height)
    assert found(root, "person.portrait-missing-or-tiny") == (
        [("people/anna.md", 4)] if fires else [])


def test_svg_portrait_is_fine(tmp_path: Path) -> None:
    root = site_with(tmp_path, people__anna_dot_md=anna(portrait="images/anna.svg"))
    (root / "static" / "images" / "anna.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" '
        'r="4"/></svg>', "utf-8")
    assert found(root, "person.portrait-missing-or-tiny") == []


# --- person.buzzwords ---------------------------------------------------------------------------

def test_buzzword_wall_fires_at_the_first_buzzword(tmp_path: Path) -> None:
    body = ("Willkommen in der Backstube.\n"
            "Die Bäckerei ist marktführend und bietet innovative Lösungen,\n"
            "ganzheitliche Genussmomente und Synergien aus Tradition und Moderne.\n")
    root = site_with(tmp_path, content__index_dot_md=page("Willkommen", body))
    assert found(root, "person.buzzwords") == [("content/index.md", 6)]
    assert "marktführend" in messages(root, "person.buzzwords")[0]


def test_buzzwords_in_a_story_point_to_the_person_file(tmp_path: Path) -> None:
    story = ("Die Bäckerei Korn ist der kundenorientierte Lösungsanbieter für "
             "zukunftsorientierte Backwaren in Dresden.")
    root = site_with(tmp_path, people__anna_dot_md=anna(story=story))
    assert found(root, "person.buzzwords") == [("people/anna.md", 12)]


def test_one_buzzword_in_a_normal_page_is_fine(tmp_path: Path) -> None:
    body = ("Ich backe mit Mehl aus der Mühle in Bannewitz, die nachhaltig wirtschaftet. "
            "Unsere Qualität kommt von der Zeit, die der Teig bekommt, nicht von einer "
            "Innovation. Manche nennen das innovative Lösungen, ich nenne es Geduld.\n")
    root = site_with(tmp_path, content__index_dot_md=page("Willkommen", body))
    assert found(root, "person.buzzwords") == []


def test_three_buzzwords_in_a_long_text_are_fine(tmp_path: Path) -> None:
    sentence = "Der Teig ruht über Nacht im Keller, und am Morgen forme ich jedes Brot von Hand. "
    body = (sentence * 8 + "Wir sind kundenorientiert, ganzheitlich und haben Kompetenz.\n")
    root = site_with(tmp_path, content__index_dot_md=page("Willkommen", body))
    assert found(root, "person.buzzwords") == []


# --- person.stock-photo -------------------------------------------------------------------------

@pytest.mark.parametrize("name", [
    "shutterstock_1234567890.jpg", "iStock-123456789.jpg", "istockphoto-12345-612x612.jpg",
    "gettyimages-1234567.jpg", "pexels-photo-1234567.jpeg", "AdobeStock_55512345.jpeg",
    "adobestock_55512345.jpg", "jane-doe-AbC12-unsplash.jpg", "depositphotos_1234567-stock.jpg",
    "fotolia_1234567.jpg", "123rf_1234567.jpg", "pixabay-bread.jpg", "bread-736885_1280.jpg",
    "tree-736885_640.png",
])
def test_stock_photo_names(name: str) -> None:
    assert is_stock_photo_name(name)


@pytest.mark.parametrize("name", [
    "team-2024.jpg", "werkstatt_2023_1280.jpg", "IMG_1234.jpg", "brot-1234_1280.jpg",
    "anna-portrait.jpg", "mistock.jpg",
])
def test_own_photo_names(name: str) -> None:
    assert not is_stock_photo_name(name)


def test_stock_portrait_fires_at_the_portrait_line(tmp_path: Path) -> None:
    root = site_with(tmp_path, people__anna_dot_md=anna(portrait="images/shutterstock_9876543.png"))
    (root / "static" / "images" / "shutterstock_9876543.png").write_bytes(tiny_png())
    # the home page shows the portrait too: still one finding, at the person file
    assert found(root, "person.stock-photo") == [("people/anna.md", 4)]


def test_stock_image_on_a_page_and_in_static(tmp_path: Path) -> None:
    body = "Ich backe jeden Tag.\n\n![Brote im Regal](/images/bread-736885_1280.jpg)\n"
    root = site_with(tmp_path, content__brot_dot_md=page("Brot", body))
    (root / "static" / "images" / "bread-736885_1280.jpg").write_bytes(tiny_png())
    (root / "static" / "downloads").mkdir()
    (root / "static" / "downloads" / "iStock-123456789.jpg").write_bytes(tiny_png())
    assert sorted(found(root, "person.stock-photo")) == [
        ("content/brot.md", 7), ("static/downloads/iStock-123456789.jpg", 1)]


def test_own_photos_are_fine(tmp_path: Path) -> None:
    body = ("Ich backe jeden Tag.\n\n![Das Team](/images/team-2024.jpg)\n\n"
            "![Die Werkstatt](/images/werkstatt_2023_1280.jpg)\n")
    root = site_with(tmp_path, content__brot_dot_md=page("Brot", body),
                     people__anna_dot_md=anna(portrait="images/IMG_1234.png"))
    for name in ("team-2024.jpg", "werkstatt_2023_1280.jpg", "IMG_1234.png"):
        (root / "static" / "images" / name).write_bytes(tiny_png())
    assert found(root, "person.stock-photo") == []


# --- person.offer-before-person -----------------------------------------------------------------

OFFERS_FIRST = """{% extends "base.html" %}
{% block main %}
<ul>{% for offer in offers %}<li><a href="{{ offer.url }}">{{ offer.title }}</a></li>{% endfor %}</ul>
<img src="{{ page.person.portrait_url }}" alt="{{ page.person.portrait_alt }}">
<h1>{{ page.person.name }}</h1>
{{ page.content }}
{% endblock %}
"""

OFFER_TITLE_FIRST = """{% extends "base.html" %}
{% block main %}
<p>Heute frisch: {% for offer in offers %}<strong>{{ offer.title }}</strong>{% endfor %}</p>
<h1>{{ page.person.name }}</h1>
{{ page.content }}
{% endblock %}
"""

PERSON_FIRST_WITH_MENU = """{% extends "base.html" %}
{% block main %}
<nav><a href="{{ offers[0].url }}">{{ offers[0].title }}</a></nav>
<img src="{{ page.person.portrait_url }}" alt="{{ page.person.portrait_alt }}">
<h1>{{ page.person.name }}</h1>
{{ page.content }}
<ul>{% for offer in offers %}<li><a href="{{ offer.url }}">{{ offer.title }}</a></li>{% endfor %}</ul>
{% endblock %}
"""


@pytest.mark.parametrize("template", [OFFERS_FIRST, OFFER_TITLE_FIRST])
def test_offer_before_person_fires_at_the_home_template(tmp_path: Path, template: str) -> None:
    root = site_with(tmp_path, content__angebote__brot_dot_md=OFFER,
                     templates__home_dot_html=template)
    report = check_site(root)
    hits = [(f.path, f.line, f.level) for f in report.findings
            if f.id == "person.offer-before-person"]
    assert hits == [("templates/home.html", 3, "error")]  # the line that shows the offers
    assert "„Sauerteigbrot“" in messages(root, "person.offer-before-person")[0]


def test_default_theme_shows_the_person_first(tmp_path: Path) -> None:
    root = site_with(tmp_path, content__angebote__brot_dot_md=OFFER)
    assert found(root, "person.offer-before-person") == []


def test_menus_before_the_person_do_not_count(tmp_path: Path) -> None:
    root = site_with(tmp_path, content__angebote__brot_dot_md=OFFER,
                     templates__home_dot_html=PERSON_FIRST_WITH_MENU)
    assert found(root, "person.offer-before-person") == []


# --- the whole family ---------------------------------------------------------------------------

def test_example_site_has_no_person_finding(tmp_path: Path) -> None:
    site = tmp_path / "example-site"
    shutil.copytree(EXAMPLE_SITE, site, ignore=shutil.ignore_patterns("public"))
    report = check_site(site)
    assert [f.format() for f in report.findings if f.id in IDS] == []


def test_faceless_site_is_faceless() -> None:
    report = check_site(FACELESS)
    assert sorted((f.id, f.path, f.line) for f in report.findings if f.id in IDS) == [
        ("person.buzzwords", "content/angebote/komplettloesung.md", 6),
        ("person.buzzwords", "content/index.md", 5),
        ("person.buzzwords", "people/team.md", 12),
        ("person.invitation-without-sentence", "people/team.md", 9),
        ("person.no-first-person", "content/index.md", 5),
        ("person.no-life-outside-work", "people/team.md", 2),
        ("person.portrait-missing-or-tiny", "people/team.md", 4),
        ("person.stock-photo", "content/index.md", 14),
        ("person.stock-photo", "people/team.md", 4),
        ("person.third-person-story", "people/team.md", 12),
    ]
