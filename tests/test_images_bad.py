"""Acceptance 5 of the photos issue: pictures that are no pictures, are broken, too large, or
unusual (CMYK, 16 bits, an ICC profile, a palette with transparency) either build correctly
or stop the build with the file and line that names them; never a traceback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from photos import bomb_png, jpeg_bytes, phone_photo, png_bytes, truncated_jpeg
from support import run_cli

PAGE = "---\ntitle: Bild\nperson: anna\n---\nEin Bild:\n\n![Ein Bild]({name})\n"
LINE = 7  # the line of the image in PAGE


def _icc(tmp: Path) -> bytes:
    return phone_photo(tmp / "icc.jpg", 120, 90, gps=False, orientation=1).read_bytes()


FAILING: dict[str, tuple[str, Callable[[Path], bytes], str]] = {
    "not an image": ("notiz.jpg", lambda tmp: b"Einkaufsliste: Mehl, Butter\n",
                     "ist kein Bild, das zuhause lesen kann"),
    "truncated JPEG": ("halb.jpg", lambda tmp: truncated_jpeg(), "ist beschädigt"),
    "decompression bomb": ("bombe.png", lambda tmp: bomb_png(40_000, 40_000),
                           "hat mehr Pixel, als ein Foto je braucht"),
    "svg with a script": ("skript.svg", lambda tmp: b'<svg xmlns="http://www.w3.org/2000/svg" '
                          b'width="10" height="10" onload="alert(1)"></svg>', "enthält ein Skript"),
}

WORKING: dict[str, tuple[str, Callable[[Path], bytes], str]] = {
    "CMYK JPEG": ("cmyk.jpg", lambda tmp: jpeg_bytes(200, 150, "CMYK"), "JPEG"),
    "16-bit PNG": ("tief.png", lambda tmp: png_bytes(200, 150, "I;16"), "JPEG"),
    "ICC profile": ("profil.jpg", _icc, "JPEG"),
    "palette PNG with transparency": ("palette.png", lambda tmp: png_bytes(200, 150, "P"), "PNG"),
    "grey with alpha": ("grau.png", lambda tmp: png_bytes(200, 150, "LA"), "PNG"),
}


@pytest.mark.parametrize("case", FAILING)
def test_a_bad_image_stops_the_build_at_the_line_that_names_it(
        case: str, site: Callable[..., Path], tmp_path: Path) -> None:
    name, make, words = FAILING[case]
    root = site(content__bild_dot_md=PAGE.format(name=name))
    (root / "content" / name).write_bytes(make(tmp_path))
    result = run_cli("build", root, "-o", tmp_path / "out")
    assert result.code == 1, result.err
    assert "Traceback" not in result.err
    first = result.err.splitlines()[0]
    assert first.startswith(f"content/bild.md:{LINE}:13: ") and words in first, result.err


@pytest.mark.parametrize("case", WORKING)
def test_an_unusual_image_builds_as_srgb_without_metadata(
        case: str, site: Callable[..., Path], tmp_path: Path) -> None:
    name, make, fallback = WORKING[case]
    root = site(content__bild_dot_md=PAGE.format(name=name))
    (root / "content" / name).write_bytes(make(tmp_path))
    out = tmp_path / "out"
    result = run_cli("build", root, "-o", out)
    assert result.code == 0, result.err
    made = sorted((out / "media").glob(f"{Path(name).stem}-*"))
    assert {p.suffix for p in made} == {".webp", ".jpg" if fallback == "JPEG" else ".png"}
    for path in made:
        with Image.open(path) as image:
            assert image.mode in ("RGB", "RGBA") and "icc_profile" not in image.info
            assert image.size == (200, 150) or name == "profil.jpg"


def test_a_bad_picture_in_static_names_the_file(site: Callable[..., Path], tmp_path: Path) -> None:
    root = site()
    (root / "static" / "kaputt.jpg").write_bytes(b"\xff\xd8\xff\xe0 nicht mehr")
    result = run_cli("build", root, "-o", tmp_path / "out")
    assert result.code == 1 and "Traceback" not in result.err
    assert result.err.startswith("static/kaputt.jpg:")


def test_a_bad_portrait_names_the_person_file_and_line(
        site: Callable[..., Path], tmp_path: Path) -> None:
    root = site()
    (root / "static" / "images" / "anna.png").write_bytes(bomb_png(40_000, 40_000))
    result = run_cli("build", root, "-o", tmp_path / "out")
    assert result.code == 1 and "Traceback" not in result.err
    assert result.err.startswith("people/anna.md:4:11: ")
