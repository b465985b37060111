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

from . import rawfiles, swap
from .errors import Message, Problem, msg
from .manifest import MANIFEST, Manifest, load_manifest, manifest_text, parent_folders
from .patch import JOURNAL, Journal, apply_journal, read_journal, staged_name, write_journal
from .swap import STAGING_PREFIX, clear_old, make_staging, publish, signals_held

__all__ = ["MANIFEST", "Staging", "UnsafePath", "check_output_folder", "describe_os_error",
           "name_too_long", "safe_join", "write_file"]


class UnsafePath(ValueError):
    """A path that would leave the output folder."""


def safe_join(root: Path, relative: str) -> Path:
    """`root / relative`, refusing anything that could end outside `root`."""
    return Path(joined_inside(root, relative))


def joined_inside(root: Path | str, relative: str) -> str:
    """`safe_join` as a plain string (for the many lookups of a build)."""
    framed = f"/{relative}/"  # (an empty, '.' or '..' segment shows as '//', '/./', '/../')
    if "//" in framed or "/./" in framed or "/../" in framed or "\x00" in relative \
            or "\\" in relative:
        raise UnsafePath(relative)
    # No absolute path, no empty, '.' or '..' segment, no backslash: the join stays in `root`.
    return os.path.join(root, relative)


def staging_target(root: Path, relative: str, flat: bool) -> Path:
    """Where the file `relative` goes in the staging folder `root` (its folders made): below
    it, or with `flat` straight into it under its `staged_name` (the staging folder of an
    update). Refuses what could leave the output."""
    target = safe_join(root, relative)
    if flat:
        return root / staged_name(relative)
    target.parent.mkdir(parents=True, exist_ok=True)
    return target


def write_file(root: Path, relative: str, data: bytes, flat: bool = False) -> dict[str, object]:
    """Write one file into the staging folder `root` (`staging_target`) and return its
    manifest record."""
    target = staging_target(root, relative, flat)
    stat = rawfiles.write_bytes(target, data)
    return {"sha256": hashlib.sha256(data).hexdigest(), "size": stat.st_size,
            "mtime_ns": stat.st_mtime_ns, "fingerprint": ""}


def _record(path: Path, sha256: str, fingerprint: str = "") -> dict[str, object]:
    stat = path.stat()
    return {"sha256": sha256, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns,
            "fingerprint": fingerprint}


def name_limits(folder: Path) -> tuple[int, int]:
    """The longest name and the longest path the file system of `folder` takes (the folder
    may not be made yet: the nearest one that exists is asked)."""
    probe = Path(folder)
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    try:
        return os.pathconf(probe, "PC_NAME_MAX"), os.pathconf(probe, "PC_PATH_MAX")
    except (OSError, ValueError, AttributeError):
        return 255, 4096


def name_too_long(root: Path, relative: str, limits: tuple[int, int] | None = None) -> bool:
    """Whether `root / relative` has a name longer than the file system takes (one name of
    the path, or the whole path); `limits` as `name_limits` gives them."""
    name_max, path_max = limits or name_limits(root)
    if len(relative) * 4 <= name_max and len(os.fspath(root)) * 4 + name_max < path_max:
        return False  # at most 4 bytes a character: short enough, whatever the characters
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
    """Where a build puts its files before they become the output folder.

    Without a previous build in `out` (no manifest) every file goes into a sibling folder that
    takes the output's name when the build succeeded (`swap`). With one, the build is an
    update: a file whose bytes are those of the previous build's (and still on disk as it left
    them) is not written at all; only changed files go into the staging folder, and `commit`
    applies them with a journal (`patch`). A build that changes nothing writes nothing.
    """

    out: Path
    files: dict[str, dict[str, object]] = field(default_factory=dict)
    previous: Manifest | None = None
    changed: set[str] = field(default_factory=set)  # files with new bytes in the staging folder
    _root: Path | None = field(default=None, init=False, repr=False)
    _decided: bool = field(default=False, init=False, repr=False)
    _limits: tuple[int, int] | None = field(default=None, init=False, repr=False)
    _staging_name: Path | None = field(default=None, init=False, repr=False)
    _foreign: tuple[list[str], list[str]] | None = field(default=None, init=False, repr=False)
    _images: dict[str, object] = field(default_factory=dict, init=False, repr=False)  # (add_record)
    _seen: dict[str, tuple[int, int, int]] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.previous = load_manifest(self.out) if self.out.is_dir() else None

    @property
    def updating(self) -> bool:
        """Whether this build updates a previous output in place (else it swaps a whole one)."""
        return self.previous is not None

    @property
    def root(self) -> Path:
        """The staging folder, made when the first file needs it."""
        if self._root is None:
            self._root = make_staging(self.out)
            swap.checkpoint("staging-created")
        return self._root

    @property
    def published(self) -> bool:
        """Whether the new site is decided and complete in `out` (or will be completed by the
        next run of zuhause from the journal)."""
        if self.updating:
            return self._decided or (self._root is not None and (self._root / JOURNAL).exists())
        return self._root is not None and not os.path.lexists(self._root)

    def too_long(self, relative: str) -> bool:
        """Whether `relative` makes a name too long for the file system, in the staging folder
        (whose name is the longer) or in the output."""
        if self._limits is None:
            self._limits = name_limits(self.out.parent)
            self._staging_name = Path(os.path.abspath(
                self.out.parent / f"{STAGING_PREFIX}{self.out.name}-{os.getpid()}-xxxxxxxx"))
        assert self._staging_name is not None
        return name_too_long(self._staging_name, relative, self._limits)

    def previous_record(self, relative: str) -> dict[str, object] | None:
        """What the previous build recorded for `relative`, when the file is still on disk as
        that build left it (same size and modification time)."""
        old = self.previous.files.get(relative) if self.previous else None
        if not old:
            return None
        try:
            stat = os.stat(joined_inside(self.out, relative))
        except (OSError, UnsafePath):
            return None
        if stat.st_size != old.get("size") or stat.st_mtime_ns != old.get("mtime_ns"):
            return None
        self._seen[relative] = (stat.st_size, stat.st_mtime_ns, stat.st_ino)
        return old

    def untouched(self) -> dict[str, tuple[int, int, int]]:
        """The size, modification time and inode of the previous build's files that this
        build looked at and left as they were (to save looking at them again)."""
        return {relative: seen for relative, seen in self._seen.items()
                if relative not in self.changed}

    def write(self, relative: str, data: bytes, fingerprint: str = "",
              copy_of: Path | None = None) -> None:
        """Write one output file (nothing at all when the previous build made the same bytes).
        `copy_of` is a file holding the same bytes (a picture in the cache): its stamp is
        recorded, so that the next build can `copy` it without reading it."""
        sha256 = hashlib.sha256(data).hexdigest()
        old = self.previous_record(relative)
        extra: dict[str, object] = {"fingerprint": fingerprint}
        if copy_of is not None:
            extra["source_stamp"] = _stamp(copy_of)
        if old is not None and old.get("sha256") == sha256:
            self.files[relative] = {**old, **extra}
            return
        self.files[relative] = {**write_file(self.root, relative, data, self.updating), **extra}
        self.changed.add(relative)

    def add_record(self, relative: str, record: dict[str, object]) -> None:
        """Note a file a worker process rendered: written into the staging folder, or left
        unwritten (`"unchanged": True`) because the previous build made the same bytes."""
        images = record.get("images")
        if isinstance(images, list):  # most pages show the same few: one copy of each
            record["images"] = [self._images.setdefault(repr(job), job) for job in images]
        if record.pop("unchanged", False):
            old = self.previous_record(relative)
            assert old is not None, relative
            self.files[relative] = {**old, **{key: record[key] for key in
                                              ("fingerprint", "images", "links", "people",
                                               "conversion")
                                              if key in record}}
            return
        self.files[relative] = record
        self.changed.add(relative)

    def copy(self, relative: str, source: Path) -> None:
        """Copy a file as it is (static files); skipped when the source is the one the previous
        build copied (same size, modification time and inode) and the copy is untouched."""
        stamp = _stamp(source)
        old = self.previous_record(relative)
        if old is not None and (old.get("source_stamp") == stamp
                                or old.get("sha256") == _sha256(source)):
            self.files[relative] = {**old, "source_stamp": stamp}  # the same bytes: kept
            return
        target = staging_target(self.root, relative, self.updating)
        shutil.copyfile(source, target)
        self.files[relative] = {**_record(target, _sha256(target)), "source_stamp": stamp}
        self.changed.add(relative)

    def reuse(self, relative: str, fingerprint: str,
              old: dict[str, object] | None = None) -> bool:
        """Keep an unchanged file of the previous build instead of rendering it again (`old`:
        its `previous_record`, when the caller has it already)."""
        old = old if old is not None else self.previous_record(relative)
        if not fingerprint or old is None or old.get("fingerprint") != fingerprint:
            return False
        self.files[relative] = old  # (the previous manifest's record itself: never changed,
        return True  # so `manifest_text` knows it at once)

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
        if self.updating:
            taken = [relative for relative in sorted(self.changed) if self._owner_has(relative)]
        else:
            taken = [relative for relative in self.foreign_files() if relative in self.files]
        return [Problem(f"{self.out.name}/{relative}", 0, 0, msg("output.foreign-file"),
                        msg("output.foreign-file-hint"), "output.foreign-file")
                for relative in taken]

    def _owner_has(self, relative: str) -> bool:
        """Whether the owner keeps a file at `relative` (or at a folder on its way) in `out`."""
        assert self.previous is not None
        if relative in self.previous.files:
            return False
        parts = relative.split("/")
        for depth in range(1, len(parts) + 1):
            place = "/".join(parts[:depth])
            path = os.path.join(self.out, place)
            if depth < len(parts):
                if place not in self.previous.folders and os.path.lexists(path) \
                        and not os.path.isdir(path):
                    return True
            elif os.path.lexists(path):
                return True
        return False

    def commit(self) -> list[Message]:
        """Make the new site the output: swap the whole folder in, or apply the changes to the
        previous output; returns warnings."""
        if self.updating:
            self._apply_update()
            return []
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

    def _apply_update(self) -> None:
        assert self.previous is not None
        previous = self.previous
        made = {folder for folder in parent_folders(self.changed) - previous.folders
                if not os.path.isdir(os.path.join(self.out, folder))}
        folders = (parent_folders(self.files) & previous.folders) | made
        gone = sorted(set(previous.files) - set(self.files))
        if not self.changed and not gone and folders == previous.folders \
                and self.files == previous.files:
            text = previous.text  # the same records: the manifest stays as it is
        else:
            text = manifest_text(self.files, frozenset(folders), previous)
        journal = Journal(sorted(self.changed), gone, sorted(previous.folders - folders), text)
        if journal.is_empty() and text == previous.text:
            self._decided = True
            if self._root is not None:
                shutil.rmtree(self._root, ignore_errors=True)
            return  # nothing changed: nothing is written
        write_journal(self.root, journal)
        self._decided = True
        self.finish_update()

    def finish_update(self) -> None:
        """Apply the decided update (again: it is idempotent) and remove the staging folder."""
        journal = read_journal(self.root) if self._root is not None else None
        if journal is None:
            return
        with signals_held():
            apply_journal(self.root, self.out, journal)
        shutil.rmtree(self.root, ignore_errors=True)
        swap.checkpoint("staging-cleared")

    def discard(self) -> None:
        """Remove the staging folder; the previous output stays as it was."""
        if self._root is not None:
            shutil.rmtree(self._root, ignore_errors=True)


def _stamp(path: Path) -> list[int]:
    """A file's size, modification time and inode, as a manifest record keeps them."""
    stat = path.stat()
    return [stat.st_size, stat.st_mtime_ns, stat.st_ino]


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
