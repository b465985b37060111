"""C. Served under /repo/ (as GitHub Pages serves a project site), a crawl from /repo/ that
follows every link and every referenced asset, resolved as a browser resolves them, reaches
every page and every asset without a 404. Absolute URLs (canonical, og:, JSON-LD) are not
followed but must point under https://example.org/repo/."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from browser_helpers import BASE, PREFIX, Crawl, crawl, json_ld_nodes, parse_html

DEEP_MISSING = "gibt/es/nicht/"  # a URL nobody links to: the host answers with 404.html


@pytest.fixture(scope="module")
def site_crawl(site_url: str) -> Crawl:
    """The crawl from /repo/, plus the 404 page as a host serves it at a deep missing URL
    (its links must work from any depth, so they cannot be relative)."""
    return crawl(site_url, site_url + DEEP_MISSING)


def test_crawl_meets_no_missing_page_or_asset(site_crawl: Crawl, site_url: str) -> None:
    broken = {url: f"{f.status}, linked from {sorted(f.referrers)}"
              for url, f in site_crawl.fetched.items()
              if f.status != 200 and url != site_url + DEEP_MISSING}
    assert broken == {}
    assert site_crawl.fetched[site_url + DEEP_MISSING].status == 404
    assert site_crawl.fetched[site_url + DEEP_MISSING].content_type == "text/html"


def test_crawl_reaches_every_page_of_the_build(site_crawl: Crawl, site_url: str,
                                               pages: list[str]) -> None:
    reached = {urlsplit(f.final_url).path for f in site_crawl.fetched.values()
               if f.status == 200 and f.content_type == "text/html"}
    expected = {PREFIX + path for path in pages if path != "404.html"}
    assert sorted(expected - reached) == []


def test_crawl_fetched_every_kind_of_asset(site_crawl: Crawl, example_build: Path) -> None:
    """The stylesheet, the fonts it names in url(...), the portraits, the favicon, the feed:
    each referenced, each fetched, each the very file of the build."""
    fetched = {urlsplit(url).path.removeprefix(PREFIX): f for url, f in site_crawl.fetched.items()
               if f.status == 200}
    kinds = {ref.kind for f in site_crawl.fetched.values() for ref in f.references}
    assert {"a", "link:stylesheet", "img", "css"} <= kinds, kinds
    suffixes = {Path(path).suffix for path in fetched}
    assert {".css", ".woff2", ".jpg", ".svg", ".xml"} <= suffixes, suffixes
    for path in fetched:
        if path and not path.endswith("/"):
            assert (example_build / path).is_file(), path
    # every font file a style sheet names was fetched (the crawl follows CSS url(...))
    css_refs = [ref for f in site_crawl.fetched.values() if f.content_type == "text/css"
                for ref in f.references]
    assert any(ref.url.endswith(".woff2") for ref in css_refs)
    assert all(site_crawl.fetched[urldefrag(ref.url).url].status == 200 for ref in css_refs)


def test_nothing_is_loaded_from_another_host(site_crawl: Crawl, site_url: str) -> None:
    """Links may lead out (rel="me" profiles, mailto:, tel:); resources never come from
    another host, and every link is root-relative or absolute, never relative to the page."""
    host = urlsplit(site_url).netloc
    loaded_elsewhere = [(page, ref.kind, ref.raw) for page, ref in site_crawl.elsewhere
                        if ref.loads]
    assert loaded_elsewhere == []
    schemes = {urlsplit(ref.url).scheme for _, ref in site_crawl.elsewhere}
    assert schemes <= {"https", "mailto", "tel"}, schemes
    for page, f in site_crawl.fetched.items():
        for ref in f.references:
            if urlsplit(ref.url).netloc == host and f.content_type == "text/html":
                assert ref.raw.startswith((PREFIX, "#")), (page, ref.kind, ref.raw)


def test_absolute_urls_point_under_the_base_url(site_crawl: Crawl, site_url: str) -> None:
    """canonical, og:url, og:image, JSON-LD @ids and every JSON-LD URL on the site's host:
    absolute, under https://example.org/repo/; each page's canonical URL its own address."""
    problems = []
    pages = {url: f for url, f in site_crawl.fetched.items()
             if f.status == 200 and f.content_type == "text/html"}
    for url, f in pages.items():
        path = urlsplit(f.final_url).path.removeprefix(PREFIX)
        canonical = [ref.raw for ref in f.references if ref.kind == "link:canonical"]
        if path != "404.html" and canonical != [BASE + path]:
            problems.append(f"{url}: canonical {canonical}, expected [{BASE + path}]")
        if path == "404.html" and canonical:
            problems.append(f"{url}: the 404 page names a canonical URL {canonical}")
        absolute = [ref.raw for ref in f.references
                    if ref.kind == "link:canonical" or ref.kind.startswith("meta:")]
        for block in f.json_ld:
            for node in json_ld_nodes(json.loads(block)):
                if "@id" in node:
                    absolute.append(node["@id"])
                strings = [v for v in node.values() if isinstance(v, str)]
                strings += [v for value in node.values() if isinstance(value, list)
                            for v in value if isinstance(v, str)]
                absolute += [v for v in strings if v.startswith("/")
                             or urlsplit(v).netloc == urlsplit(BASE).netloc]
        problems += [f"{url}: {raw} is not under {BASE}" for raw in absolute
                     if not raw.startswith(BASE)]
        for ref in f.references:  # links to the live site: https://example.org/... elsewhere
            if urlsplit(ref.url).netloc == urlsplit(BASE).netloc and not ref.url.startswith(BASE):
                problems.append(f"{url}: {ref.kind} {ref.raw} leaves {BASE}")
    assert len(pages) >= 10
    assert problems == []


def test_every_fragment_link_has_its_target(site_crawl: Crawl) -> None:
    """'#inhalt' (the skip link) and 'page/#id' links land on an element with that id."""
    missing = []
    for url, f in site_crawl.fetched.items():
        for ref in f.references:
            target, fragment = urldefrag(ref.url)
            if not fragment or ref.kind != "a" or target not in site_crawl.fetched:
                continue
            if fragment not in site_crawl.fetched[target].ids:
                missing.append(f"{url}: {ref.raw}")
    assert missing == []


def test_links_resolve_as_a_browser_resolves_them(site_url: str) -> None:
    """The crawl joins each reference with its page's URL: a root link that forgets /repo/
    leaves the project site and gets a 404, as it would on GitHub Pages."""
    refs, _, _ = parse_html('<a href="/kontakt/">x</a><img src="bild.jpg" alt="">'
                            '<link rel="stylesheet" href="../css/a.css">', site_url + "journal/")
    assert [r.url for r in refs] == [urljoin(site_url, "/kontakt/"),
                                     site_url + "journal/bild.jpg", site_url + "css/a.css"]
    result = crawl(urljoin(site_url, "/kontakt/"))
    assert [f.status for f in result.fetched.values()] == [404]
