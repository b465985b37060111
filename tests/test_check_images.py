"""`zuhause check` on the pictures of the image pipeline: a picture published with personal
metadata (only possible for files kept as they are) is one error at the picture the owner put
into the site, and the same photo made into variants by the pipeline is no finding."""

from __future__ import annotations

from pathlib import Path

from photos import phone_photo
from support import MINIMAL_SITE, write_site
from zuhause.checking import check_site
from zuhause.checking.metadata import COMMENT, GPS, IPTC, OWNER, SERIAL, XMP, personal_metadata

RULE = "privacy.image-metadata"


def page(title: str, body: str) -> str:
    """A content page for Anna; its body starts on line 5."""
    return f"---\ntitle: {title}\nperson: anna\n---\n{body}"


def site_with_photo(tmp_path: Path, keep: bool) -> Path:
    """The minimal site with a phone photo (GPS, make, model, XMP, a comment) in static/images/,
    shown on two pages, and published untouched when `keep`."""
    root = write_site(tmp_path / "site", MINIMAL_SITE, **{
        "content__haus_dot_md": page("Das Haus", "Ich wohne hier.\n\n![Unser Haus](/images/haus.jpg)\n"),
        "content__garten_dot_md": page("Der Garten", "Hinter dem Haus:\n\n![Das Haus](/images/haus.jpg)\n"),
    })
    phone_photo(root / "static" / "images" / "haus.jpg", 800, 600)
    if keep:
        config = root / "zuhause.yaml"
        config.write_text(config.read_text("utf-8") + "images:\n  keep: [images/haus.jpg]\n",
                          "utf-8")
    return root


def test_kept_phone_photo_is_one_error_at_its_source(tmp_path: Path) -> None:
    report = check_site(site_with_photo(tmp_path, keep=True))
    hits = [f for f in report.findings if f.id == RULE]
    assert [(f.path, f.line, f.level) for f in hits] == [("static/images/haus.jpg", 1, "error")]
    assert hits[0].message == ("Das Bild static/images/haus.jpg wird mit persönlichen Angaben "
                               "veröffentlicht: eine GPS-Position, XMP-Daten, ein Kommentar.")
    assert "images: keep:" in hits[0].fix and "exiftool -all= haus.jpg" in hits[0].fix
    assert report.exit_code() == 1


def test_the_same_photo_processed_is_no_finding(tmp_path: Path) -> None:
    report = check_site(site_with_photo(tmp_path, keep=False))
    assert [f.format() for f in report.findings if f.id == RULE] == []


def test_a_kept_photo_no_page_shows_is_found_too(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", MINIMAL_SITE)
    phone_photo(root / "static" / "downloads" / "rohbild.jpg", 400, 300, gps=False)
    config = root / "zuhause.yaml"
    config.write_text(config.read_text("utf-8") + "images:\n  keep: [downloads/rohbild.jpg]\n",
                      "utf-8")
    report = check_site(root)
    assert [(f.path, f.message) for f in report.findings if f.id == RULE] == [
        ("static/downloads/rohbild.jpg", "Das Bild static/downloads/rohbild.jpg wird mit "
         "persönlichen Angaben veröffentlicht: XMP-Daten, ein Kommentar.")]


def test_what_counts_as_personal(tmp_path: Path) -> None:
    from PIL import Image, PngImagePlugin
    plain = Image.new("RGB", (8, 8), "white")
    exif = Image.Exif()
    exif[0x010F] = "Phonemaker"  # make and model say nothing about the owner
    exif[0x0112] = 6
    plain.save(tmp_path / "make.jpg", exif=exif.tobytes())
    exif[0x013B] = "Anna Korn"
    exif[0x8769] = {0xA431: "SN-0042"}
    exif[0x8825] = {1: "N", 2: (51.0, 3.0, 12.0)}
    plain.save(tmp_path / "all.webp", exif=exif.tobytes(), xmp=b"<x:xmpmeta/>")
    text = PngImagePlugin.PngInfo()
    text.add_text("Software", "Pillow")
    plain.save(tmp_path / "software.png", pnginfo=text)
    text.add_text("Comment", "bei Oma")
    plain.save(tmp_path / "comment.png", pnginfo=text)
    plain.convert("P").save(tmp_path / "comment.gif", comment=b"bei Oma")
    plain.save(tmp_path / "iptc.jpg")
    data = (tmp_path / "iptc.jpg").read_bytes()
    iptc = b"Photoshop 3.0\0" + b"8BIM\x04\x04\0\0\0\0\0\x08\x1c\x02\x50\0\x04Anna"
    segment = b"\xff\xed" + (len(iptc) + 2).to_bytes(2, "big") + iptc
    (tmp_path / "iptc.jpg").write_bytes(data[:2] + segment + data[2:])
    assert personal_metadata(tmp_path / "make.jpg") == []
    assert personal_metadata(tmp_path / "all.webp") == [GPS, SERIAL, OWNER, XMP]
    assert personal_metadata(tmp_path / "software.png") == []
    assert personal_metadata(tmp_path / "comment.png") == [COMMENT]
    assert personal_metadata(tmp_path / "comment.gif") == [COMMENT]
    assert personal_metadata(tmp_path / "iptc.jpg") == [IPTC]
