"""Acceptance 3 of the photos issue: every <img> has width, height and alt; images beside a
page, relative to it and in static/ all resolve; a missing one stops the build at its
file:line:col. And the pictures of offers and posts, in teasers and on their pages."""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

from photos import jpeg_bytes, png_bytes
from support import run_cli

POST = """---
title: Stollen
person: anna
date: 2025-12-01
image: stollen.jpg
image_alt: Ein Stollen auf dem Blech
---
Beside the page:

![Der Stollen, angeschnitten](stollen.jpg)

In a folder relative to the page: ![Der Teig](bilder/teig.jpg)

From static/: ![Das Mehl](/images/mehl.png) and from the theme ![Logo](/favicon.svg)
"""


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.images: list[dict[str, str]] = []
        self.sources: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "img":
            self.images.append(values)
        if tag == "source":
            self.sources.append(values)


def _parse(path: Path) -> _Images:
    parser = _Images()
    parser.feed(path.read_text("utf-8"))
    return parser


def _site(site: Callable[..., Path]) -> Path:
    root = site(content__journal__stollen_dot_md=POST,
                content__angebote__brot_dot_md="---\ntitle: Brot\nperson: anna\nimage: "
                "/images/mehl.png\nimage_alt: Mehl im Sack\n---\nBrot mit Zeit.\n")
    (root / "content/journal/stollen.jpg").write_bytes(jpeg_bytes(900, 600))
    (root / "content/journal/bilder").mkdir()
    (root / "content/journal/bilder/teig.jpg").write_bytes(jpeg_bytes(300, 200))
    (root / "static/images/mehl.png").write_bytes(png_bytes(500, 400, "RGBA"))
    return root


def test_relative_beside_and_static_images_resolve_with_width_height_and_alt(
        site: Callable[..., Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("build", _site(site), "-o", out)
    assert result.code == 0, result.err
    pages = [p for p in out.rglob("*.html")]
    images = [(page, image) for page in pages for image in _parse(page).images]
    assert len(images) >= 10
    for page, image in images:
        assert {"width", "height", "alt", "src"} <= set(image), (page, image)
        urls = [image["src"], *(c.split()[0] for c in image.get("srcset", "").split(",") if c)]
        for url in urls:
            assert (out / url.lstrip("/")).is_file(), (page, url)
    post = _parse(out / "journal/stollen/index.html")
    alts = [image["alt"] for image in post.images]
    assert {"Der Stollen, angeschnitten", "Der Teig", "Das Mehl", "Logo",
            "Ein Stollen auf dem Blech"} <= set(alts)
    for source in post.sources:
        assert source["type"] == "image/webp" and source["sizes"]
        for candidate in source["srcset"].split(", "):
            url, width = candidate.split(" ")
            assert (out / url.lstrip("/")).is_file() and width.endswith("w")
    lazy = [i for i in post.images if i["alt"] == "Der Teig"][0]
    assert lazy["loading"] == "lazy" and lazy["decoding"] == "async"
    assert lazy["width"] == "300" and lazy["height"] == "200"  # never upscaled


def test_the_home_portrait_loads_first_and_every_other_image_lazily(
        site: Callable[..., Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run_cli("build", _site(site), "-o", out).code == 0
    home = _parse(out / "index.html").images
    assert home[0]["fetchpriority"] == "high" and "loading" not in home[0]
    assert all(i.get("loading") == "lazy" for i in home[1:])
    about = _parse(out / "journal/stollen/index.html").images
    assert all(i.get("loading") == "lazy" and "fetchpriority" not in i for i in about)


def test_offers_and_posts_show_their_picture_in_teasers_and_on_the_page(
        site: Callable[..., Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run_cli("build", _site(site), "-o", out).code == 0
    offers = (out / "angebote/index.html").read_text("utf-8")
    assert 'alt="Mehl im Sack"' in offers and "teaser-picture" in offers
    offer = (out / "angebote/brot/index.html").read_text("utf-8")
    assert 'class="page-picture"' in offer
    assert re.search(r'<meta property="og:image" content="https://baeckerei-korn\.example/media/'
                     r'mehl-[0-9a-f]{10}-og\.jpg">', offer)


def test_a_missing_image_stops_the_build_at_its_file_line_and_column(
        site: Callable[..., Path], tmp_path: Path) -> None:
    root = _site(site)
    (root / "content/journal/bilder/teig.jpg").unlink()
    result = run_cli("build", root, "-o", tmp_path / "out")
    assert result.code == 1
    assert "content/journal/stollen.md:12:47: Das Bild 'bilder/teig.jpg' gibt es nicht" in result.err
    assert not (tmp_path / "out").exists()


def test_a_page_picture_needs_its_alt_text_and_its_file(
        site: Callable[..., Path], tmp_path: Path) -> None:
    root = site(content__angebote__brot_dot_md="---\ntitle: Brot\nperson: anna\n"
                "image: brot.jpg\n---\nBrot.\n",
                content__angebote__kuchen_dot_md="---\ntitle: Kuchen\nperson: anna\n"
                "image: kuchen.jpg\nimage_alt: Ein Kuchen\n---\nKuchen.\n")
    result = run_cli("build", root, "-o", tmp_path / "out")
    assert result.code == 1
    assert "content/angebote/brot.md:4:1: 'image' braucht 'image_alt' daneben" in result.err
    assert "content/angebote/kuchen.md:4:8: Das Bild 'kuchen.jpg' gibt es nicht" in result.err


def test_a_picture_shown_on_many_pages_is_planned_once_and_noted_for_each(tmp_path: Path) -> None:
    """A person's portrait is on every page: its markup is made once per build, and every
    page that shows it still notes the image (the build publishes what pages show)."""
    from zuhause.errors import Problems
    from zuhause.images.catalog import ImageRef
    from zuhause.images.markup import Shown
    from zuhause.images.plan import Where
    from zuhause.images.show import pictures_for
    from zuhause.themes import resolve_theme_chain

    (tmp_path / "static" / "images").mkdir(parents=True)
    portrait = tmp_path / "static" / "images" / "anna.jpg"
    portrait.write_bytes(jpeg_bytes(640, 480))
    chain = resolve_theme_chain("default", tmp_path, Problems())
    pictures = pictures_for(tmp_path, chain, [], "/", "https://example.org/")
    ref = ImageRef(portrait, "static/images/anna.jpg", Where("people/anna.md", 4, 11),
                   "images/anna.jpg")
    first = pictures.show(ref, Shown("Anna lacht", "20rem"))
    second = pictures.show(ref, Shown("Anna lacht", "20rem"))
    other = pictures.show(ref, Shown("Anna backt", "20rem"))
    assert first is second and "<picture>" in first and 'alt="Anna lacht"' in first
    assert 'alt="Anna backt"' in other
    assert len(pictures.catalog.take()) == 3  # one note per showing
