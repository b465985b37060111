"""Turn a generated zuhause site into minimal equivalent projects for Hugo, Eleventy and Pelican.

Every project gets the same work: the same Markdown bodies (front matter cut down to
``title`` and, for posts, ``date``), one base layout (title, a nav, the content, a footer),
one list page of all journal posts (newest first, no pagination) at ``/journal/``, pretty
URLs (``/journal/<name>/``) and the site's images. The relative ``.md`` links between pages
are rewritten here, once, to the pages' final URLs, so the peers need no link-resolving
plug-in (zuhause resolves them itself while it builds). What each tool makes on its own by
default (feeds, sitemaps, tag and category pages, syntax highlighting) is switched off.

Used by ``bench_peers.py``; to look at a project by itself::

    python benchmarks/peer_sites.py SITE OUT_FOLDER   # writes OUT_FOLDER/{hugo,eleventy,pelican}
"""

from __future__ import annotations

import json
import posixpath
import re
import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

LINK_RE = re.compile(r"\]\(([^)\s:]+)\.md\)")
FRONT_MATTER_RE = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)

# The one base layout of every tool. @SITE@ and @NAV@ are filled in here; @TITLE@ and
# @CONTENT@ become each tool's own template expressions.
LAYOUT = """<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>@TITLE@ – @SITE@</title>
</head>
<body>
<header><a href="/">@SITE@</a>
<nav>@NAV@</nav>
</header>
<main>
<h1>@TITLE@</h1>
@CONTENT@
</main>
<footer><p>© @SITE@</p></footer>
</body>
</html>
"""


@dataclass(frozen=True)
class Page:
    """One content page: its path inside content/ (posix), title, date (posts only) and body."""

    path: str
    title: str
    date: str | None
    body: str

    @property
    def is_post(self) -> bool:
        """Journal posts are the pages listed on /journal/."""
        return self.path.startswith("journal/")


@dataclass(frozen=True)
class Site:
    """What the converters need from the generated site."""

    title: str
    pages: tuple[Page, ...]
    images: Path

    def nav(self) -> str:
        """Links to the plain pages at the top of content/ and to the journal."""
        plain = [p for p in self.pages if "/" not in p.path and p.path != "index.md"]
        links = [f'<a href="{url_of(p.path)}">{p.title}</a>' for p in plain]
        return " ".join([*links, '<a href="/journal/">Journal</a>'])


# --------------------------------------------------------------------------
# Reading the generated site
# --------------------------------------------------------------------------


def url_of(path: str) -> str:
    """The pretty URL of a content file: index.md is /, journal/x.md is /journal/x/."""
    stem = path.removesuffix(".md")
    return "/" if stem == "index" else f"/{stem}/"


def unquote(value: str) -> str:
    """A flat YAML scalar as generate_site.yaml_scalar writes it, back to its text."""
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    return value


def rewrite_links(path: str, body: str) -> str:
    """Relative links to other .md files become the target pages' URLs."""

    def to_url(match: re.Match[str]) -> str:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(path), match[1] + ".md"))
        return f"]({url_of(target)})"

    return LINK_RE.sub(to_url, body)


def read_page(content: Path, file: Path) -> Page:
    """One Markdown file of content/: its title, date and body with links rewritten."""
    text = file.read_text(encoding="utf-8")
    match = FRONT_MATTER_RE.match(text)
    if match is None:
        raise ValueError(f"{file} has no front matter")
    fields = dict(line.split(": ", 1) for line in match[1].splitlines() if ": " in line)
    path = file.relative_to(content).as_posix()
    date = fields.get("date") if path.startswith("journal/") else None
    return Page(path, unquote(fields["title"]), date, rewrite_links(path, text[match.end():]))


def read_site(site: Path) -> Site:
    """The title, the content pages (sorted by path) and the images folder of a generated site."""
    config = (site / "zuhause.yaml").read_text(encoding="utf-8")
    title = re.search(r"^title: (.+)$", config, re.MULTILINE)
    content = site / "content"
    pages = tuple(read_page(content, f) for f in sorted(content.rglob("*.md")))
    return Site(unquote(title[1]) if title else "Bench", pages, site / "static" / "images")


# --------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------


def write(path: Path, text: str) -> None:
    """Write UTF-8 text, creating parent folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def yaml_front_matter(page: Page, extra: Sequence[str] = ()) -> str:
    """title (JSON-quoted, which is valid YAML), date of posts, and extra lines."""
    lines = [f"title: {json.dumps(page.title, ensure_ascii=False)}"]
    lines += [f"date: {page.date}"] if page.date else []
    return "---\n" + "\n".join([*lines, *extra]) + "\n---\n"


def layout(site: Site, title: str, content: str) -> str:
    """The base layout with one tool's expressions for the page title and content."""
    filled = LAYOUT.replace("@SITE@", site.title).replace("@NAV@", site.nav())
    return filled.replace("@TITLE@", title).replace("@CONTENT@", content)


def write_hugo(site: Site, project: Path) -> None:
    """A Hugo project: config.toml, layouts/ and content/ (index.md becomes _index.md)."""
    write(project / "config.toml", f"""baseURL = "https://bench.example/"
languageCode = "de"
title = {json.dumps(site.title, ensure_ascii=False)}
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]

[markup.highlight]
codeFences = false
""")
    layouts = project / "layouts"
    write(layouts / "_default" / "baseof.html",
          layout(site, "{{ .Title }}", '{{ block "main" . }}{{ end }}'))
    write(layouts / "_default" / "single.html", '{{ define "main" }}{{ .Content }}{{ end }}\n')
    write(layouts / "index.html", '{{ define "main" }}{{ .Content }}{{ end }}\n')
    write(layouts / "_default" / "list.html", """{{ define "main" }}<ul>
{{ range .Pages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> \
<time>{{ .Date.Format "2006-01-02" }}</time></li>
{{ end }}</ul>{{ end }}
""")
    content = project / "content"
    write(content / "journal" / "_index.md", '---\ntitle: "Journal"\n---\n')
    # The offers' folder is a section too; zuhause's offer list page is not part of the
    # comparison, so Hugo does not render one either.
    write(content / "angebote" / "_index.md", '---\ntitle: "Angebote"\n_build:\n  render: never\n---\n')
    for page in site.pages:
        name = "_index.md" if page.path == "index.md" else page.path
        write(content / name, yaml_front_matter(page) + page.body)
    shutil.copytree(site.images, project / "static" / "images")


def write_eleventy(site: Site, project: Path) -> None:
    """An Eleventy project: eleventy.config.js, content/ with _includes/ and the list page."""
    write(project / "eleventy.config.js", """// Markdown is not run through Liquid first;
// every page gets the base layout.
module.exports = function (eleventyConfig) {
  eleventyConfig.addPassthroughCopy({ "static/images": "images" });
  eleventyConfig.addGlobalData("layout", "base.njk");
  eleventyConfig.addFilter("isoDate", (date) => date.toISOString().slice(0, 10));
  return {
    dir: { input: "content", includes: "_includes" },
    markdownTemplateEngine: false,
    htmlTemplateEngine: "njk",
  };
};
""")
    content = project / "content"
    write(content / "_includes" / "base.njk", layout(site, "{{ title }}", "{{ content | safe }}"))
    write(content / "journal" / "journal.json", '{ "tags": ["journal"] }\n')
    write(content / "journal.njk", """---
title: Journal
permalink: /journal/
---
<ul>
{% for post in collections.journal | reverse %}<li><a href="{{ post.url }}">{{ post.data.title }}</a> \
<time>{{ post.date | isoDate }}</time></li>
{% endfor %}</ul>
""")
    for page in site.pages:
        write(content / page.path, yaml_front_matter(page) + page.body)
    shutil.copytree(site.images, project / "static" / "images")


def write_pelican(site: Site, project: Path) -> None:
    """A Pelican project: pelicanconf.py, a theme of four templates, and content/.

    Posts are Pelican articles (they have dates), the other pages are Pelican pages; the
    article index is the list page at journal/index.html. Pelican's Markdown reader takes
    the front matter through Python-Markdown's meta extension, so values are not quoted.
    """
    project.mkdir(parents=True, exist_ok=True)
    root = project.resolve()
    write(project / "pelicanconf.py", f"""# Minimal settings for bench_peers.py; paths are absolute.
SITENAME = {site.title!r}
SITEURL = ""
AUTHOR = "bench"
PATH = {str(root / "content")!r}
THEME = {str(root / "theme")!r}
THEME_STATIC_PATHS = []
TIMEZONE = "Europe/Berlin"
DEFAULT_LANG = "de"
ARTICLE_PATHS = ["journal"]
PAGE_PATHS = [""]
PAGE_EXCLUDES = ["journal", "images"]
STATIC_PATHS = ["images"]
SLUGIFY_SOURCE = "basename"
PATH_METADATA = r"(?P<path_no_ext>.*)\\.md"
ARTICLE_URL = PAGE_URL = "{{path_no_ext}}/"
ARTICLE_SAVE_AS = PAGE_SAVE_AS = "{{path_no_ext}}/index.html"
INDEX_SAVE_AS = "journal/index.html"
DEFAULT_PAGINATION = False
DIRECT_TEMPLATES = ["index"]
TAG_SAVE_AS = CATEGORY_SAVE_AS = AUTHOR_SAVE_AS = ""
FEED_ALL_ATOM = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
MARKDOWN = {{
    "extension_configs": {{
        "markdown.extensions.tables": {{}},
        "markdown.extensions.fenced_code": {{}},
        "markdown.extensions.footnotes": {{}},
        "markdown.extensions.attr_list": {{}},
    }},
    "output_format": "html5",
}}
""")
    templates = project / "theme" / "templates"
    write(templates / "base.html",
          layout(site, "{% block title %}{% endblock %}", "{% block content %}{% endblock %}")
          .replace("<h1>{% block title %}{% endblock %}</h1>", "<h1>{{ self.title() }}</h1>"))
    for name, variable in (("article.html", "article"), ("page.html", "page")):
        write(templates / name, f'{{% extends "base.html" %}}\n'
              f"{{% block title %}}{{{{ {variable}.title }}}}{{% endblock %}}\n"
              f"{{% block content %}}{{{{ {variable}.content }}}}{{% endblock %}}\n")
    write(templates / "index.html", """{% extends "base.html" %}
{% block title %}Journal{% endblock %}
{% block content %}<ul>
{% for article in articles %}<li><a href="/{{ article.url }}">{{ article.title }}</a> \
<time>{{ article.date.strftime("%Y-%m-%d") }}</time></li>
{% endfor %}</ul>{% endblock %}
""")
    content = project / "content"
    for page in site.pages:
        lines = [f"title: {page.title}"] + ([f"date: {page.date}"] if page.date else [])
        if page.path == "index.md":
            lines.append("save_as: index.html")
        write(content / page.path, "---\n" + "\n".join(lines) + "\n---\n" + page.body)
    shutil.copytree(site.images, content / "images")


WRITERS: dict[str, Callable[[Site, Path], None]] = {
    "hugo": write_hugo,
    "eleventy": write_eleventy,
    "pelican": write_pelican,
}


def make_project(site: Site, tool: str, project: Path) -> Path:
    """A fresh project for tool in project (an old one there is removed first)."""
    shutil.rmtree(project, ignore_errors=True)
    WRITERS[tool](site, project)
    return project


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: peer_sites.py SITE OUT_FOLDER."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 2:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    site = read_site(Path(args[0]))
    for tool in WRITERS:
        print(f"wrote {make_project(site, tool, Path(args[1]) / tool)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
