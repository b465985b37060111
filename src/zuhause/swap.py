"""Swapping a finished build in place of the output folder, and tidying up after runs that
were stopped or killed on the way.

The swap has one defined outcome at every point: before the staging folder takes the output's
name, the previous site is intact; from then on, the new site is complete. Both renames run
with Ctrl-C and SIGTERM held, so a signal lands before or after the pair, never between.

Every folder zuhause puts beside the output is recognised by its name alone:
`.zuhause-build-<out>-<pid>-<random>` (a build in progress) and
`.zuhause-old-<out>-<pid>-<random>` (a previous output being cleared). The name exists from the
moment the folder does, so no marker can be missing; `recover` removes the folders of every
process that is no longer running.
"""

from __future__ import annotations

import contextlib
import filecmp
import os
import re
import secrets
import shutil
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import Message, msg
from .manifest import MANIFEST, Manifest, load_manifest
from .patch import apply_journal, read_journal

STAGING_PREFIX = ".zuhause-build-"
OLD_PREFIX = ".zuhause-old-"
STEPS = ("staging-created", "pages-written", "manifest-written", "old-moved", "new-in-place",
         "old-clearing", "old-cleared")
"""The named points of a first build's writing stage (a whole new output swapped in), in order
(see `checkpoint`)."""
UPDATE_STEPS = ("staging-created", "pages-written", "journal-written", "patch-applying",
                "patch-applied", "staging-cleared")
"""The named points of a build that updates a previous output in place (`patch`), in order."""


def checkpoint(step: str) -> None:
    """A named point of the swap (one of STEPS). Does nothing; tests replace it to stop or kill
    the build exactly there."""


def make_staging(out: Path) -> Path:
    """Create the staging folder beside `out`: its name marks it as zuhause's from the start."""
    return Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{out.name}-{os.getpid()}-",
                                 dir=out.parent))


def _old_name(out: Path) -> Path:
    return out.parent / f"{OLD_PREFIX}{out.name}-{os.getpid()}-{secrets.token_hex(4)}"


def _owner_pid(prefix: str, name: str) -> int | None:
    """The process id in a leftover's name, None when `name` is not such a leftover."""
    if not name.startswith(prefix):
        return None
    match = re.fullmatch(r"(\d+)-[a-z0-9_]{8}", name[len(prefix):])  # mkdtemp, token_hex(4)
    return int(match[1]) if match else None


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM back for the duration; they arrive right after it."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    held = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def publish(staging: Path, out: Path) -> Path | None:
    """Put the finished `staging` folder in place of `out`; returns the previous output's new
    place (to be cleared) or None when there was none. On any error `out` is as before."""
    if not out.exists():
        os.rename(staging, out)
        return None
    old = _old_name(out)
    with signals_held():
        os.rename(out, old)
        try:
            checkpoint("old-moved")
            os.rename(staging, out)
        except BaseException:
            os.rename(old, out)
            raise
    return old


def _same(path: str, twin: str) -> bool:
    """Whether `twin` in the new output carries the same file as `path` in the old one."""
    if os.path.islink(path) or os.path.islink(twin):
        return os.path.islink(path) and os.path.islink(twin) and os.readlink(path) == os.readlink(twin)
    if not os.path.isfile(twin):
        return False
    return os.path.samefile(path, twin) or filecmp.cmp(path, twin, shallow=False)


def clear_old(old: Path, new: Path) -> list[Message]:
    """Delete from the previous output what was zuhause's or lives on in the new one.

    The manifest goes last, so a clear that is stopped half-way can be finished by the next
    build. What cannot be deleted stays, with a warning; nothing here raises OSError.
    """
    ours = load_manifest(old) or Manifest({}, frozenset())
    top = os.fspath(old)
    failure = ""
    for directory, dirnames, filenames in os.walk(top, topdown=False):
        prefix = directory[len(top) + 1:].replace(os.sep, "/")
        links = [d for d in dirnames if os.path.islink(os.path.join(directory, d))]
        for name in filenames + links:
            path = os.path.join(directory, name)
            relative = f"{prefix}/{name}" if prefix else name
            if relative == MANIFEST:
                continue
            try:
                if relative in ours.files or _same(path, os.path.join(new, relative)):
                    os.unlink(path)
                    checkpoint("old-clearing")
            except OSError as error:
                failure = failure or (error.strerror or str(error))
        if prefix and (prefix in ours.folders or os.path.isdir(os.path.join(new, prefix))):
            with contextlib.suppress(OSError):
                os.rmdir(directory)  # only when empty: a file of the owner's keeps it
    with contextlib.suppress(OSError):
        if os.listdir(old) == [MANIFEST]:
            os.unlink(old / MANIFEST)
        os.rmdir(old)
    checkpoint("old-cleared")
    if not old.exists():
        return []
    if failure:
        return [msg("output.old-not-removed", folder=str(old), reason=failure)]
    return [msg("output.kept-old", folder=str(old))]


def recover(out: Path) -> list[Message]:
    """Finish or undo what stopped or killed builds into `out` left beside it; returns warnings.

    An old output with no output folder is the previous site moved aside by a build killed
    between its two renames: it goes back. Old outputs beside a new output are cleared. The
    staging folder of a process that is gone is deleted; when it holds a journal, the update
    it decided is applied to the output first.
    """
    parent = out.parent
    if not parent.is_dir():
        return []
    warnings: list[Message] = []
    for leftover in sorted(parent.iterdir()):
        old_pid = _owner_pid(f"{OLD_PREFIX}{out.name}-", leftover.name)
        staging_pid = _owner_pid(f"{STAGING_PREFIX}{out.name}-", leftover.name)
        if old_pid is not None and not _alive(old_pid) and leftover.is_dir():
            if not out.exists():
                os.rename(leftover, out)
            else:
                warnings.extend(clear_old(leftover, out))
        elif staging_pid is not None and not _alive(staging_pid):
            journal = read_journal(leftover) if out.is_dir() else None
            if journal is not None:  # an update that was decided: finish it
                with signals_held():
                    apply_journal(leftover, out, journal)
            shutil.rmtree(leftover, ignore_errors=True)
    return warnings


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
