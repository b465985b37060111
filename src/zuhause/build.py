"""The build pipeline: discover, read and validate, build the site model, render, write."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from .catalogue import text as catalogue_text
from .config import SiteConfig, read_config
from .discover import SiteFiles, discover, is_ignored_static, walk_files
from .errors import Problem, Problems, SiteError
from .feeds import atom_feed, robots_txt, sitemap
from .frontmatter import Position, YamlMap
from .legal import check_legal
from .model import SiteModel, build_model
from .output import Staging, UnsafePath, check_output_folder, describe_os_error, recover
from .pages import read_page
from .people import read_person
from .schema import Field, validate
from .starter.recognise import find_placeholders
from .themes import Theme, resolve_theme_chain, static_folders
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
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """The one line a build ends with."""
        return (f"Built {self.pages} pages ({self.rendered} rendered, {self.reused} unchanged) "
                f"and {self.files - self.pages} other files into {self.out} in {self.seconds:.2f} s")


@dataclass
class LoadedSite:
    """A site read, validated and cross-referenced: ready to render."""

    root: Path
    config: SiteConfig
    chain: list[Theme]
    model: SiteModel
    files: SiteFiles


def load_site(root: Path, base_url: str | None = None, drafts: bool = False) -> LoadedSite:
    """Discover, read and validate every file, and build the site model; raises SiteError."""
    problems = Problems()
    if not root.is_dir():
        raise SiteError([Problem(str(root), 0, 0, "this site folder does not exist",
                                 "Give the folder that holds zuhause.yaml, e.g. zuhause build my-site",
                                 "site.missing")])
    if base_url is not None:
        checked = validate(_cli_map("base_url", base_url), (Field("base_url", "url", "the address",
                           True, "https://anna.github.io/website/"),), "--base-url", problems)
        base_url = checked.get("base_url")
    config = read_config(root, problems, base_url)
    files = discover(root)
    people = [p for p in (read_person(root, path, problems) for path in files.people) if p]
    pages = [p for p in (read_page(root, path, problems) for path in files.pages) if p]
    read_ok = {person.source for person in people} | {page.source for page in pages}
    unreadable = frozenset(path.as_posix() for path in [*files.people, *files.pages]) - read_ok
    if config is None:
        problems.check()
        raise AssertionError("read_config returned None without a problem")
    check_legal(config, problems)
    chain = resolve_theme_chain(config.theme, root, problems)
    if not files.people:
        problems.add("people/", 0, 0, "the site has no people",
                     "Create people/<your-name>.md with your name, role, portrait and story.",
                     "site.no-people")
    model = build_model(config, people, pages, drafts, problems, files.warnings, unreadable)
    problems.check()
    assert model is not None
    return LoadedSite(root, config, chain, model, files)


def _cli_map(key: str, value: str) -> YamlMap:
    data = YamlMap(Position(1, 1))
    data[key] = value
    return data


def build_site(site: Path | str, out: Path | str | None = None, base_url: str | None = None,
               drafts: bool = False, jobs: int | None = None) -> BuildReport:
    """Build the site folder `site` into `out` (default `site/public`). Raises SiteError."""
    started = time.perf_counter()
    root = Path(site)
    out_path = Path(out) if out is not None else root / "public"
    refused = check_output_folder(out_path, root)
    if refused:
        raise SiteError(refused)
    loaded = load_site(root, base_url, drafts)
    warning = placeholder_warning(loaded)  # before writing: the output is committed last
    report = write_site(loaded, out_path, jobs, started)
    if warning:
        report.warnings.append(warning)
    return report


def placeholder_warning(loaded: LoadedSite) -> str:
    """One line, in the site's language, naming every placeholder of `zuhause new` still
    on the site ('' when there is none)."""
    found = find_placeholders(loaded.root, loaded.model)
    if not found:
        return ""
    places = ", ".join(f"{p.path}:{p.line}" for p in found)
    return catalogue_text("new", loaded.config.language, "build.placeholders", count=len(found),
                places=places)


def write_site(loaded: LoadedSite, out_path: Path, jobs: int | None = None,
               started: float | None = None) -> BuildReport:
    """Render and write a loaded site into `out_path` through a staging folder."""
    started = time.perf_counter() if started is None else started
    root = loaded.root
    recover(out_path)
    try:
        staging = Staging(out_path)
    except OSError as error:
        raise SiteError([Problem(str(out_path), 0, 0, f"could not create the output folder: "
                                 f"{describe_os_error(error)}", "Check the folder's permissions "
                                 "and free disk space.", "output.write-failed")]) from None
    try:
        result = write_pages(loaded.model, root, loaded.chain, staging, jobs)
        if result.problems:
            raise SiteError(result.problems)
        _write_site_files(loaded, staging)
        collisions = staging.collisions()
        if collisions:
            raise SiteError(collisions)
        warnings = staging.commit()
    except OSError as error:
        staging.discard()
        raise SiteError([Problem(str(getattr(error, "filename", "") or out_path), 0, 0,
                                 f"could not write the site: {describe_os_error(error)}",
                                 "Free some disk space or check the folder's permissions; the "
                                 "previous site was left as it was.", "output.write-failed")]) from None
    except BaseException:
        staging.discard()
        raise
    pages = len(loaded.model.pages)
    return BuildReport(root, out_path, pages, len(staging.files), result.rendered, result.reused,
                       time.perf_counter() - started, loaded.model.warnings + warnings)


def _write_site_files(loaded: LoadedSite, staging: Staging) -> None:
    """Static files of theme and site, feed, sitemap, robots.txt, .nojekyll and CNAME."""
    model = loaded.model
    static: dict[str, Path] = {}
    site_static = loaded.root / "static"
    for folder in static_folders(loaded.root, loaded.chain):
        relatives = ([path.relative_to("static") for path in loaded.files.static]
                     if folder == site_static
                     else walk_files(folder, folder, model.warnings, is_ignored_static))
        for path in relatives:
            static[path.as_posix()] = folder / path
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
    for relative, path in static.items():
        if relative in generated or relative in staging.files:
            if relative == "CNAME" and relative in generated:
                pos = loaded.config.raw.value_at("domain")
                problems.append(Problem("zuhause.yaml", pos.line, pos.column,
                                        "the domain is set here and in static/CNAME",
                                        "Keep one of the two.", "output.duplicate"))
                continue
            problems.append(Problem(_static_label(loaded.root, path), 0, 0,
                                    f"this file would replace the generated '{relative}'",
                                    "Rename or remove the file.", "output.duplicate"))
            continue
        try:
            staging.copy(relative, path)
        except UnsafePath:
            continue
    if problems:
        raise SiteError(problems)
    for relative, text in generated.items():
        staging.write(relative, text.encode("utf-8"))


def _static_label(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
