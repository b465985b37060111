"""Robustness: fuzzed front matter and Markdown never end in a traceback; odd file names,
links and symlinks are handled."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support import run_cli
from zuhause.errors import Problems
from zuhause.frontmatter import split_document
from zuhause.markup import MarkdownRenderer
from zuhause.output import UnsafePath, safe_join
from zuhause.pages import PAGE_FIELDS
from zuhause.schema import validate

FUZZ = settings(max_examples=300, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])

yaml_ish = st.text(alphabet=st.sampled_from(list("abc:-'\"#&*!|>[]{}%@`\t \n0123456789äß.,")),
                   max_size=120)


any_character = st.characters(blacklist_categories=["Cs"])  # controls too; a file holds no surrogate
yaml_escapes = st.sampled_from(["\\ud83d", "\\ude00", "\\0", "\\x1b", "\\e", "\\N", "\\U0010FFFF"])


@settings(max_examples=300)
@given(st.lists(st.one_of(yaml_ish, st.text(any_character, max_size=10),
                          yaml_escapes.map(lambda e: f'x: "{e}"\n'),
                          st.sampled_from(["summary: " + "[" * 60, "summary: " + "{a: " * 60,
                                           "order: " + "9" * 5000])), max_size=5))
def test_front_matter_with_any_character_gives_values_or_problems(parts: list[str]) -> None:
    text = "\n".join(parts)
    document = split_document(f"---\ntitle: T\n{text}\n---\nText", "content/x.md")
    problems = Problems()
    values = validate(document.meta, PAGE_FIELDS, "content/x.md", problems)
    for value in values.values():
        str(value).encode("utf-8")  # every value can be written


@FUZZ
@given(yaml_ish)
def test_front_matter_fuzz_gives_values_or_problems(text: str) -> None:
    document = split_document(f"---\n{text}\n---\nText", "content/x.md")
    if document.problems:
        assert all(p.line >= 1 for p in document.problems)
        return
    problems = Problems()
    validate(document.meta, PAGE_FIELDS, "content/x.md", problems)  # must not raise


markdown_ish = st.text(alphabet=st.sampled_from(list("#*_-`[]()!<>|:\\ \n\t1a.\"'~=+")),
                       max_size=300)


@FUZZ
@given(markdown_ish)
def test_markdown_fuzz_never_raises(text: str) -> None:
    renderer = MarkdownRenderer("de", "/", {"a.md": "/a/"})
    result = renderer.render(text, "content/x.md", 5)
    failed = [p for p in result.problems if p.code not in ("link.missing", "markdown.pathological")]
    assert failed == []


def test_pathological_markdown_becomes_a_problem_quickly() -> None:
    renderer = MarkdownRenderer("de", "/", {})
    nested = "".join("  " * i + "- x\n" for i in range(1000))
    for text, message in ((nested, "nested too deeply"), ("Text\n\n" + "`" * 2000, "backticks"),
                          ("> " * 2000 + "x", "nested too deeply")):
        result = renderer.render(text, "content/x.md", 5)
        assert result.html == "" and message in result.problems[0].message.format("en")
    assert renderer.render("`" * 100, "content/x.md", 5).problems == []
    assert renderer.render("-" * 30 + "x" + "-" * 20, "content/x.md", 5).html


@FUZZ
@given(st.lists(st.sampled_from(["..", ".", "", "a", "%2e%2e", "b\\c", "\x00", "/", "ü"]),
                min_size=1, max_size=6))
def test_safe_join_never_leaves_the_root(parts: list[str]) -> None:
    root = Path("/srv/out")
    try:
        target = safe_join(root, "/".join(parts))
    except UnsafePath:
        return
    assert os.path.commonpath([root, os.path.abspath(target)]) == str(root)


def test_case_and_normalisation_collisions_name_both_files(site: Callable[..., Path]) -> None:
    nfd = unicodedata.normalize("NFD", "Über.md")
    root = site(**{"content__Kontakt_dot_md": "---\ntitle: K\nperson: anna\n---\nx\n",
                   "content__kontakt_dot_md": "---\ntitle: k\nperson: anna\n---\nx\n",
                   f"content__{nfd[:-3]}_dot_md": "---\ntitle: Ü\nperson: anna\n---\nx\n",
                   "content__ueber_dot_md": "---\ntitle: ue\nperson: anna\n---\nx\n"})
    result = run_cli("build", root)
    assert result.code == 1
    assert ("Aus 'content/Kontakt.md' und 'content/kontakt.md' wird beide Male die Seite "
            "/kontakt/") in result.err
    assert "wird beide Male die Seite /ueber/" in result.err


def test_symlinks_leaving_the_site_are_skipped_with_a_warning(site: Callable[..., Path],
                                                               tmp_path: Path) -> None:
    root = site()
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: Geheim\nperson: anna\n---\ngeheim\n")
    (root / "content" / "geheim.md").symlink_to(secret)
    (root / "content" / "loop").symlink_to(root / "content", target_is_directory=True)
    (root / "static" / "passwd").symlink_to("/etc/passwd")
    result = run_cli("build", root, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert "content/geheim.md: Eine Verknüpfung, die aus dem Ordner der Website hinaus" in result.err
    assert "static/passwd: Eine Verknüpfung" in result.err
    assert not (tmp_path / "out" / "geheim").exists()
    assert not (tmp_path / "out" / "passwd").exists()


@pytest.mark.parametrize("name", [".#index.md", "index.md~", "notes.swp", "#index.md#", "_draft.md"])
def test_editor_litter_is_ignored(site: Callable[..., Path], tmp_path: Path, name: str) -> None:
    root = site()
    (root / "content" / name).write_text("kaputt: [")
    result = run_cli("build", root, "-o", tmp_path / "out")
    assert result.code == 0, result.err
