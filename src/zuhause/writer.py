"""Render every page into the staging folder: unchanged pages are taken from the previous
build, the rest are rendered, in worker processes when there are many."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .discover import leaves
from .errors import Problem, msg
from .images import is_image
from .lifeline import die_with_parent
from .markup import MarkdownRenderer, MemoKey, Rendered
from .model import PageEntry, SiteModel
from .output import Staging, write_file
from .render import PageRenderer
from .themes import Theme, static_folders, template_folders

PARALLEL_FROM = 200  # pages to render before worker processes pay off


@dataclass
class WriteResult:
    """What the page stage did."""

    rendered: int
    reused: int
    problems: list[Problem]


def _hash_tree(folders: Iterable[Path], digest: hashlib._Hash, site_root: Path,
               wanted: Callable[[str], bool] = lambda name: True, contents: bool = True) -> None:
    """Feed the files below `folders` into `digest`: their bytes, or (`contents=False`, for
    pictures and static files, which can be large) their size, modification time and inode."""
    for folder in folders:
        root = site_root if folder.is_relative_to(site_root) else folder  # as discover reads it
        for path in sorted(folder.rglob("*")):
            if not (path.is_file() and wanted(path.name) and not leaves(path, root)):
                continue
            digest.update(path.relative_to(folder).as_posix().encode())
            try:
                if contents:
                    digest.update(path.read_bytes())
                else:
                    stat = path.stat()
                    digest.update(f"\0{stat.st_size} {stat.st_mtime_ns} {stat.st_ino}".encode())
            except OSError:  # reported where the file is used, with its place
                digest.update(b"\0unreadable")


def site_fingerprint(model: SiteModel, site_root: Path, chain: list[Theme]) -> str:
    """What every page depends on: zuhause, the config, the theme, the people, the menu, the
    special pages, the pictures."""
    digest = hashlib.sha256(__version__.encode())
    digest.update((site_root / "zuhause.yaml").read_bytes())
    digest.update(model.base_url.encode())
    digest.update(f"{model.preview} {model.now.astimezone(model.config.timezone).year}".encode())
    _hash_tree([path for path, _ in template_folders(site_root, chain)], digest, site_root)
    _hash_tree(static_folders(site_root, chain), digest, site_root, contents=False)
    _hash_tree([site_root / "people"], digest, site_root)
    _hash_tree([site_root / "content"], digest, site_root, is_image, contents=False)
    digest.update(json.dumps([[t.image_widths, t.content_image_sizes] for t in chain]).encode())
    digest.update(json.dumps(model.theme_settings).encode())
    menu = [(e.path, e.title, e.order, e.kind) for e in model.menu]
    digest.update(json.dumps([menu, sorted(model.special.items()), bool(model.posts)]).encode())
    return digest.hexdigest()


def listing_fingerprint(model: SiteModel) -> str:
    """What pages that list offers and posts depend on beyond the site."""
    listed = [(e.path, e.title, e.summary, e.price, e.person_id, str(e.date), e.scheduled,
               e.image.label if e.image else "", e.image_alt)
              for e in [*model.offers, *model.posts]]
    return hashlib.sha256(json.dumps(listed).encode()).hexdigest()


def page_fingerprint(entry: PageEntry, site: str, listing: str, links: dict[str, str]) -> str:
    """A hash of everything one page's HTML depends on; `links` are the page files its text
    linked to in the previous build, with what each link becomes now."""
    own = [entry.kind, entry.path, entry.source, entry.body, entry.body_line, entry.title,
           entry.description, entry.summary, str(entry.date), str(entry.updated), entry.price,
           entry.template, str(entry.generated_html or ""), entry.person_id, entry.scheduled,
           entry.image.label if entry.image else "", entry.image_alt]
    lists = entry.kind == "home" or bool(entry.list_of)
    return hashlib.sha256(json.dumps([site, listing if lists else "", own, sorted(links.items())]
                                     ).encode()).hexdigest()


Todo = tuple[PageEntry, str, str]
"""A page to render: its entry, its fingerprint, and the SHA-256 of the bytes the previous
build left for it (empty when there are none): the same bytes are not written again."""


def _render_chunk(renderer: PageRenderer, entries: list[Todo],
                  staging_root: Path) -> list[tuple[str, dict[str, object], list[Problem]]]:
    results: list[tuple[str, dict[str, object], list[Problem]]] = []
    for entry, fingerprint, previous_sha256 in entries:
        result = renderer.render(entry)
        if result.problems:
            results.append((entry.output_file, {}, result.problems))
            continue
        data = result.html.encode("utf-8")
        if previous_sha256 and hashlib.sha256(data).hexdigest() == previous_sha256:
            record: dict[str, object] = {"unchanged": True}
        else:
            record = write_file(staging_root, entry.output_file, data)
        record["fingerprint"] = fingerprint
        record["images"] = [job.as_list() for job in result.images]
        record["links"] = sorted(result.links)
        results.append((entry.output_file, record, []))
    return results


class _Worker:
    """The renderer of one worker process, made once when the process starts."""

    renderer: PageRenderer | None = None

    @classmethod
    def start(cls, parent: int, model: SiteModel, site_root: Path, chain: list[Theme]) -> None:
        die_with_parent(parent)
        cls.renderer = PageRenderer(model, site_root, chain)

    @classmethod
    def render(cls, entries: list[Todo], staging_root: Path
               ) -> list[tuple[str, dict[str, object], list[Problem]]]:
        assert cls.renderer is not None
        return _render_chunk(cls.renderer, entries, staging_root)


def write_pages(model: SiteModel, site_root: Path, chain: list[Theme], staging: Staging,
                jobs: int | None = None, memo: dict[MemoKey, Rendered] | None = None) -> WriteResult:
    """Render or reuse every page of the model into the staging folder. Pages rendered in this
    process leave their Markdown conversions in `memo` (worker processes keep theirs)."""
    site = site_fingerprint(model, site_root, chain)
    listing = listing_fingerprint(model)
    todo: list[Todo] = []
    reused = 0
    too_long = [Problem(entry.source, 0, 0, msg("output.name-too-long"),
                        msg("output.name-too-long-hint"), "output.name-too-long")
                for entry in model.pages if staging.too_long(entry.output_file)]
    if too_long:
        return WriteResult(0, 0, too_long)
    resolve = MarkdownRenderer.resolver(model.pages_by_source, model.held_back)
    for entry in model.pages:
        old = staging.previous_record(entry.output_file) or {}
        linked = old.get("links", [])
        links = {str(w): resolve(str(w)) for w in linked} if isinstance(linked, list) else {}
        fingerprint = page_fingerprint(entry, site, listing, links)
        if staging.reuse(entry.output_file, fingerprint):
            reused += 1
        else:
            todo.append((entry, fingerprint, str(old.get("sha256", ""))))
    jobs = jobs or os.cpu_count() or 1
    if not todo:
        return WriteResult(0, reused, [])
    if len(todo) >= PARALLEL_FROM and jobs > 1 and "fork" in multiprocessing.get_all_start_methods():
        size = max(1, len(todo) // (jobs * 4))
        chunks = [todo[i:i + size] for i in range(0, len(todo), size)]
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(jobs, mp_context=context, initializer=_Worker.start,
                                 initargs=(os.getpid(), model, site_root, chain)) as pool:
            results = [r for chunk in pool.map(_Worker.render, chunks,
                                               [staging.root] * len(chunks)) for r in chunk]
    else:
        results = _render_chunk(PageRenderer(model, site_root, chain, memo), todo, staging.root)
    problems: list[Problem] = []
    for relative, record, page_problems in results:
        problems.extend(page_problems)
        if record:
            staging.add_record(relative, record)
    return WriteResult(len(todo), reused, problems)
