"""Photos as phones take them, made with Pillow: EXIF with a GPS position, camera make and
model and an orientation, XMP and an ICC profile, and the weight of a real picture (noise
and gradients, so a 12-megapixel JPEG is several megabytes).

The picture is drawn the right way up and then stored rotated as the orientation says, so a
published variant that is the right way up has `MARK` (red) in its top left corner.
"""

from __future__ import annotations

import io
import random
import struct
import zlib
from pathlib import Path

from PIL import Image, ImageCms

GPS_LATITUDE = (51.0, 3.0, 12.34)  # Dresden-Pieschen: where the owner lives
GPS_LONGITUDE = (13.0, 44.0, 56.78)
GPS_DATUM = "WGS-84 ANNAS-HAUS"  # written as GPSMapDatum: bytes to look for in every output
# The latitude as Pillow's EXIF writer stores it (big-endian rationals 51/1, 3/1).
GPS_LATITUDE_BYTES = b"\x00\x00\x00\x33\x00\x00\x00\x01\x00\x00\x00\x03\x00\x00\x00\x01"
MAKE, MODEL = "Phonemaker", "Pocket 12 Pro"
XMP_MARKER = b"zuhause-test-xmp-location"
MARK = (220, 20, 20)  # the colour of the top left corner of the upright picture
# Orientation -> the transpose that turns the upright picture into what the camera stored.
_STORED = {1: None, 3: Image.Transpose.ROTATE_180, 6: Image.Transpose.ROTATE_90,
           8: Image.Transpose.ROTATE_270}


def upright(width: int, height: int, seed: int = 1) -> Image.Image:
    """The scene: gradients with noise, and a red corner at the top left (a tenth of each side)."""
    rng = random.Random(seed)
    base = Image.linear_gradient("L").resize((width, height))
    noise = Image.effect_noise((width, height), 40 + rng.randint(0, 10))
    green = Image.linear_gradient("L").rotate(90).resize((width, height))
    picture = Image.merge("RGB", (base, Image.blend(green, noise, 0.5), noise))
    picture.paste(MARK, (0, 0, max(1, width // 10), max(1, height // 10)))
    return picture


def _exif(orientation: int, gps: bool) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = MAKE
    exif[0x0110] = MODEL
    exif[0x0112] = orientation
    exif[0x9003] = "2025:06:01 12:00:00"
    if gps:
        exif[0x8825] = {1: "N", 2: GPS_LATITUDE, 3: "E", 4: GPS_LONGITUDE, 0x12: GPS_DATUM}
    return exif


def _xmp() -> bytes:
    return (b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
            b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
            b'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description>' + XMP_MARKER +
            b'</dc:description></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>')


def srgb_profile() -> bytes:
    """An ICC profile (sRGB, made by LittleCMS) to embed."""
    return bytes(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())


def phone_photo(path: Path, width: int = 4000, height: int = 3000, gps: bool = True,
                orientation: int = 6, quality: int = 92, seed: int = 1) -> Path:
    """Write a JPEG as a phone stores it: `width` x `height` as shown (upright), stored turned
    as `orientation` says, with EXIF (GPS, make, model), XMP and an ICC profile."""
    picture = upright(width, height, seed)
    turn = _STORED[orientation]
    stored = picture.transpose(turn) if turn is not None else picture
    path.parent.mkdir(parents=True, exist_ok=True)
    stored.save(path, "JPEG", quality=quality, exif=_exif(orientation, gps).tobytes(),
                icc_profile=srgb_profile(), xmp=_xmp(), comment=b"shot at home")
    return path


def jpeg_bytes(width: int, height: int, mode: str = "RGB", **options: object) -> bytes:
    """A small JPEG in `mode` (e.g. CMYK)."""
    buffer = io.BytesIO()
    upright(width, height).convert(mode).save(buffer, "JPEG", **options)
    return buffer.getvalue()


def png_bytes(width: int, height: int, mode: str = "RGB") -> bytes:
    """A small PNG in `mode`: 'I;16' (16-bit grey), 'P' with a transparent colour, 'RGBA' ..."""
    buffer = io.BytesIO()
    picture = upright(width, height)
    if mode == "P":
        palette = picture.convert("P", palette=Image.Palette.ADAPTIVE, colors=16)
        palette.save(buffer, "PNG", transparency=0)
    elif mode == "I;16":
        grey = picture.convert("L").point(lambda v: v * 257, "I").convert("I;16")
        grey.save(buffer, "PNG")
    else:
        picture.convert(mode).save(buffer, "PNG")
    return buffer.getvalue()


def truncated_jpeg(width: int = 400, height: int = 300) -> bytes:
    """A JPEG cut off in the middle, as a copy that broke off."""
    data = jpeg_bytes(width, height, quality=95)
    return data[: len(data) // 2]


def bomb_png(width: int, height: int) -> bytes:
    """A small PNG whose header claims `width` x `height` pixels (a decompression bomb)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + \
            struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + \
        chunk(b"IDAT", zlib.compress(b"\x00" * 1024)) + chunk(b"IEND", b"")
