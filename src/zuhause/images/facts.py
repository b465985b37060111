"""What a build found in each picture file it looked at: the size and kind its header gives
and a hash of its bytes, kept in the site's `.zuhause/cache/pictures.json` with the file's
size, modification time, inode, mode and change time. A later build that finds a picture so
again takes these without reading it (a site with hundreds of phone photos is not read whole
at every build, and the imaging library is not even imported).

A picture that changed in the two seconds before it was looked at is not noted: on a file
system with coarse times it could be saved again with the same times and size
(`uptodate.settled`). The file is plain JSON; one that cannot be read, is damaged, or was
written by another version of zuhause is ignored and replaced.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__, rawfiles
from ..uptodate import file_stat, settled
from .source import SourceImage, probe

FACTS_FILE = Path(".zuhause") / "cache" / "pictures.json"
FORMAT = 1


@dataclass
class PictureFacts:
    """See the module docstring. `path` is where they are kept (None: in memory only)."""

    path: Path | None = None
    known: dict[str, list[Any]] = field(default_factory=dict)  # by the file's path
    used: dict[str, list[Any]] = field(default_factory=dict)  # what this build looked up or noted

    @classmethod
    def of_site(cls, root: Path) -> PictureFacts:
        """The facts kept in the site folder `root` (none when there are none, or they are
        not what this zuhause writes)."""
        path = root / FACTS_FILE
        try:
            data = json.loads(rawfiles.read_bytes(path))
            known = data["files"] if data["format"] == FORMAT \
                and data["zuhause"] == __version__ else {}
        except (OSError, ValueError, KeyError, TypeError, RecursionError):
            known = {}
        return cls(path, known if isinstance(known, dict) else {})

    def look(self, file: Path) -> tuple[SourceImage, bytes]:
        """What the header of the picture `file` says, and the SHA-256 of its bytes: as noted
        when the file is as it was then, else read (and noted). Raises BadImage or OSError."""
        began = time.time()
        seen = file_stat(os.stat(file))
        name = os.fspath(file)
        known = self.known.get(name)
        if isinstance(known, list) and known[:5] == list(seen):
            with contextlib.suppress(ValueError, TypeError):
                image, digest = _facts(known[5:])
                self.used[name] = known
                return image, digest
        image = probe(file)
        digest = hashlib.sha256(file.read_bytes()).digest()
        if settled(seen, began):
            self.used[name] = [*seen, digest.hex(), image.width, image.height, image.format,
                               image.alpha]
        return image, digest

    def header(self, file: Path) -> SourceImage:
        """What the header of the picture `file` says (`look`)."""
        return self.look(file)[0]

    def save(self) -> None:
        """Keep what this build looked up or noted, and nothing else, for the next build (a
        file that cannot be written is no loss: the next build reads the pictures)."""
        if self.path is None or self.used == self.known:
            return
        text = json.dumps({"format": FORMAT, "zuhause": __version__, "files": self.used},
                          ensure_ascii=False, sort_keys=True)
        with contextlib.suppress(OSError):
            rawfiles.replace(self.path, text.encode("utf-8", "surrogatepass"))
            self.known = dict(self.used)


def _facts(data: list[Any]) -> tuple[SourceImage, bytes]:
    """The header and hash `PictureFacts.look` noted (else ValueError or TypeError)."""
    digest, width, height, kind, alpha = data
    if not (isinstance(width, int) and isinstance(height, int) and isinstance(kind, str)
            and isinstance(alpha, bool)):
        raise ValueError("not what a picture's header says")
    return SourceImage(width, height, kind, alpha), bytes.fromhex(digest)
