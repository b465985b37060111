"""Machine-readable parts of the example site: h-card, JSON-LD, Atom feed, sitemap."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import mf2py

from site_support import PREFIX

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "example-site"
BASE = "https://example.org/repo/"
ATOM = "{http://www.w3.org/2005/Atom}"


def front_matter_value(path: Path, key: str) -> str:
    match = re.search(rf"^{key}: *(.+)$", path.read_text("utf-8").split("---")[1], re.MULTILINE)
    assert match, (path, key)
    return match[1].strip().strip('"')


def owner_name() -> str:
    owner_id = front_matter_value(EXAMPLE / "content" / "index.md", "person")
    return front_matter_value(EXAMPLE / "people" / f"{owner_id}.md", "name")


def test_home_page_is_an_h_card_with_name_photo_url(example_build: Path) -> None:
    html = (example_build / "index.html").read_text("utf-8")
    items = mf2py.parse(doc=html, url=BASE)["items"]
    cards = [i for i in items if "h-card" in i["type"]]
    assert cards, items
    card = cards[0]["properties"]
    assert card["name"] == [owner_name()]
    photo = card["photo"][0]
    assert (photo["value"] if isinstance(photo, dict) else photo).startswith(BASE + "images/")
    assert BASE in card["url"]


def test_json_ld_names_the_person(example_build: Path) -> None:
    html = (example_build / "index.html").read_text("utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.+?)</script>', html, re.DOTALL)
    assert len(blocks) == 1
    graph = json.loads(blocks[0])["@graph"]
    people = [node for node in graph if node["@type"] == "Person"]
    assert people[0]["name"] == owner_name()
    assert any(node["@type"] in ("LocalBusiness", "ProfessionalService") for node in graph)


def test_feed_is_atom_with_one_entry_per_post(example_build: Path) -> None:
    posts = [p for p in (EXAMPLE / "content" / "journal").glob("*.md") if p.name != "index.md"
             and "draft: true" not in p.read_text("utf-8")]
    feed = ET.parse(example_build / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(posts) >= 3
    titles = {e.findtext(f"{ATOM}title") for e in entries}
    assert titles == {front_matter_value(p, "title") for p in posts}
    for entry in entries:
        assert entry.findtext(f"{ATOM}id", "").startswith(BASE + "journal/")
        assert entry.findtext(f"{ATOM}updated")


def test_sitemap_lists_every_page_with_absolute_urls(example_build: Path,
                                                    site_pages: list[str]) -> None:
    root = ET.parse(example_build / "sitemap.xml").getroot()
    locs = {loc.text for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    expected = {BASE + path for path in site_pages if path != "404.html"}
    assert locs == expected
    assert all(PREFIX in loc for loc in locs if loc)
