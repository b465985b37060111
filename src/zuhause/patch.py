"""Updating an output folder in place with what a build changed, so that it is never left
half old, half new.

A build that finds a previous output (with its manifest) writes only the files whose bytes
changed, into its staging folder beside the output, side by side under names made from their
paths (`staged_name`: no folders to make while the build is still undecided). When everything
is there it writes a journal into that folder: the files to move into the output, the files
to delete, the folders it made and gave up; the new manifest waits beside it, written first.
From the moment the journal exists the update is decided: `apply_journal` moves the files
over (one `rename` each), deletes what went away and puts the manifest in place last, all with
Ctrl-C and SIGTERM held. A build killed on the way leaves its staging folder with the journal;
the next build into that output finds it (`swap.recover`) and applies the rest, which is safe
to repeat. A
staging folder without a journal is a build that had not decided yet: it is deleted and the
previous output stands as it was.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from . import rawfiles
from .manifest import MANIFEST

JOURNAL = ".zuhause-journal.json"
_PARTIAL = ".zuhause-journal.partial"


def checkpoint(step: str) -> None:
    """A named point of the update (`journal-written`, `patch-applying`, `patch-applied`).
    Does nothing; tests replace it (through `swap.checkpoint`) to stop the build there."""
    from . import swap  # one hook for every step of writing, replaced by tests

    swap.checkpoint(step)


@dataclass(frozen=True)
class Journal:
    """What one build changes in the output folder."""

    moves: list[str]  # files in the staging folder that replace or join those of the output
    removes: list[str]  # files of the previous build this one no longer makes
    folders_gone: list[str]  # zuhause's folders this build no longer needs (removed if empty)
    manifest: str | None = None  # the new manifest's text (None: it waits in the staging
    # folder under the manifest's name; an earlier zuhause's journal carries it within)

    def is_empty(self) -> bool:
        """Whether applying it would change nothing but the manifest."""
        return not self.moves and not self.removes and not self.folders_gone


def staged_name(relative: str) -> str:
    """The name under which a changed file waits in the staging folder of an update."""
    return hashlib.sha1(relative.encode("utf-8", "surrogateescape"), usedforsecurity=False
                        ).hexdigest()


def write_journal(staging: Path, journal: Journal) -> None:
    """Write the journal into the staging folder, its manifest first beside it: the moment
    the journal is there, the update is decided."""
    if journal.manifest is not None:
        rawfiles.write_bytes(staging / MANIFEST, journal.manifest.encode("utf-8"), sync=True)
    partial = staging / _PARTIAL
    rawfiles.write_bytes(partial, json.dumps({
        "moves": journal.moves, "removes": journal.removes,
        "folders_gone": journal.folders_gone}).encode("utf-8"), sync=True)
    os.replace(partial, staging / JOURNAL)
    checkpoint("journal-written")


def read_journal(staging: Path) -> Journal | None:
    """The journal a build left in its staging folder; None when it had not decided yet."""
    try:
        data = json.loads((staging / JOURNAL).read_text("utf-8"))
        manifest = data.get("manifest")
        return Journal([str(m) for m in data["moves"]], [str(r) for r in data["removes"]],
                       [str(f) for f in data["folders_gone"]],
                       None if manifest is None else str(manifest))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def apply_journal(staging: Path, out: Path, journal: Journal) -> None:
    """Move the staged files into `out`, delete the files and folders that went away, then put
    the manifest in place. Idempotent: what was already done is skipped."""
    for number, relative in enumerate(journal.moves):
        source = os.path.join(staging, staged_name(relative))
        if not os.path.lexists(source):
            continue  # moved before the build was stopped
        target = os.path.join(out, relative)
        folder = os.path.dirname(target)
        if not os.path.isdir(folder):  # (asking first is cheaper than mkdir on every file)
            os.makedirs(folder, exist_ok=True)
        os.replace(source, target)
        if number == 0:
            checkpoint("patch-applying")
    for relative in journal.removes:
        with contextlib.suppress(FileNotFoundError, IsADirectoryError, NotADirectoryError):
            os.unlink(os.path.join(out, relative))
    for relative in sorted(journal.folders_gone, key=lambda f: f.count("/"), reverse=True):
        with contextlib.suppress(OSError):
            os.rmdir(os.path.join(out, relative))  # only when empty: the owner's files stay
    staged_manifest = staging / MANIFEST
    if journal.manifest is not None:
        staged_manifest.write_text(journal.manifest, "utf-8")
    if os.path.lexists(staged_manifest):  # (else put in place before the build was stopped)
        os.replace(staged_manifest, out / MANIFEST)
    checkpoint("patch-applied")
