"""The conversation rules of `zuhause check`: every page reaches a person, posts can be answered,
no like buttons or follower counts, no e-mail addresses published without need."""

from __future__ import annotations

from pathlib import Path

from support import EXAMPLE_SITE, MINIMAL_SITE, REPO, minimal_file, write_site
from zuhause.checking import check_site

FACELESS = REPO / "tests" / "sites" / "faceless"
IDS = ("conversation.no-way-to-reach", "conversation.post-without-reply",
       "conversation.like-buttons", "privacy.needless-email")

# A site frame without footer: no contact link, no legal links.
BARE_BASE = """\
<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>{{ page.title }}</title></head>
<body><main>{% block main %}{% endblock %}</main></body></html>
"""

# Anna, reachable only by visiting her.
ANNA_VISIT_ONLY = minimal_file("people/anna.md").replace(
    "  email: anna@baeckerei-korn.example", "  address: Brotgasse 3, 01067 Dresden")

ANNA_PHONE_ONLY = ANNA_VISIT_ONLY.replace("address: Brotgasse 3, 01067 Dresden",
                                          "phone: 0351 1234567")

POST = """\
---
title: Warum Brot Zeit braucht
person: anna
date: 2025-05-05
---
Teig, der über Nacht reift, schmeckt besser.
"""


def found(root: Path, rule_id: str) -> list[tuple[str, int]]:
    """(path, line) of every finding of one rule."""
    return [(f.path, f.line) for f in check_site(root).findings if f.id == rule_id]


def site(tmp_path: Path, **overrides: str | None) -> Path:
    return write_site(tmp_path / "site", MINIMAL_SITE, **overrides)


# conversation.no-way-to-reach

def test_page_without_a_way_to_reach_anyone_is_an_error(tmp_path: Path) -> None:
    root = site(tmp_path, templates__base_dot_html=BARE_BASE, people__anna_dot_md=ANNA_VISIT_ONLY,
                content__ueber_dot_md="---\ntitle: Über mich\nperson: anna\n---\nText.\n")
    findings = [f for f in check_site(root).findings if f.id == "conversation.no-way-to-reach"]
    # the Impressum shows the legal e-mail address, so the frame is not the cause for every page
    assert [(f.path, f.line) for f in findings] == [
        ("content/index.md", 1), ("content/ueber.md", 1), ("zuhause.yaml", 1), ("zuhause.yaml", 1)]
    assert findings[0].level == "error"
    assert findings[0].message.startswith("„Willkommen“ (/): Von hier aus erreicht man niemanden")
    assert {f.message.split(":")[0] for f in findings[2:]} == {"„Kontakt“ (/kontakt/)",
                                                             "„Datenschutz“ (/datenschutz/)"}


def test_no_way_to_reach_on_every_page_points_to_the_site_template(tmp_path: Path) -> None:
    config = minimal_file("zuhause.yaml")
    config = config.replace("  email: anna@baeckerei-korn.example\n", "  country: AT\n")
    root = site(tmp_path, zuhause_dot_yaml=config, templates__base_dot_html=BARE_BASE,
                people__anna_dot_md=ANNA_VISIT_ONLY)
    assert found(root, "conversation.no-way-to-reach") == [("templates/base.html", 1)]


def test_contact_link_with_a_fragment_or_a_phone_link_is_a_way_to_reach(tmp_path: Path) -> None:
    with_contact = BARE_BASE.replace("</main>", "</main><a href=\"/kontakt#wege\">Kontakt</a>")
    root = site(tmp_path, templates__base_dot_html=with_contact,
                people__anna_dot_md=ANNA_VISIT_ONLY)
    assert found(root, "conversation.no-way-to-reach") == []
    root = site(tmp_path, templates__base_dot_html=BARE_BASE, people__anna_dot_md=ANNA_PHONE_ONLY)
    assert found(root, "conversation.no-way-to-reach") == []


def test_the_default_theme_always_reaches_someone_and_404_is_left_out(tmp_path: Path) -> None:
    assert found(site(tmp_path, people__anna_dot_md=ANNA_VISIT_ONLY),
                 "conversation.no-way-to-reach") == []


# conversation.post-without-reply

def test_post_that_cannot_be_answered_by_email_is_a_warning(tmp_path: Path) -> None:
    root = site(tmp_path, people__anna_dot_md=ANNA_PHONE_ONLY, content__journal__brot_dot_md=POST)
    findings = [f for f in check_site(root).findings if f.id == "conversation.post-without-reply"]
    assert [(f.path, f.line, f.level) for f in findings] == \
        [("content/journal/brot.md", 1, "warning")]
    assert "„Warum Brot Zeit braucht“" in findings[0].message


def test_mailto_outside_main_does_not_answer_a_post(tmp_path: Path) -> None:
    footer = BARE_BASE.replace("</main>", "</main><footer><a href=\"mailto:a@b.example\">"
                               "Mail</a></footer>")
    root = site(tmp_path, templates__base_dot_html=footer, people__anna_dot_md=ANNA_PHONE_ONLY,
                content__journal__brot_dot_md=POST)
    assert found(root, "conversation.post-without-reply") == [("content/journal/brot.md", 1)]


def test_post_with_reply_link_is_fine(tmp_path: Path) -> None:
    assert found(site(tmp_path, content__journal__brot_dot_md=POST),
                 "conversation.post-without-reply") == []


# conversation.like-buttons

HOME_WITH_BUTTONS = """\
---
title: Willkommen
person: anna
---
Schön, dass Sie da sind.

<div class="fb-like" data-href="https://baeckerei-korn.example/"></div>

<a href="https://twitter.com/intent/tweet?text=Brot">Teilen</a>

Folgen Sie uns, schon 1.234 Follower!

<p>Gefällt 340 Mal</p>
"""


def test_like_buttons_share_links_and_counters_are_errors(tmp_path: Path) -> None:
    root = site(tmp_path, content__index_dot_md=HOME_WITH_BUTTONS)
    findings = [f for f in check_site(root).findings if f.id == "conversation.like-buttons"]
    assert [(f.path, f.line) for f in findings] == [
        ("content/index.md", 7), ("content/index.md", 9), ("content/index.md", 11),
        ("content/index.md", 13)]
    assert findings[0].level == "error"
    assert [f.message.rsplit(": ", 1)[1] for f in findings] == [
        "fb-like.", "twitter.com/intent/.", "1.234 Follower.", "Gefällt 340 Mal."]


def test_share_button_in_the_site_template_is_one_finding(tmp_path: Path) -> None:
    share = BARE_BASE.replace(
        "</main>", "</main>\n<footer><a class=\"shariff\" href=\"/\">Teilen</a></footer>")
    root = site(tmp_path, templates__base_dot_html=share)
    assert found(root, "conversation.like-buttons") == [("templates/base.html", 4)]


def test_own_profile_links_are_no_like_buttons(tmp_path: Path) -> None:
    config = minimal_file("zuhause.yaml")
    config += "social:\n  - name: X\n    url: https://x.com/baeckereikorn\n"
    home = ("---\ntitle: Willkommen\nperson: anna\n---\nSeit 12 Jahren backe ich. "
            '<a rel="me" href="https://www.facebook.com/baeckereikorn">Facebook</a>\n')
    root = site(tmp_path, zuhause_dot_yaml=config, content__index_dot_md=home)
    assert found(root, "conversation.like-buttons") == []


# privacy.needless-email

HOME_WITH_ADDRESSES = """\
---
title: Willkommen
person: anna
---
Schreiben Sie mir: [anna@baeckerei-korn.example](mailto:anna@baeckerei-korn.example).
Auf Mastodon bin ich @anna@mastodon.example, das Logo heißt logo@2x.png.

Fragen zur Torte beantwortet meine Schwester: erika.korn@gmx.example
"""


def test_foreign_email_address_in_markdown_is_a_warning(tmp_path: Path) -> None:
    root = site(tmp_path, content__index_dot_md=HOME_WITH_ADDRESSES)
    findings = [f for f in check_site(root).findings if f.id == "privacy.needless-email"]
    assert [(f.path, f.line, f.level) for f in findings] == [("content/index.md", 8, "warning")]
    assert "erika.korn@gmx.example" in findings[0].message


def test_foreign_email_address_in_a_person_story_is_found(tmp_path: Path) -> None:
    anna = minimal_file("people/anna.md")
    root = site(tmp_path, people__anna_dot_md=anna + "Privat: anna.korn@web.example\n")
    assert found(root, "privacy.needless-email") == [("people/anna.md", 13)]


def test_configured_addresses_are_no_needless_email(tmp_path: Path) -> None:
    home = ("---\ntitle: Willkommen\nperson: anna\n---\n"
            "Mail an <a href=\"mailto:Anna@Baeckerei-Korn.example\">Anna@Baeckerei-Korn.example</a>\n")
    assert found(site(tmp_path, content__index_dot_md=home), "privacy.needless-email") == []


# the example site and the faceless fixture

def test_example_site_has_no_conversation_findings() -> None:
    assert [f.format() for f in check_site(EXAMPLE_SITE).findings if f.id in IDS] == []


def test_faceless_site_shows_its_like_buttons() -> None:
    findings = [(f.id, f.path, f.line) for f in check_site(FACELESS).findings if f.id in IDS]
    assert findings == [("conversation.like-buttons", "content/index.md", 11),
                        ("conversation.like-buttons", "content/index.md", 12)]
