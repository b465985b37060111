"""The files beside the pages: the Atom feed of the journal, sitemap.xml, robots.txt."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from .i18n import Translator
from .model import SiteModel
from .urls import is_plain_path

# Characters XML 1.0 forbids even as references (controls, surrogates, U+FFFE/U+FFFF)
FEED_POSTS = 20  # the newest posts a feed carries: what a reader fetches again and again

# What XML 1.0 forbids: [^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff], written as
# the few ranges it is (that one took 3 ms to compile, on every start of zuhause)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(text: str) -> str:
    """`text` as XML character data or a double-quoted attribute value: forbidden characters
    dropped, `& < > "` escaped (as `xml.sax.saxutils.escape` does, whose import would cost
    each build the import of `urllib.request`)."""
    return (_NOT_XML.sub("", text).replace("&", "&amp;").replace("<", "&lt;")
            .replace(">", "&gt;").replace('"', "&quot;"))


def atom_feed(model: SiteModel) -> str:
    """An Atom feed of the newest `FEED_POSTS` journal posts, newest first (feed readers ask
    for it again and again; older posts stay in the journal and the sitemap)."""
    t = Translator(model.config.language)
    posts = model.posts[:FEED_POSTS]
    updated = max(((p.updated or p.date) for p in posts if p.date),
                  default=datetime(2000, 1, 1, tzinfo=UTC))
    journal = model.special.get("journal", "")
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{model.config.language}">',
        f"  <title>{_xml(model.config.title)} · {_xml(t('journal'))}</title>",
        f"  <id>{_xml(model.absolute_url('feed.xml'))}</id>",
        f'  <link rel="self" type="application/atom+xml" href="{_xml(model.absolute_url("feed.xml"))}"/>',
        f'  <link rel="alternate" type="text/html" href="{_xml(model.absolute_url(journal))}"/>',
        f"  <updated>{updated.isoformat()}</updated>",
        f"  <author><name>{_xml(model.owner.name)}</name></author>",
    ]
    for post in posts:
        person = model.people[post.person_id]
        url = model.absolute_url(post.path)
        lines += [
            "  <entry>",
            f"    <title>{_xml(post.title)}</title>",
            f"    <id>{_xml(url)}</id>",
            f'    <link rel="alternate" type="text/html" href="{_xml(url)}"/>',
            f"    <published>{post.date.isoformat() if post.date else updated.isoformat()}</published>",
            f"    <updated>{(post.updated or post.date or updated).isoformat()}</updated>",
            f"    <author><name>{_xml(person.name)}</name></author>",
            f"    <summary>{_xml(post.summary)}</summary>",
            "  </entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def sitemap(model: SiteModel) -> str:
    """sitemap.xml listing every page with its absolute URL."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    base = _xml(model.absolute_url(""))
    for entry in sorted(model.pages, key=lambda e: e.path):
        if entry.kind == "not_found":
            continue
        changed = entry.updated or entry.date
        lastmod = f"<lastmod>{changed.date().isoformat()}</lastmod>" if changed else ""
        loc = base + entry.path if is_plain_path(entry.path) else \
            _xml(model.absolute_url(entry.path))  # (a plain path has nothing to escape)
        lines.append(f"  <url><loc>{loc}</loc>{lastmod}</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(model: SiteModel) -> str:
    """robots.txt that welcomes every crawler and names the sitemap."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {model.absolute_url('sitemap.xml')}\n"
