"""`zuhause check`, the voice of the person: a human rather than a team or a company, a story
told in the first person, an invitation that invites somebody, the fuller buzzword list (values
and invitations read too), more stock agencies and their image servers, the line where an offer
comes before the person, and Markdown images with an empty alt text. Each is found on a
faceless site at its file and line, and stays silent on an authentic one."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_check_person import ENGLISH_YAML, OFFER, anna, found, page, site_with

from support import tiny_png
from zuhause.build import build_site
from zuhause.checking import check_site
from zuhause.checking.rules_craft import empty_alt_images
from zuhause.checking.rules_person import (
    company_word,
    invites_nobody,
    is_own_sentence,
    is_stock_photo_name,
    stock_host,
)


def named(name: str, **changes: str) -> str:
    """Anna's person file with another name (still on line 2)."""
    return anna(**changes).replace("name: Anna Korn\n", f"name: {name}\n", 1)


def level(root: Path, rule_id: str) -> list[str]:
    return [f.level for f in check_site(root).findings if f.id == rule_id]


# --- person.not-a-person ------------------------------------------------------------------------

@pytest.mark.parametrize("name", [
    "Team Müller", "Das Team", "Müller GmbH", "Praxis Dr. Weber", "Unser Team",
    "Ihr Service-Team", "The Korn team", "Korn & Co. KG", "Bäckerei Korn", "Kanzlei Weber",
])
def test_team_or_company_as_the_person_is_an_error(tmp_path: Path, name: str) -> None:
    assert company_word(name)
    root = site_with(tmp_path, people__anna_dot_md=named(name))
    assert found(root, "person.not-a-person") == [("people/anna.md", 2)]
    assert level(root, "person.not-a-person") == ["error"]


@pytest.mark.parametrize("name", [
    "Anna Korn", "Jonas und Marie Lindner", "Dr. Anna Korn", "Anna & Ben Korn",
    "Agnes Kagel-Teamann", "Jana Ag", "Marie-Luise Büroklammer",
])
def test_one_or_two_humans_are_people(tmp_path: Path, name: str) -> None:
    assert company_word(name) == ""
    root = site_with(tmp_path, people__anna_dot_md=named(name))
    assert found(root, "person.not-a-person") == []


# --- person.third-person-story ------------------------------------------------------------------

@pytest.mark.parametrize("story", [
    "Anna Korn ist seit 2008 Bäckermeisterin in Dresden. Sie gründete die Backstube im "
    "Hechtviertel und backt jeden Morgen ab drei Uhr.",
    "Er ist gelernter Bäcker und hat nach der Meisterschule drei Jahre in Wien gearbeitet.",
    "Die Bäckerei Korn steht für Brot, das Zeit bekommt. „Wir backen wie früher“, sagt die "
    "Chefin, und die Kundschaft gibt ihr recht.",
])
def test_story_about_the_person_is_found(tmp_path: Path, story: str) -> None:
    root = site_with(tmp_path, people__anna_dot_md=anna(story=story))
    assert found(root, "person.third-person-story") == [("people/anna.md", 12)]


def test_english_story_about_the_person_is_found(tmp_path: Path) -> None:
    story = "Anna has baked bread in Dresden since 2008. She founded the bakery with her brother."
    root = site_with(tmp_path, zuhause_dot_yaml=ENGLISH_YAML, people__anna_dot_md=anna(story=story))
    assert found(root, "person.third-person-story") == [("people/anna.md", 12)]


@pytest.mark.parametrize("story", [
    "Meine Großmutter sagte immer: „Brot braucht Zeit.“ Sie hatte recht, und deshalb lässt "
    "der Teig sich bei mir zwei Tage Zeit, bevor er in den Ofen kommt.",
    "Jonas und ich haben die Bäckerei 2008 übernommen. Seitdem backen wir zu zweit, jeden "
    "Morgen ab drei Uhr.",
    "Wir haben die Bäckerei von Jonas' Eltern übernommen und backen seitdem zu zweit.",
    "Ich backe seit zwanzig Jahren Brot.",  # and short texts are not judged
])
def test_first_person_story_is_fine(tmp_path: Path, story: str) -> None:
    root = site_with(tmp_path, people__anna_dot_md=anna(story=story))
    assert found(root, "person.third-person-story") == []


# --- person.invitation-invites-nobody -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Nutzen Sie gerne unser Kontaktformular für Ihre Anfrage.",
    "Fordern Sie jetzt Ihr unverbindliches Angebot an!",
    "Kontaktieren Sie uns, wir freuen uns auf Ihre Anfrage.",
    "Request a quote today.",
    "Use our contact form to get your free estimate.",
])
def test_invitation_that_only_points_to_a_form_is_found(tmp_path: Path, text: str) -> None:
    assert is_own_sentence(text) and invites_nobody(text)
    root = site_with(tmp_path, people__anna_dot_md=anna(invitation=f'"{text}"'))
    assert found(root, "person.invitation-invites-nobody") == [("people/anna.md", 9)]
    assert found(root, "person.invitation-without-sentence") == []  # one finding, not two


@pytest.mark.parametrize("text", [
    "Rufen Sie mich an, dann trinken wir einen Kaffee in der Werkstatt und reden über Ihre Küche.",
    "Schreiben Sie mir über das Formular, was Sie vorhaben; ich melde mich am selben Tag.",
    "Ask me for a quote and tell me about your garden.",
    "Kommen Sie vorbei und probieren Sie.",
])
def test_invitation_with_words_of_ones_own_is_fine(tmp_path: Path, text: str) -> None:
    assert not invites_nobody(text)
    root = site_with(tmp_path, people__anna_dot_md=anna(invitation=f'"{text}"'))
    assert found(root, "person.invitation-invites-nobody") == []


# --- person.buzzwords: the fuller list, values and invitations ----------------------------------

@pytest.mark.parametrize("body", [
    "Als kompetenter Partner bieten wir maßgeschneiderte IT-Lösungen und Full-Service aus "
    "einer Hand.\n",
    "Innovative Komplettlösungen in Premium-Qualität: ganzheitlich gedacht, kompetent gemacht.\n",
    "We are your trusted partner for best-in-class, state-of-the-art work: a one-stop shop.\n",
])
def test_brochure_language_is_a_buzzword_wall(tmp_path: Path, body: str) -> None:
    root = site_with(tmp_path, content__index_dot_md=page("Willkommen", body))
    assert found(root, "person.buzzwords") == [("content/index.md", 5)]


def test_buzzword_values_are_found_at_the_first_one(tmp_path: Path) -> None:
    person = anna().replace("  - Brot braucht Zeit\n", "  - Brot braucht Zeit\n  - Kompetenz\n"
                            "  - Maßgeschneiderte Komplettlösungen\n  - Innovative Backkunst\n")
    root = site_with(tmp_path, people__anna_dot_md=person)
    assert found(root, "person.buzzwords") == [("people/anna.md", 8)]


def test_buzzword_invitation_is_found(tmp_path: Path) -> None:
    invitation = "Ihr zuverlässiger Partner für maßgeschneiderte Komplettlösungen in Premium-Qualität."
    root = site_with(tmp_path, people__anna_dot_md=anna(invitation=invitation))
    assert found(root, "person.buzzwords") == [("people/anna.md", 9)]
    assert "Einladung von Anna Korn" in [f.message for f in check_site(root).findings
                                         if f.id == "person.buzzwords"][0]


@pytest.mark.parametrize("body", [
    # a client's praise in a quotation, and in a blockquote
    "Ich backe seit 1990 Brot.\n\n> Kompetent, innovativ und maßgeschneidert: die beste "
    "Hochzeitstorte, die wir je hatten. (Familie Weber)\n",
    "Ich backe seit 1990 Brot. Familie Weber schrieb: „Kompetent, innovativ, maßgeschneidert!“\n",
    # Lösung and Auflösung are words, not buzzwords
    "Für jedes wackelige Regal finde ich eine Lösung, und die Auflösung des Rätsels ist meist "
    "eine lockere Schraube. Erlösung bringt dann ein Schraubenzieher.\n",
])
def test_quoted_praise_and_plain_words_are_fine(tmp_path: Path, body: str) -> None:
    root = site_with(tmp_path, content__index_dot_md=page("Willkommen", body))
    assert found(root, "person.buzzwords") == []


def test_plain_values_are_fine(tmp_path: Path) -> None:
    person = anna().replace("  - Brot braucht Zeit\n", "  - Brot braucht Zeit\n"
                            "  - Ich sage ehrlich, wenn etwas nicht geht\n  - Sauerteig statt Hefe\n")
    root = site_with(tmp_path, people__anna_dot_md=person)
    assert found(root, "person.buzzwords") == []


# --- person.stock-photo: more agencies, agency image servers ------------------------------------

@pytest.mark.parametrize("name", [
    "dreamstime_xxl_12345678.jpg", "dreamstime_m_1234.jpg", "Fotolia_12345_Subscription_XXL.jpg",
    "12345678_l.jpg", "123rf-bread.jpg", "depositphotos_12345-stock-photo.jpg", "iStock-123.jpg",
    "GettyImages-123.jpg", "AdobeStock_123.jpeg", "shutterstock_123.jpg", "pexels-photo-123.jpeg",
    "photo-1517694712202-14dd9538aa97.jpg", "bigstock-Bread-123.jpg",
])
def test_more_stock_agency_names(name: str) -> None:
    assert is_stock_photo_name(name)


@pytest.mark.parametrize("name", [
    "20240512_143210.jpg", "IMG_20240512.jpg", "photo-2024.jpg", "DSC01234.JPG",
    "werkstatt-1280.jpg", "team_l.jpg", "brot_m.jpg",
])
def test_camera_and_own_names_are_not_stock(name: str) -> None:
    assert not is_stock_photo_name(name)


def test_processed_stock_picture_is_found_by_its_source_name(tmp_path: Path) -> None:
    body = "Ich backe jeden Tag.\n\n![Brote im Regal](/images/dreamstime_xxl_12345678.png)\n"
    root = site_with(tmp_path, content__brot_dot_md=page("Brot", body))
    (root / "static" / "images" / "dreamstime_xxl_12345678.png").write_bytes(tiny_png())
    assert found(root, "person.stock-photo") == [("content/brot.md", 7)]


@pytest.mark.parametrize("url", [
    "https://t3.ftcdn.net/jpg/01/23/45/67/360_F_123456789_abc.jpg",
    "https://media.istockphoto.com/id/123456/photo/baker.jpg?s=612x612",
    "https://thumbs.dreamstime.com/b/baker-123456.jpg",
    "https://images.unsplash.com/photo-1509440159596-0249088772ff?w=1200",
    "https://image.shutterstock.com/image-photo/baker-600w-123456.jpg",
])
def test_hotlinked_agency_image_is_a_stock_photo(tmp_path: Path, url: str) -> None:
    assert stock_host(url)
    body = f"Ich backe jeden Tag.\n\n![Brote im Regal]({url})\n"
    root = site_with(tmp_path, content__brot_dot_md=page("Brot", body))
    assert found(root, "person.stock-photo") == [("content/brot.md", 7)]


def test_own_image_on_another_host_is_not_a_stock_photo(tmp_path: Path) -> None:
    assert stock_host("https://notunsplash.com/x.jpg") == ""
    body = "Ich backe jeden Tag.\n\n![Brote im Regal](https://fotos.baeckerei-korn.example/brot.jpg)\n"
    root = site_with(tmp_path, content__brot_dot_md=page("Brot", body))
    assert found(root, "person.stock-photo") == []


# --- person.offer-before-person: the line ------------------------------------------------------

CONTENT_FIRST = """{% extends "base.html" %}
{% block main %}
{{ page.content }}
<img src="{{ page.person.portrait_url }}" alt="{{ page.person.portrait_alt }}">
<h1>{{ page.person.name }}</h1>
{% endblock %}
"""


def test_offer_written_in_the_home_page_is_found_at_its_line(tmp_path: Path) -> None:
    body = "Schön, dass Sie da sind.\n\nHeute frisch: [Sauerteigbrot](angebote/brot.md)\n"
    root = site_with(tmp_path, content__angebote__brot_dot_md=OFFER,
                     templates__home_dot_html=CONTENT_FIRST,
                     content__index_dot_md=page("Willkommen", body))
    assert found(root, "person.offer-before-person") == [("content/index.md", 7)]


def test_offer_after_the_person_in_the_home_page_is_fine(tmp_path: Path) -> None:
    body = "Schön, dass Sie da sind.\n\nHeute frisch: [Sauerteigbrot](angebote/brot.md)\n"
    root = site_with(tmp_path, content__angebote__brot_dot_md=OFFER,
                     content__index_dot_md=page("Willkommen", body))
    assert found(root, "person.offer-before-person") == []


# --- craft.image-empty-alt ----------------------------------------------------------------------

def test_markdown_image_with_empty_alt_is_a_hint_at_its_line(tmp_path: Path) -> None:
    body = "Ich backe jeden Tag.\n\n![](/images/brot.png)\n"
    story = "Ich backe seit zwanzig Jahren Brot.\n\n![ ](images/brot.png)"
    root = site_with(tmp_path, content__brot_dot_md=page("Brot", body),
                     people__anna_dot_md=anna(story=story))
    (root / "static" / "images" / "brot.png").write_bytes(tiny_png())
    assert sorted(found(root, "craft.image-empty-alt")) == [("content/brot.md", 7),
                                                            ("people/anna.md", 14)]
    assert set(level(root, "craft.image-empty-alt")) == {"hint"}


def test_described_and_decorative_images_are_fine(tmp_path: Path) -> None:
    body = ('Ich backe jeden Tag.\n\n![Brote im Regal](/images/brot.png)\n\n'
            '![](/images/brot.png){alt=""}\n\n`![](/images/brot.png)`\n\n'
            '```\n![](/images/brot.png)\n```\n')
    root = site_with(tmp_path, content__brot_dot_md=page("Brot", body))
    (root / "static" / "images" / "brot.png").write_bytes(tiny_png())
    report = check_site(root)
    assert [f for f in report.findings if f.id in {"craft.image-empty-alt",
                                                   "craft.image-without-alt"}] == []
    build_site(root, tmp_path / "out")
    html = (tmp_path / "out" / "brot" / "index.html").read_text("utf-8")
    assert 'alt=""' in html  # the decorative picture is published with an empty alt


def test_empty_alt_reference_images_are_found() -> None:
    assert list(empty_alt_images("a\n![][brot]\n![Brot][brot]\n")) == [(1, "brot")]
