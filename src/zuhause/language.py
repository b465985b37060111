"""Which language the owner reads: the site's `language:`, found even in a broken zuhause.yaml."""

from __future__ import annotations

import re
from pathlib import Path

from .catalogue import languages

DEFAULT = "de"  # what a zuhause.yaml without a language key means, as in config.read_config
_LANGUAGE_LINE = re.compile(r"""^language[ \t]*:[ \t]*["']?([A-Za-z]+)["']?[ \t]*(?:#.*)?$""",
                            re.MULTILINE)


def site_language(root: Path, fallback: str) -> str:
    """The language of the site at `root`: its `language:` line, the config default when the
    file has none, or `fallback` when there is no readable zuhause.yaml (or an unknown language).

    Reads the file line by line rather than as YAML, so that a broken file still gives the
    language to report its problems in.
    """
    try:
        text = (root / "zuhause.yaml").read_bytes().decode("utf-8", "replace")
    except OSError:
        return fallback
    match = _LANGUAGE_LINE.search(text.replace("\r\n", "\n").lstrip("\ufeff"))
    if match is None:
        return DEFAULT
    code = match[1].lower()
    return code if code in languages() else fallback
