"""Find the files of a site folder: people, pages, static files; skip editor litter and escapes."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Container
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Message, msg

_EDITOR_LITTER = re.compile(r"^~|~$|\.(swp|swx|tmp|bak)$|^4913$|^#.*#$|^\.#|^\.DS_Store$|^Thumbs\.db$")
_STATIC_HIDDEN = re.compile(r"^\.(?!well-known$)")


def is_ignored(name: str) -> bool:
    """Dotfiles, `_` files, editor backups and temporary files never become pages."""
    return name.startswith((".", "_")) or bool(_EDITOR_LITTER.search(name))


def is_ignored_static(name: str) -> bool:
    """Static files are copied as they are, except editor litter and dotfiles; `.well-known/`
    and Netlify's `_redirects` and `_headers` are kept."""
    return bool(_EDITOR_LITTER.search(name) or _STATIC_HIDDEN.search(name))


@dataclass
class SiteFiles:
    """Every input file of a site, as paths relative to the site folder."""

    root: Path
    people: list[Path] = field(default_factory=list)
    pages: list[Path] = field(default_factory=list)
    static: list[Path] = field(default_factory=list)
    templates: list[Path] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)


def leaves(path: Path, root: Path) -> bool:
    """True for a symlink that points outside `root` or to no regular file: such a link is
    skipped, and nothing reads it (not even to hash it)."""
    if not path.is_symlink():
        return False
    real_root, target = os.path.realpath(root), os.path.realpath(path)
    return os.path.commonpath([real_root, target]) != real_root or not os.path.isfile(target)


def walk_files(root: Path, folder: Path, warnings: list[Message],
               ignored: Callable[[str], bool] = is_ignored,
               regular: Container[str] = ()) -> list[Path]:
    """All files below `folder` (relative to `root`), sorted; symlinks leaving `root` are
    skipped. `regular` holds the places of files in `root` ('content/brot.md', with the
    system's separator) known to be regular files, not links: they are taken without asking
    the file system again."""
    found: list[Path] = []
    if not folder.is_dir():
        return found
    for directory, dirnames, filenames in os.walk(folder, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not ignored(d))
        inside = os.path.relpath(directory, root)
        prefix = "" if inside == os.curdir else inside + os.sep
        for name in sorted(filenames):
            if ignored(name):
                continue
            place = prefix + name
            relative = Path(place)
            if place in regular:
                found.append(relative)
                continue
            full = os.path.join(directory, name)
            if os.path.islink(full) and leaves(Path(full), root):
                warnings.append(msg("discover.skipped-link", file=relative.as_posix()))
                continue
            if os.path.isfile(full):
                found.append(relative)
    return found


def discover(root: Path, regular: Container[str] = ()) -> SiteFiles:
    """List the people, pages, static files and template overrides of the site at `root`
    (`regular`: paths known to be regular files, as `walk_files` takes them)."""
    files = SiteFiles(root)
    warnings = files.warnings
    files.people = [p for p in walk_files(root, root / "people", warnings, regular=regular)
                    if p.suffix == ".md"]
    files.pages = [p for p in walk_files(root, root / "content", warnings, regular=regular)
                   if p.suffix == ".md"]
    files.static = walk_files(root, root / "static", warnings, is_ignored_static, regular)
    files.templates = walk_files(root, root / "templates", warnings, regular=regular)
    return files
