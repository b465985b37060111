"""`zuhause check`, safety family: scripts, event handlers and javascript: links in the owner's
raw HTML, found at their exact line in the Markdown, and never in code the owner only shows."""

from __future__ import annotations

from pathlib import Path

from support import EXAMPLE_BASE_URL, EXAMPLE_SITE, MINIMAL_SITE, REPO, parse_site_text, write_site
from zuhause.checking import check_site

FACELESS = REPO / "tests" / "sites" / "faceless"
PAGE_HEAD = "---\ntitle: Seite\nperson: anna\n---\n"  # the body starts on line 5


def found(root: Path, rule_id: str) -> list[tuple[str, int]]:
    """(path, line) of every finding of one rule."""
    return [(f.path, f.line) for f in check_site(root).findings if f.id == rule_id]


def page_site(tmp_path: Path, body: str) -> Path:
    """The minimal site with content/seite.md, whose body starts on line 5."""
    return write_site(tmp_path / "site", MINIMAL_SITE, content__seite_dot_md=PAGE_HEAD + body)


def test_script_in_raw_html_is_found_at_its_line(tmp_path: Path) -> None:
    root = page_site(tmp_path, "Text\n\n<script src=\"https://widget.example/w.js\"></script>\n")
    assert found(root, "safety.script") == [("content/seite.md", 7)]
    finding = next(f for f in check_site(root).findings if f.id == "safety.script")
    assert finding.level == "error" and "<script>" in finding.message


def test_script_in_a_persons_story_is_found(tmp_path: Path) -> None:
    person = parse_site_text(MINIMAL_SITE)["people/anna.md"]
    story_start = person.split("\n").index("Ich backe seit zwanzig Jahren Brot.") + 1
    root = write_site(tmp_path / "site", MINIMAL_SITE,
                      people__anna_dot_md=person + "\n<SCRIPT>alert('Hallo')</SCRIPT>\n")
    assert found(root, "safety.script") == [("people/anna.md", story_start + 2)]


def test_script_shown_as_code_is_no_alarm(tmp_path: Path) -> None:
    body = ("So binden Sie es nicht ein:\n\n```html\n<script src=\"w.js\"></script>\n```\n\n"
            "~~~~\n<img src=x onerror=\"alert(1)\">\n~~~~\n\n"
            "Schreiben Sie nie `<script>` oder ``<a onclick=\"x\">`` in den Text.\n\n"
            "Als Block eingerückt:\n\n    <script>alert(1)</script>\n\n"
            "<!-- <script>alert(1)</script> -->\n")
    root = page_site(tmp_path, body)
    report = check_site(root)
    assert [f for f in report.findings if f.id.startswith("safety.")] == []


def test_unclosed_fence_is_no_code_block(tmp_path: Path) -> None:
    # Markdown only treats a fence as code when it is closed; the script stays live.
    root = page_site(tmp_path, "```\n<script>alert(1)</script>\n")
    assert found(root, "safety.script") == [("content/seite.md", 6)]


def test_event_handler_is_found_at_the_attributes_line(tmp_path: Path) -> None:
    body = ("Text\n\n<a href=\"/kontakt/\"\n   class=\"knopf\"\n   OnClick=\"track()\">Schreiben</a>\n"
            "\n<img src=\"/images/anna.png\" alt=\"\" onerror=\"alert(1)\">\n")
    root = page_site(tmp_path, body)
    assert found(root, "safety.event-handler") == [("content/seite.md", 9), ("content/seite.md", 11)]
    messages = [f.message for f in check_site(root).findings if f.id == "safety.event-handler"]
    assert messages == ["Das HTML-Element <a> hat ein Skript im Attribut onclick=.",
                        "Das HTML-Element <img> hat ein Skript im Attribut onerror=."]


def test_event_handler_in_a_markdown_attribute_list_is_found(tmp_path: Path) -> None:
    root = page_site(tmp_path, "Ein Absatz\n{: onmouseover=\"alert(1)\" }\n")
    assert found(root, "safety.event-handler") == [("content/seite.md", 6)]


def test_words_starting_with_on_are_no_alarm(tmp_path: Path) -> None:
    body = ("Unser onboarding=schnell und persönlich. Online=gut, oder?\n\n"
            "<span data-onclick=\"x\" title=\"onload=nie\">Text</span>\n\n"
            "Im Code: `<b onclick=\"x\">`\n")
    root = page_site(tmp_path, body)
    assert found(root, "safety.event-handler") == []


def test_javascript_links_in_markdown_and_html_are_found(tmp_path: Path) -> None:
    body = ("[Klick](javascript:alert(1))\n\n"
            "<a href=\" JaVa&#115;cript:void(0)\">HTML</a>\n\n"
            "[Verweis][r]\n\n[r]: javascript:alert(2)\n")
    root = page_site(tmp_path, body)
    assert found(root, "safety.javascript-link") == [
        ("content/seite.md", 5), ("content/seite.md", 7), ("content/seite.md", 11)]


def test_javascript_as_a_word_or_in_code_is_no_alarm(tmp_path: Path) -> None:
    body = ("Wir nutzen kein javascript: die Seite geht ohne.\n\n"
            "[Artikel](https://example.org/javascript:-warum-nicht/)\n\n"
            "Beispiel: `[x](javascript:alert(1))`\n\n"
            "```\n<a href=\"javascript:alert(1)\">x</a>\n```\n")
    root = page_site(tmp_path, body)
    assert found(root, "safety.javascript-link") == []


def test_script_in_the_privacy_text_of_zuhause_yaml_is_found(tmp_path: Path) -> None:
    config = parse_site_text(MINIMAL_SITE)["zuhause.yaml"] + (
        "privacy:\n  text: |\n    Wir speichern nichts.\n\n"
        "    <script>zaehle()</script>\n")
    root = write_site(tmp_path / "site", MINIMAL_SITE, zuhause_dot_yaml=config)
    line = config.split("\n").index("    <script>zaehle()</script>") + 1
    assert found(root, "safety.script") == [("zuhause.yaml", line)]


def test_english_site_gets_english_texts(tmp_path: Path) -> None:
    config = parse_site_text(MINIMAL_SITE)["zuhause.yaml"].replace("language: de", "language: en")
    root = write_site(tmp_path / "site", MINIMAL_SITE, zuhause_dot_yaml=config,
                      content__seite_dot_md=PAGE_HEAD + "<button onclick=\"go()\">Go</button>\n")
    finding = next(f for f in check_site(root).findings if f.id == "safety.event-handler")
    assert finding.message == "The HTML element <button> has a script in its onclick= attribute."


def test_example_site_has_no_safety_finding() -> None:
    for base_url in (None, EXAMPLE_BASE_URL):
        report = check_site(EXAMPLE_SITE, base_url=base_url)
        assert [f.format() for f in report.findings if f.id.startswith("safety.")] == []


def test_faceless_site_has_no_safety_finding() -> None:
    # Its iframes are third-party requests (privacy), not scripts of its own.
    assert [f.id for f in check_site(FACELESS).findings if f.id.startswith("safety.")] == []
