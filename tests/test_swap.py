"""Writing the output, stopped or killed at each of its steps, both ways it is done: a first
build swapped in as a whole folder (`swap`), and a later build applied to the previous output
with a journal (`patch`). Either the previous site is intact or the new one is complete, the
last line says which, and nothing of zuhause's is left beside the output after the next build.
The owner's folders, empty or not, survive every build."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from support import CHECKPOINT_SCRIPT, run_cli
from zuhause import swap
from zuhause.manifest import MANIFEST
from zuhause.patch import JOURNAL
from zuhause.stopping import Terminated
from zuhause.swap import STEPS, UPDATE_STEPS, recover

WAYS = {"whole": (STEPS, STEPS.index("new-in-place")),
        "update": (UPDATE_STEPS, UPDATE_STEPS.index("journal-written"))}
EVERY_STEP = [(way, step) for way, (steps, _) in WAYS.items() for step in steps]
OLD_LINE = "Abgebrochen. Die bisherige Ausgabe ist unverändert."
NEW_PAGE = "---\ntitle: Neu\nperson: anna\n---\nDas neue Brot.\n"


def leftovers(parent: Path) -> list[str]:
    return [p.name for p in parent.iterdir() if p.name.startswith(".zuhause-")]


def snapshot(out: Path) -> dict[str, bytes | None]:
    """Files (bytes) and folders (None) below `out`, the manifest left out."""
    return {p.relative_to(out).as_posix(): None if p.is_dir() else p.read_bytes()
            for p in sorted(out.rglob("*")) if p.name != MANIFEST}


def built_with_owner_folders(site: Callable[..., Path]) -> tuple[Path, Path]:
    """A built site whose output holds the owner's empty and non-empty folders."""
    root = site()
    out = root / "public"
    assert run_cli("build", root).code == 0
    (out / "uploads").mkdir()
    (out / ".well-known" / "acme-challenge").mkdir(parents=True)
    (out / "googleabc.html").write_text("google-site-verification")
    return root, out


def only_owner_folders(site: Callable[..., Path]) -> tuple[Path, Path]:
    """A site never built whose output folder holds the owner's things: the first build
    swaps a whole new folder in."""
    root = site()
    out = root / "public"
    (out / "uploads").mkdir(parents=True)
    (out / ".well-known" / "acme-challenge").mkdir(parents=True)
    (out / "googleabc.html").write_text("google-site-verification")
    return root, out


def prepared(site: Callable[..., Path], way: str) -> tuple[Path, Path]:
    """An output holding the owner's things that the next build writes `way`."""
    return built_with_owner_folders(site) if way == "update" else only_owner_folders(site)


def published_at(way: str, step: str) -> bool:
    """Whether a build stopped at `step` already has the new site decided."""
    steps, first = WAYS[way]
    return steps.index(step) >= first


OWNER_THINGS = {"uploads": None, ".well-known": None, ".well-known/acme-challenge": None,
                "googleabc.html": b"google-site-verification"}


def owner_things(out: Path) -> dict[str, bytes | None]:
    return {k: v for k, v in snapshot(out).items() if k in OWNER_THINGS}


def stop_at(step: str, stop: type[BaseException]) -> Callable[[str], None]:
    """A checkpoint that raises `stop` the first time the build reaches `step`."""
    reached = []

    def checkpoint(name: str) -> None:
        if name == step and not reached:
            reached.append(name)
            raise stop()
    return checkpoint


def test_owner_folders_empty_or_not_survive_every_build(site: Callable[..., Path]) -> None:
    root, out = built_with_owner_folders(site)
    for _ in range(2):
        assert run_cli("build", root).code == 0
        assert owner_things(out) == OWNER_THINGS
    assert leftovers(root) == []


@pytest.mark.parametrize("stop", [KeyboardInterrupt, Terminated])
@pytest.mark.parametrize(("way", "step"), EVERY_STEP)
def test_stopped_at_every_step_one_site_is_whole_and_the_last_line_says_which(
        site: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, way: str, step: str,
        stop: type[BaseException]) -> None:
    root, out = prepared(site, way)
    before = snapshot(out)
    (root / "content" / "index.md").write_text(NEW_PAGE)
    monkeypatch.setattr(swap, "checkpoint", stop_at(step, stop))
    result = run_cli("build", root)
    monkeypatch.undo()
    assert result.code == (130 if stop is KeyboardInterrupt else 143)
    assert "Traceback" not in result.err
    last_line = result.err.strip().splitlines()[-1]
    if published_at(way, step):
        assert last_line == (f"Abgebrochen, als die neue Website schon an ihrem Platz war: {out} "
                             "enthält die vollständige neue Website.")
        assert "Das neue Brot." in (out / "index.html").read_text()
    else:
        assert last_line == OLD_LINE
        assert snapshot(out) == before
    stopped = snapshot(out)
    assert run_cli("build", root).code == 0
    assert leftovers(root) == []
    assert owner_things(out) == OWNER_THINGS
    if published_at(way, step):
        assert snapshot(out) == stopped  # the new site was already complete


@pytest.mark.parametrize(("way", "step"), EVERY_STEP)
def test_killed_at_every_step_the_next_build_finds_one_whole_site_and_leaves_nothing(
        site: Callable[..., Path], way: str, step: str) -> None:
    root, out = prepared(site, way)
    before = snapshot(out)
    (root / "content" / "index.md").write_text(NEW_PAGE)
    killed = subprocess.run([sys.executable, "-c", CHECKPOINT_SCRIPT, step, "exit", "build", str(root)],
                            capture_output=True, text=True, timeout=120)
    assert killed.returncode == 9, killed.stderr
    recover(out)  # what the next build does first
    if published_at(way, step):
        assert "Das neue Brot." in (out / "index.html").read_text()
        assert owner_things(out) == OWNER_THINGS
    else:
        assert snapshot(out) == before
    assert leftovers(root) == []
    assert run_cli("build", root).code == 0
    assert leftovers(root) == []
    assert owner_things(out) == OWNER_THINGS


def test_an_update_killed_half_way_is_finished_by_the_next_run_exactly_as_a_clean_build(
        site: Callable[..., Path], tmp_path: Path) -> None:
    """Killed after the first of several files moved: the journal brings the rest."""
    root, out = built_with_owner_folders(site)
    (root / "content" / "index.md").write_text(NEW_PAGE)
    (root / "content" / "ueber-mich.md").unlink(missing_ok=True)
    (root / "content" / "neu.md").write_text("---\ntitle: Noch neuer\nperson: anna\n---\nText.\n")
    killed = subprocess.run([sys.executable, "-c", CHECKPOINT_SCRIPT, "patch-applying", "exit",
                             "build", str(root)], capture_output=True, text=True, timeout=120)
    assert killed.returncode == 9, killed.stderr
    recover(out)
    clean = tmp_path / "clean"
    assert run_cli("build", root, "-o", clean).code == 0
    assert {k: v for k, v in snapshot(out).items() if k not in OWNER_THINGS} == snapshot(clean)
    assert leftovers(root) == []


def test_a_journal_that_carries_its_manifest_within_is_finished_too(
        site: Callable[..., Path], tmp_path: Path) -> None:
    """An update killed by an earlier zuhause, whose journal held the new manifest's text
    itself (now the manifest waits beside the journal)."""
    root, out = built_with_owner_folders(site)
    (root / "content" / "index.md").write_text(NEW_PAGE)
    killed = subprocess.run([sys.executable, "-c", CHECKPOINT_SCRIPT, "journal-written", "exit",
                             "build", str(root)], capture_output=True, text=True, timeout=120)
    assert killed.returncode == 9, killed.stderr
    [staging] = [root / name for name in leftovers(root)]
    staged_manifest = staging / MANIFEST
    journal = json.loads((staging / JOURNAL).read_text("utf-8"))
    journal["manifest"] = staged_manifest.read_text("utf-8")
    (staging / JOURNAL).write_text(json.dumps(journal), "utf-8")
    staged_manifest.unlink()
    recover(out)
    assert (out / MANIFEST).read_text("utf-8") == journal["manifest"]
    clean = tmp_path / "clean"
    assert run_cli("build", root, "-o", clean).code == 0
    assert {k: v for k, v in snapshot(out).items() if k not in OWNER_THINGS} == snapshot(clean)
    assert leftovers(root) == []


def test_leftovers_without_any_marker_are_removed_by_the_next_build(
        site: Callable[..., Path]) -> None:
    root, out = built_with_owner_folders(site)
    (root / ".zuhause-build-public-999999-abc_1234").mkdir()  # killed right after mkdtemp
    old = root / ".zuhause-old-public-999999-0a1b2c3d"
    old.mkdir()  # killed while clearing: its manifest already gone
    (old / "index.html").write_bytes((out / "index.html").read_bytes())
    other_output = root / ".zuhause-build-public-2-999999-abc_1234"  # the output public-2's
    other_output.mkdir()
    assert run_cli("build", root).code == 0
    assert leftovers(root) == [other_output.name]


def test_an_old_output_that_cannot_be_cleared_leaves_the_new_site_and_says_so(
        site: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    root, out = only_owner_folders(site)
    (root / "content" / "index.md").write_text(NEW_PAGE)
    real_unlink = os.unlink

    def refusing_unlink(path: str | os.PathLike[str], *args: object, **kwargs: object) -> None:
        if ".zuhause-old-" in os.fspath(path):  # like a read-only folder in the old output
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        real_unlink(path)

    monkeypatch.setattr(os, "unlink", refusing_unlink)
    result = run_cli("build", root)
    monkeypatch.undo()
    assert result.code == 0, result.err
    assert "die bisherige Ausgabe in" in result.err and "ließ sich nicht ganz entfernen" in result.err
    assert "Das neue Brot." in (out / "index.html").read_text()
    assert run_cli("build", root).code == 0
    assert leftovers(root) == []
