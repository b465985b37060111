"""Rendering in worker processes gives the same site; a build stopped by a signal leaves the
previous site as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from support import tree_bytes
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


def rendering_has_begun(root: Path) -> bool:
    """The staging folder beside the output holds a rendered page: the build is mid-way."""
    return any(name.startswith(".zuhause-build-") and any((root / name).rglob("*.html"))
               for name in os.listdir(root))


def test_sigterm_during_a_build_keeps_the_previous_site(site: Callable[..., Path]) -> None:
    root = site()
    many_pages(root, 400, words=400)
    first = subprocess.run([sys.executable, "-m", "zuhause", "build", str(root), "--jobs", "1"],
                           capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    before = tree_bytes(root / "public")
    (root / "content" / "index.md").write_text("---\ntitle: Neu\nperson: anna\n---\nNeu\n")
    for path in (root / "content" / "journal").iterdir():  # every page must be rendered again
        path.write_text(path.read_text() + "\nNachtrag.\n")
    process = subprocess.Popen([sys.executable, "-m", "zuhause", "build", str(root), "--jobs", "1"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not rendering_has_begun(root):
        assert process.poll() is None and time.monotonic() < deadline, "no page rendered"
        time.sleep(0.002)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 143, err
    assert "Abgebrochen. Die bisherige Ausgabe ist unverändert." in err
    assert "Traceback" not in err
    assert tree_bytes(root / "public") == before
    assert [p for p in os.listdir(root) if p.startswith(".zuhause-")] == []
