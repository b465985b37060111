"""Processed images kept between builds in `<site>/.zuhause/cache/images/<key>/`: a second
build of an unchanged site copies them instead of decoding anything. An entry is written to a
temporary folder and renamed into place, so a stopped build never leaves half an entry."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

CACHE_FOLDER = Path(".zuhause") / "cache" / "images"


class ImageCache:
    """The image cache of one site folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def of_site(cls, root: Path) -> ImageCache:
        return cls(root / CACHE_FOLDER)

    def entry(self, key: str) -> Path:
        return self.folder / key

    def files(self, key: str, names: list[str]) -> dict[str, Path] | None:
        """The cached files of `key` by output name, or None when the entry is incomplete."""
        entry = self.entry(key)
        found = {name: entry / _flat(name) for name in names}
        return found if all(path.is_file() for path in found.values()) else None

    def store(self, key: str, files: dict[str, bytes]) -> None:
        """Keep the files of `key`; a cache that cannot be written is no error, only slower."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary = Path(tempfile.mkdtemp(prefix=f".{key}-", dir=self.folder))
            for name, data in files.items():
                (temporary / _flat(name)).write_bytes(data)
            try:
                os.replace(temporary, self.entry(key))
            except OSError:  # another build was faster, or the entry is there already
                shutil.rmtree(temporary, ignore_errors=True)
        except OSError:
            return

    def prune(self, used: set[str]) -> int:
        """Remove every entry this build did not use; the number removed."""
        if not self.folder.is_dir():
            return 0
        removed = 0
        for entry in self.folder.iterdir():
            if entry.name not in used:
                shutil.rmtree(entry, ignore_errors=True)
                removed += 1
        return removed


def _flat(name: str) -> str:
    """An output path as one file name inside a cache entry."""
    return name.replace("/", "%")
