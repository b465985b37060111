"""Reading files and YAML: as written, safely, with positions; BOM, CRLF and encodings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from support import minimal_file, run_cli, tree_bytes
from zuhause.frontmatter import load_yaml, split_document
from zuhause.schema import parse_date


@pytest.mark.parametrize("text, expected", [
    ("country: NO", "NO"),
    ("plz: 01067", "01067"),
    ("phone: +4930123456", "+4930123456"),
    ("phone: 0301234", "0301234"),
    ("open: 9:00", "9:00"),
    ("v: 1.10", "1.10"),
    ("yes: true", "true"),
    ("d: 2025-02-30", "2025-02-30"),
    ("empty:", ""),
])
def test_scalars_stay_as_written(text: str, expected: str) -> None:
    data, problems = load_yaml(text, "zuhause.yaml")
    assert problems == []
    assert list(data.values()) == [expected]


@pytest.mark.parametrize("text, message, hint", [
    ("name: A\nname: B", "the key 'name' appears twice (first on line 1, again on line 2)",
     "Keep one of the two lines"),
    ("a: &x 1\nb: *x", "anchors and aliases (& and *) are not allowed", "Write the value out"),
    ("a: !!binary aGVsbG8=", "the YAML tag '!!binary' is not allowed", "Remove the tag"),
    ("a: !!python/object/apply:os.system [echo hacked]", "is not allowed", "Remove the tag"),
    ("a: !foo bar", "the YAML tag '!foo' is not allowed", "Remove the tag"),
    ("title: Angebot: Tischlerei", "mapping values are not allowed", "double quotes"),
    ("handle: @anna", "found a character that cannot start any token", "double quotes"),
    ("a:\n\t- b", "found a Tab character", "not with the Tab key"),
])
def test_refused_yaml_has_message_and_hint(text: str, message: str, hint: str) -> None:
    data, problems = load_yaml(text, "zuhause.yaml")
    assert data is None
    assert len(problems) == 1
    assert message in problems[0].message.format("en")
    assert hint in problems[0].hint.format("en")


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [" + ",".join([f"*{previous}"] * 9) + "]")
    data, problems = load_yaml("\n".join(lines), "zuhause.yaml")
    assert data is None and "anchors and aliases" in problems[0].message.format("en")


@pytest.mark.parametrize("text, expected", [
    ("2025-12-08", date(2025, 12, 8)),
    ("2025-12-08 14:30", datetime(2025, 12, 8, 14, 30)),
    ("2025-12-08T14:30:00+01:00", datetime(2025, 12, 8, 14, 30, tzinfo=None).replace(
        tzinfo=__import__("datetime").timezone(timedelta(hours=1)))),
])
def test_dates_zuhause_understands(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["8.12.2025", "2025-12-8", "2025-02-30", "gestern"])
def test_dates_zuhause_refuses_with_a_hint(site: Callable[..., Path], text: str) -> None:
    root = site(content__journal__brot_dot_md=f"---\ntitle: Brot\nperson: anna\ndate: {text}\n---\nx\n")
    result = run_cli("build", root)
    assert result.code == 1
    assert f"content/journal/brot.md:4:7: '{text}' ist kein Datum, das zuhause versteht" in result.err
    assert "z. B. date: 2025-12-08" in result.err


def test_front_matter_must_be_a_mapping() -> None:
    document = split_document("---\n- a\n- b\n---\nText", "content/x.md")
    assert "must be 'key: value' pairs" in document.problems[0].message.format("en")


def test_unclosed_front_matter() -> None:
    document = split_document("---\ntitle: x\nText", "content/x.md")
    assert "never closed" in document.problems[0].message.format("en")


def test_bom_crlf_and_lone_cr_build_like_lf(site: Callable[..., Path], tmp_path: Path) -> None:
    lf_root = site()
    lf = run_cli("build", lf_root, "-o", tmp_path / "lf")
    assert lf.code == 0, lf.err
    for path in [*lf_root.rglob("*.md"), lf_root / "zuhause.yaml"]:
        text = path.read_text("utf-8")
        newline = "\r" if path.name == "anna.md" else "\r\n"
        path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", newline).encode("utf-8"))
    crlf = run_cli("build", lf_root, "-o", tmp_path / "crlf")
    assert crlf.code == 0, crlf.err
    assert tree_bytes(tmp_path / "lf") == tree_bytes(tmp_path / "crlf") or _same_but_manifest(
        tmp_path / "lf", tmp_path / "crlf")


def _same_but_manifest(a: Path, b: Path) -> bool:
    left = {k: v for k, v in tree_bytes(a).items() if k != ".zuhause-manifest.json"}
    right = {k: v for k, v in tree_bytes(b).items() if k != ".zuhause-manifest.json"}
    return left == right


def test_latin1_file_names_line_column_and_offset(site: Callable[..., Path]) -> None:
    root = site()
    (root / "content" / "index.md").write_bytes(
        b"---\ntitle: Willkommen\nperson: anna\n---\nSch" + b"\xf6n hier.\n")
    result = run_cli("build", root)
    assert result.code == 1
    assert "content/index.md:5:4: Diese Datei ist kein UTF-8-Text (Byte 0xF6 an Stelle 42)" in result.err
    assert "Speichern Sie die Datei in Ihrem Editor als UTF-8" in result.err


def test_template_syntax_in_markdown_and_front_matter_stays_literal(
        site: Callable[..., Path], tmp_path: Path) -> None:
    root = site(content__index_dot_md="---\ntitle: \"{{ 7*7 }}\"\nperson: anna\n---\n"
                "Rechnung: {{ 7*7 }} und {% include 'base.html' %}\n")
    result = run_cli("build", root, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    html = (tmp_path / "out" / "index.html").read_text("utf-8")
    assert "{{ 7*7 }}" in html and "{% include ‚base.html‘ %}" in html
    assert "49" not in html


def test_script_in_name_is_escaped(site: Callable[..., Path], tmp_path: Path) -> None:
    person = (minimal_file("people/anna.md")
              .replace("name: Anna Korn", 'name: "Anna <script>alert(1)</script>"'))
    root = site(people__anna_dot_md=person)
    result = run_cli("build", root, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    html = (tmp_path / "out" / "index.html").read_text("utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "Anna &lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "ftp://x.example/"])
def test_unsafe_urls_are_refused(site: Callable[..., Path], url: str) -> None:
    person = (minimal_file("people/anna.md")
              .replace("  email: anna@baeckerei-korn.example", f"  booking_url: \"{url}\""))
    root = site(people__anna_dot_md=person)
    result = run_cli("build", root)
    assert result.code == 1
    assert "ist keine Webadresse, die zuhause annimmt" in result.err
    assert "https://" in result.err
