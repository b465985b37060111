"""Find where in the owner's files a thing seen on a built page was written."""

from __future__ import annotations

from pathlib import Path

from ..sources import site_label
from ..themes import template_folders
from .context import BuiltPage, CheckContext


def template_files(context: CheckContext) -> list[str]:
    """The site's own template overrides, as paths relative to the site folder."""
    folder = context.root / "templates"
    return sorted(p.relative_to(context.root).as_posix() for p in folder.rglob("*.html")) \
        if folder.is_dir() else []


def templates_in_use(context: CheckContext) -> dict[str, tuple[str, Path]]:
    """Every template the build may use, by name ('base.html', 'partials/macros.html') ->
    (label as the owner knows it, file): the site's own templates/ win over the theme's. Looked
    up once per check."""
    if context.templates is None:
        found: dict[str, tuple[str, Path]] = {}
        for folder, label in template_folders(context.root, context.loaded.chain):
            for path in sorted(folder.rglob("*.html")):
                name = path.relative_to(folder).as_posix()
                found.setdefault(name, (f"{label}/{name}", path.resolve()))
        context.templates = found
    return context.templates


def source_label(context: CheckContext, origin: str) -> str:
    """A file the build published from (its manifest's `source`), as the owner knows it:
    'static/css/site.css', or inside a theme 'themes/default/static/css/zuhause.css'."""
    path = Path(origin)
    if not path.is_absolute():
        return origin
    for theme in context.loaded.chain:
        if path.resolve().is_relative_to(folder := theme.root.resolve()):
            return f"{theme.label}/{path.resolve().relative_to(folder).as_posix()}"
    return theme_label(path, context)


def line_at(text: str, offset: int) -> int:
    """The (1-based) line of an offset in a text."""
    return text.count("\n", 0, offset) + 1


def locate(context: CheckContext, page: BuiltPage | None, needle: str) -> tuple[str, int]:
    """The file and line where `needle` was written: the page's source, a person file, the
    site's templates, zuhause.yaml; else the page's source at line 1."""
    candidates = [page.source] if page is not None and page.entry.source else []
    candidates += [person.source for person in context.people]
    candidates += template_files(context) + ["zuhause.yaml"]
    for path in candidates:
        line = context.line_of(path, needle, default=0)
        if line:
            return path, line
    return (page.source if page is not None else "zuhause.yaml"), 1


def theme_label(path: Path, context: CheckContext) -> str:
    """A path inside the site folder as the owner knows it."""
    return site_label(path, context.root)
