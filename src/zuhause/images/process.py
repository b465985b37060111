"""The pixel work: decode, turn upright, convert to sRGB, drop every piece of metadata, resize
and encode. Nothing of the source but its pixels reaches the output."""

from __future__ import annotations

import io
import warnings
from pathlib import Path

from PIL import Image, ImageCms, ImageOps

from .plan import AS_IS, COPY, OG, Output, Plan
from .settings import ImageSettings
from .source import MAX_PIXELS, BadImage, upright

_SRGB = ImageCms.createProfile("sRGB")
OG_CENTRE = (0.5, 0.0)  # crop a tall picture from the top: that is where a portrait's face is


def make_files(plan: Plan, data: bytes, settings: ImageSettings) -> dict[str, bytes]:
    """The bytes of every output of `plan`, made from the source bytes `data`; raises BadImage."""
    if plan.job.kind == AS_IS:
        return {plan.outputs[0].name: data}
    picture = clean_pixels(data)
    files: dict[str, bytes] = {}
    for output in plan.outputs:
        if plan.job.kind == OG:
            sized = ImageOps.fit(picture.convert("RGB"), (output.width, output.height),
                                 Image.Resampling.LANCZOS, centering=OG_CENTRE)
        elif (output.width, output.height) == picture.size:
            sized = picture
        else:
            sized = picture.resize((output.width, output.height), Image.Resampling.LANCZOS)
        files[output.name] = encode(sized, output, settings, plan.job.kind == COPY)
    return files


def clean_pixels(data: bytes) -> Image.Image:
    """The source's pixels the right way up, in sRGB (RGB or RGBA), without any metadata."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as opened:
                if opened.width * opened.height > MAX_PIXELS:  # checked before any pixel is read
                    raise BadImage("too-many-pixels")
                opened.load()
                picture = upright(opened)
                profile = opened.info.get("icc_profile")
    except BadImage:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise BadImage("too-many-pixels") from None
    except (OSError, ValueError, SyntaxError, EOFError):
        raise BadImage("broken") from None
    picture = _to_srgb(picture, profile)
    clean = Image.new(picture.mode, picture.size)
    clean.paste(picture)
    return clean  # a new image: no info, no EXIF, no XMP, no ICC profile, no comment


def _to_srgb(picture: Image.Image, profile: bytes | None) -> Image.Image:
    """RGB or RGBA pixels in sRGB: palettes, grey, 16-bit and CMYK converted, ICC applied."""
    alpha = picture.mode in ("RGBA", "LA", "PA") or "transparency" in picture.info
    if picture.mode in ("I;16", "I;16B", "I;16L", "I"):
        picture = picture.point(lambda v: v / 257, "L") if picture.mode != "I" else \
            picture.point(lambda v: v / 257).convert("L")
    mode = "RGBA" if alpha else "RGB"
    if profile:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            if picture.mode not in ("RGB", "RGBA", "CMYK", "L"):
                picture = picture.convert(mode)
            out_mode = "RGBA" if picture.mode == "RGBA" else "RGB"
            converted = ImageCms.profileToProfile(picture, source, _SRGB, outputMode=out_mode)
            if converted is not None:
                return converted
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: use the pixels as they are
    return picture.convert(mode) if picture.mode != mode else picture


def encode(picture: Image.Image, output: Output, settings: ImageSettings, copy: bool) -> bytes:
    """One output file's bytes; only pixels are passed to the encoder, no metadata."""
    buffer = io.BytesIO()
    kind = output.format
    if kind == "JPEG":
        picture.convert("RGB").save(buffer, "JPEG", quality=90 if copy else settings.jpeg_quality,
                                    optimize=True, progressive=True)
    elif kind == "WEBP":
        picture.save(buffer, "WEBP", quality=90 if copy else settings.webp_quality, method=4)
    elif kind == "PNG":
        picture.save(buffer, "PNG", optimize=not copy)
    else:  # TIFF, BMP, AVIF in static/: keep the format
        picture.save(buffer, kind)
    return buffer.getvalue()


def read_source(path: str) -> bytes:
    """The bytes of a source image."""
    return Path(path).read_bytes()
