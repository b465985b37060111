"""Check a generated benchmark site without zuhause.

Checks that every content page has ``title`` and ``person`` (a person that
exists), that journal posts have a ``YYYY-MM-DD`` date and 500-700 words, that
every relative ``.md`` link and every ``/...`` file link points at an existing
file, that people have their required keys and portrait files, that no two
pages end at the same URL, and (with ``--pages``) the total page count.

Usage::

    python benchmarks/check_site.py SITE [--pages N]
"""

from __future__ import annotations

import argparse
import posixpath
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import yaml

LINK_RE = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
FENCE_RE = re.compile(r"^```.*?^```[ \t]*$", re.MULTILINE | re.DOTALL)
WORD_RE = re.compile(r"[A-Za-zÄÖÜäöüß]+")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PERSON_KEYS = ("name", "role", "portrait", "portrait_alt", "values", "invitation")
WORD_RANGE = (500, 700)


class BadFile(Exception):
    """A file whose front matter cannot be read."""


def split_front_matter(path: Path) -> tuple[dict, str]:
    """(front matter as text values, body) of a Markdown file."""
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        raise BadFile(f"{path}: no front matter")
    head, _, body = text[4:].partition("\n---\n")
    try:
        data = yaml.load(head, Loader=yaml.BaseLoader)  # BaseLoader: every value stays text
    except yaml.YAMLError as error:
        raise BadFile(f"{path}: {error}") from error
    if not isinstance(data, dict):
        raise BadFile(f"{path}: front matter is not key: value pairs")
    return data, body


def prose_words(body: str) -> int:
    """Words of a body: letter runs outside code blocks and link targets."""
    text = FENCE_RE.sub("", body)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return len(WORD_RE.findall(text))


def url_of(relative: str) -> str:
    """The URL zuhause gives a content file (docs/site-folder.md)."""
    parts = relative[:-3].split("/")
    if parts[-1] == "index":
        parts = parts[:-1]
    slugs = []
    for part in parts:
        part = part.lower()
        for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
            part = part.replace(umlaut, plain)
        slugs.append(re.sub(r"[^a-z0-9]", "-", part))
    return "/" + "".join(f"{s}/" for s in slugs)


def link_problems(site: Path, relative: str, body: str) -> Iterator[str]:
    """Links in one content file whose target does not exist."""
    for match in LINK_RE.finditer(FENCE_RE.sub("", body)):
        href = match.group(1).split("#", 1)[0]
        if href.startswith(("http://", "https://", "mailto:")):
            continue
        if href.startswith("/"):
            target = site / "static" / href.lstrip("/")
        elif href.endswith(".md"):
            target = (
                site
                / "content"
                / posixpath.normpath(posixpath.join(posixpath.dirname(relative), href))
            )
        else:
            yield f"content/{relative}: link {href!r} is neither a page nor a site file"
            continue
        if not target.is_file():
            yield f"content/{relative}: link target {href!r} does not exist"


def page_problems(site: Path, relative: str, people: set[str]) -> Iterator[str]:
    """Everything wrong with one content page."""
    data, body = split_front_matter(site / "content" / relative)
    for key in ("title", "person"):
        if not data.get(key):
            yield f"content/{relative}: no {key}"
    if data.get("person") not in people:
        yield f"content/{relative}: unknown person {data.get('person')!r}"
    if relative.startswith("journal/"):
        if not DATE_RE.match(data.get("date", "")):
            yield f"content/{relative}: bad date {data.get('date')!r}"
        words = prose_words(body)
        if not WORD_RANGE[0] <= words <= WORD_RANGE[1]:
            yield f"content/{relative}: {words} words"
    if FENCE_RE.sub("", body).count("```"):
        yield f"content/{relative}: unbalanced code fence"
    yield from link_problems(site, relative, body)


def person_problems(site: Path, path: Path) -> Iterator[str]:
    """Everything wrong with one people/<id>.md."""
    data, body = split_front_matter(path)
    for key in PERSON_KEYS:
        if not data.get(key):
            yield f"{path.name}: no {key}"
    invitation = data.get("invitation") or {}
    if not invitation.get("text") or not invitation.get("email"):
        yield f"{path.name}: invitation needs text and email"
    if not (site / "static" / data.get("portrait", "")).is_file():
        yield f"{path.name}: portrait {data.get('portrait')!r} missing"
    if not body.strip():
        yield f"{path.name}: empty story"


def config_problems(site: Path) -> Iterator[str]:
    """Missing required keys in zuhause.yaml."""
    config = yaml.load((site / "zuhause.yaml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    for key in ("title", "base_url", "legal"):
        if key not in config:
            yield f"zuhause.yaml: no {key}"
    for key in ("form", "name", "street", "postcode", "city", "email"):
        if key not in config.get("legal", {}):
            yield f"zuhause.yaml: legal has no {key}"


def collect(problems: Iterator[str]) -> list[str]:
    """The problems of one file, or the reason it cannot be read."""
    try:
        return list(problems)
    except BadFile as error:
        return [str(error)]


def site_problems(site: Path, expected_pages: int | None) -> list[str]:
    """All problems of a site folder."""
    problems = list(config_problems(site))
    people = {p.stem for p in (site / "people").glob("*.md")}
    for path in sorted((site / "people").glob("*.md")):
        problems += collect(person_problems(site, path))
    pages = sorted(
        p.relative_to(site / "content").as_posix() for p in (site / "content").rglob("*.md")
    )
    for relative in pages:
        problems += collect(page_problems(site, relative, people))
    urls: dict[str, str] = {}
    for relative in pages:
        other = urls.setdefault(url_of(relative), relative)
        if other != relative:
            problems.append(f"content/{relative} and content/{other} have the same URL")
    if expected_pages is not None and len(pages) != expected_pages:
        problems.append(f"{len(pages)} pages, expected {expected_pages}")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: check_site.py SITE [--pages N]."""
    parser = argparse.ArgumentParser(description="Check a generated benchmark site.")
    parser.add_argument("site", type=Path)
    parser.add_argument("--pages", type=int, default=None, help="expected number of content pages")
    args = parser.parse_args(argv)
    problems = site_problems(args.site, args.pages)
    for problem in problems:
        print(problem)
    posts = len(list((args.site / "content" / "journal").glob("*.md")))
    print(f"{'FAIL' if problems else 'OK'}: {len(problems)} problems, {posts} posts checked")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
