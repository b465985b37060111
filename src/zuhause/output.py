"""Writing the output folder so that it cannot half-happen.

The build is staged in a sibling folder and swapped in only when everything succeeded. A
manifest inside the output folder (`.zuhause-manifest.json`) lists every file and folder
zuhause wrote; what is not in it belongs to the owner and is carried over, never deleted. The
swap itself and the tidying up after stopped builds are in `swap`.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from . import swap
from .errors import Message, Problem, msg
from .manifest import MANIFEST, Manifest, load_manifest, manifest_text, parent_folders
from .swap import clear_old, make_staging, publish

__all__ = ["MANIFEST", "Staging", "UnsafePath", "check_output_folder", "describe_os_error",
           "name_too_long", "safe_join", "write_file"]


class UnsafePath(ValueError):
    """A path that would leave the output folder."""


def safe_join(root: Path, relative: str) -> Path:
    """`root / relative`, refusing anything that could end outside `root`."""
    if not relative or "\x00" in relative or "\\" in relative or relative.startswith("/"):
        raise UnsafePath(relative)
    if any(part in ("", ".", "..") for part in relative.split("/")):
        raise UnsafePath(relative)
    # No absolute path, no empty, '.' or '..' segment, no backslash: the join stays in `root`.
    return Path(os.path.join(root, relative))


def write_file(root: Path, relative: str, data: bytes) -> dict[str, object]:
    """Write one file below `root` and return its manifest record."""
    target = safe_join(root, relative)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return _record(target, hashlib.sha256(data).hexdigest())


def _record(path: Path, sha256: str, fingerprint: str = "") -> dict[str, object]:
    stat = path.stat()
    return {"sha256": sha256, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns,
            "fingerprint": fingerprint}


def name_too_long(root: Path, relative: str) -> bool:
    """Whether `root / relative` has a name longer than the file system takes (one name of
    the path, or the whole path)."""
    try:
        name_max = os.pathconf(root, "PC_NAME_MAX")
        path_max = os.pathconf(root, "PC_PATH_MAX")
    except (OSError, ValueError, AttributeError):
        name_max, path_max = 255, 4096
    full = os.fsencode(os.path.join(os.path.abspath(root), relative))
    return len(full) >= path_max or any(len(os.fsencode(part)) > name_max
                                        for part in relative.split("/"))


def describe_os_error(error: OSError) -> Message:
    """An OSError in the words an owner understands."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return msg("os.disk-full")
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return msg("os.not-allowed")
    return msg("os.other", reason=error.strerror or str(error))


def check_output_folder(out: Path, site_root: Path) -> list[Problem]:
    """Problems that forbid writing to `out` at all (checked before anything is written)."""
    out_real, site_real = Path(os.path.realpath(out)), Path(os.path.realpath(site_root))
    home = Path(os.path.realpath(Path.home()))
    hint = msg("output.refused-hint")
    problems = []
    if out_real == Path(out_real.anchor) or out_real == home:
        problems.append(Problem(str(out), 0, 0, msg("output.refused-home"), hint,
                                "output.refused"))
    elif out_real == site_real or out_real in site_real.parents:
        problems.append(Problem(str(out), 0, 0, msg("output.refused-contains-site"), hint,
                                "output.refused"))
    elif any(out_real == site_real / name or (site_real / name) in out_real.parents
             for name in ("content", "people", "static", "templates", "themes")):
        problems.append(Problem(str(out), 0, 0, msg("output.refused-inside-source"), hint,
                                "output.refused"))
    elif out.exists() and not out.is_dir():
        problems.append(Problem(str(out), 0, 0, msg("output.not-a-folder"),
                                msg("output.not-a-folder-hint"), "output.not-a-folder"))
    elif out.is_dir() and os.path.ismount(out):
        problems.append(Problem(str(out), 0, 0, msg("output.mount-point"),
                                msg("output.mount-point-hint", folder=str(out / "site")),
                                "output.mount-point"))
    return problems


@dataclass
class Staging:
    """A sibling folder of `out` that becomes `out` when the build succeeded."""

    out: Path
    root: Path = field(init=False)
    files: dict[str, dict[str, object]] = field(default_factory=dict)
    previous: Manifest | None = None
    _foreign: tuple[list[str], list[str]] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.previous = load_manifest(self.out) if self.out.is_dir() else None
        self.root = make_staging(self.out)
        swap.checkpoint("staging-created")

    @property
    def published(self) -> bool:
        """Whether the staging folder has become the output folder (the new site is live)."""
        return not os.path.lexists(self.root)

    def write(self, relative: str, data: bytes, fingerprint: str = "") -> None:
        """Write one output file."""
        record = write_file(self.root, relative, data)
        record["fingerprint"] = fingerprint
        self.files[relative] = record

    def add_record(self, relative: str, record: dict[str, object]) -> None:
        """Note a file a worker process wrote into the staging folder."""
        self.files[relative] = record

    def copy(self, relative: str, source: Path) -> None:
        """Copy a file as it is (static files)."""
        target = safe_join(self.root, relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        self.files[relative] = _record(target, _sha256(target))

    def reuse(self, relative: str, fingerprint: str) -> bool:
        """Take an unchanged file from the previous build instead of rendering it again."""
        old = self.previous.files.get(relative) if self.previous else None
        if not fingerprint or not old or old.get("fingerprint") != fingerprint:
            return False
        source = safe_join(self.out, relative)
        try:
            stat = source.stat()
            if stat.st_size != old.get("size") or stat.st_mtime_ns != old.get("mtime_ns"):
                return False
            target = safe_join(self.root, relative)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(source, target)
        except OSError:
            return False
        self.files[relative] = dict(old)
        return True

    def foreign_files(self) -> list[str]:
        """Files in `out` that zuhause did not write (relative, posix); listed once per build."""
        return self._owner_things()[0]

    def foreign_folders(self) -> list[str]:
        """Folders in `out` that zuhause did not make, empty ones included."""
        return self._owner_things()[1]

    def _owner_things(self) -> tuple[list[str], list[str]]:
        if self._foreign is None:
            self._foreign = self._list_owner_things()
        return self._foreign

    def _list_owner_things(self) -> tuple[list[str], list[str]]:
        if not self.out.is_dir():
            return [], []
        ours = self.previous or Manifest({}, frozenset())
        top = os.fspath(self.out)
        files, folders = [], []
        for directory, dirnames, filenames in os.walk(top):
            dirnames.sort()
            prefix = directory[len(top) + 1:].replace(os.sep, "/")
            if prefix and not ours.owns(prefix):
                folders.append(prefix)
            links = [d for d in dirnames if os.path.islink(os.path.join(directory, d))]
            for name in sorted(filenames) + links:
                relative = f"{prefix}/{name}" if prefix else name
                if not ours.owns(relative):
                    files.append(relative)
        return files, folders

    def collisions(self) -> list[Problem]:
        """Files of the owner in `out` that this build would overwrite."""
        return [Problem(f"{self.out.name}/{relative}", 0, 0, msg("output.foreign-file"),
                        msg("output.foreign-file-hint"), "output.foreign-file")
                for relative in self.foreign_files() if relative in self.files]

    def commit(self) -> list[Message]:
        """Carry the owner's files and folders over, write the manifest, swap the folders and
        clear the previous output; returns warnings."""
        for relative in self.foreign_folders():
            safe_join(self.root, relative).mkdir(parents=True, exist_ok=True)
        for relative in self.foreign_files():
            _carry(self.out / relative, self.root / relative)
        folders = parent_folders(self.files) - set(self.foreign_folders())
        (self.root / MANIFEST).write_text(manifest_text(self.files, folders), "utf-8")
        swap.checkpoint("manifest-written")
        old = publish(self.root, self.out)
        swap.checkpoint("new-in-place")
        return clear_old(old, self.out) if old is not None else []

    def discard(self) -> None:
        """Remove the staging folder; the previous output stays as it was."""
        shutil.rmtree(self.root, ignore_errors=True)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _carry(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if source.is_symlink():
        os.symlink(os.readlink(source), target)
        return
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
