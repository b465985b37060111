"""Reading and writing whole files with the fewest system calls: a big site reads and writes
tens of thousands of small files, and Python's buffered files ask the system three more
questions for each (its size, whether it is a terminal, where it stands)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

_READ = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
_WRITE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0) \
    | getattr(os, "O_BINARY", 0)
_APPEND = os.O_WRONLY | os.O_APPEND | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
_CHUNK = 1 << 16


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The whole content of the file at `path` (raises OSError like `open`)."""
    handle = os.open(path, _READ)
    try:
        chunks = []
        while chunk := os.read(handle, _CHUNK):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(handle)


def write_bytes(path: str | os.PathLike[str], data: bytes, sync: bool = False) -> os.stat_result:
    """Write `data` as the whole content of the file at `path` (made with the usual
    permissions, or emptied first), forced to disk with `sync`; returns the file's status
    after writing."""
    handle = os.open(path, _WRITE, 0o666)
    try:
        _write_all(handle, data)
        if sync:
            os.fsync(handle)
        return os.fstat(handle)
    finally:
        os.close(handle)


def append(path: str | os.PathLike[str], data: bytes) -> None:
    """Add `data` at the end of the existing file at `path` (raises OSError like `open`)."""
    handle = os.open(path, _APPEND)
    try:
        _write_all(handle, data)
    finally:
        os.close(handle)


def _write_all(handle: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view):]


def replace(path: Path, data: bytes) -> None:
    """Make `data` the content of the file at `path` (and its folders), through a temporary
    file beside it and a rename: a reader finds the old file or the new one, never part of
    one (raises OSError; the temporary file does not stay)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".part-")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
