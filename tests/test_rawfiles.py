"""Whole files read and written with few system calls behave like Python's own files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from zuhause import rawfiles


def test_what_is_written_is_read_back_also_when_bigger_than_one_read(tmp_path: Path) -> None:
    data = os.urandom(200_000) + "Grüße".encode()
    status = rawfiles.write_bytes(tmp_path / "a.bin", data)
    assert rawfiles.read_bytes(tmp_path / "a.bin") == data == (tmp_path / "a.bin").read_bytes()
    assert status.st_size == len(data)
    assert status.st_mtime_ns == (tmp_path / "a.bin").stat().st_mtime_ns


def test_writing_replaces_a_longer_file_and_keeps_the_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "index.html"
    target.write_text("a much longer text than the new one")
    rawfiles.write_bytes(str(target), b"kurz")
    assert target.read_bytes() == b"kurz"
    reference = tmp_path / "reference"
    reference.write_bytes(b"")
    assert stat.S_IMODE(target.stat().st_mode) == stat.S_IMODE(reference.stat().st_mode)


def test_a_missing_file_raises_like_open(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        rawfiles.read_bytes(tmp_path / "fehlt.md")
    with pytest.raises(FileNotFoundError):
        rawfiles.write_bytes(tmp_path / "kein-ordner" / "x.html", b"x")


def test_replacing_a_file_leaves_the_old_or_the_new_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "cache" / "stamp.json"
    rawfiles.replace(target, b"alt")  # its folder is made
    rawfiles.replace(target, b"neu")
    assert target.read_bytes() == b"neu"
    assert sorted(p.name for p in target.parent.iterdir()) == ["stamp.json"]
    (tmp_path / "blocked").mkdir()
    with pytest.raises(OSError):
        rawfiles.replace(tmp_path / "blocked", b"x")  # a folder in the way: not replaced
    assert (tmp_path / "blocked").is_dir() and list(tmp_path.glob("**/.part-*")) == []
