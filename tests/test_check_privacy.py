"""`zuhause check`, privacy and law: cookies, storage and trackers in inline scripts of
templates and Markdown, fonts and stylesheets of other hosts in static/css, and the Impressum
and privacy links, each found at the file and line the owner wrote."""

from __future__ import annotations

from pathlib import Path

from support import MINIMAL_SITE, write_site
from zuhause.checking import check_site

PAGE_HEAD = "---\ntitle: Seite\nperson: anna\n---\n"  # the body starts on line 5
FOOTER = ('<footer><a href="{{ site.impressum_url }}">Impressum</a>\n'
          '<a href="{{ site.privacy_url }}">Datenschutz</a></footer>\n')


def base_html(head: str = "", body: str = "", footer: str = FOOTER) -> str:
    """A site's own templates/base.html: line 4 is the first of `head`, then `body` follows
    the main block, then the footer."""
    return ('<!doctype html>\n<html lang="{{ site.language }}">\n<head>\n' + head
            + '<meta charset="utf-8"><title>{{ page.title }}</title>\n</head>\n<body>\n'
            + "<main>{% block main %}{% endblock %}</main>\n" + body + footer
            + "</body>\n</html>\n")


def found(root: Path, rule_id: str) -> list[tuple[str, int]]:
    """(path, line) of every finding of one rule, in order."""
    return sorted((f.path, f.line) for f in check_site(root).findings if f.id == rule_id)


def site(tmp_path: Path, **files: str | None) -> Path:
    """The minimal site with these files added or replaced."""
    return write_site(tmp_path / "site", MINIMAL_SITE, **files)


# privacy.cookies: inline scripts of templates and Markdown

def test_cookie_write_in_a_template_override_is_found_at_its_line(tmp_path: Path) -> None:
    script = ("<script>\n  // Hinweis nur einmal zeigen\n"
              "  document.cookie = 'gesehen=1; max-age=31536000';\n</script>\n")
    root = site(tmp_path, templates__base_dot_html=base_html(body=script))
    assert found(root, "privacy.cookies") == [("templates/base.html", 10)]
    finding = next(f for f in check_site(root).findings if f.id == "privacy.cookies")
    assert finding.level == "error" and "document.cookie" in finding.message


def test_storage_call_and_analytics_snippet_in_a_template_are_each_found(tmp_path: Path) -> None:
    snippet = ("<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-1\"></script>\n"
               "<script>\n  window.dataLayer = window.dataLayer || [];\n"
               "  function gtag(){dataLayer.push(arguments);}\n  gtag('js', new Date());\n"
               "</script>\n<script>if (localStorage.getItem('ok')) {}</script>\n")
    root = site(tmp_path, templates__base_dot_html=base_html(head=snippet))
    findings = [(f.path, f.line, f.message) for f in check_site(root).findings
                if f.id == "privacy.cookies"]
    assert [(path, line) for path, line, _ in sorted(findings)] == [
        ("templates/base.html", 6), ("templates/base.html", 7), ("templates/base.html", 10)]
    assert any("Google Analytics (gtag)" in message for _, _, message in findings)
    assert any("Google Tag Manager (dataLayer)" in message for _, _, message in findings)


def test_matomo_and_storage_in_a_markdown_page_are_found_at_their_lines(tmp_path: Path) -> None:
    body = ("Text\n\n<script>\nvar _paq = window._paq = [];\n"
            "sessionStorage.setItem('besuch', '1');\n</script>\n")
    root = site(tmp_path, content__seite_dot_md=PAGE_HEAD + body)
    assert found(root, "privacy.cookies") == [("content/seite.md", 8), ("content/seite.md", 9)]


def test_storage_shown_as_code_or_only_mentioned_is_no_alarm(tmp_path: Path) -> None:
    body = ("Ich setze keine Cookies; `document.cookie` bleibt leer.\n\n"
            "```html\n<script>localStorage.setItem('x', 1)</script>\n```\n\n"
            "Frische Cookies gibt es samstags.\n")
    template = base_html(head='<script type="application/ld+json">{"a": "localStorage"}</script>\n')
    root = site(tmp_path, content__seite_dot_md=PAGE_HEAD + body,
                templates__base_dot_html=template)
    assert found(root, "privacy.cookies") == []


# privacy.third-party-request: what a stylesheet of static/ loads

def test_google_fonts_import_in_static_css_is_found_at_its_line(tmp_path: Path) -> None:
    css = ("/* Schriften */\nbody { margin: 0 }\n"
           "@import url('https://fonts.googleapis.com/css2?family=Roboto');\n"
           "h1 { background: url(/images/anna.png) }\n")
    root = site(tmp_path, static__css__site_dot_css=css)
    assert found(root, "privacy.third-party-request") == [("static/css/site.css", 3)]


def test_own_fonts_in_static_css_are_no_request_to_others(tmp_path: Path) -> None:
    css = ("@font-face { font-family: Vollkorn; src: url(../fonts/vollkorn.woff2) }\n"
           "@import url('theme-extra.css');\n")
    root = site(tmp_path, static__css__site_dot_css=css)
    assert found(root, "privacy.third-party-request") == []


# legal.not-linked: once at the frame the pages share

def test_frame_without_legal_links_is_one_finding_at_its_footer(tmp_path: Path) -> None:
    # One page links the privacy page in its own text: still the frame's finding, not one per page.
    body = "Wie ich mit Ihren Daten umgehe, steht im [Datenschutz](/datenschutz/).\n"
    root = site(tmp_path, templates__base_dot_html=base_html(footer="<footer>© Korn</footer>\n"),
                content__seite_dot_md=PAGE_HEAD + body)
    findings = [f for f in check_site(root).findings if f.id == "legal.not-linked"]
    assert [(f.path, f.line) for f in findings] == [("templates/base.html", 8)]
    assert findings[0].message.startswith("templates/base.html (")
    assert findings[0].message.endswith("Seiten) verlinkt nicht: Impressum, Datenschutz.")


def test_frame_of_a_theme_without_legal_links_is_found_at_the_theme_in_zuhause_yaml(
        tmp_path: Path) -> None:
    yaml = MINIMAL_SITE.split("-- zuhause.yaml --\n")[1].split("-- ")[0] + "theme: schlicht\n"
    root = site(tmp_path, zuhause_dot_yaml=yaml,
                themes__schlicht__theme_dot_yaml="name: schlicht\nextends: default\n",
                themes__schlicht__templates__base_dot_html=base_html(footer=""))
    line = yaml.split("\n").index("theme: schlicht") + 1
    assert found(root, "legal.not-linked") == [("zuhause.yaml", line)]


def test_page_made_with_a_frame_of_its_own_is_found_at_that_template(tmp_path: Path) -> None:
    # the contact page written by hand, without the frame every other page shares
    template = "<!doctype html>\n<title>{{ page.title }}</title>\n<main>Rufen Sie an.</main>\n"
    root = site(tmp_path, templates__contact_dot_html=template)
    assert found(root, "legal.not-linked") == [("templates/contact.html", 1)]


def test_frames_that_link_both_pages_are_silent(tmp_path: Path) -> None:
    assert found(site(tmp_path), "legal.not-linked") == []
    root = site(tmp_path, templates__base_dot_html=base_html())
    assert found(root, "legal.not-linked") == []
