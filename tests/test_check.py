"""`zuhause check` as a whole: the example site passes, the faceless fixture fails with each
finding in place, checks can be switched off only with a reason, JSON says the same."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from support import EXAMPLE_SITE, REPO, run_cli
from zuhause.checking import check_site

FACELESS = REPO / "tests" / "sites" / "faceless"


def test_example_site_passes_without_errors_or_warnings() -> None:
    report = check_site(EXAMPLE_SITE)
    assert [f.format() for f in report.findings if f.level in ("error", "warning")] == []
    result = run_cli("check", EXAMPLE_SITE, "--strict")
    assert result.code == 0, result.out


def test_faceless_site_fails_and_json_lists_the_same(tmp_path: Path) -> None:
    text = run_cli("check", FACELESS)
    assert text.code == 1
    as_json = run_cli("check", FACELESS, "--format", "json")
    assert as_json.code == 1
    data = json.loads(as_json.out)
    report = check_site(FACELESS)
    assert [(f["id"], f["path"], f["line"]) for f in data["findings"]] == \
        [(f.id, f.path, max(f.line, 1)) for f in report.findings]
    for finding in data["findings"]:
        assert f"{finding['path']}:{finding['line']}: {finding['level']} [{finding['id']}]" in text.out


def with_config(tmp_path: Path, extra: str) -> Path:
    site = tmp_path / "faceless"
    shutil.copytree(FACELESS, site)
    config = site / "zuhause.yaml"
    config.write_text(config.read_text("utf-8") + extra, "utf-8")
    return site


def test_switching_a_check_off_needs_a_reason(tmp_path: Path) -> None:
    site = with_config(tmp_path, "check:\n  skip:\n    - id: privacy.third-party-request\n")
    result = run_cli("check", site)
    assert result.code == 1
    assert "zuhause.yaml:30:7: skip: 'reason' fehlt" in result.err
    assert "Ergänzen Sie eine Zeile wie: reason:" in result.err
    assert run_cli("build", site, "-o", tmp_path / "out").code == 1  # the build says so too
    assert "Traceback" not in result.err


def test_switched_off_check_is_silent_and_listed(tmp_path: Path) -> None:
    site = with_config(tmp_path, "check:\n  skip:\n    - id: privacy.third-party-request\n"
                       "      reason: Der Imagefilm bleibt, bis wir einen eigenen haben.\n")
    report = check_site(site)
    assert not [f for f in report.findings if f.id == "privacy.third-party-request"]
    assert report.skipped == [("privacy.third-party-request",
                               "Der Imagefilm bleibt, bis wir einen eigenen haben.")]
    result = run_cli("check", site)
    assert "übersprungen [privacy.third-party-request]: Der Imagefilm bleibt" in result.out
    as_json = json.loads(run_cli("check", site, "--format", "json").out)
    assert as_json["skipped"] == [{"id": "privacy.third-party-request",
                                   "reason": "Der Imagefilm bleibt, bis wir einen eigenen haben."}]


def test_unknown_check_id_gets_did_you_mean(tmp_path: Path) -> None:
    site = with_config(tmp_path, "check:\n  skip:\n    - id: privacy.third-party\n"
                       "      reason: egal\n")
    result = run_cli("check", site)
    assert result.code == 1
    assert ("zuhause.yaml:30:11: check: Es gibt keine Prüfung 'privacy.third-party', die man "
            "überspringen könnte") in result.err
    assert "Meinten Sie 'privacy.third-party-request'?" in result.err


def test_strict_makes_warnings_count(site: Callable[..., Path]) -> None:
    root = site()
    report = check_site(root)
    assert report.count("error") == 0
    expected = 1 if report.count("warning") else 0
    assert run_cli("check", root, "--strict").code == expected
    assert run_cli("check", root).code == 0


FACELESS_FINDINGS = {
    ("person.no-first-person", "content/index.md", 5),        # no person-first voice
    ("person.stock-photo", "people/team.md", 4),              # stock photo names
    ("person.stock-photo", "content/index.md", 14),
    ("person.buzzwords", "content/index.md", 5),              # buzzword wall
    ("privacy.third-party-request", "templates/base.html", 7),  # Google Fonts
    ("privacy.third-party-request", "content/index.md", 9),   # YouTube iframe
    ("conversation.like-buttons", "content/index.md", 11),    # like button
    ("conversation.like-buttons", "content/index.md", 12),
    ("legal.not-linked", "templates/base.html", 14),          # no Impressum link
    ("craft.broken-link", "content/index.md", 16),            # broken link
    ("craft.image-without-alt", "content/index.md", 14),      # image without alt
    ("person.invitation-without-sentence", "people/team.md", 9),
    ("person.portrait-missing-or-tiny", "people/team.md", 4),
}


def test_faceless_site_has_each_finding_in_place() -> None:
    report = check_site(FACELESS)
    found = {(f.id, f.path, f.line) for f in report.findings}
    assert FACELESS_FINDINGS - found == set()
    assert report.exit_code() == 1


def test_every_check_is_documented() -> None:
    from zuhause.checking.rules import ALL_RULES
    docs = (REPO / "docs" / "check.md").read_text("utf-8")
    assert [rule.id for rule in ALL_RULES if f"`{rule.id}`" not in docs] == []


def test_every_rule_speaks_every_language_with_the_same_placeholders() -> None:
    from string import Formatter

    from zuhause.catalogue import languages
    from zuhause.checking.rules import ALL_RULES
    for rule in ALL_RULES:
        if rule.inline is not None:
            assert set(rule.inline) == set(languages()), rule.id
        names = {lang: {name for part in (t.message, t.why, t.fix)
                        for _, name, _, _ in Formatter().parse(part) if name}
                 for lang in languages() for t in [rule.texts(lang)]}
        assert all(found == names["en"] for found in names.values()), rule.id


def test_check_yaml_holds_the_texts_of_the_rules_that_have_none_of_their_own() -> None:
    from zuhause.catalogue import catalogue, languages
    from zuhause.checking.rules import ALL_RULES
    wanted = {f"{rule.id}.{part}" for rule in ALL_RULES if rule.inline is None
              for part in ("message", "why", "fix")}
    for language in languages():
        assert set(catalogue("check", language)) == wanted, f"locales/{language}/check.yaml"


def test_a_rule_may_still_bring_its_own_texts() -> None:
    from types import SimpleNamespace

    from zuhause.checking.findings import Rule, Texts
    rule = Rule("demo.greeting", "hint", {"de": Texts("Hallo {who}", "weil", "so"),
                                          "en": Texts("Hello {who}", "because", "thus")},
                lambda context: [("content/index.md", 3, {"who": "Anna"})])
    context: Any = SimpleNamespace(language="de")
    assert [f.message for f in rule.findings(context)] == ["Hallo Anna"]
    assert rule.texts("en").why == "because"


def test_summary_says_one_and_many_in_german_and_english() -> None:
    from zuhause.checking.findings import Finding
    from zuhause.checking.runner import CheckReport
    one = Finding("x.y", "error", "a.md", 1, "m", "w", "f")
    report = CheckReport([one, one, Finding("x.z", "hint", "a.md", 2, "m", "w", "f")],
                         [("craft.heading-skip", "old posts")])
    assert report.summary("de") == ("2 Fehler, 0 Warnungen, 1 Hinweis, 1 Prüfung übersprungen "
                                    "(0.00 Sek.)")
    assert report.summary("en") == "2 errors, 0 warnings, 1 hint, 1 check skipped (0.00 s)"
    single = CheckReport([one, Finding("x.w", "warning", "a.md", 3, "m", "w", "f")])
    assert single.summary("en").startswith("1 error, 1 warning, 0 hints, 0 checks skipped")


def test_check_converts_each_markdown_text_of_the_example_site_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import collections

    import markdown

    converted: collections.Counter[str] = collections.Counter()
    convert = markdown.Markdown.convert

    def counting(self: markdown.Markdown, source: str) -> str:
        converted[source] += 1
        return convert(self, source)

    monkeypatch.setattr(markdown.Markdown, "convert", counting)
    site = tmp_path / "site"
    shutil.copytree(EXAMPLE_SITE, site, ignore=shutil.ignore_patterns("public", ".zuhause"))
    check_site(site)
    assert converted and max(converted.values()) == 1, converted.most_common(3)
    pages_and_stories = [text for text in converted if text.strip()]
    assert len(pages_and_stories) >= 10  # every page body and every story went through it
