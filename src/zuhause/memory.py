"""What one build leaves for the next in the same process, so that `zuhause serve` redoes only
what a save changed: the parse cache, the Markdown conversions, the pages read (while their
files stay as they were), and the compiled templates; and, within one build, the placeholders
found in each page while it was read (so no page is read twice).

A single `zuhause build` starts with an empty memory, except what is kept in the site's
`.zuhause/cache/` folder: the parse cache, the Markdown conversions and the compiled templates.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import jinja2
from jinja2 import BytecodeCache, FileSystemBytecodeCache
from jinja2.bccache import Bucket

from . import __version__
from .conversions import ConversionStore
from .errors import Problem, Problems
from .images.facts import PictureFacts
from .later import Later
from .markup import MemoKey, Rendered, carried_over
from .model import PageEntry, page_texts
from .pages import BodyAt, Page, body_from_file, places_from_file, read_page
from .parsecache import KnownFile, ParseCache, Unencodable, decode_page, encode_page, text_end
from .sources import Source, SourceError, read_or_report, text_digest
from .starter.recognise import (
    Placeholder,
    cached_placeholders,
    placeholders_data,
    placeholders_from_data,
)
from .uptodate import FileStat, Walk, settled

T = TypeVar("T")
Stamp = tuple[int, int, int]


def _parser(root: Path, relative: Path, source: Source
            ) -> Callable[[], tuple[Page | None, list[Problem]]]:
    """What parses and validates the page of content/ at `relative`, whose text is `source`."""
    def make() -> tuple[Page | None, list[Problem]]:
        found = Problems()
        page = read_page(root, relative, found, None, lambda _p, _n: source)  # kept whole
        return page, list(found)
    return make


def stamp_of(path: Path) -> Stamp | None:
    """A file's size, modification time and inode; None when it cannot be read."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns, stat.st_ino


class FileMemo:
    """Results computed from one file each, kept while the file's stamp stays the same and
    nobody said it changed (`forget`: the dev server passes every path its watcher saw).
    An inactive memo keeps nothing (a single build has no next build in its process)."""

    def __init__(self, active: bool = True) -> None:
        self.entries: dict[tuple[str, str], tuple[Stamp, Any]] = {}
        self.active = active

    def get(self, kind: str, path: Path, make: Callable[[], tuple[T, bool]]) -> T:
        """The result of `make()` for `path`: (value, whether it may be kept)."""
        if not self.active:
            return make()[0]
        stamp = stamp_of(path)
        key = (kind, os.path.abspath(path))
        known = self.entries.get(key)
        if stamp is not None and known is not None and known[0] == stamp:
            return known[1]  # type: ignore[no-any-return]
        value, keep = make()
        if keep and stamp is not None:
            self.entries[key] = (stamp, value)
        else:
            self.entries.pop(key, None)
        return value

    def forget(self, paths: Iterable[str]) -> None:
        """Drop what was computed from `paths` (spelled as the paths given to `get`)."""
        gone = {os.path.abspath(p) for p in paths}
        if gone:
            self.entries = {key: value for key, value in self.entries.items()
                            if key[1] not in gone}


class TemplateCode(BytecodeCache):
    """Compiled templates by name and source checksum, so a new Jinja environment per build
    does not compile them again (an edited template has a new checksum)."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        """Give the bucket its code, if compiled before."""
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep the bucket's code."""
        self.code[bucket.key] = bucket.bytecode_to_string()


TEMPLATE_FOLDER = Path(".zuhause") / "cache" / "templates"


class StoredTemplateCode(FileSystemBytecodeCache):
    """Compiled templates kept in the site's `.zuhause/cache/templates/` between builds, one
    file each, written whole or not at all. Jinja takes a file only when it holds code of
    its own bytecode format (and Python's) compiled from the template's present source; the
    file's name also depends on the versions of zuhause (whose Jinja settings the code was
    compiled with) and of Jinja."""

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        """The key of a template's file: its name and path, and the versions of zuhause and
        Jinja."""
        return super().get_cache_key(f"{__version__}\0{jinja2.__version__}\0{name}", filename)

    def load_bytecode(self, bucket: Bucket) -> None:
        """Give the bucket its code, if kept and sound (else the template is compiled: Jinja
        itself reads a damaged file's checksum without a check)."""
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 (a damaged file is any kind of failure: compile)
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep a template's code, its folder made when the first one is kept; one that
        cannot be written is no loss (the next build compiles the template again)."""
        with contextlib.suppress(OSError):
            os.makedirs(self.directory, exist_ok=True)
            super().dump_bytecode(bucket)

    @classmethod
    def of_site(cls, root: Path) -> StoredTemplateCode:
        """The compiled templates kept in the site folder `root`."""
        return cls(str(root / TEMPLATE_FOLDER))


@dataclass
class BuildMemory:
    """See the module docstring."""

    cache: ParseCache
    converted: dict[MemoKey, Rendered] = field(default_factory=dict)
    files: FileMemo = field(default_factory=FileMemo)
    templates: BytecodeCache = field(default_factory=TemplateCode)
    entries: dict[int, tuple[Page, str, PageEntry]] = field(default_factory=dict)
    keep_conversions: bool = False  # also those made in worker processes (for `serve`)
    store: ConversionStore | None = None  # Markdown conversions kept in the site folder
    save_each_build: bool = True  # False: `serve` saves the parse cache when it stops
    placeholders: dict[str, list[Placeholder]] = field(default_factory=dict)  # by file name
    lazy_bodies: bool = False  # pages keep no text: it is read again when they are rendered
    walk: Walk | None = None  # the site's files as found before this build: with `lazy_bodies`,
    # a page file found as an earlier build read it is not read again (`ParseCache.known_file`)
    texts: dict[tuple[str, str, str], tuple[str, str]] = field(default_factory=dict)  # (page_texts)
    pictures: PictureFacts = field(default_factory=PictureFacts)  # what picture files hold

    @classmethod
    def of_site(cls, root: Path) -> BuildMemory:
        """A fresh memory for one build, with the caches kept in the site folder."""
        return cls(ParseCache.of_site(root), files=FileMemo(active=False),
                   store=ConversionStore.of_site(root), pictures=PictureFacts.of_site(root))

    @classmethod
    def for_build(cls, root: Path, walk: Walk | None = None) -> BuildMemory:
        """A memory for one `zuhause build`: like `of_site`, and the pages keep no text in
        memory (each is read again from its file when it is rendered, then let go). `walk`
        is how the site's files were found before the build: page files unchanged since an
        earlier build read them are not read at all."""
        memory = cls.of_site(root)
        memory.templates = StoredTemplateCode.of_site(root)
        memory.lazy_bodies = True
        memory.walk = walk
        return memory

    @classmethod
    def for_serving(cls, root: Path) -> BuildMemory:
        """A memory for the builds of `zuhause serve`: it keeps what each build read and
        converted (also in worker processes) for the next, and saves the parse cache only
        when the server stops."""
        return cls(ParseCache.of_site(root), keep_conversions=True,
                   store=ConversionStore.of_site(root), save_each_build=False,
                   pictures=PictureFacts.of_site(root))

    def next_build(self) -> None:
        """Keep of the last build's conversions what a new build may take."""
        self.converted = carried_over(self.converted)  # placeholders stay: a page read
        # again finds its own, a page taken from `files` is unchanged
        self.texts = {}

    def read_page(self, root: Path, relative: Path, problems: Problems,
                  keep: Callable[[Page], bool], language: str | None = None,
                  full: Path | None = None) -> Page | None:
        """Read a page of content/: its text, then the page from the parse cache by that text
        (`keep` says which pages may be kept), else parsed and validated. With `lazy_bodies`
        the page keeps where its text is instead of the text, and what was found (the page,
        its placeholders, its summary and description in the site's `language`) is noted by
        the file's name for the next build (`unchanged_page`, `_read_noted`). `full` is
        `root / relative`, when the caller has it already."""
        name = relative.as_posix()
        full = full or root / relative
        source = read_or_report(full, name, problems)
        if source is None:
            return None
        digest = text_digest(source.text)  # one hash of the text keys every lookup
        if self.lazy_bodies:
            return self._read_noted(relative, name, str(full), source, digest, problems, keep,
                                    language, _parser(root, relative, source))
        self.placeholders[name] = cached_placeholders(name, source.text, self.cache, digest)
        page, found = self.cache.page(name, source.text, _parser(root, relative, source), keep,
                                      digest)
        problems.extend(found)
        return page

    def _read_noted(self, relative: Path, name: str, full: str, source: Source, digest: str,
                    problems: Problems, keep: Callable[[Page], bool], language: str | None,
                    make: Callable[[], tuple[Page | None, list[Problem]]]) -> Page | None:
        """`read_page` in a build that keeps no texts: the page noted for the file when its
        text is the one noted then, else read; noted anew when anything about it changed."""
        text = source.text
        known = self.cache.known_file(name)
        page = self._known_page(known, name, full, language, text_end(text)) \
            if known is not None and known.digest == digest else None
        found: list[Problem] = []
        if page is None:
            known = None
            page, found = self.cache.page(name, text, make, lambda _page: False, digest)
            problems.extend(found)  # (not kept there: the note below keeps it)
            if page is None:
                return None
            self.placeholders[name] = cached_placeholders(name, text, None)
        noted = keep(page) and not found
        texts = [language, *self.page_texts(page, language, keep=not noted)] \
            if language is not None else []  # (while the text is at hand)
        seen = self._seen(relative)
        if seen is not None and not (self.walk and settled(seen, self.walk.began)):
            seen = None  # changed just before the walk: only the text's hash tells
        if noted:
            with contextlib.suppress(Unencodable):
                note = KnownFile(seen, digest, placeholders_data(self.placeholders[name]), texts,
                                 known.page if known is not None else
                                 encode_page(page, places=False))
                if note != known:
                    self.cache.note_file(name, note)
        page.body = Later(body_from_file, BodyAt(full, name, len(page.body), digest))
        return page

    def _seen(self, place: Path) -> FileStat | None:
        """How this build's walk found the site's file at `place` (relative to the site
        folder), in a build that keeps no texts; else None."""
        if self.walk is None or not self.lazy_bodies:
            return None
        return self.walk.files.get(os.fspath(place))

    def unchanged_page(self, place: Path, full: str, language: str | None) -> Page | None:
        """The page of the file at `place` in the site folder (at `full`) when this build's
        walk found it as the last build that read it did: from the parse cache, without
        reading the file. None when it must be read (`read_page`): not found so, not all of
        it in the cache, or not a build that keeps no texts."""
        seen = self._seen(place)
        if seen is None:
            return None
        name = place.as_posix()
        known = self.cache.known_file(name)
        if known is None or known.seen != seen:
            return None
        digest = known.digest
        page = self._known_page(known, name, full, language, lambda length: Later(
            body_from_file, BodyAt(full, name, length, digest)))
        if page is not None and language is not None \
                and (name, digest, language) not in self.texts:
            try:
                self.page_texts(page, language)  # (from the cache, else the text is read now)
            except SourceError:  # (saved since: read it)
                return None
        return page

    def _known_page(self, known: KnownFile, name: str, full: str, language: str | None,
                    body: Callable[[int], Any]) -> Page | None:
        """The page noted in `known` for the file `name` at `full` (`body(length)` gives its
        body; the places of its front matter are read from the file when a message needs
        them), with its placeholders, and its description and summary when noted in
        `language`; None when the note does not make a page."""
        try:
            placeholders = placeholders_from_data(name, known.placeholders)
            page = decode_page(known.page, name, known.digest, body,
                               Later(places_from_file, BodyAt(full, name, 0, known.digest)))
        except (KeyError, ValueError, TypeError, AttributeError, IndexError, RecursionError):
            return None  # a damaged note: the file is read (and noted anew)
        if language is not None and known.texts[:1] == [language]:
            self.texts[(name, known.digest, language)] = (known.texts[1], known.texts[2])
        self.placeholders[name] = placeholders
        return page

    def page_texts(self, page: Page, language: str, keep: bool = True) -> tuple[str, str]:
        """`model.page_texts`, kept in the parse cache by the page's text (taken from there,
        but not kept, unless `keep`)."""
        if not page.digest:
            return page_texts(page, language)
        key = (page.source, page.digest, language)
        if key not in self.texts:  # (worked out while reading, with `lazy_bodies`)
            description, summary = self.cache.texts(
                "page-texts", language, page.source, page.digest, keep=keep,
                make=lambda: list(page_texts(page, language)))
            self.texts[key] = (description, summary)
        return self.texts[key]

    def read(self, path: Path, reader: Callable[[Problems], T | None],
             problems: Problems, keep: Callable[[T], bool]) -> T | None:
        """`reader(problems)` for a file, or what it gave while the file is unchanged (only
        results without problems that `keep` accepts are remembered)."""
        def make() -> tuple[tuple[T | None, list[Problem]], bool]:
            found = Problems()
            value = reader(found)
            return (value, list(found)), value is not None and not found and keep(value)

        value, found = self.files.get("read", path, make)
        problems.extend(found)
        return value

    def keep_entries(self, pages: Iterable[Page]) -> None:
        """Forget the entries of pages this build did not read (edited, renamed, deleted)."""
        alive = {id(page) for page in pages}
        self.entries = {key: known for key, known in self.entries.items() if key in alive}

    def entry_of(self, page: Page, setting: str, make: Callable[[Page], PageEntry]) -> PageEntry:
        """A fresh copy of the page's entry, made once per page read and site `setting` (a
        single build, whose files memo is inactive, just makes it)."""
        if not self.files.active:
            return make(page)
        known = self.entries.get(id(page))
        if known is None or known[0] is not page or known[1] != setting:
            known = (page, setting, make(page))
            self.entries[id(page)] = known
        return dataclasses.replace(known[2])
