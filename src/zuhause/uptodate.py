"""Whether an output folder already holds what building the site again would write: then a
build has nothing to do, and does nothing.

After a build, zuhause notes in the site's `.zuhause/cache/stamps/` (one file per output
folder): a hash of every file of the site folder, of the built-in themes and of any theme
folder outside the site it used (name, size, modification and change time, inode, mode), the
options and versions the build ran with, every file it left in the output folder (with its
size, time and inode), what it reported, and until when the result holds (the new year: the
footer shows the year). The next build compares; when all of it is the same, the output is
up to date.

The site's files are looked at before the build reads any of them, so a file saved while the
build runs no longer matches the stamp. A file saved just before that look could be saved
again with the same time and size, so no stamp is noted when any file of the site changed in
the two seconds before it; the next build then does its work and notes one. No stamp is noted
while a post is dated later either (it comes due without any file changing). The stamp is
plain JSON; one that cannot be read or is not what zuhause writes is ignored.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import stat as stat_kinds
import sys
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from . import __version__, rawfiles
from .errors import Message
from .themes import builtin_themes

FORMAT = 3
FOLDER = Path(".zuhause") / "cache" / "stamps"
QUIET_SECONDS = 2.0  # files changed this recently make a stamp unsafe


@dataclass(frozen=True)
class Stamp:
    """What one build found and left (see the module docstring)."""

    inputs: str
    outputs: list[list[Any]]  # [relative path, size, modification time, inode]
    pages: int
    files: int
    warnings: list[Message]
    valid_until: str  # ISO time; the result no longer holds from then on
    themes: list[str]  # theme folders outside the site that the build used


FileStat = tuple[int, int, int, int, int]
"""A file's size, modification time (ns), inode, mode and change time (ns), as a walk found
them. The change time is set by the system on every change and cannot be set back."""


@dataclass(frozen=True)
class Walk:
    """The files of some folders as one walk found them: a hash of each file's name and
    `FileStat`, the newest modification or change time among them (ns), when the walk began,
    and the `FileStat` of each regular file inside the site folder by its place there
    ('content/journal/brot.md', with the system's separator)."""

    digest: str
    newest: int
    began: float  # time.time()
    files: dict[str, FileStat] = field(default_factory=dict, repr=False, compare=False)


def file_stat(stat: os.stat_result) -> FileStat:
    """The `FileStat` of what `os.stat` says."""
    return stat.st_size, stat.st_mtime_ns, stat.st_ino, stat.st_mode, stat.st_ctime_ns


def settled(seen: FileStat, began: float) -> bool:
    """Whether a file that a walk which `began` then found as `seen` is surely unchanged
    whenever a later walk finds it as `seen` again: not when it was changed less than
    `QUIET_SECONDS` before that walk (on a file system with coarse times it could have been
    saved again since, with the same times and size)."""
    return _quiet(max(seen[1], seen[4]), began)


def _quiet(changed_ns: int, moment: float) -> bool:
    """Whether a change at `changed_ns` lies at least `QUIET_SECONDS` before `moment`."""
    return changed_ns / 1e9 < moment - QUIET_SECONDS


def walk(root: Path, out: Path, folders: Iterable[Path]) -> Walk:
    """Walk `folders` (skipping the output folder, `.zuhause/` and `.git/` below `root`)."""
    began = time.time()
    lines: list[str] = []  # (one line per file: hashed together at the end)
    newest = 0
    files: dict[str, FileStat] = {}
    skip = {os.path.abspath(out), os.path.abspath(root / ".zuhause")}
    site = os.path.abspath(root)
    regular = stat_kinds.S_ISREG
    for top in folders:
        inside_site = os.path.abspath(top) == site  # (its files are kept by their place)
        cut = len(os.fspath(top)) + 1
        for directory, dirnames, filenames in os.walk(top):
            dirnames[:] = sorted(d for d in dirnames if d != ".git"
                                 and os.path.abspath(os.path.join(directory, d)) not in skip)
            place = directory[cut:]
            folder, inside = os.path.join(directory, ""), os.path.join(place, "") if place else ""
            for name in sorted(filenames):
                path = folder + name
                try:
                    stat = os.stat(path, follow_symlinks=False)
                except OSError:
                    continue
                seen = file_stat(stat)
                newest = max(newest, seen[1], seen[4])
                lines.append(f"{path}\0{seen}\n")
                if inside_site and regular(seen[3]):
                    files[inside + name] = seen
    digest = hashlib.blake2b("".join(lines).encode("utf-8", "surrogateescape"))
    return Walk(digest.hexdigest(), newest, began, files)


def site_walk(root: Path, out: Path) -> Walk:
    """The site folder and the built-in themes, walked before a build reads anything: a file
    saved while the build runs then no longer matches the stamp, and the next build does its
    work."""
    return walk(root, out, (root, builtin_themes()))


def inputs_digest(site: Walk, themes: Walk, options: Mapping[str, object],
                  theme_folders: Iterable[str] = ()) -> str:
    """A hash of the site's files (`site`), of the theme folders outside it (`themes`), and
    of the build's options and versions."""
    return hashlib.blake2b(json.dumps(
        [__version__, sys.version, _versions(), options, sorted(theme_folders), site.digest,
         themes.digest], sort_keys=True).encode()).hexdigest()


def _versions() -> list[str]:
    """What tells the installed versions of the libraries that shape the output apart: the
    size, modification time and inode of each one's main file (a new version is a new file),
    found without importing the library or `importlib.metadata` (0.01 s)."""
    found = []
    for package in ("markdown", "jinja2", "yaml", "PIL", "markupsafe"):
        spec = importlib.util.find_spec(package)
        try:
            stat = os.stat(spec.origin) if spec is not None and spec.origin else None
        except OSError:
            stat = None
        found.append(f"{package} {stat.st_size} {stat.st_mtime_ns} {stat.st_ino}" if stat
                     else f"{package} -")
    return found


def output_listing(out: Path, files: Iterable[str],
                   known: Mapping[str, tuple[int, int, int]] | None = None
                   ) -> list[list[Any]] | None:
    """Every given file of the output folder with its size, time and inode (as `known` has
    them, else as the file system says); None when one is missing."""
    listing: list[list[Any]] = []
    known = known or {}
    for relative in sorted(files):
        if relative in known:
            listing.append([relative, *known[relative]])
            continue
        try:
            stat = os.stat(os.path.join(out, relative), follow_symlinks=False)
        except OSError:
            return None
        listing.append([relative, stat.st_size, stat.st_mtime_ns, stat.st_ino])
    return listing


def _file(root: Path, out: Path) -> Path:
    name = hashlib.blake2b(os.path.abspath(out).encode("utf-8", "surrogateescape"),
                           digest_size=12).hexdigest()
    return root / FOLDER / f"{name}.json"


def load(root: Path, out: Path) -> Stamp | None:
    """The stamp of the last build of `root` into `out`; None when there is none."""
    try:
        data = json.loads(_file(root, out).read_text("utf-8"))
        if data["format"] != FORMAT:
            return None
        return Stamp(str(data["inputs"]), list(data["outputs"]), int(data["pages"]),
                     int(data["files"]), [_message(m) for m in data["warnings"]],
                     str(data["valid_until"]), [str(t) for t in data["themes"]])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def holds(stamp: Stamp, site: Walk, root: Path, out: Path, options: Mapping[str, object],
          now: datetime) -> bool:
    """Whether building `root` (whose files `site` found) into `out` with `options` now would
    write exactly what is there."""
    if stamp.valid_until and now >= datetime.fromisoformat(stamp.valid_until):
        return False
    themes = walk(root, out, [Path(theme) for theme in sorted(stamp.themes)])
    if inputs_digest(site, themes, options, stamp.themes) != stamp.inputs:
        return False  # (checked first: after an edit, the output's files need no look)
    for relative, size, mtime, inode in stamp.outputs:
        try:
            stat = os.stat(os.path.join(out, relative), follow_symlinks=False)
        except OSError:
            return False
        if (stat.st_size, stat.st_mtime_ns, stat.st_ino) != (size, mtime, inode):
            return False
    return True


def note(root: Path, out: Path, site: Walk, options: Mapping[str, object], files: Iterable[str],
         pages: int, warnings: list[Message], valid_until: datetime | None, now: datetime,
         themes: Iterable[Path] = (),
         untouched: Mapping[str, tuple[int, int, int]] | None = None) -> None:
    """Keep the stamp of a build that just ended, whose site folder `site` found before the
    build began (none when a file changed too recently before that walk to be sure the build
    saw it; then an older stamp is removed). `untouched` has the size, time and inode of
    output files the build looked at and left as they were."""
    path = _file(root, out)
    folder = os.path.realpath(root) + os.sep
    outside = sorted({os.path.abspath(theme) for theme in themes
                      if not os.path.realpath(theme).startswith(folder)
                      and not os.path.realpath(theme).startswith(
                          os.path.realpath(builtin_themes()) + os.sep)})
    theme_walk = walk(root, out, [Path(theme) for theme in outside])
    listing = output_listing(out, files, untouched)
    if listing is None or not _quiet(site.newest, site.began) \
            or not _quiet(theme_walk.newest, now.timestamp()):
        with contextlib.suppress(OSError):
            path.unlink()
        return
    text = json.dumps({"format": FORMAT, "inputs": inputs_digest(site, theme_walk, options, outside),
                       "outputs": listing, "pages": pages,
                       "files": len(listing), "warnings": [_data(w) for w in warnings],
                       "valid_until": valid_until.isoformat() if valid_until else "",
                       "themes": outside})
    with contextlib.suppress(OSError):  # no stamp: the next build does its work
        rawfiles.replace(path, text.encode("utf-8"))


def forget(root: Path, out: Path) -> None:
    """Remove the stamp of `out` (a build failed or was stopped: the next one does its work)."""
    with contextlib.suppress(OSError):
        _file(root, out).unlink()


def _data(message: Message) -> dict[str, Any]:
    return {"key": message.key,
            "values": [[name, {"message": _data(value)} if isinstance(value, Message) else value]
                       for name, value in message.values]}


def _message(data: dict[str, Any]) -> Message:
    values = []
    for name, value in data["values"]:
        if isinstance(value, dict):
            value = _message(value["message"])
        elif not isinstance(value, (str, int)):
            raise ValueError("not a message value")
        values.append((str(name), value))
    return Message(str(data["key"]), tuple(values))
