"""Under the sub-path /repo/, a crawl from the home page reaches every page and every asset."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

from site_support import PREFIX


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.absolute: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for attribute in ("href", "src"):
            if values.get(attribute):
                self.urls.append(values[attribute] or "")
        if values.get("srcset"):
            self.urls += [part.strip().split(" ")[0] for part in (values["srcset"] or "").split(",")]
        if tag == "meta" and values.get("property", "").startswith("og:") and \
                (values.get("content") or "").startswith("http"):
            self.absolute.append(values["content"] or "")


def crawl(start: str) -> tuple[dict[str, int], list[str], list[str]]:
    """Status of every local URL reachable from `start`; absolute URLs met on the way."""
    host = urlsplit(start).netloc
    status: dict[str, int] = {}
    absolute: list[str] = []
    external: list[str] = []
    queue = [start]
    while queue:
        url = queue.pop()
        if url in status:
            continue
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                status[url] = response.status
                body = response.read()
                kind = response.headers.get_content_type()
        except urllib.error.HTTPError as error:
            status[url] = error.code
            continue
        found: list[str] = []
        if kind == "text/html":
            parser = _Links()
            parser.feed(body.decode("utf-8"))
            found = parser.urls
            absolute += parser.absolute
        elif kind == "text/css":
            found = re.findall(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", body.decode("utf-8"))
        for link in found:
            target = urldefrag(urljoin(url, link)).url
            parts = urlsplit(target)
            if parts.scheme in ("mailto", "tel", "data"):
                continue
            if parts.netloc != host:
                external.append(target)
                continue
            queue.append(target)
    return status, absolute, external


def test_crawl_reaches_every_page_and_asset_without_404(site_url: str, example_build: Path,
                                                        site_pages: list[str]) -> None:
    status, absolute, external = crawl(site_url)
    broken = {url: code for url, code in status.items() if code != 200}
    assert broken == {}
    reached = {urlsplit(url).path for url in status}
    expected = {PREFIX + path for path in site_pages if path != "404.html"}
    assert expected - reached == set()
    assert any(path.endswith(".woff2") for path in reached)  # fonts from the stylesheet
    assert any(path.endswith((".jpg", ".png", ".webp")) for path in reached)
    assert all(url.startswith("https://example.org/repo/") for url in absolute)
    assert all(not url.startswith("http://") for url in external)  # only links out to profiles


def test_crawl_would_notice_a_broken_link(site_url: str, example_build: Path) -> None:
    """The crawl can fail: a root link that ignores the sub-path gets a 404."""
    status, _, _ = crawl(site_url.replace(PREFIX, "/") + "index.html")
    assert list(status.values()) == [404]
