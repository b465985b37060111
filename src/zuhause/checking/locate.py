"""Find where in the owner's files a thing seen on a built page was written."""

from __future__ import annotations

from pathlib import Path

from .context import BuiltPage, CheckContext


def template_files(context: CheckContext) -> list[str]:
    """The site's own template overrides, as paths relative to the site folder."""
    folder = context.root / "templates"
    return sorted(p.relative_to(context.root).as_posix() for p in folder.rglob("*.html")) \
        if folder.is_dir() else []


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
    try:
        return path.relative_to(context.root).as_posix()
    except ValueError:
        return path.as_posix()
