"""Rendering in worker processes gives the same site; a build stopped by a signal leaves the
previous site as it was; workers end with the build, even when it is killed; Ctrl-C while
zuhause starts gives one line, no traceback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from support import CHECKPOINT_SCRIPT, run_cli, tree_bytes
from zuhause import build_site
from zuhause.writer import PARALLEL_FROM


def many_pages(root: Path, count: int, words: int = 40) -> None:
    journal = root / "content" / "journal"
    journal.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        text = " ".join(f"Wort{n}" for n in range(words))
        (journal / f"beitrag-{number}.md").write_text(
            f"---\ntitle: Beitrag {number}\nperson: anna\ndate: 2025-01-{number % 28 + 1:02d}\n---\n"
            f"## Teil {number}\n\n{text} [zurück](../index.md)\n", "utf-8")


def without_manifest(root: Path) -> dict[str, bytes]:
    return {k: v for k, v in tree_bytes(root).items() if k != ".zuhause-manifest.json"}


def test_parallel_rendering_writes_the_same_site(site: Callable[..., Path], tmp_path: Path) -> None:
    root = site()
    many_pages(root, PARALLEL_FROM + 10)
    serial = build_site(root, tmp_path / "serial", jobs=1)
    parallel = build_site(root, tmp_path / "parallel", jobs=2)
    assert serial.rendered == parallel.rendered > PARALLEL_FROM
    assert without_manifest(tmp_path / "serial") == without_manifest(tmp_path / "parallel")


def test_sigterm_during_a_build_keeps_the_previous_site(site: Callable[..., Path]) -> None:
    root = site()
    many_pages(root, 20)
    assert run_cli("build", root).code == 0
    before = tree_bytes(root / "public")
    (root / "content" / "index.md").write_text("---\ntitle: Neu\nperson: anna\n---\nNeu\n")
    stopped = subprocess.run([sys.executable, "-c", CHECKPOINT_SCRIPT, "pages-written", "sigterm",
                              "build", str(root)], capture_output=True, text=True, timeout=120)
    assert stopped.returncode == 143, stopped.stderr
    assert stopped.stderr.strip().splitlines()[-1] == ("Abgebrochen. Die bisherige Ausgabe ist "
                                                       "unverändert.")
    assert "Traceback" not in stopped.stderr
    assert tree_bytes(root / "public") == before
    assert [p for p in os.listdir(root) if p.startswith(".zuhause-")] == []


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid`, from /proc."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def running(pid: int) -> bool:
    """Whether `pid` is a process that has not ended (a zombie has ended)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(),
                    reason="finds the workers and their states in Linux's /proc, which this system lacks")
def test_workers_end_when_the_build_is_killed(site: Callable[..., Path]) -> None:
    root = site()
    many_pages(root, 1000, words=5)
    build = subprocess.Popen([sys.executable, "-m", "zuhause", "build", str(root), "--jobs", "3"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        workers: list[int] = []
        while len(workers) < 2:  # wait for the pool to start (3 jobs: this process and 2 more)
            assert build.poll() is None, "the build ended before its workers were seen"
            workers = children(build.pid)
        build.kill()
        build.wait()
        deadline = time.monotonic() + 2
        while any(running(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert [pid for pid in workers if running(pid)] == []
    finally:
        build.kill()
        for pid in children(build.pid):
            os.kill(pid, signal.SIGKILL)


INTERRUPT_ON_IMPORT = """
import os, runpy, signal, sys
pending = [sys.argv.pop(1)]
class Interrupt:
    def find_spec(self, name, path=None, target=None):
        if name in pending:  # once, like one press of Ctrl-C
            pending.clear()
            os.kill(os.getpid(), signal.SIGINT)
        return None
sys.meta_path.insert(0, Interrupt())
runpy.run_module("zuhause", run_name="__main__", alter_sys=True)
"""


def assert_stopped_or_done(process: subprocess.Popen[str]) -> None:
    """Exit 130 with the one Stopped line, or (signal too late) a finished build; no traceback."""
    out, err = process.communicate(timeout=60)
    assert_finished_as_stopped_or_done(process.returncode, out, err)


def assert_finished_as_stopped_or_done(returncode: int | None, out: str, err: str) -> None:
    """What a stopped or finished build printed: no traceback, one Stopped line or a summary."""
    assert "Traceback" not in err, err
    if returncode == 0:  # the build was done before the signal came
        assert "Seiten gebaut" in out
        return
    assert returncode == 130, err
    assert err.splitlines() == ["Abgebrochen. Die bisherige Ausgabe ist unverändert."]


@pytest.mark.parametrize("module", ["zuhause.launch", "zuhause.cli", "yaml", "jinja2",
                                    "markdown", "zuhause.build", "zuhause.memory"])
def test_ctrl_c_during_any_import_ends_with_one_line_and_no_traceback(
        site: Callable[..., Path], module: str) -> None:
    root = site()
    process = subprocess.Popen([sys.executable, "-c", INTERRUPT_ON_IMPORT, module, "build",
                                str(root)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    assert_stopped_or_done(process)
    assert process.returncode == 130


@pytest.mark.parametrize("delay", [0.1, 0.15, 0.2, 0.25, 0.3])
def test_ctrl_c_while_zuhause_starts_ends_with_one_line_and_no_traceback(
        site: Callable[..., Path], delay: float) -> None:
    root = site()
    process = subprocess.Popen([sys.executable, "-m", "zuhause", "build", str(root)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(delay)  # the interpreter itself starts in well under 0.1 s; zuhause's part after
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    if "Traceback" in err and "zuhause" not in err.split("Traceback", 1)[1]:
        # On a loaded machine the signal can still land in Python's own start-up, before any
        # of zuhause's code runs (its frames are runpy's alone): nothing zuhause can catch.
        # The injected test above covers every import of zuhause's own start-up exactly.
        assert "runpy" in err and process.returncode in (1, -2, 130), err
        return
    assert_finished_as_stopped_or_done(process.returncode, out, err)
