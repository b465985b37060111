"""Hostile and careless inputs (the reliability issue): each one ends in exit 1 with a located
message in `build` and in `check`, never a traceback and never a hang."""

from __future__ import annotations

import re
import subprocess
import sys
import threading
import time
import unicodedata
from pathlib import Path

import pytest
from hostile import MARKDOWN_INPUTS, READER_INPUTS, hostile_site

from support import MINIMAL_SITE, run_cli, tree_bytes, write_site
from zuhause.markup import MarkdownRenderer

HANG = 5  # seconds: the bound for "did not hang"; each run takes well under a second


@pytest.mark.parametrize("command", ["build", "check"])
@pytest.mark.parametrize("name", sorted(READER_INPUTS))
def test_reader_inputs_are_located_problems(tmp_path: Path, name: str, command: str) -> None:
    root = hostile_site(tmp_path / "site", name)
    result = run_cli(command, root, *(["-o", tmp_path / "out"] if command == "build" else []))
    place = READER_INPUTS[name][1]
    assert result.code == 1, result.out + result.err
    assert "Traceback" not in result.err
    assert re.search(rf"^{re.escape(place)}", result.err, re.MULTILINE), result.err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("language", ["de", "en"])
def test_reader_messages_say_what_and_how_to_fix(tmp_path: Path, language: str) -> None:
    expected = {"yaml-control-1b": ("Steuerzeichen (U+001B)", "control character (U+001B)"),
                "yaml-deep-list": ("tiefer als 50 Ebenen", "more than 50 levels deep"),
                "yaml-lone-surrogate": ("nur die Hälfte eines Zeichens", "only half of a character"),
                "order-5000-digits": ("mehr als 9 Stellen", "more than 9 digits"),
                "portrait-nul": ("Steuerzeichen (U+0000)", "control character (U+0000)"),
                "portrait-20000x20000": ("ist riesig", "is huge")}
    for name, (german, english) in expected.items():
        root = hostile_site(tmp_path / name, name)
        config = root / "zuhause.yaml"
        config.write_text(config.read_text("utf-8").replace("language: de", f"language: {language}"),
                          "utf-8")
        result = run_cli("check", root)
        assert (german if language == "de" else english) in result.err, result.err
        assert "\n    " in result.err  # every problem comes with a hint


def test_surrogate_pair_escapes_make_one_character(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", MINIMAL_SITE, content__index_dot_md=(
        '---\ntitle: "Hallo \\ud83d\\ude00"\nperson: anna\n---\nText\n'))
    result = run_cli("build", root, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert "Hallo 😀" in (tmp_path / "out" / "index.html").read_text("utf-8")


@pytest.mark.parametrize("command", ["build", "check"])
@pytest.mark.parametrize("name", sorted(MARKDOWN_INPUTS))
def test_slow_markdown_is_refused_with_its_line(tmp_path: Path, name: str, command: str) -> None:
    root = hostile_site(tmp_path / "site", name)
    out = tmp_path / "out"
    args = [sys.executable, "-m", "zuhause", command, str(root),
            *(["-o", str(out)] if command == "build" else [])]
    result = subprocess.run(args, capture_output=True, text=True, timeout=HANG)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert re.search(r"^content/a\.md:\d+:\d+: .*(Klammern|Backticks)", result.stderr, re.MULTILINE), \
        result.stderr


def test_reader_inputs_in_a_real_process(tmp_path: Path) -> None:
    """The real stderr of the CLI, once per kind of reader failure."""
    for name in ("yaml-control-0b", "yaml-deep-map", "employees-5000-digits", "timezone-300",
                 "portrait-300", "portrait-20000x20000"):
        root = hostile_site(tmp_path / name, name)
        for command in ("build", "check"):
            result = subprocess.run([sys.executable, "-m", "zuhause", command, str(root)],
                                    capture_output=True, text=True, timeout=HANG)
            assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
            assert result.stderr.startswith(READER_INPUTS[name][1]), result.stderr


def test_old_output_is_kept_when_a_hostile_build_fails(tmp_path: Path) -> None:
    out = tmp_path / "out"
    good = write_site(tmp_path / "good", MINIMAL_SITE)
    assert run_cli("build", good, "-o", out).code == 0
    before = tree_bytes(out)
    for name in ("yaml-control-7f", "brackets-20000"):
        assert run_cli("build", hostile_site(tmp_path / name, name), "-o", out).code == 1
        assert tree_bytes(out) == before


def test_markdown_past_its_deadline_is_stopped_and_nothing_keeps_running() -> None:
    # within the budget check (about 0.05 s per paragraph), but longer than the deadline
    slow = ("x " + "[" * 600 + "\n\n") * 15
    renderer = MarkdownRenderer("de", "/", {}, seconds=0.2)
    threads = threading.active_count()
    started = time.perf_counter()
    result = renderer.render(slow, "content/a.md", 5)
    assert time.perf_counter() - started < 0.2 + 5  # stopped, not run to the end
    assert [p.message.format("en") for p in result.problems] == [
        "converting this text took longer than 0.2 seconds"]
    assert result.problems[0].location() == "content/a.md:5:1"
    for _ in range(50):  # a deadline that fires late never hits the next conversion
        assert renderer.render("*ok*", "content/b.md", 1).html == "<p><em>ok</em></p>"
    time.sleep(0.3)
    assert threading.active_count() <= threads + 1  # at most the one sleeping watchdog


def test_fenced_code_with_many_brackets_is_not_refused() -> None:
    code = "```json\n" + "[1, [2, [3]]]\n" * 3000 + "```\n"
    result = MarkdownRenderer("de", "/", {}).render(code, "content/a.md", 1)
    assert result.problems == [] and "<code" in result.html


def test_a_skipped_symlink_is_never_opened(site: object, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_site(tmp_path / "site", MINIMAL_SITE)
    secret = tmp_path / "outside" / "big.bin"
    secret.parent.mkdir()
    secret.write_bytes(b"x" * 1000)
    for folder in ("static", "people", "templates"):
        (root / folder).mkdir(exist_ok=True)
        (root / folder / "link.bin").symlink_to(secret)
    opened: list[str] = []
    real_open = open

    def spy(file: object, *args: object, **kwargs: object) -> object:
        if isinstance(file, (str, Path)):
            opened.append(str(Path(file).resolve()))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", spy)
    monkeypatch.setattr("io.open", spy)
    result = run_cli("build", root, "-o", tmp_path / "out", "--jobs", "1")
    assert result.code == 0, result.err
    assert "static/link.bin" in result.err
    assert str(secret.resolve()) not in opened


def test_nfc_and_nfd_names_of_one_page_are_told_apart(tmp_path: Path) -> None:
    page = "---\ntitle: Ü\nperson: anna\n---\nx\n"
    root = write_site(tmp_path / "site", MINIMAL_SITE)
    (root / "content" / "Über.md").write_text(page, "utf-8")
    (root / "content" / unicodedata.normalize("NFD", "Über.md")).write_text(page, "utf-8")
    result = run_cli("build", root, "-o", tmp_path / "out")
    assert result.code == 1
    assert ("Aus 'content/Über.md (mit zerlegten Umlauten gespeichert, NFD)' und 'content/Über.md' "
            "wird beide Male die Seite /ueber/") in unicodedata.normalize("NFC", result.err)
