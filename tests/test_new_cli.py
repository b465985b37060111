"""`zuhause new` on the command line: no prompt without a terminal, kept files are named."""

from __future__ import annotations

from pathlib import Path

from support import run_cli


def test_new_without_terminal_writes_a_site_that_builds(tmp_path: Path) -> None:
    target = tmp_path / "neu"
    result = run_cli("new", target, "--name", "Anna Korn", "--email", "anna@korn.example",
                     "--city", "Dresden")
    assert result.code == 0, result.err
    assert "geschrieben: zuhause.yaml" in result.out
    assert run_cli("build", target).code == 0


def test_new_into_a_folder_with_a_file_keeps_it_and_says_so(tmp_path: Path) -> None:
    target = tmp_path / "neu"
    target.mkdir()
    (target / "zuhause.yaml").write_text("mein: eigenes\n")
    refused = run_cli("new", target, "--yes")
    assert refused.code == 1 and "Traceback" not in refused.err
    assert "--force" in refused.err
    result = run_cli("new", target, "--yes", "--force")
    assert result.code == 0, result.err
    assert "zuhause.yaml blieb, wie es war" in result.out
    assert (target / "zuhause.yaml").read_text() == "mein: eigenes\n"
    assert (target / "people").is_dir()
