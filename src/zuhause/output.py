"""Writing the output folder so that it cannot half-happen.

The build is staged in a sibling folder and swapped in only when everything succeeded. A
manifest inside the output folder (`.zuhause-manifest.json`) lists every file zuhause wrote;
files that are not in it belong to the owner and are carried over, never deleted.
"""

from __future__ import annotations

import errno
import filecmp
import hashlib
import json
import os
import secrets
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Message, Problem, msg

MANIFEST = ".zuhause-manifest.json"
STAGING_PREFIX = ".zuhause-build-"
OLD_PREFIX = ".zuhause-old-"
STAGING_MARKER = ".zuhause-staging"


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
    return problems


def load_manifest(out: Path) -> dict[str, dict[str, object]] | None:
    """The files an earlier build wrote into `out`, or None when there is no manifest."""
    try:
        data = json.loads((out / MANIFEST).read_text("utf-8"))
        files = data["files"]
        return files if isinstance(files, dict) else None
    except (OSError, ValueError, KeyError, TypeError):
        return None


def recover(out: Path) -> None:
    """Finish or undo what an interrupted build left beside `out`."""
    parent = out.parent
    if not parent.is_dir():
        return
    for leftover in sorted(parent.iterdir()):
        name = leftover.name
        if name.startswith(OLD_PREFIX + out.name + "-") and (leftover / MANIFEST).is_file():
            if not out.exists():
                os.rename(leftover, out)  # the swap was interrupted between its two renames
        elif name.startswith(STAGING_PREFIX + out.name + "-") and (leftover / STAGING_MARKER).is_file():
            pid = name.rsplit("-", 2)[-2]
            if not (pid.isdigit() and _alive(int(pid))):
                shutil.rmtree(leftover, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@dataclass
class Staging:
    """A sibling folder of `out` that becomes `out` when the build succeeded."""

    out: Path
    root: Path = field(init=False)
    files: dict[str, dict[str, object]] = field(default_factory=dict)
    previous: dict[str, dict[str, object]] | None = None
    _foreign: list[str] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.previous = load_manifest(self.out) if self.out.is_dir() else None
        self.root = self.out.parent / f"{STAGING_PREFIX}{self.out.name}-{os.getpid()}-{secrets.token_hex(4)}"
        self.root.mkdir()
        (self.root / STAGING_MARKER).write_text("zuhause staging folder; safe to delete\n")

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
        old = (self.previous or {}).get(relative)
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
        if self._foreign is None:
            self._foreign = self._list_foreign_files()
        return self._foreign

    def _list_foreign_files(self) -> list[str]:
        if not self.out.is_dir():
            return []
        ours = set(self.previous or {}) | {MANIFEST}
        top = os.fspath(self.out)
        found = []
        for directory, dirnames, filenames in os.walk(top):
            dirnames.sort()
            prefix = directory[len(top) + 1:].replace(os.sep, "/")
            links = [d for d in dirnames if os.path.islink(os.path.join(directory, d))]
            for name in sorted(filenames) + links:
                relative = f"{prefix}/{name}" if prefix else name
                if relative not in ours:
                    found.append(relative)
        return found

    def collisions(self) -> list[Problem]:
        """Files of the owner in `out` that this build would overwrite."""
        return [Problem(f"{self.out.name}/{relative}", 0, 0, msg("output.foreign-file"),
                        msg("output.foreign-file-hint"), "output.foreign-file")
                for relative in self.foreign_files() if relative in self.files]

    def commit(self) -> list[Message]:
        """Carry the owner's files over, write the manifest, swap the folders; returns warnings."""
        for relative in self.foreign_files():
            _carry(self.out / relative, self.root / relative)
        manifest = {"generator": "zuhause", "files": dict(sorted(self.files.items()))}
        (self.root / MANIFEST).write_text(json.dumps(manifest, indent=1), "utf-8")
        (self.root / STAGING_MARKER).unlink()
        if not self.out.exists():
            os.rename(self.root, self.out)
            return []
        old = self.out.parent / f"{OLD_PREFIX}{self.out.name}-{os.getpid()}-{secrets.token_hex(4)}"
        os.rename(self.out, old)
        try:
            os.rename(self.root, self.out)
        except OSError:
            os.rename(old, self.out)
            raise
        return _clear_old(old, self.out, set(self.previous or {}) | {MANIFEST})

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


def _same(path: str, twin: str) -> bool:
    """Whether `twin` in the new output carries the same file as `path` in the old one."""
    if os.path.islink(path) or os.path.islink(twin):
        return os.path.islink(path) and os.path.islink(twin) and os.readlink(path) == os.readlink(twin)
    if not os.path.isfile(twin):
        return False
    return os.path.samefile(path, twin) or filecmp.cmp(path, twin, shallow=False)


def _clear_old(old: Path, new: Path, ours: set[str]) -> list[Message]:
    """Delete from the old output what was ours or now lives on in the new one."""
    top = os.fspath(old)
    for directory, dirnames, filenames in os.walk(top, topdown=False):
        prefix = directory[len(top) + 1:].replace(os.sep, "/")
        for name in filenames + [d for d in dirnames if os.path.islink(os.path.join(directory, d))]:
            path = os.path.join(directory, name)
            relative = f"{prefix}/{name}" if prefix else name
            if relative in ours or _same(path, os.path.join(new, relative)):
                os.unlink(path)
        try:
            os.rmdir(directory)
        except OSError:
            pass
    if old.exists():
        return [msg("output.kept-old", folder=str(old))]
    return []
