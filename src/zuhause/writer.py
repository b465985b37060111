"""Render every page into the staging folder: unchanged pages are taken from the previous
build, the rest are rendered, in worker processes beside this one when there are many."""

from __future__ import annotations

import gc
import hashlib
import json
import os
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import BytecodeCache

from . import __version__
from .conversions import ConversionStore
from .discover import leaves
from .errors import Problem, msg
from .images import is_image
from .images.facts import PictureFacts
from .later import release
from .lifeline import can_fork, die_with_parent, forked_pool
from .markup import MarkdownRenderer, MemoKey, Rendered
from .model import PageEntry, SiteModel
from .output import Staging, write_file
from .render import PageRenderer
from .sources import SourceError
from .themes import Theme, static_folders, template_folders

if TYPE_CHECKING:
    from concurrent.futures import Future

PARALLEL_FROM = 200  # pages to convert from Markdown before worker processes pay off
PARALLEL_TEMPLATES_FROM = 600  # pages to render (their Markdown converted already) for the same


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
        found: list[tuple[str, str]] = []
        for directory, dirnames, filenames in os.walk(folder):
            dirnames[:] = [d for d in dirnames if not os.path.islink(os.path.join(directory, d))]
            prefix = os.path.relpath(directory, folder).replace(os.sep, "/")
            found += [(name if prefix == "." else f"{prefix}/{name}", os.path.join(directory, name))
                      for name in filenames if wanted(name)]
        for relative, path in sorted(found):
            if not os.path.isfile(path) or leaves(Path(path), root):
                continue
            digest.update(relative.encode("utf-8", "surrogateescape"))
            try:
                if contents:
                    with open(path, "rb") as handle:
                        digest.update(handle.read())
                else:
                    stat = os.stat(path)
                    digest.update(f"\0{stat.st_size} {stat.st_mtime_ns} {stat.st_ino}".encode())
            except OSError:  # reported where the file is used, with its place
                digest.update(b"\0unreadable")


def site_fingerprint(model: SiteModel, site_root: Path, chain: list[Theme]) -> str:
    """What every page depends on: zuhause, the config, the theme, who the people are (each
    person's details count only for the pages that show them: `person_digests`), the menu,
    the special pages, the pictures."""
    digest = hashlib.sha256(__version__.encode())
    digest.update((site_root / "zuhause.yaml").read_bytes())
    digest.update(model.base_url.encode())
    digest.update(f"{model.preview} {model.now.astimezone(model.config.timezone).year}".encode())
    _hash_tree([path for path, _ in template_folders(site_root, chain)], digest, site_root)
    _hash_tree(static_folders(site_root, chain), digest, site_root, contents=False)
    owner = model.owner  # on every page: the business's structured data names its portrait
    digest.update(json.dumps([list(model.people), owner.id, owner.portrait_abs_url]).encode())
    _hash_tree([site_root / "content"], digest, site_root, is_image, contents=False)
    digest.update(json.dumps([[t.image_widths, t.content_image_sizes] for t in chain]).encode())
    digest.update(json.dumps(model.theme_settings).encode())
    menu = [(e.path, e.title, e.order, e.kind) for e in model.menu]
    digest.update(json.dumps([menu, sorted(model.special.items()), bool(model.posts)]).encode())
    return digest.hexdigest()


def person_digests(model: SiteModel) -> dict[str, str]:
    """A hash of everything templates see of each person, with their portrait file's stamp."""
    digests = {}
    for person_id, person in model.people.items():
        stamp = ""
        if person.portrait_file is not None:
            try:
                stat = person.portrait_file.stat()
                stamp = f"{stat.st_size} {stat.st_mtime_ns} {stat.st_ino}"
            except OSError:
                stamp = "unreadable"
        text = f"{person!r}\0{stamp}".encode("utf-8", "surrogateescape")
        digests[person_id] = hashlib.sha256(text).hexdigest()
    return digests


def listing_fingerprint(model: SiteModel) -> str:
    """What pages that list offers and posts depend on beyond the site."""
    listed = [(e.path, e.title, e.summary, e.price, e.person_id, str(e.date), e.scheduled,
               e.image.label if e.image else "", e.image_alt)
              for e in [*model.offers, *model.posts]]
    return _hash_of(listed)


def _hash_of(data: object) -> str:
    """A hash of texts, numbers, yes/no and None in lists and tuples: of their `repr`, which
    tells any two such values apart (and is quicker than JSON's text)."""
    return hashlib.sha256(repr(data).encode("utf-8", "surrogatepass")).hexdigest()


def page_fingerprint(entry: PageEntry, site: str, listing: str) -> str:
    """A hash of everything one page's HTML depends on, apart from the pages its text links
    to (recorded when it is rendered, checked by `links_unchanged`). For a page read from a
    file whose text's hash is known, that hash stands for all the file says (title, texts,
    dates, price, person, template...; the language and time zone they are read in are part
    of `site`); the rest is whether it is scheduled and which picture it shows."""
    if entry.digest and entry.source:
        own = [entry.source, entry.digest, entry.scheduled,
               entry.image.label if entry.image else ""]
    else:
        own = [entry.kind, entry.path, entry.source, entry.body, entry.body_line, entry.title,
               entry.description, entry.summary, str(entry.date), str(entry.updated),
               entry.price, entry.template, str(entry.generated_html or ""), entry.person_id,
               entry.scheduled, entry.image.label if entry.image else "", entry.image_alt]
    lists = entry.kind == "home" or bool(entry.list_of)
    return _hash_of((site, listing if lists else "", own))


def links_unchanged(record: dict[str, object], resolve: Callable[[str], str]) -> bool:
    """Whether every page file a rendered page linked to still resolves as it did then."""
    links = record.get("links", {})
    if not isinstance(links, dict):
        return False
    for wanted, target in links.items():  # (a loop: most pages link to one or two)
        if resolve(str(wanted)) != target:
            return False
    return True


def people_unchanged(record: dict[str, object], digests: dict[str, str]) -> bool:
    """Whether every person a rendered page showed is still as they were then."""
    shown = record.get("people")
    return isinstance(shown, dict) and all(digests.get(str(person)) == digest
                                           for person, digest in shown.items())


Rendering = list[tuple[str, dict[str, object], list[Problem]]]
"""Per page rendered: its output file, its manifest record (empty on failure), its problems."""

Todo = tuple[int, str, str]
"""A page to render: its place in the model's pages (a worker process has the model: only
this is sent), its fingerprint, and the SHA-256 of the bytes the previous build left for it
(empty when there are none): the same bytes are not written again."""


def _render_chunk(renderer: PageRenderer, todo: list[Todo], staging_root: Path,
                  people: dict[str, str], flat: bool) -> Rendering:
    results: Rendering = []
    pages = renderer.model.pages
    for position, fingerprint, previous_sha256 in todo:
        entry = pages[position]
        try:
            result = renderer.render(entry)
        except SourceError as error:  # its file was saved while the site was being built
            results.append((entry.output_file, {}, [error.problem]))
            continue
        finally:
            release(entry, "body")  # read from its file for this page: let go again
        if result.problems:
            results.append((entry.output_file, {}, result.problems))
            continue
        data = result.html.encode("utf-8")
        if previous_sha256 and hashlib.sha256(data).hexdigest() == previous_sha256:
            record: dict[str, object] = {"unchanged": True}
        else:
            record = write_file(staging_root, entry.output_file, data, flat)
        record["fingerprint"] = fingerprint
        record["images"] = [job.as_list() for job in result.images]
        record["links"] = dict(sorted(result.links.items()))
        record["people"] = {person: people[person] for person in result.people}
        if result.conversion:
            record["conversion"] = result.conversion
        results.append((entry.output_file, record, []))
    return results


def _memo_key(entry: PageEntry) -> MemoKey:
    """The key of the page's Markdown conversion (`MarkdownRenderer.render`)."""
    return entry.source, entry.body, entry.body_line, entry.page_dir, ""


class ReadOnlyMemo(dict[MemoKey, Rendered]):
    """A memo of conversions that answers from what it was given and keeps nothing new."""

    def __setitem__(self, key: MemoKey, value: Rendered) -> None:
        """Keep nothing."""


class _Worker:
    """The renderer of one worker process, made once when the process starts."""

    renderer: PageRenderer | None = None
    memo: dict[MemoKey, Rendered] | None = None
    bring_back = False
    people: dict[str, str] | None = None

    @classmethod
    def start(cls, parent: int, model: SiteModel, site_root: Path, chain: list[Theme],
              memo: dict[MemoKey, Rendered] | None, templates: BytecodeCache | None,
              bring_back: bool, people: dict[str, str], store: ConversionStore | None,
              pictures: PictureFacts | None) -> None:
        die_with_parent(parent)
        gc.freeze()  # what the parent made stays untouched by the collector (no copies of it)
        gc.enable()  # the build holds it off while reading; rendering many pages needs it
        cls.people = people
        # A copy (the process was forked); a plain build's worker converts each text once,
        # so it only reads what the parent knew and keeps nothing new (memory stays flat).
        known = {} if memo is None else memo
        cls.memo = known if bring_back else ReadOnlyMemo(known)
        cls.bring_back = bring_back
        cls.renderer = PageRenderer(model, site_root, chain, cls.memo, templates, store, pictures)

    @classmethod
    def render(cls, todo: list[Todo], staging_root: Path, flat: bool
               ) -> tuple[Rendering, dict[MemoKey, Rendered]]:
        """The chunk's pages, and (when asked) the Markdown conversions made for them."""
        assert cls.renderer is not None and cls.memo is not None and cls.people is not None
        known = len(cls.memo)
        results = _render_chunk(cls.renderer, todo, staging_root, cls.people, flat)
        made = dict(list(cls.memo.items())[known:]) if cls.bring_back else {}
        return results, made


def write_pages(model: SiteModel, site_root: Path, chain: list[Theme], staging: Staging,
                jobs: int | None = None, memo: dict[MemoKey, Rendered] | None = None,
                templates: BytecodeCache | None = None, bring_back: bool = False,
                store: ConversionStore | None = None,
                pictures: PictureFacts | None = None) -> WriteResult:
    """Render or reuse every page of the model into the staging folder. The Markdown
    conversions of pages rendered in this process go into `memo`; those of worker processes
    only with `bring_back` (`zuhause serve`, which keeps them for the next build); `store`
    keeps them between builds (`conversions`), `pictures` what picture files hold."""
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
    people = person_digests(model)
    for position, entry in enumerate(model.pages):
        relative = entry.output_file
        old = staging.previous_record(relative) or {}
        fingerprint = page_fingerprint(entry, site, listing)
        if old.get("fingerprint") == fingerprint and links_unchanged(old, resolve) \
                and people_unchanged(old, people) and staging.reuse(relative, fingerprint, old):
            reused += 1
        else:
            todo.append((position, fingerprint, str(old.get("sha256", ""))))
    jobs = jobs or os.cpu_count() or 1
    if not todo:
        return WriteResult(0, reused, [])
    # (the texts are looked up only when the memo could hold enough of them to matter)
    cold = 0 if len(todo) < PARALLEL_FROM else len(todo) \
        if memo is None or len(todo) - len(memo) >= PARALLEL_FROM else \
        sum(1 for position, _, _ in todo if _memo_key(model.pages[position]) not in memo)
    many = cold >= PARALLEL_FROM or len(todo) >= PARALLEL_TEMPLATES_FROM
    if many and jobs > 1 and can_fork():
        results = _render_together(model, site_root, chain, todo, staging, jobs, memo, templates,
                                   bring_back, people, store, pictures)
    else:
        results = _render_chunk(PageRenderer(model, site_root, chain, memo, templates, store,
                                             pictures),
                                todo, staging.root, people, staging.updating)
    problems: list[Problem] = []
    for relative, record, page_problems in results:
        problems.extend(page_problems)
        if record:
            staging.add_record(relative, record)
    return WriteResult(len(todo), reused, problems)


def _render_together(model: SiteModel, site_root: Path, chain: list[Theme], todo: list[Todo],
                     staging: Staging, jobs: int, memo: dict[MemoKey, Rendered] | None,
                     templates: BytecodeCache | None, bring_back: bool, people: dict[str, str],
                     store: ConversionStore | None, pictures: PictureFacts | None) -> Rendering:
    """The pages of `todo` rendered by `jobs - 1` worker processes and this one together:
    the workers take small chunks from the front, this process from the back, so nobody
    waits while there is work (and no process sits idle holding a copy of the site)."""
    size = max(10, min(200, len(todo) // (jobs * 16)))
    chunks = deque(enumerate(todo[i:i + size] for i in range(0, len(todo), size)))
    done: dict[int, Rendering] = {}
    here: PageRenderer | None = None  # made once the workers are forked (they need none)
    from concurrent.futures import FIRST_COMPLETED, wait  # (imported once workers are needed)
    with forked_pool(jobs - 1, _Worker.start, (os.getpid(), model, site_root, chain, memo,
                                               templates, bring_back, people, store,
                                               pictures)) as pool:
        running: dict[Future[tuple[Rendering, dict[MemoKey, Rendered]]], int] = {}
        while chunks or running:
            while chunks and len(running) < 2 * (jobs - 1):
                number, chunk = chunks.popleft()
                running[pool.submit(_Worker.render, chunk, staging.root,
                                    staging.updating)] = number
            if chunks:
                number, chunk = chunks.pop()
                if here is None:
                    kept = memo if bring_back or memo is None else ReadOnlyMemo(memo)
                    here = PageRenderer(model, site_root, chain, kept, templates, store,
                                        pictures)
                done[number] = _render_chunk(here, chunk, staging.root, people, staging.updating)
            else:
                wait(running, return_when=FIRST_COMPLETED)
            for future in [future for future in running if future.done()]:
                rendered, made = future.result()
                done[running.pop(future)] = rendered
                if memo is not None:
                    memo.update(made)
    return [result for number in sorted(done) for result in done[number]]
