"""Markdown conversion: typography per language, heading ids, ids prefixed for stories."""

from __future__ import annotations

import pytest

from zuhause.markup import MarkdownRenderer, first_paragraph


def html(text: str, language: str = "de", **kwargs: str) -> str:
    return MarkdownRenderer(language, "/", {}).render(text, "content/x.md", 1, **kwargs).html


@pytest.mark.parametrize("language, text, expected", [
    ("de", 'Er sagte "hallo".', "Er sagte „hallo“."),
    ("en", 'He said "hello".', "He said “hello”."),
    ("de", "Geht's? Jonas' Werkstatt", "Geht’s? Jonas’ Werkstatt"),
    ("de", "Das 'kleine' Wort", "Das ‚kleine‘ Wort"),
    ("en", "The 'small' word, don't", "The ‘small’ word, don’t"),
    ("de", 'Sie: "*ja*" sagt sie', "Sie: „<em>ja</em>“ sagt sie"),
    ("de", "von 8--17 Uhr --- oder so...", "von 8–17\u00a0Uhr — oder so…"),
    ("de", "ab 350 € und 12 %", "ab 350\u00a0€ und 12\u00a0%"),
])
def test_typographic_quotes_and_dashes(language: str, text: str, expected: str) -> None:
    assert html(text, language) == f"<p>{expected}</p>"


def test_code_keeps_straight_quotes() -> None:
    result = html('`"a" -- b`\n\n```\n"block" ...\n```')
    assert '<code>"a" -- b</code>' in result
    assert '&quot;block&quot; ...' in result


def test_heading_ids_are_german_and_unique() -> None:
    result = html("## Über Öl\n\n## Über Öl\n\n### Maße {#eigene-id}")
    assert '<h2 id="ueber-oel">' in result
    assert '<h2 id="ueber-oel-2">' in result
    assert '<h3 id="eigene-id">' in result


def test_story_ids_and_fragments_get_the_person_prefix() -> None:
    result = html("## Anfang\n\nText[^1] und [oben](#anfang)\n\n[^1]: Notiz", id_prefix="anna-")
    assert 'id="anna-anfang"' in result and 'href="#anna-anfang"' in result
    assert 'id="anna-fn:1"' in result and 'href="#anna-fn:1"' in result


def test_first_paragraph_skips_headings_and_strips_markup() -> None:
    assert first_paragraph("## Titel\n\nDas ist *ein* [Link](x.md)\nweiter.\n\nZwei") == \
        "Das ist ein Link weiter."


def test_tables_scroll_in_a_labelled_focusable_region() -> None:
    result = html("| a | b |\n|---|---|\n| 1 | 2 |", "en")
    assert result.startswith('<div aria-label="Table" class="table-wrap" role="region" tabindex="0"><table>')
