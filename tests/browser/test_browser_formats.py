"""D. What machines read: the home page is an h-card (mf2py) and names its person in JSON-LD;
the Atom feed has one entry per published journal post; the sitemap lists every page with an
absolute URL under https://example.org/repo/. Names and counts come from the example site's
sources (content/index.md names the person, people/<id>.md names her), never from here."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import mf2py

from browser_helpers import (
    ATOM,
    BASE,
    SITEMAP,
    front_matter,
    journal_posts,
    json_ld_nodes,
    owner,
    page_path,
    parse_html,
    types_of,
)


def _values(prop: list[Any]) -> list[str]:
    """mf2 property values as strings (a u-photo with alt is {"value": ..., "alt": ...})."""
    return [v["value"] if isinstance(v, dict) else v for v in prop]


def _h_cards(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found = []
    for item in items:
        if "h-card" in item.get("type", []):
            found.append(item)
        found += _h_cards(item.get("children", []))
        for prop in item.get("properties", {}).values():
            found += _h_cards([v for v in prop if isinstance(v, dict) and "type" in v])
    return found


def test_home_page_is_the_owners_h_card(example_build: Path) -> None:
    person = owner()
    html = (example_build / "index.html").read_text("utf-8")
    cards = _h_cards(mf2py.parse(doc=html, url=BASE)["items"])
    assert cards, "no h-card on the home page"
    card = cards[0]["properties"]  # the first h-card of the page is its owner
    assert _values(card.get("name", [])) == [person["name"]]
    photos = _values(card.get("photo", []))
    assert len(photos) == 1 and photos[0].startswith(BASE), photos
    assert (example_build / photos[0].removeprefix(BASE)).is_file()
    assert Path(person["portrait"]).stem in photos[0]  # her portrait, perhaps resized
    assert BASE in _values(card.get("url", [])), card.get("url")


def test_json_ld_names_the_owner(example_build: Path) -> None:
    person = owner()
    _, _, blocks = parse_html((example_build / "index.html").read_text("utf-8"), BASE)
    assert blocks, "no script[type=application/ld+json] on the home page"
    nodes = [node for block in blocks for node in json_ld_nodes(json.loads(block))]
    contexts = [node.get("@context", "") for node in map(json.loads, blocks) if isinstance(node, dict)]
    assert contexts and all("schema.org" in str(c) for c in contexts), contexts
    people = [node for node in nodes if "Person" in types_of(node)]
    assert person["name"] in [p.get("name") for p in people], people


def test_feed_is_atom_with_one_entry_per_journal_post(example_build: Path) -> None:
    posts = journal_posts()
    assert posts, "the example site has no journal posts"
    feed = ET.parse(example_build / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):  # RFC 4287 4.1.1
        assert (feed.findtext(f"{ATOM}{required}") or "").strip(), required
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(posts)
    expected = {BASE + page_path(post): front_matter(post)["title"] for post in posts}
    found = {}
    for entry in entries:
        for required in ("id", "title", "updated"):  # RFC 4287 4.1.2
            assert (entry.findtext(f"{ATOM}{required}") or "").strip(), required
        assert entry.find(f"{ATOM}author") is not None or feed.find(f"{ATOM}author") is not None
        links = [link.get("href") for link in entry.findall(f"{ATOM}link")
                 if link.get("rel", "alternate") == "alternate"]
        assert len(links) == 1, links
        found[links[0]] = entry.findtext(f"{ATOM}title")
    assert found == expected


def test_sitemap_lists_every_page_with_absolute_urls(example_build: Path, pages: list[str]) -> None:
    root = ET.parse(example_build / "sitemap.xml").getroot()
    assert root.tag == f"{SITEMAP}urlset"
    locs = [(loc.text or "").strip() for loc in root.iter(f"{SITEMAP}loc")]
    assert len(locs) == len(set(locs)), "a URL is listed twice"
    assert all(loc.startswith(BASE) for loc in locs), locs
    assert set(locs) == {BASE + path for path in pages if path != "404.html"}
