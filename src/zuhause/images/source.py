"""Look at a source image without decoding it: its format, its size the right way up, whether
it has transparency; and check an SVG for scripts. Failures are reasons, never exceptions."""

from __future__ import annotations

import os
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

RASTER = frozenset({".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".bmp", ".avif"})
AS_IS = frozenset({".svg", ".gif"})
IMAGE_SUFFIXES = RASTER | AS_IS
MAX_PIXELS = 80_000_000  # more than any phone camera; a decompression bomb has far more
_SVG_SCRIPT = re.compile(rb"<script|\son[a-z]+\s*=|javascript:", re.IGNORECASE)
_SVG_TAG = re.compile(rb"<svg\b[^>]*>", re.IGNORECASE | re.DOTALL)
_SVG_NUMBER = r"\s*=\s*[\"']\s*([0-9.]+)(?:px)?\s*[\"']"
_TRANSPOSED = {5, 6, 7, 8}


@dataclass(frozen=True)
class SourceImage:
    """What the header of an image says."""

    width: int  # as shown, after the EXIF orientation
    height: int
    format: str  # JPEG, PNG, WEBP, SVG, GIF ...
    alpha: bool = False


class BadImage(ValueError):
    """A source that cannot be published; `reason` is a message key of `images.`."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def is_image(name: str) -> bool:
    """Whether a file name looks like an image zuhause publishes (raster, SVG or GIF)."""
    return os.path.splitext(name)[1].lower() in IMAGE_SUFFIXES


def is_raster(name: str) -> bool:
    """Whether a file is processed (resized, re-encoded, metadata removed)."""
    return Path(name).suffix.lower() in RASTER


def probe(path: Path) -> SourceImage:
    """The size and kind of an image, from its header; raises BadImage."""
    suffix = path.suffix.lower()
    if suffix == ".svg":
        return _probe_svg(path.read_bytes())
    from PIL import Image, UnidentifiedImageError  # (a build with no new picture needs none)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                if width * height > MAX_PIXELS:
                    raise BadImage("too-many-pixels")
                orientation = image.getexif().get(0x0112, 1) if suffix != ".gif" else 1
                alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
                kind = image.format or ""
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise BadImage("too-many-pixels") from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError):
        raise BadImage("not-an-image") from None
    if orientation in _TRANSPOSED:
        width, height = height, width
    return SourceImage(width, height, kind, alpha)


def _probe_svg(data: bytes) -> SourceImage:
    if _SVG_SCRIPT.search(data):
        raise BadImage("svg-script")
    tag = _SVG_TAG.search(data)
    if tag is None:
        raise BadImage("not-an-image")
    text = tag.group(0).decode("utf-8", "replace")
    width, height = (re.search(name + _SVG_NUMBER, text) for name in (r"\bwidth", r"\bheight"))
    if width and height:
        return SourceImage(round(float(width.group(1))), round(float(height.group(1))), "SVG")
    box = re.search(r"viewBox\s*=\s*[\"']\s*[-0-9.]+[\s,]+[-0-9.]+[\s,]+([0-9.]+)[\s,]+([0-9.]+)", text)
    if box:
        return SourceImage(round(float(box.group(1))), round(float(box.group(2))), "SVG")
    return SourceImage(0, 0, "SVG")


def upright(image: Image.Image) -> Image.Image:
    """The image turned as its EXIF orientation says."""
    from PIL import ImageOps
    return ImageOps.exif_transpose(image)
