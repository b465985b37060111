"""The files beside the pages: the Atom feed of the journal, sitemap.xml, robots.txt."""

from __future__ import annotations

from datetime import UTC, datetime
from xml.sax.saxutils import escape

from .i18n import Translator
from .model import SiteModel


def atom_feed(model: SiteModel) -> str:
    """An Atom feed with one entry per journal post, newest first."""
    t = Translator(model.config.language)
    posts = model.posts
    updated = max(((p.updated or p.date) for p in posts if p.date),
                  default=datetime(2000, 1, 1, tzinfo=UTC))
    journal = model.special.get("journal", "")
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{model.config.language}">',
        f"  <title>{escape(model.config.title)} · {escape(t('journal'))}</title>",
        f"  <id>{escape(model.absolute_url('feed.xml'))}</id>",
        f'  <link rel="self" type="application/atom+xml" href="{escape(model.absolute_url("feed.xml"))}"/>',
        f'  <link rel="alternate" type="text/html" href="{escape(model.absolute_url(journal))}"/>',
        f"  <updated>{updated.isoformat()}</updated>",
        f"  <author><name>{escape(model.owner.name)}</name></author>",
    ]
    for post in posts:
        person = model.people[post.person_id]
        url = model.absolute_url(post.path)
        lines += [
            "  <entry>",
            f"    <title>{escape(post.title)}</title>",
            f"    <id>{escape(url)}</id>",
            f'    <link rel="alternate" type="text/html" href="{escape(url)}"/>',
            f"    <published>{post.date.isoformat() if post.date else updated.isoformat()}</published>",
            f"    <updated>{(post.updated or post.date or updated).isoformat()}</updated>",
            f"    <author><name>{escape(person.name)}</name></author>",
            f"    <summary>{escape(post.summary)}</summary>",
            "  </entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def sitemap(model: SiteModel) -> str:
    """sitemap.xml listing every page with its absolute URL."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for entry in sorted(model.pages, key=lambda e: e.path):
        if entry.kind == "not_found":
            continue
        changed = entry.updated or entry.date
        lastmod = f"<lastmod>{changed.date().isoformat()}</lastmod>" if changed else ""
        lines.append(f"  <url><loc>{escape(model.absolute_url(entry.path))}</loc>{lastmod}</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(model: SiteModel) -> str:
    """robots.txt that welcomes every crawler and names the sitemap."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {model.absolute_url('sitemap.xml')}\n"
