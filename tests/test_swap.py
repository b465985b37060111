"""The swap of a finished build into the output folder, stopped or killed at each of its steps:
the previous site intact or the new one complete, the last line saying which, and nothing of
zuhause's left beside the output after the next build. The owner's folders, empty or not,
survive every build."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from support import CHECKPOINT_SCRIPT, run_cli
from zuhause import swap
from zuhause.manifest import MANIFEST
from zuhause.stopping import Terminated
from zuhause.swap import STEPS, recover

PUBLISHED_FROM = STEPS.index("new-in-place")
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
@pytest.mark.parametrize("step", STEPS)
def test_stopped_at_every_step_one_site_is_whole_and_the_last_line_says_which(
        site: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, step: str,
        stop: type[BaseException]) -> None:
    root, out = built_with_owner_folders(site)
    before = snapshot(out)
    (root / "content" / "index.md").write_text(NEW_PAGE)
    monkeypatch.setattr(swap, "checkpoint", stop_at(step, stop))
    result = run_cli("build", root)
    monkeypatch.undo()
    assert result.code == (130 if stop is KeyboardInterrupt else 143)
    assert "Traceback" not in result.err
    last_line = result.err.strip().splitlines()[-1]
    if STEPS.index(step) >= PUBLISHED_FROM:
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
    if STEPS.index(step) >= PUBLISHED_FROM:
        assert snapshot(out) == stopped  # the new site was already complete


@pytest.mark.parametrize("step", STEPS)
def test_killed_at_every_step_the_next_build_finds_one_whole_site_and_leaves_nothing(
        site: Callable[..., Path], step: str) -> None:
    root, out = built_with_owner_folders(site)
    before = snapshot(out)
    (root / "content" / "index.md").write_text(NEW_PAGE)
    killed = subprocess.run([sys.executable, "-c", CHECKPOINT_SCRIPT, step, "exit", "build", str(root)],
                            capture_output=True, text=True, timeout=120)
    assert killed.returncode == 9, killed.stderr
    recover(out)  # what the next build does first
    if STEPS.index(step) >= PUBLISHED_FROM:
        assert "Das neue Brot." in (out / "index.html").read_text()
        assert owner_things(out) == OWNER_THINGS
    else:
        assert snapshot(out) == before
    assert leftovers(root) == []
    assert run_cli("build", root).code == 0
    assert leftovers(root) == []
    assert owner_things(out) == OWNER_THINGS


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
    root, out = built_with_owner_folders(site)
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
