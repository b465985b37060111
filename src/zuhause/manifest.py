"""The manifest: which files and folders of the output folder zuhause made.

Everything in the output folder that the manifest does not list belongs to the owner, empty
folders included: zuhause carries it into every new build and never deletes it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

MANIFEST = ".zuhause-manifest.json"


@dataclass(frozen=True)
class Manifest:
    """The files (with their records) and the folders one build wrote."""

    files: dict[str, dict[str, object]]
    folders: frozenset[str]
    text: str = ""  # the manifest file's text as read (empty for one made up)

    def owns(self, relative: str) -> bool:
        """Whether zuhause made the file or folder `relative` (posix, below the output)."""
        return relative == MANIFEST or relative in self.files or relative in self.folders


def parent_folders(files: object) -> frozenset[str]:
    """Every folder above the given relative file paths."""
    folders: set[str] = set()
    for relative in files if isinstance(files, (dict, list, set, frozenset)) else ():
        parts = str(relative).split("/")[:-1]
        folders.update("/".join(parts[:n]) for n in range(1, len(parts) + 1))
    return frozenset(folders)


def load_manifest(folder: Path) -> Manifest | None:
    """The manifest inside `folder`, or None when there is none (or it is unreadable).

    Manifests written before folders were recorded: every folder above a file zuhause wrote
    is taken as zuhause's, which is what those builds created.
    """
    try:
        text = (folder / MANIFEST).read_text("utf-8")
        data = json.loads(text)
        files = data["files"]
        folders = data.get("folders")
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    if not isinstance(files, dict):
        return None
    if not isinstance(folders, list):
        return Manifest(files, parent_folders(files), text)
    return Manifest(files, frozenset(str(f) for f in folders), text)


def manifest_text(files: dict[str, dict[str, object]], folders: frozenset[str]) -> str:
    """The manifest file's text: JSON with one line per file and folder (each line made by
    the C encoder; `indent=` would take the slow one)."""
    records = ",\n".join(f" {json.dumps(name)}: {json.dumps(files[name], sort_keys=True)}"
                          for name in sorted(files))
    names = ",\n".join(f" {json.dumps(name)}" for name in sorted(folders))
    return (f'{{"generator": "zuhause",\n"files": {{\n{records}\n}},\n'
            f'"folders": [\n{names}\n]}}\n')
