"""Processed images are kept between builds: a second build does no image work and writes
the same bytes; a changed picture is made again, and entries no build uses any more go."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from photos import jpeg_bytes
from support import tree_bytes
from zuhause import build_site
from zuhause.images.cache import CACHE_FOLDER
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
