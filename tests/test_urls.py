"""URLs made from file names are percent-encoded wherever they appear (HTML, JSON-LD, Open
Graph, the feed, the sitemap, the h-card), exactly once, and a crawl of the built site served
under a sub-path (as GitHub Pages serves a project site) finds every one of them."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import pytest

from static_host import serve
from support import MINIMAL_SITE, minimal_file, tiny_png
from zuhause import build_site
from zuhause.urls import encode_path, owner_url, site_url

BASE = "https://baeckerei-korn.example/repo/"
PORTRAIT = "/repo/images/Stollen%20frisch.jpg"
ABOUT = "/repo/ueber-mich/"
POST = "/repo/journal/broetchen-am-sonntag/"
# static file name -> how the owner may write a link to it in Markdown
ODD_FILES = {
    "files/Preisliste Ü+&.pdf": "</files/Preisliste Ü+&.pdf>",
    "files/Nr#1.pdf": "/files/Nr%231.pdf",
    "files/Was?.pdf": "/files/Was%3F.pdf",
    "files/Rabatt 50%.pdf": "/files/Rabatt%2050%25.pdf",
}
SRCSET = "/images/Stollen%20frisch.jpg 1x, images/Stollen%20frisch.jpg 2x"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_a_file_path_is_encoded_once_and_an_owner_url_is_not_encoded_twice() -> None:
    assert site_url("/repo/", "images/Stollen frisch.jpg") == PORTRAIT
    assert site_url("/", "files/Nr#1 ?50%+&ä.pdf") == "/files/Nr%231%20%3F50%25%2B%26%C3%A4.pdf"
    assert site_url("/", "ueber-mich/") == "/ueber-mich/"
    assert owner_url("images/Stollen frisch.jpg") == owner_url("images/Stollen%20frisch.jpg") \
        == "images/Stollen%20frisch.jpg"
    assert owner_url("Über mich.md#ganz unten") == "%C3%9Cber%20mich.md#ganz%20unten"
    for path in ODD_FILES:
        encoded = encode_path(path)
        assert encoded.isascii() and unquote(encoded) == path
        assert owner_url(encoded) == encoded


def _site_text() -> str:
    person = minimal_file("people/anna.md").replace("images/anna.png", "images/Stollen frisch.jpg")
    links = "\n".join(f"- [{name}]({written})" for name, written in ODD_FILES.items())
    return MINIMAL_SITE.split("-- people/anna.md --")[0].replace(
        "https://baeckerei-korn.example/", BASE) + f"""
-- people/anna.md --
{person}
-- content/index.md --
---
title: Willkommen
person: anna
---
Schön, dass Sie da sind. Lesen Sie [über mich](Über%20mich.md)
oder [von Sonntag](<journal/Brötchen am Sonntag.md>).

![Frischer Stollen](images/Stollen%20frisch.jpg)

![Noch einmal der Stollen](<images/Stollen frisch.jpg>)

![Vom Wurzelpfad](/images/Stollen%20frisch.jpg){{srcset="{SRCSET}"}}
-- content/Über mich.md --
---
title: Über mich
person: anna
---
Ich backe, seit ich denken kann. Hier meine Unterlagen:

{links}
-- content/journal/Brötchen am Sonntag.md --
---
title: Brötchen am Sonntag
person: anna
date: 2025-03-02
---
Sonntags backe ich Brötchen. ![Stollen](/images/Stollen%20frisch.jpg)
"""


@pytest.fixture
def built(site: Callable[..., Path], tmp_path: Path) -> Path:
    """The site with odd file names, built under https://baeckerei-korn.example/repo/."""
    root = site(_site_text())
    (root / "static/images/Stollen frisch.jpg").write_bytes(tiny_png())
    for name in ODD_FILES:
        (root / "static" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "static" / name).write_bytes(b"%PDF-1.4\n")
    out = tmp_path / "out"
    build_site(root, out)
    return out


class _Page(HTMLParser):
    """The URLs of one HTML page: href/src/srcset targets, meta content and JSON-LD."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.targets: list[str] = []
        self.meta: dict[str, str] = {}
        self.json_ld: list[object] = []
        self.hcard_photo: list[str] = []
        self.images: list[str] = []
        self._in_json = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        for name in ("href", "src"):
            if name in values:
                self.targets.append(values[name])
        if "srcset" in values:
            self.targets += [c.strip().split(" ")[0] for c in values["srcset"].split(",")]
        if tag == "img":
            self.images += [values.get("src", ""),
                            *(c.strip().split(" ")[0] for c in values.get("srcset", "").split(",")
                              if c.strip())]
        if tag == "meta" and "property" in values:
            self.meta[values["property"]] = values.get("content", "")
        if "u-photo" in values.get("class", "").split():
            self.hcard_photo.append(values["src"])
        self._in_json = tag == "script" and values.get("type") == "application/ld+json"

    def handle_data(self, data: str) -> None:
        if self._in_json:
            self.json_ld.append(json.loads(data))
            self._in_json = False


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text("utf-8"))
    return page


def _json_urls(data: object) -> list[str]:
    """Every URL-like value of a JSON-LD document."""
    if isinstance(data, dict):
        return [u for k, v in data.items() for u in
                ([v] if k in ("image", "url", "mainEntityOfPage", "@id") and isinstance(v, str)
                 else _json_urls(v))]
    if isinstance(data, list):
        return [u for item in data for u in _json_urls(item)]
    return []


def _assert_clean(urls: list[str]) -> None:
    """Each URL ASCII, without spaces, and encoded exactly once."""
    for url in urls:
        if urlsplit(url).scheme not in ("", "http", "https"):
            continue  # mailto:, tel: are not made from file names
        assert url.isascii() and " " not in url, url
        assert owner_url(url) == url, url
        assert "%25" not in url or "Rabatt" in url, url  # no escape was escaped again


def test_every_url_of_a_file_name_is_encoded_in_html_json_ld_open_graph_feed_and_sitemap(
        built: Path) -> None:
    home, about, post = (_parse(built / p / "index.html")
                         for p in ("", "ueber-mich", "journal/broetchen-am-sonntag"))
    absolute_portrait = "https://baeckerei-korn.example" + PORTRAIT

    # HTML: the portrait in the h-card and the owner's Markdown images in every spelling are
    # the processed variants; the image with a srcset of its own keeps it, encoded once
    variants = "/repo/media/stollen-frisch-"
    assert len(home.hcard_photo) == 1 and home.hcard_photo[0].startswith(variants)
    shown = [urljoin("/repo/", image) for image in home.images]
    assert shown.count(PORTRAIT) == 3
    assert all(url == PORTRAIT or url.startswith(variants) for url in shown)
    assert {ABOUT, POST} <= set(home.targets)
    assert {site_url("/repo/", name) for name in ODD_FILES} <= set(about.targets)
    assert any(target.startswith("/repo/media/stollen-frisch-") for target in post.targets)
    # Open Graph and JSON-LD
    for page, url in ((home, BASE), (about, BASE + "ueber-mich/"),
                      (post, BASE + "journal/broetchen-am-sonntag/")):
        assert page.meta["og:image"].startswith(BASE + "media/stollen-frisch-")
        assert page.meta["og:url"] == url
        urls = _json_urls(page.json_ld)
        assert absolute_portrait in urls
        _assert_clean([*page.targets, page.meta["og:image"], page.meta["og:url"], *urls])
    assert BASE + "journal/broetchen-am-sonntag/" in _json_urls(post.json_ld)
    # the feed and the sitemap, parsed as XML
    feed = ElementTree.parse(built / "feed.xml").getroot()
    links = [link.get("href", "") for link in feed.iter(f"{ATOM}link")]
    assert BASE + "journal/broetchen-am-sonntag/" in links
    locs = [loc.text or "" for loc in ElementTree.parse(built / "sitemap.xml").iter(f"{SITEMAP}loc")]
    assert BASE + "ueber-mich/" in locs and BASE + "journal/broetchen-am-sonntag/" in locs
    _assert_clean(links + locs)


def _crawl(start: str) -> dict[str, int]:
    """Every URL of the start's host reachable from `start` through href/src/srcset: status."""
    host = urlsplit(start).netloc
    status: dict[str, int] = {}
    queue = [start]
    while queue:
        url = queue.pop()
        if url in status:
            continue
        try:
            with urllib.request.urlopen(url) as response:
                status[url] = response.status
                body = response.read()
                html = response.headers.get_content_type() == "text/html"
        except urllib.error.HTTPError as error:
            status[url] = error.code
            continue
        if html:
            page = _Page()
            page.feed(body.decode("utf-8"))
            for target in page.targets:
                absolute = urldefrag(urljoin(url, target)).url
                if urlsplit(absolute).netloc == host:
                    queue.append(absolute)
    return status


def test_a_crawl_under_a_sub_path_finds_every_file_and_page(built: Path) -> None:
    with serve(built, "/repo/") as start:
        status = _crawl(start)
    origin = start.removesuffix("/repo/")
    assert {url: code for url, code in status.items() if code != 200} == {}
    reached = {urlsplit(url).path for url in status}
    assert {PORTRAIT, ABOUT, POST} <= reached
    assert {site_url("/repo/", name) for name in ODD_FILES} <= reached
    assert origin + PORTRAIT in status
