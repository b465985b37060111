"""The build pipeline: discover, read and validate, build the site model, render, write."""

from __future__ import annotations

import contextlib
import gc
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from . import swap, uptodate
from .config import CONFIG_FILE, SiteConfig, read_config
from .discover import SiteFiles, discover, is_ignored_static, walk_files
from .errors import Message, Problem, Problems, SiteError, msg
from .feeds import atom_feed, robots_txt, sitemap
from .frontmatter import Position, YamlMap
from .guard import guarded
from .images import (
    COPY,
    BadImage,
    ImageCache,
    ImageSettings,
    Job,
    Where,
    image_problem,
    is_raster,
    probe,
    publish_images,
)
from .images.settings import settings_for
from .images.show import pictures_for
from .legal import check_legal
from .manifest import MANIFEST
from .markup import MemoKey, Rendered
from .memory import BuildMemory
from .model import SiteModel, build_model, entry_from_page
from .output import Staging, UnsafePath, check_output_folder, describe_os_error
from .pages import Page
from .people import Person, read_person
from .schema import Field, validate
from .sources import site_label
from .starter.recognise import find_placeholders, text_reader
from .stopping import BuildStopped, Terminated
from .swap import recover
from .theme_settings import site_values
from .themes import Theme, resolve_theme_chain, static_folders
from .urls import base_path
from .writer import write_pages


@dataclass
class BuildReport:
    """What a build did."""

    site: Path
    out: Path
    pages: int
    files: int
    rendered: int
    reused: int
    seconds: float
    warnings: list[Message] = field(default_factory=list)
    images_processed: int = 0  # images decoded and encoded by this build
    images_cached: int = 0  # images taken from the cache of an earlier build
    image_seconds: float = 0.0  # time spent on images (planning, processing, copying)
    written: list[str] = field(default_factory=list)  # the files zuhause's output holds now
    conversions: set[str] | None = None  # the stored Markdown conversions its pages use (not
    # worked out when it rendered less than a tenth of the pages: then none are removed)
    untouched: dict[str, tuple[int, int, int]] = field(default_factory=dict, repr=False)
    # (files of the output it found and left as they were, with their size, time and inode)

    def summary(self, language: str) -> str:
        """The one line a build ends with, in `language`."""
        return msg("build.summary", pages=self.pages, rendered=self.rendered, reused=self.reused,
                   files=self.files - self.pages, out=str(self.out),
                   seconds=f"{self.seconds:.2f}").format(language)


@dataclass
class LoadedSite:
    """A site read, validated and cross-referenced: ready to render."""

    root: Path
    config: SiteConfig
    chain: list[Theme]
    model: SiteModel
    files: SiteFiles
    people: list[Person] = field(default_factory=list)  # as read, front matter with its places
    # Every Markdown text converted for this site (stories while building the model, bodies
    # while writing in this process), kept for `zuhause check`: each text is converted once.
    converted: dict[MemoKey, Rendered] = field(default_factory=dict)
    memory: BuildMemory | None = None  # what this build leaves for the next (memory)


def load_site(root: Path, base_url: str | None = None, drafts: bool = False,
              future: bool = False, now: datetime | None = None,
              preview: bool = False, memory: BuildMemory | None = None) -> LoadedSite:
    """Discover, read and validate every file, and build the site model; raises SiteError.

    Pages dated after `now` (default: the present; without offset in the site's time zone)
    are left out unless `future`; `preview` marks them as not yet published (zuhause serve).
    `memory` holds what earlier builds found (default: only the parse cache of the site).
    """
    problems = Problems()
    if not root.is_dir():
        raise SiteError([Problem(str(root), 0, 0, msg("site.missing"), msg("site.missing-hint"),
                                 "site.missing")])
    if base_url is not None:
        cli_field = Field("base_url", "url", msg("field.site.base_url"), True,
                      "https://anna.github.io/website/")
        checked = validate(_cli_map("base_url", base_url), (cli_field,), "--base-url", problems)
        base_url = checked.get("base_url")
    config = guarded(CONFIG_FILE, problems, lambda: read_config(root, problems, base_url))
    memory = memory if memory is not None else BuildMemory.of_site(root)
    files = discover(root, memory.walk.files if memory.walk is not None else ())
    memory.next_build()
    parse = memory.cache.load_yaml
    look = memory.pictures.header
    people = [p for path in files.people if (p := guarded(
        path.as_posix(), problems, partial(read_person, root, path, problems, parse, look=look)))]
    language = config.language if config is not None else None
    pages = [page for path in files.pages
             if (page := _read_page(root, path, memory, problems, language))]
    read_ok = {person.source for person in people} | {page.source for page in pages}
    unreadable = frozenset(path.as_posix() for path in [*files.people, *files.pages]) - read_ok
    if config is None:
        problems.check()
        raise AssertionError("read_config returned None without a problem")
    check_legal(config, problems)
    chain = guarded(CONFIG_FILE, problems,
                    lambda: resolve_theme_chain(config.theme, root, problems)) or []
    settings = guarded(CONFIG_FILE, problems, lambda: site_values(chain, config.raw, problems))
    if not files.people:
        problems.add("people/", 0, 0, msg("site.no-people"), msg("site.no-people-hint"),
                     "site.no-people")
    pictures = pictures_for(root, chain, config.images.get("keep", []),
                            base_path(config.base_url), config.base_url, memory.pictures)
    setting = f"{config.language} {config.timezone}"
    model = build_model(config, people, pages, drafts, problems, files.warnings, unreadable,
                        now=now, future=future, preview=preview, pictures=pictures,
                        content_sizes=pictures.catalog.settings.content_sizes, memo=memory.converted,
                        theme_settings=settings,
                        entry_of=lambda page: memory.entry_of(
                            page, setting, partial(entry_from_page, config=config,
                                                   texts=memory.page_texts)))
    problems.check()
    assert model is not None
    memory.keep_entries(pages)
    return LoadedSite(root, config, chain, model, files, people, memory.converted, memory)


def _read_page(root: Path, path: Path, memory: BuildMemory, problems: Problems,
               language: str | None) -> Page | None:
    """The page of the file `path` in content/: as an earlier build found it, when the file
    is unchanged since (`BuildMemory.unchanged_page`), else read and validated."""
    name = path.as_posix()
    full = os.path.join(root, path)
    if (page := guarded(name, problems, lambda: memory.unchanged_page(path, full, language))):
        return page
    at = Path(full)
    return guarded(name, problems, partial(
        memory.read, at, partial(memory.read_page, root, path, keep=_page_keeps,
                                 language=language, full=at),
        problems, _page_keeps))


def _page_keeps(page: Page) -> bool:
    """Whether a page read may be remembered while its file is unchanged: not when it names a
    picture (whether that file exists is part of reading it)."""
    return page.image is None and "image" not in page.values


def _cli_map(key: str, value: str) -> YamlMap:
    data = YamlMap(Position(1, 1))
    data[key] = value
    return data


def output_folder(site: Path | str, out: Path | str | None = None) -> Path:
    """The folder a build writes: `out`, or `public/` inside the site folder."""
    return Path(out) if out is not None else Path(site) / "public"


def build_site(site: Path | str, out: Path | str | None = None, base_url: str | None = None,
               drafts: bool = False, jobs: int | None = None, future: bool = False,
               now: datetime | None = None, preview: bool = False,
               memory: BuildMemory | None = None) -> BuildReport:
    """Build the site folder `site` into `out` (default `site/public`). Raises SiteError.

    `future` includes pages dated after `now` (default: the present), `preview` marks them.
    `memory` carries what one build found to the next in the same process.
    """
    started = time.perf_counter()
    root = Path(site)
    out_path = output_folder(root, out)
    refused = check_output_folder(out_path, root)
    if refused:
        raise SiteError(refused)
    options: dict[str, object] = {"base_url": base_url, "drafts": drafts, "future": future,
                                  "preview": preview}
    stamped = memory is None and now is None  # a plain build: it may find nothing to do
    walked = uptodate.site_walk(root, out_path) if stamped else None
    if walked is not None and (done := _already_built(root, out_path, walked, options,
                                                      started)) is not None:
        return done
    uptodate.forget(root, out_path)  # until this build has ended well
    memory = memory if memory is not None else BuildMemory.for_build(root, walked)
    with collector_paused():
        loaded = load_site(root, base_url, drafts, future, now, preview, memory)
        warning = placeholder_warning(loaded)  # before writing: the output is committed last
        report = write_site(loaded, out_path, jobs, started)
        if memory.save_each_build:  # (serve saves when it stops, and leaves pruning to builds)
            memory.cache.save()
            memory.pictures.save()
            if memory.store is not None and report.conversions is not None:
                memory.store.prune(report.conversions)
        if warning:
            report.warnings.append(warning)
        if walked is not None and not loaded.model.held_back:  # (a post due later: no stamp)
            uptodate.note(root, out_path, walked, options, [*report.written, MANIFEST],
                          report.pages, report.warnings, _new_year(loaded.model),
                          datetime.now(UTC), [theme.root for theme in loaded.chain],
                          report.untouched)
    return report


def _already_built(root: Path, out: Path, site: uptodate.Walk, options: dict[str, object],
                   started: float) -> BuildReport | None:
    """The report of a build with nothing to do, when the output is up to date (`uptodate`:
    `site` is what the walk of the site folder found); None when there is work."""
    recovered = recover(out)  # what stopped builds left beside the output goes first
    stamp = uptodate.load(root, out)
    if recovered or stamp is None or not uptodate.holds(stamp, site, root, out, options,
                                                         datetime.now(UTC)):
        return None
    return BuildReport(root, out, stamp.pages, stamp.files - 1, 0, stamp.pages,
                       time.perf_counter() - started, list(stamp.warnings))


def _new_year(model: SiteModel) -> datetime:
    """When the footer's year changes: the next first of January in the site's time zone."""
    moment = model.now.astimezone(model.config.timezone)
    return datetime(moment.year + 1, 1, 1, tzinfo=model.config.timezone)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Hold Python's cycle collector off while a build makes its many small objects: it would
    walk all of them again and again (a third of a big site's rebuild). Objects are freed as
    always; the few cycles wait for the collector's next run after the build."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def used_conversions(model: SiteModel, files: dict[str, dict[str, object]]) -> set[str] | None:
    """The keys of the stored Markdown conversions the pages of the site use now, as their
    records in the output's manifest name them (`files`); None when a page's record names
    none (an output of an older zuhause: then none may be taken for unused)."""
    keys = set()
    for entry in model.pages:
        key = files.get(entry.output_file, {}).get("conversion")
        if isinstance(key, str) and key:
            keys.add(key)
        elif entry.source:
            return None
    return keys


def placeholder_warning(loaded: LoadedSite) -> Message | None:
    """One line naming every placeholder of `zuhause new` still on the site (None when there
    is none)."""
    memory = loaded.memory
    if memory is None:
        found = find_placeholders(loaded.root, loaded.model)
    else:
        read = text_reader(loaded.root)
        found = find_placeholders(loaded.root, loaded.model, lambda name: memory.files.get(
            "text", loaded.root / name, lambda: (read(name), True)), memory.cache,
            memory.placeholders)
    if not found:
        return None
    places = ", ".join(f"{p.path}:{p.line}" for p in found)
    return msg("build.placeholders", count=len(found), places=places)


def write_site(loaded: LoadedSite, out_path: Path, jobs: int | None = None,
               started: float | None = None) -> BuildReport:
    """Render and write a loaded site into `out_path` through a staging folder."""
    started = time.perf_counter() if started is None else started
    root = loaded.root
    staging: Staging | None = None
    try:
        recovered = recover(out_path)
        staging = Staging(out_path)
        memory = loaded.memory
        result = write_pages(loaded.model, root, loaded.chain, staging, jobs, loaded.converted,
                             memory.templates if memory else None,
                             bool(memory and memory.keep_conversions),
                             memory.store if memory else None,
                             memory.pictures if memory else None)
        if result.problems:
            raise SiteError(result.problems)
        swap.checkpoint("pages-written")
        static = _static_files(loaded)
        images = publish_images(_image_jobs(loaded, staging, static), _settings(loaded),
                                ImageCache.of_site(root), staging, jobs,
                                memory.pictures if memory else None)
        if images.problems:
            raise SiteError(images.problems)
        _write_site_files(loaded, staging, static)
        collisions = staging.collisions()
        if collisions:
            raise SiteError(collisions)
        warnings = recovered + staging.commit()
    except BaseException as error:
        published = staging is not None and staging.published
        if staging is not None and not published:
            staging.discard()
        elif staging is not None and staging.updating:
            with contextlib.suppress(OSError):  # else the next run of zuhause finishes it
                staging.finish_update()  # decided before the stop: the output gets all of it
        if isinstance(error, (KeyboardInterrupt, Terminated)):
            raise BuildStopped(error, published) from error
        if isinstance(error, OSError) and (not published or bool(staging and staging.updating)):
            reason = describe_os_error(error)
            what, hint = ((msg("output.create-failed", reason=reason),
                           msg("output.create-failed-hint")) if staging is None else
                          (msg("output.write-failed", reason=reason), msg("output.write-failed-hint")))
            raise SiteError([Problem(str(out_path), 0, 0, what, hint,
                                     "output.write-failed")]) from None
        raise
    pages = len(loaded.model.pages)
    used = used_conversions(loaded.model, staging.files) \
        if result.rendered * 10 >= pages else None  # (a build that rendered little prunes none)
    return BuildReport(root, out_path, pages, len(staging.files), result.rendered, result.reused,
                       time.perf_counter() - started, loaded.model.warnings + warnings,
                       images.processed, images.cached, images.seconds, list(staging.files),
                       used, staging.untouched())


def _settings(loaded: LoadedSite) -> ImageSettings:
    return settings_for([t.image_widths for t in loaded.chain],
                        [t.content_image_sizes for t in loaded.chain],
                        loaded.config.images.get("keep", []))


def _static_files(loaded: LoadedSite) -> dict[str, Path]:
    """The static files of theme and site by their path in the output; the site's win."""
    static: dict[str, Path] = {}
    site_static = loaded.root / "static"
    for folder in static_folders(loaded.root, loaded.chain):
        relatives = ([path.relative_to("static") for path in loaded.files.static]
                     if folder == site_static
                     else walk_files(folder, folder, loaded.model.warnings, is_ignored_static))
        for path in relatives:
            static[path.as_posix()] = folder / path
    return static


def _image_jobs(loaded: LoadedSite, staging: Staging, static: dict[str, Path]) -> list[Job]:
    """Every image the build publishes: those the pages show (rendered now or reused from
    the last build, whose manifest record lists them), those of the people's stories, and
    every raster picture in static/ (at its own path, without metadata) that is not kept."""
    distinct = {id(data): data for record in staging.files.values()  # (records share them)
                for data in record.get("images", []) or []}  # type: ignore[attr-defined]
    listed = dict.fromkeys(tuple(data) for data in distinct.values())
    shown = [Job.from_list(list(data)) for data in listed]  # most pages show the same few
    keep = _settings(loaded).keep
    copies = [Job(COPY, str(path), site_label(path, loaded.root), relative,
                  Where(site_label(path, loaded.root)))
              for relative, path in static.items() if is_raster(relative) and relative not in keep]
    return [*loaded.model.image_jobs, *shown, *copies]


def _write_site_files(loaded: LoadedSite, staging: Staging, static: dict[str, Path]) -> None:
    """Static files of theme and site, feed, sitemap, robots.txt, .nojekyll and CNAME; the
    raster pictures among them are already published by the image stage."""
    model = loaded.model
    generated = {
        "sitemap.xml": sitemap(model),
        "robots.txt": robots_txt(model),
        ".nojekyll": "",
    }
    if model.posts:
        generated["feed.xml"] = atom_feed(model)
    if loaded.config.domain:
        generated["CNAME"] = loaded.config.domain + "\n"
    problems = []
    keep = _settings(loaded).keep
    for relative, path in static.items():
        if is_raster(relative) and relative not in keep:
            continue
        if relative.lower().endswith(".svg") and (script := _svg_script(loaded.root, path)):
            problems.append(script)
            continue
        if relative in generated or relative in staging.files:
            if relative == "CNAME" and relative in generated:
                pos = loaded.config.raw.value_at("domain")
                problems.append(Problem("zuhause.yaml", pos.line, pos.column,
                                        msg("output.cname-twice"), msg("output.cname-twice-hint"),
                                        "output.duplicate"))
                continue
            problems.append(Problem(site_label(path, loaded.root), 0, 0,
                                    msg("output.replaces-generated", file=relative),
                                    msg("output.replaces-generated-hint"), "output.duplicate"))
            continue
        if staging.too_long(relative):
            problems.append(Problem(site_label(path, loaded.root), 0, 0,
                                    msg("output.name-too-long"), msg("output.name-too-long-hint"),
                                    "output.name-too-long"))
            continue
        try:
            staging.copy(relative, path)
        except UnsafePath:
            continue
        staging.files[relative]["source"] = site_label(path, loaded.root)  # for `check`
    if problems:
        raise SiteError(problems)
    for relative, text in generated.items():
        staging.write(relative, text.encode("utf-8"))


def _svg_script(root: Path, path: Path) -> Problem | None:
    """A problem when an SVG in static/ carries a script (it would run on the site)."""
    try:
        probe(path)
    except BadImage as error:
        if error.reason == "svg-script":
            label = site_label(path, root)
            return image_problem("svg-script", label, Where(label))
    except OSError:
        return None
    return None

