"""`zuhause theme list` and `zuhause theme new`: the themes a site can use, and a new theme in
the site's themes/ folder that extends one of them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import Problems, msg
from .theme_settings import Setting, declared
from .themes import builtin_theme_names, resolve_theme_chain

_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")


@dataclass(frozen=True)
class ThemeInfo:
    """One theme a site can name in zuhause.yaml, as `theme list` shows it."""

    reference: str  # what to write after `theme:`
    description: str
    settings: tuple[Setting, ...]


def _references(site_root: Path) -> list[str]:
    own = site_root / "themes"
    mine = sorted(f"themes/{p.name}" for p in own.iterdir()
                  if (p / "theme.yaml").is_file()) if own.is_dir() else []
    return builtin_theme_names() + mine


def available_themes(site_root: Path) -> list[ThemeInfo]:
    """The built-in themes and the site's own, with their descriptions and settings."""
    found = []
    for reference in _references(site_root):
        problems = Problems()  # a broken theme is still listed; building reports its problems
        chain = resolve_theme_chain(reference, site_root, problems)
        if chain:
            found.append(ThemeInfo(reference, chain[0].description,
                                   tuple(declared(chain, problems).settings.values())))
    return found


def theme_list_text(site_root: Path, language: str) -> str:
    """What `zuhause theme list` prints, in `language`."""
    lines: list[str] = []
    for info in available_themes(site_root):
        lines += [info.reference, *(f"  {line}" for line in info.description.splitlines())]
        for s in info.settings:
            lines.append(msg("theme.list-setting", setting=s.name, kind=s.kind,
                             default=str(s.default).lower() if s.kind == "bool" else str(s.default),
                             allowed=s.allowed()).format(language))
            if s.describe(language):
                lines.append(f"      {s.describe(language)}")
        lines.append("")
    lines.append(msg("theme.list-how").format(language))
    return "\n".join(lines)


def new_theme(site_root: Path, name: str, parent: str, language: str) -> list[Path]:
    """Create `site_root/themes/NAME/` extending `parent`: a commented theme.yaml and a
    base.html that overrides the head block. Writes nothing when the folder exists, nor for
    the name of a built-in theme (the site's theme would hide it, `theme: default` would name
    the site's, and `extends: default` would extend itself)."""
    problems = Problems()
    target = site_root / "themes" / name
    if not _NAME.fullmatch(name):
        problems.add(name, 0, 0, msg("theme.bad-name", name=name), msg("theme.bad-name-hint"),
                     "theme.bad-name")
    elif name in builtin_theme_names():
        problems.add(f"themes/{name}", 0, 0, msg("theme.builtin-name", name=name),
                     msg("theme.builtin-name-hint", name=name), "theme.builtin-name")
    elif target.exists():
        problems.add(f"themes/{name}", 0, 0, msg("theme.exists", name=name),
                     msg("theme.exists-hint"), "theme.exists")
    chain = resolve_theme_chain(parent, site_root, problems)
    problems.check()
    files = {
        target / "theme.yaml": msg("theme.new-yaml", name=name, parent=parent),
        target / "templates" / "base.html": msg("theme.new-base", parent=chain[0].name),
    }
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as file:  # never overwrite
            file.write(text.format(language).rstrip("\n") + "\n")
    return list(files)
