"""Hostile and careless inputs from the reliability issue, as small site variations."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from support import MINIMAL_SITE, minimal_file, write_site


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims `width` x `height` pixels (Pillow reads only the header)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b""))


def _page(front_matter: str = "", body: str = "Text") -> str:
    return f"---\ntitle: T\nperson: anna\n{front_matter}\n---\n{body}\n"


_CONFIG = minimal_file("zuhause.yaml")
_APPENDED = _CONFIG.count("\n") + 1  # the line of a key appended to _CONFIG
_PERSON = minimal_file("people/anna.md")

# name -> (files to replace, the place the message must name)
READER_INPUTS: dict[str, tuple[dict[str, str], str]] = {
    **{f"yaml-control-{ord(c):02x}": ({"content/a.md": _page(f"summary: a{c}b")}, "content/a.md:4:11:")
       for c in "\v\x7f\x1b\x0c"},
    "yaml-control-in-config": ({"zuhause.yaml": _CONFIG + "description: a\x1bb\n"},
                               f"zuhause.yaml:{_APPENDED}:15:"),
    "yaml-deep-list": ({"content/a.md": _page("summary: " + "[" * 1000 + "]" * 1000)}, "content/a.md:4:"),
    "yaml-deep-map": ({"content/a.md": _page("summary: " + "{a: " * 1000 + "}" * 1000)}, "content/a.md:4:"),
    "yaml-lone-surrogate": ({"content/a.md": _page('summary: "\\ud83d"')}, "content/a.md:4:10:"),
    "yaml-lone-surrogate-key": ({"content/a.md": _page('"\\udc00": x')}, "content/a.md:4:1:"),
    "order-5000-digits": ({"content/a.md": _page("order: " + "9" * 5000)}, "content/a.md:4:8:"),
    "employees-5000-digits": ({"zuhause.yaml": _CONFIG.replace("employees: 2", "employees: " + "9" * 5000)},
                              "zuhause.yaml:11:14:"),
    "timezone-300": ({"zuhause.yaml": _CONFIG + "timezone: " + "a" * 300 + "\n"},
                     f"zuhause.yaml:{_APPENDED}:11:"),
    "theme-300": ({"zuhause.yaml": _CONFIG + "theme: " + "a" * 300 + "\n"}, "zuhause.yaml:1:1:"),
    "portrait-300": ({"people/anna.md": _PERSON.replace("images/anna.png", "a" * 300)},
                     "people/anna.md:4:11:"),
    "portrait-nul": ({"people/anna.md": _PERSON.replace("images/anna.png", '"images/\\0.png"')},
                     "people/anna.md:4:11:"),
    "timezone-nul": ({"zuhause.yaml": _CONFIG + 'timezone: "Europe/\\0"\n'}, f"zuhause.yaml:{_APPENDED}:11:"),
    "title-control": ({"content/journal/p.md": _page("date: 2025-01-01").replace(
        "title: T", 'title: "a\\x01"')},
                      "content/journal/p.md:2:8:"),
    "portrait-20000x20000": ({"static/images/anna.png": ""}, "people/anna.md:4:11:"),
}

# Markdown that made Python-Markdown work for a minute or more
MARKDOWN_INPUTS: dict[str, str] = {
    "brackets-20000": "[" * 20000,
    "images-8000": "![" * 8000,
    "links-8000": "[](" * 8000,
    "footnotes-8000": "[^" * 8000,
    "code-8000": "`a " * 8000,
    "tags-8000": "<a " * 8000,
    "brackets-in-many-paragraphs": ("x " + "[" * 700 + "\n\n") * 40,
}


def hostile_site(root: Path, name: str) -> Path:
    """The minimal site with the hostile input `name` (of READER_INPUTS or MARKDOWN_INPUTS)."""
    if name in MARKDOWN_INPUTS:
        return write_site(root, MINIMAL_SITE, content__a_dot_md=_page(body=MARKDOWN_INPUTS[name]))
    files, _ = READER_INPUTS[name]
    overrides = {path.replace("/", "__").replace(".", "_dot_"): text for path, text in files.items()
                 if not path.startswith("static/")}
    write_site(root, MINIMAL_SITE, **overrides)
    if "static/images/anna.png" in files:
        (root / "static" / "images" / "anna.png").write_bytes(png_header(20000, 20000))
    return root
