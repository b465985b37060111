"""Processed images are kept between builds: a second build does no image work and writes
the same bytes; a changed picture is made again, and entries no build uses any more go."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from test_incremental import clean_build

from photos import jpeg_bytes
from support import tree_bytes
from zuhause import build_site, uptodate
from zuhause.images import facts
from zuhause.images.cache import CACHE_FOLDER
from zuhause.images.facts import FACTS_FILE
from zuhause.manifest import MANIFEST


def _files(out: Path) -> dict[str, bytes]:
    """The published files (the manifest also holds the files' times, so it is left out)."""
    return {k: v for k, v in tree_bytes(out).items() if k != MANIFEST}


def _site(site: Callable[..., Path]) -> Path:
    root = site(content__brot_dot_md="---\ntitle: Brot\nperson: anna\n---\n![Brot](brot.jpg)\n")
    (root / "content/brot.jpg").write_bytes(jpeg_bytes(800, 600))
    (root / "static/foto.jpg").write_bytes(jpeg_bytes(300, 200))
    return root


def test_a_second_build_takes_every_image_from_the_cache_and_writes_the_same_bytes(
        site: Callable[..., Path], tmp_path: Path) -> None:
    root = _site(site)
    first = build_site(root, tmp_path / "out")
    before = _files(tmp_path / "out")
    second = build_site(root, tmp_path / "out")
    assert first.images_processed >= 4 and first.images_cached == 0
    assert second.images_processed == 0 and second.images_cached == first.images_processed
    assert second.image_seconds < first.image_seconds
    assert _files(tmp_path / "out") == before
    assert ".zuhause/" in (Path(__file__).parents[1] / ".gitignore").read_text("utf-8")


def test_the_output_does_not_depend_on_the_cache(site: Callable[..., Path], tmp_path: Path) -> None:
    root = _site(site)
    build_site(root, tmp_path / "a")
    for entry in (root / CACHE_FOLDER).iterdir():
        for file in entry.iterdir():
            file.unlink()
        entry.rmdir()
    build_site(root, tmp_path / "b")
    assert _files(tmp_path / "a") == _files(tmp_path / "b")


def test_a_changed_picture_is_made_again_and_its_old_entry_goes(
        site: Callable[..., Path], tmp_path: Path) -> None:
    root = _site(site)
    build_site(root, tmp_path / "out")
    entries = {p.name for p in (root / CACHE_FOLDER).iterdir()}
    (root / "content/brot.jpg").write_bytes(jpeg_bytes(700, 500))
    again = build_site(root, tmp_path / "out")
    assert again.images_processed == 1 and again.images_cached == len(entries) - 1
    now = {p.name for p in (root / CACHE_FOLDER).iterdir()}
    assert len(now - entries) == 1 and len(entries - now) == 1
    html = (tmp_path / "out/brot/index.html").read_text("utf-8")
    assert 'width="700" height="500"' in html


QUIET = 0.2  # instead of two seconds: how long a picture must be unchanged to be trusted


def _settled(root: Path) -> None:
    """Date every file of the site an hour back and wait out the quiet time (the change
    times the system keeps cannot be set back)."""
    an_hour_ago = time.time() - 3600
    for path in root.rglob("*"):
        if path.is_file():
            os.utime(path, (an_hour_ago, an_hour_ago))
    time.sleep(QUIET + 0.05)


def _edit_page(root: Path, words: str) -> None:
    page = root / "content/brot.md"
    page.write_text(page.read_text("utf-8") + f"\n{words}\n", "utf-8")


def _built_then_edited(site: Callable[..., Path], out: Path,
                       monkeypatch: pytest.MonkeyPatch) -> Path:
    """A site with pictures, its files settled, built into `out`; then its page with the
    picture edited."""
    monkeypatch.setattr(uptodate, "QUIET_SECONDS", QUIET)
    root = _site(site)
    _settled(root)
    build_site(root, out)
    _edit_page(root, "Frisch aus dem Ofen.")
    return root


def test_a_build_reads_no_picture_that_is_as_an_earlier_build_found_it(
        site: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _built_then_edited(site, tmp_path / "out", monkeypatch)
    looked: list[str] = []
    original = facts.probe
    monkeypatch.setattr(facts, "probe", lambda path: (looked.append(path.name), original(path))[1])
    build_site(root, tmp_path / "out")  # the page with the picture is made again
    assert looked == []
    assert _files(tmp_path / "out") == clean_build(root, tmp_path)
    photo = root / "content/brot.jpg"  # the same size and times, other bytes:
    stat, data = photo.stat(), bytearray(photo.read_bytes())
    data[len(data) // 2] ^= 0xFF
    photo.write_bytes(bytes(data))
    os.utime(photo, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    _edit_page(root, "Und noch warm.")
    again = build_site(root, tmp_path / "out")  # (the change time tells)
    assert "brot.jpg" in looked and again.images_processed >= 1
    assert _files(tmp_path / "out") == clean_build(root, tmp_path)


def test_a_build_after_an_edit_does_not_import_the_imaging_library(
        site: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _built_then_edited(site, tmp_path / "out", monkeypatch)
    code = ("import sys\nfrom zuhause import uptodate\nfrom zuhause.cli import main\n"
            f"uptodate.QUIET_SECONDS = {QUIET}\n"
            f"assert main(['build', {str(root)!r}, '-o', {str(tmp_path / 'out')!r}]) == 0\n"
            "print(sorted(name for name in sys.modules if name.split('.')[0] == 'PIL'))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_damaged_picture_facts_are_found_anew(site: Callable[..., Path], tmp_path: Path) -> None:
    root = _site(site)
    build_site(root, tmp_path / "out")
    for number, damaged in enumerate(('{"format": 1, "zuhause": "0", "files": 5}', "[1, 2",
                                      '{"format": 1}', "", "[" * 100_000)):
        (root / FACTS_FILE).parent.mkdir(parents=True, exist_ok=True)
        (root / FACTS_FILE).write_text(damaged, "utf-8")
        _edit_page(root, f"Brot Nummer {number}.")
        build_site(root, tmp_path / "out")
        assert _files(tmp_path / "out") == clean_build(root, tmp_path)
