"""What a published picture tells about its owner besides the picture: a GPS position, the
serial number or owner of the camera, an XMP or IPTC packet, a comment. Read from the file's
own structure (JPEG segments, PNG and WebP chunks, GIF blocks), never by decoding pixels."""

from __future__ import annotations

import struct
from pathlib import Path

from PIL import Image, UnidentifiedImageError

GPS, SERIAL, OWNER, XMP, IPTC, COMMENT = "gps", "serial", "owner", "xmp", "iptc", "comment"
KINDS = (GPS, SERIAL, OWNER, XMP, IPTC, COMMENT)  # in the order a finding names them

_GPS_IFD, _EXIF_IFD = 0x8825, 0x8769
_SERIALS = {0xA431, 0xA435}  # BodySerialNumber, LensSerialNumber
_OWNERS = {0xA430}  # CameraOwnerName (in the Exif IFD)
_ARTIST = 0x013B  # Artist (in IFD0): the photographer's name
_XMP_JPEG = (b"http://ns.adobe.com/xap/1.0/\0", b"http://ns.adobe.com/xmp/extension/\0")
_PNG_TEXT = {b"tEXt", b"zTXt", b"iTXt"}
_PNG_COMMENTS = {"comment", "author", "description"}


def _exif(data: bytes) -> set[str]:
    """GPS, serial numbers and names in an EXIF block ('Exif\\0\\0' + TIFF, or TIFF alone)."""
    exif = Image.Exif()
    try:
        exif.load(data)
        found = {GPS} if exif.get_ifd(_GPS_IFD) else set()
        details = exif.get_ifd(_EXIF_IFD)
    except (SyntaxError, ValueError, struct.error, OSError, KeyError, TypeError):
        return set()
    if _SERIALS & set(details):
        found.add(SERIAL)
    if _OWNERS & set(details) or str(exif.get(_ARTIST, "")).strip(" \0"):
        found.add(OWNER)
    return found


def _jpeg(data: bytes) -> set[str]:
    found: set[str] = set()
    at = 2
    while at + 4 <= len(data) and data[at] == 0xFF:
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in (0xD9, 0xDA):  # end of image, start of scan: no more metadata
            break
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:
            at += 2
            continue
        length = struct.unpack(">H", data[at + 2:at + 4])[0]
        body = data[at + 4:at + 2 + length]
        if marker == 0xE1 and body.startswith(b"Exif\0"):
            found |= _exif(body)
        elif marker == 0xE1 and body.startswith(_XMP_JPEG):
            found.add(XMP)
        elif marker == 0xED and body.startswith(b"Photoshop 3.0\0") and b"8BIM\x04\x04" in body:
            found.add(IPTC)
        elif marker == 0xFE and body.strip(b" \0"):
            found.add(COMMENT)
        at += 2 + length
    return found


def _png(data: bytes) -> set[str]:
    found: set[str] = set()
    at = 8
    while at + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        if kind == b"eXIf":
            found |= _exif(body)
        elif kind in _PNG_TEXT:
            keyword = body.split(b"\0", 1)[0].decode("latin-1").strip().lower()
            if keyword == "xml:com.adobe.xmp":
                found.add(XMP)
            elif keyword.startswith("raw profile type"):
                found.add(IPTC if "iptc" in keyword else XMP if "xmp" in keyword else GPS
                          if b"GPS" in body else COMMENT)
            elif keyword in _PNG_COMMENTS:
                found.add(COMMENT)
        elif kind == b"IEND":
            break
        at += 12 + length
    return found


def _webp(data: bytes) -> set[str]:
    found: set[str] = set()
    at = 12
    while at + 8 <= len(data):
        kind, length = struct.unpack("<4sI", data[at:at + 8])
        if kind == b"EXIF":
            found |= _exif(data[at + 8:at + 8 + length])
        elif kind == b"XMP ":
            found.add(XMP)
        at += 8 + length + (length & 1)
    return found


def _gif(data: bytes) -> set[str]:
    found: set[str] = set()
    at = 13
    if len(data) > 10 and data[10] & 0x80:
        at += 3 * 2 ** ((data[10] & 7) + 1)
    while at < len(data):
        block = data[at]
        if block == 0x3B:  # trailer
            break
        if block == 0x2C:  # an image: descriptor, local colour table, LZW size, sub-blocks
            flags = data[at + 9] if at + 9 < len(data) else 0
            at += 10 + (3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0) + 1
        elif block == 0x21 and at + 1 < len(data):
            label = data[at + 1]
            at += 2
            if label == 0xFE:
                found.add(COMMENT)
            elif label == 0xFF and data[at + 1:at + 12] == b"XMP DataXMP":
                found.add(XMP)
        else:
            break
        while at < len(data) and data[at]:  # sub-blocks up to the empty one
            at += data[at] + 1
        at += 1
    return found


def _other(path: Path) -> set[str]:
    """TIFF and other formats, through Pillow's reading of the header."""
    found: set[str] = set()
    try:
        with Image.open(path) as image:
            exif = image.getexif()
            if exif.get_ifd(_GPS_IFD):
                found.add(GPS)
            details = exif.get_ifd(_EXIF_IFD)
            if _SERIALS & set(details):
                found.add(SERIAL)
            if _OWNERS & set(details) or str(exif.get(_ARTIST, "")).strip(" \0"):
                found.add(OWNER)
            if image.info.get("xmp") or 700 in exif:
                found.add(XMP)
            if 33723 in getattr(image, "tag_v2", {}):
                found.add(IPTC)
            if image.info.get("comment"):
                found.add(COMMENT)
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError, KeyError,
            TypeError, Image.DecompressionBombError):
        return found
    return found


def personal_metadata(path: Path) -> list[str]:
    """The kinds of personal metadata in an image file (of KINDS, in that order); [] when it
    has none, or cannot be read."""
    try:
        data = path.read_bytes()
    except OSError:
        return []
    try:
        if data.startswith(b"\xff\xd8"):
            found = _jpeg(data)
        elif data.startswith(b"\x89PNG\r\n\x1a\n"):
            found = _png(data)
        elif data[:4] == b"RIFF" and data[8:12] == b"WEBP":
            found = _webp(data)
        elif data[:6] in (b"GIF87a", b"GIF89a"):
            found = _gif(data)
        else:
            found = _other(path)
    except (IndexError, struct.error):
        found = set()
    return [kind for kind in KINDS if kind in found]
