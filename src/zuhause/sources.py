"""Read a text file the one way zuhause reads text: strict UTF-8, no BOM, LF newlines, NFC."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import rawfiles
from .errors import Problem, Problems, msg


@dataclass(frozen=True)
class Source:
    """The normalised text of one file and the name the owner knows it by."""

    path: Path
    name: str
    text: str


class SourceError(Exception):
    """A file could not be read as text; carries the problem to report."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.format("en"))
        self.problem = problem


def normalise_text(text: str) -> str:
    """Drop a BOM, turn CRLF and lone CR into LF, and compose characters (NFC)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def decode(data: bytes, name: str) -> str:
    """Decode bytes as strict UTF-8, or raise SourceError pointing at the first bad byte."""
    try:
        return normalise_text(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise SourceError(Problem(
            name, line, column,
            msg("source.encoding", byte=f"0x{data[error.start]:02X}", offset=error.start),
            msg("source.encoding-hint"),
            "source.encoding",
        )) from None


def text_digest(text: str) -> str:
    """A short hash of a file's whole text."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()


def read_source(path: Path, name: str) -> Source:
    """Read one file as normalised text."""
    try:
        data = rawfiles.read_bytes(path)
    except OSError as error:
        raise SourceError(Problem(name, 0, 0, msg("source.unreadable", reason=error.strerror or ""),
                                  msg("source.unreadable-hint"), "source.unreadable")) from None
    return Source(path, name, decode(data, name))


def read_or_report(path: Path, name: str, problems: Problems,
                   read: Callable[[Path, str], Source] | None = None) -> Source | None:
    """`read_source` (or `read`), with a file that cannot be read recorded in `problems`."""
    try:
        return (read or read_source)(path, name)
    except SourceError as error:
        problems.extend([error.problem])
        return None


def site_label(path: Path, root: Path) -> str:
    """A file as the owner knows it: its path inside the site folder `root`, else the whole
    path (a theme's file elsewhere)."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def is_file(path: Path) -> bool:
    """True when `path` is a file; False also for names no file system takes (too long, NUL)."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False
