"""Acceptance 1 of the photos issue: a 12-megapixel phone photo with GPS, camera data and
orientation 6, as portrait, as a Markdown image beside its page and as a file in static/:
every published variant has no EXIF, GPS, XMP or IPTC, is the right way up, and no file of
the output contains the GPS bytes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image, IptcImagePlugin

from photos import GPS_DATUM, GPS_LATITUDE_BYTES, MARK, XMP_MARKER, phone_photo
from support import minimal_file
from zuhause import build_site

RASTER = (".jpg", ".jpeg", ".png", ".webp")


@pytest.fixture(scope="session")
def twelve_megapixels(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 3000x4000 phone photo (stored 4000x3000, orientation 6), made once per session."""
    return phone_photo(tmp_path_factory.mktemp("photos") / "IMG_2041.jpg", 3000, 4000)


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory, twelve_megapixels: Path) -> Path:
    """The minimal site with the photo as portrait, in a post and in static/, built once."""
    from support import MINIMAL_SITE, write_site
    root = write_site(tmp_path_factory.mktemp("site") / "site", MINIMAL_SITE, **{
        "people__anna_dot_md": minimal_file("people/anna.md").replace("anna.png", "anna.jpg"),
        "content__journal__stollen_dot_md":
            "---\ntitle: Stollen\nperson: anna\ndate: 2025-12-01\n---\n"
            "So sieht er aus:\n\n![Ein Stollen auf dem Blech](stollen.jpg)\n",
    })
    photo = twelve_megapixels.read_bytes()
    for place in ("static/images/anna.jpg", "content/journal/stollen.jpg",
                  "static/downloads/rohbild.jpg"):
        (root / place).parent.mkdir(parents=True, exist_ok=True)
        (root / place).write_bytes(photo)
    out = root.parent / "out"
    build_site(root, out)
    return out


def _images(out: Path) -> list[Path]:
    return sorted(p for p in out.rglob("*") if p.suffix.lower() in RASTER)


def test_the_photo_is_several_megabytes_with_everything_a_phone_writes(
        twelve_megapixels: Path) -> None:
    data = twelve_megapixels.read_bytes()
    assert len(data) > 3_000_000
    assert GPS_LATITUDE_BYTES in data and GPS_DATUM.encode() in data and XMP_MARKER in data
    with Image.open(twelve_megapixels) as image:
        assert image.size == (4000, 3000) and image.getexif()[0x0112] == 6
        assert image.getexif().get_ifd(0x8825) and image.info.get("icc_profile")


def test_every_published_variant_has_no_metadata(published: Path) -> None:
    images = _images(published)
    assert {p.relative_to(published).as_posix() for p in images} >= {
        "images/anna.jpg", "downloads/rohbild.jpg"}
    assert len([p for p in images if p.parent.name == "media"]) >= 10
    for path in images:
        with Image.open(path) as image:
            assert not image.getexif(), path
            assert not {"exif", "xmp", "XML:com.adobe.xmp", "photoshop", "comment",
                        "icc_profile"} & set(image.info), (path, set(image.info))
            assert IptcImagePlugin.getiptcinfo(image) is None, path


def _is_mark(pixel: tuple[int, ...]) -> bool:
    return abs(pixel[0] - MARK[0]) < 40 and pixel[1] < 70 and pixel[2] < 70


def test_every_published_variant_is_the_right_way_up(published: Path) -> None:
    for path in _images(published):
        if path.name == "anna.png":
            continue  # the minimal site's own 1x1 picture, not the photo
        with Image.open(path) as image:
            picture = image.convert("RGB")
        width, height = picture.size
        x, y = width // 50, height // 50  # a little inside each corner
        corners = [(x, y), (width - 1 - x, y), (x, height - 1 - y), (width - 1 - x, height - 1 - y)]
        marked = [_is_mark(picture.getpixel(corner)) for corner in corners]
        assert marked == [True, False, False, False], path
        if not path.name.endswith("-og.jpg"):
            assert height > width, path  # the photo is upright: taller than wide


def test_no_output_file_contains_the_gps_bytes(published: Path) -> None:
    for path in published.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert GPS_LATITUDE_BYTES not in data, path
            assert GPS_DATUM.encode() not in data and XMP_MARKER not in data, path


def test_variants_are_never_wider_than_the_theme_needs_nor_the_source(published: Path) -> None:
    widths = set()
    for path in (published / "media").iterdir():
        if not path.name.endswith("-og.jpg"):
            with Image.open(path) as image:
                widths.add(image.size[0])
    assert max(widths) == 1600 and min(widths) == 240
    with Image.open(published / "images" / "anna.jpg") as copy:
        assert copy.size == (3000, 4000)  # the static file keeps its size, turned upright


def test_the_open_graph_picture_is_a_1200_by_630_crop(published: Path) -> None:
    html = (published / "journal" / "stollen" / "index.html").read_text("utf-8")
    assert '<meta property="og:image:width" content="1200">' in html
    assert '<meta property="og:image:height" content="630">' in html


def test_a_kept_file_is_published_untouched(site: Callable[..., Path], tmp_path: Path) -> None:
    root = site()
    photo = phone_photo(root / "static" / "downloads" / "plan.jpg", 64, 48)
    config = root / "zuhause.yaml"
    config.write_text(config.read_text("utf-8") + "images:\n  keep:\n    - downloads/plan.jpg\n",
                      "utf-8")
    build_site(root, tmp_path / "out")
    assert (tmp_path / "out" / "downloads" / "plan.jpg").read_bytes() == photo.read_bytes()
