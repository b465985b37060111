"""Themes: find a theme and the themes it extends, and make the Jinja environment in which a
site's own templates/ override single templates of its theme."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import (
    BytecodeCache,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    select_autoescape,
)

from .errors import Problems, msg
from .frontmatter import YamlMap, load_yaml
from .schema import Field, validate
from .sources import SourceError, is_file, read_source

THEME_FIELDS = (
    Field("name", "line", msg("field.theme.name"), True, "werkstatt"),
    Field("description", "text", msg("field.theme.description")),
    Field("extends", "line", msg("field.theme.extends"),
          example="default"),
    Field("image_widths", "list", msg("field.theme.image_widths"), example="960"),
    Field("content_image_sizes", "line", msg("field.theme.content_image_sizes"),
          example="(min-width: 46em) 33em, 100vw"),
    Field("settings", "block", msg("field.theme.settings")),
    Field("backgrounds", "block", msg("field.theme.backgrounds")),
)
MIN_WIDTH, MAX_WIDTH = 16, 8000
MAX_CHAIN = 8


@dataclass(frozen=True)
class Theme:
    """One theme folder and its name."""

    name: str
    root: Path
    label: str  # how the owner sees its folder in messages
    image_widths: tuple[int, ...] = ()  # empty: the theme it extends decides
    content_image_sizes: str = ""
    description: str = ""
    # as written in theme.yaml; theme_settings.declared() reads them along the chain
    settings: YamlMap | None = field(default=None, compare=False, repr=False)
    backgrounds: YamlMap | None = field(default=None, compare=False, repr=False)

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def static(self) -> Path:
        return self.root / "static"


def builtin_themes() -> Path:
    """The folder of the themes that come with zuhause.

    An installed wheel holds them in `zuhause/builtin_themes/`; an editable install of a
    checkout finds them where designers edit them, in the checkout's `themes/` folder.
    """
    packaged = Path(__file__).with_name("builtin_themes")
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "themes"


def builtin_theme_names() -> list[str]:
    """The names of the themes that come with zuhause (folders with a theme.yaml)."""
    return sorted(p.name for p in builtin_themes().iterdir() if (p / "theme.yaml").is_file())


def _find_theme(reference: str, site_root: Path, relative_to: Path) -> Path | None:
    for candidate in (relative_to / reference, site_root / reference, site_root / "themes" / reference,
                      builtin_themes() / reference):
        if is_file(candidate / "theme.yaml"):
            return candidate
    return None


def resolve_theme_chain(reference: str, site_root: Path, problems: Problems) -> list[Theme]:
    """The theme named in zuhause.yaml and every theme it extends, nearest first."""
    chain: list[Theme] = []
    where, field_name, relative_to = "zuhause.yaml", "theme", site_root
    while reference and len(chain) < MAX_CHAIN:
        folder = _find_theme(reference, site_root, relative_to)
        if folder is None:
            available = sorted(p.name for p in builtin_themes().iterdir()
                               if (p / "theme.yaml").is_file())
            problems.add(where, 1, 1, msg("theme.missing", field=field_name, theme=reference),
                         msg("theme.missing-hint", themes=", ".join(available)), "theme.missing")
            return chain
        label = _label(folder, site_root)
        if any(t.root.resolve() == folder.resolve() for t in chain):
            problems.add(where, 1, 1, msg("theme.circle", theme=reference),
                         msg("theme.circle-hint"), "theme.circle")
            return chain
        meta = _read_theme_meta(folder, label, problems)
        chain.append(Theme(meta.get("name", folder.name), folder, label,
                           _widths(meta, f"{label}/theme.yaml", problems),
                           meta.get("content_image_sizes", ""), meta.get("description", ""),
                           meta.get("settings"),
                           meta.get("backgrounds")))
        reference = meta.get("extends", "")
        where, field_name, relative_to = f"{label}/theme.yaml", "extends", folder.parent
    return chain


def _label(folder: Path, site_root: Path) -> str:
    for base, prefix in ((site_root, ""), (builtin_themes(), "themes/")):
        try:
            return prefix + folder.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
    return folder.as_posix()


def _widths(meta: dict[str, Any], name: str, problems: Problems) -> tuple[int, ...]:
    """The image widths a theme declares, checked: whole numbers of pixels."""
    written = meta.get("image_widths", [])
    try:
        widths = tuple(sorted({int(str(w)) for w in written}))
    except ValueError:
        widths = ()
    if written and (not widths or not all(MIN_WIDTH <= w <= MAX_WIDTH for w in widths)):
        problems.add(name, 1, 1, msg("images.bad-widths"), msg("images.bad-widths-hint"),
                     "image.bad-widths")
        return ()
    return widths


def _read_theme_meta(folder: Path, label: str, problems: Problems) -> dict[str, Any]:
    name = f"{label}/theme.yaml"
    try:
        source = read_source(folder / "theme.yaml", name)
    except SourceError as error:
        problems.extend([error.problem])
        return {}
    data, yaml_problems = load_yaml(source.text, name)
    problems.extend(yaml_problems)
    if not isinstance(data, YamlMap):
        if not yaml_problems:
            problems.add(name, 1, 1, msg("theme.not-mapping"), msg("theme.not-mapping-hint"),
                         "theme.not-mapping")
        return {}
    return validate(data, THEME_FIELDS, name, problems)


def template_folders(site_root: Path, chain: list[Theme]) -> list[tuple[Path, str]]:
    """Where templates are looked up, in order, with the label used in messages."""
    folders = [(site_root / "templates", "templates")]
    folders += [(theme.templates, f"{theme.label}/templates") for theme in chain]
    return [(path, label) for path, label in folders if path.is_dir()]


def static_folders(site_root: Path, chain: list[Theme]) -> list[Path]:
    """Static folders from the most basic theme to the site; later ones win."""
    folders = [theme.static for theme in reversed(chain)] + [site_root / "static"]
    return [folder for folder in folders if folder.is_dir()]


def make_environment(site_root: Path, chain: list[Theme],
                     templates: BytecodeCache | None = None) -> Environment:
    """A Jinja environment for one build: autoescaping, undefined variables are errors.

    A template may extend the theme's version of itself as `"<theme name>:base.html"`.
    """
    folders = template_folders(site_root, chain)
    loader = ChoiceLoader([
        FileSystemLoader([str(path) for path, _ in folders]),
        PrefixLoader({theme.name: FileSystemLoader(str(theme.templates)) for theme in chain},
                     delimiter=":"),
    ])
    return Environment(loader=loader, autoescape=select_autoescape(["html", "xml"]),
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                       keep_trailing_newline=True, bytecode_cache=templates,
                       auto_reload=False)  # (a build makes its own environment)
