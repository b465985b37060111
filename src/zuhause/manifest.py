"""The manifest: which files and folders of the output folder zuhause made.

Everything in the output folder that the manifest does not list belongs to the owner, empty
folders included: zuhause carries it into every new build and never deletes it.

The pictures a page shows are listed once, in the manifest's `images`, and a page's record
names them by their place in that list (most pages show the same portrait).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MANIFEST = ".zuhause-manifest.json"


@dataclass(frozen=True)
class Manifest:
    """The files (with their records) and the folders one build wrote."""

    files: dict[str, dict[str, object]]
    folders: frozenset[str]
    text: str = ""  # the manifest file's text as read (empty for one made up)
    images: list[Any] = field(default_factory=list)  # the pictures records name by number

    def record_lines(self) -> dict[str, str]:
        """The line of each file's record in the text read (`manifest_text` writes one per
        file), by file name; empty for a text in another layout."""
        lines: dict[str, str] = {}
        decoder = json.JSONDecoder()
        opening = '\n"files": {\n'
        start = self.text.find(opening)
        end = self.text.find('\n},\n"folders": [')
        if start < 0 or end < start:
            return {}
        for line in self.text[start + len(opening):end].split("\n"):
            line = line.removesuffix(",")
            after = line.find('": ', 2) + 1  # (a name without escapes ends at the first)
            if line.startswith(' "') and after > 0 and "\\" not in line[:after]:
                lines[line[2:after - 1]] = line
                continue
            try:
                name, after = decoder.raw_decode(line, 1)
            except ValueError:
                return {}
            if isinstance(name, str) and line.startswith(": ", after):
                lines[name] = line
        return lines

    def owns(self, relative: str) -> bool:
        """Whether zuhause made the file or folder `relative` (posix, below the output)."""
        return relative == MANIFEST or relative in self.files or relative in self.folders


def parent_folders(files: object) -> frozenset[str]:
    """Every folder above the given relative file paths."""
    folders: set[str] = set()
    for relative in files if isinstance(files, (dict, list, set, frozenset)) else ():
        name = str(relative)
        end = name.rfind("/")
        while end > 0 and (parent := name[:end]) not in folders:  # (a folder found: its
            folders.add(parent)  # parents were found with it)
            end = name.rfind("/", 0, end)
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
        images = data.get("images", [])
        if not isinstance(files, dict) or not isinstance(images, list):
            return None
        if not all(isinstance(job, list) for job in images):
            return None
        numbered = True  # (else records of an older zuhause list their pictures themselves)
        for record in files.values():  # (each picture once: records share it)
            shown = record.get("images")
            if shown and isinstance(shown[0], int):
                record["images"] = [images[_number(number, len(images))] for number in shown]
            elif shown:
                numbered = False
                if not all(isinstance(job, list) for job in shown):
                    return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            RecursionError):
        return None
    images = images if numbered else []  # (then `manifest_text` writes every line anew)
    if not isinstance(folders, list):
        return Manifest(files, parent_folders(files), text, images)
    return Manifest(files, frozenset(map(str, folders)), text, images)


def _number(number: object, count: int) -> int:
    """A record's number of a picture in the list of `count` (else ValueError)."""
    if type(number) is not int or not 0 <= number < count:
        raise ValueError("not a picture's number")
    return number


def _quoted(name: str) -> str:
    """`json.dumps(name)`, at once for the usual name that needs no escape."""
    if name.isascii() and name.isprintable() and '"' not in name and "\\" not in name:
        return f'"{name}"'
    return json.dumps(name)


def manifest_text(files: dict[str, dict[str, object]], folders: frozenset[str],
                  previous: Manifest | None = None) -> str:
    """The manifest file's text: JSON with one line per file and folder (each line made by
    the C encoder; `indent=` would take the slow one). The line of a record equal to the
    `previous` manifest's is taken from its text (a build that changed a few files encodes
    a few records): the pictures keep their numbers, the previous list of pictures comes
    first, new ones after it. When a picture of that list is shown no more, the list is made
    anew and every line with it."""
    table = _Pictures(previous.images if previous is not None else [])
    shown = {id(job) for record in files.values()
             for job in record.get("images") or ()}  # type: ignore[attr-defined]
    if any(id(job) not in shown for job in table.shown) \
            or (previous is not None and not previous.images and shown):
        table, previous = _Pictures([]), None  # (also for a manifest of an older zuhause; a
        # picture shown only by pages made anew counts as unused here: the list is remade)
    known = previous.record_lines() if previous is not None else {}
    old = previous.files if previous is not None else {}

    def line(name: str) -> str:
        record = files[name]
        if name in known and ((before := old.get(name)) is record or before == record):
            return known[name]  # (its pictures are in the list, where they were)
        if record.get("images"):
            record = {**record, "images": table.numbers(record["images"])}
        return f" {_quoted(name)}: {json.dumps(record, sort_keys=True)}"

    records = ",\n".join([line(name) for name in sorted(files)])
    names = ",\n".join([f" {_quoted(name)}" for name in sorted(folders)])
    return (f'{{"generator": "zuhause",\n"images": {json.dumps(table.shown)},\n'
            f'"files": {{\n{records}\n}},\n"folders": [\n{names}\n]}}\n')


class _Pictures:
    """The manifest's list of pictures while its records are numbered."""

    def __init__(self, shown: list[Any]) -> None:
        self.shown = list(shown)
        self._by_object = {id(job): number for number, job in enumerate(self.shown)}
        self._by_value = {json.dumps(job): number for number, job in enumerate(self.shown)}

    def numbers(self, jobs: Any) -> list[int]:
        """The places of a record's pictures in the list (new ones added at its end)."""
        found = []
        for job in jobs:
            number = self._by_object.get(id(job))
            if number is None:  # (records share the pictures they show: seldom looked up)
                number = self._by_value.setdefault(json.dumps(job), len(self.shown))
                if number == len(self.shown):
                    self.shown.append(job)
                self._by_object[id(job)] = number
            found.append(number)
        return found
