"""Theme settings: what a theme.yaml declares under `settings:` and `backgrounds:`, the values
a site chooses under `theme_settings:` in zuhause.yaml, and the contrast check of colours."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from .catalogue import languages
from .errors import Problems, msg
from .frontmatter import Position, YamlMap
from .schema import COLOUR, Field, validate

if TYPE_CHECKING:
    from .themes import Theme

CONFIG_FILE = "zuhause.yaml"
KINDS = ("colour", "choice", "bool", "text")
SCHEMES = ("light", "dark")
AA_TEXT = 4.5  # WCAG AA, normal text
SETTING_FIELDS = (
    Field("type", "choice", msg("field.setting.type"), choices=KINDS),
    Field("default", "line", msg("field.setting.default"), example="#9a3b1a"),
    Field("choices", "list", msg("field.setting.choices"), example="serif"),
    Field("scheme", "choice", msg("field.setting.scheme"), choices=SCHEMES),
    Field("description", "map", msg("field.setting.description"),
          fields=tuple(Field(code, "text", msg("field.setting.description")) for code in languages())),
)


@dataclass(frozen=True)
class Setting:
    """One setting a theme declares: its type, default, allowed values and description."""

    name: str
    kind: str
    default: Any
    description: tuple[tuple[str, str], ...] = ()  # (language, text)
    choices: tuple[str, ...] = ()
    scheme: str = "light"  # colours: the backgrounds they are read on
    origin: str = ""  # the theme.yaml that set the default, for messages
    position: Position = Position(1, 1)

    def field(self) -> Field:
        """The field that checks a site's value of this setting."""
        example = {"colour": str(self.default), "bool": "true"}.get(self.kind, str(self.default))
        return Field(self.name, "line" if self.kind == "text" else self.kind,
                     msg("field.site.theme_settings"), example=example, choices=self.choices)

    def describe(self, language: str) -> str:
        """The description in `language`, else in any language the theme wrote."""
        texts = dict(self.description)
        return texts.get(language) or next(iter(texts.values()), "")

    def allowed(self) -> str:
        """The values this setting takes, for the owner: `serif, sans`, `true, false`, `#rrggbb`."""
        return {"colour": "#rrggbb", "bool": "true, false", "text": "…"}.get(
            self.kind, ", ".join(self.choices))


@dataclass(frozen=True)
class Declared:
    """The settings and backgrounds of a theme chain, the nearest theme's defaults winning."""

    settings: dict[str, Setting]
    backgrounds: dict[str, tuple[str, ...]]


def declared(chain: list[Theme], problems: Problems) -> Declared:
    """The settings of a theme and the themes it extends; a child may override a default."""
    settings: dict[str, Setting] = {}
    backgrounds: dict[str, tuple[str, ...]] = {}
    for theme in reversed(chain):  # the most basic theme first
        name = f"{theme.label}/theme.yaml"
        declarations = theme.settings or YamlMap(Position(1, 1))
        for key, block in declarations.items():
            setting = _declaration(key, block, settings.get(key), name, declarations, problems)
            if setting is not None:
                settings[key] = setting
        schemes = theme.backgrounds or YamlMap(Position(1, 1))
        for scheme, colours in schemes.items():
            backgrounds[scheme] = _backgrounds(scheme, colours, name, schemes, problems)
    return Declared(settings, backgrounds)


def _declaration(key: str, block: Any, parent: Setting | None, name: str, within: YamlMap,
                 problems: Problems) -> Setting | None:
    pos = within.value_at(key)
    if not isinstance(block, YamlMap):
        problems.add(name, pos.line, pos.column, msg("theme.setting-not-block", setting=key),
                     msg("theme.setting-not-block-hint", setting=key), "theme.bad-setting")
        return None
    values = validate(block, SETTING_FIELDS, name, problems, f"settings: {key}")
    kind = values.get("type", parent.kind if parent else "")
    if not kind:
        problems.add(name, pos.line, pos.column, msg("theme.setting-no-type", setting=key),
                     msg("theme.setting-no-type-hint", kinds=", ".join(KINDS)), "theme.bad-setting")
        return None
    choices = tuple(values.get("choices", parent.choices if parent else ()))
    if kind == "choice" and not choices:
        problems.add(name, pos.line, pos.column, msg("theme.setting-no-choices", setting=key),
                     msg("theme.setting-no-choices-hint"), "theme.bad-setting")
        return None
    description = tuple(values["description"].items()) if "description" in values else (
        parent.description if parent else ())
    setting = Setting(key, kind, None, description, choices,
                      values.get("scheme", parent.scheme if parent else "light"), name)
    if "default" not in block:
        if parent is None:
            problems.add(name, pos.line, pos.column, msg("theme.setting-no-default", setting=key),
                         msg("theme.setting-no-default-hint", setting=key, example=setting.allowed()),
                         "theme.bad-setting")
            return None
        return Setting(key, kind, parent.default, description, choices, setting.scheme,
                       parent.origin, parent.position)
    default = validate(block, (replace(setting.field(), name="default"),), name, problems,
                       f"settings: {key}", others=True).get("default")
    if default is None:
        return None
    return Setting(key, kind, default, description, choices, setting.scheme, name,
                   block.value_at("default"))


def _backgrounds(scheme: str, colours: Any, name: str, within: YamlMap,
                 problems: Problems) -> tuple[str, ...]:
    pos = within.value_at(scheme)
    written = [colours] if isinstance(colours, str) else colours
    if scheme not in SCHEMES or not isinstance(written, list) or not all(
            isinstance(c, str) and COLOUR.fullmatch(c.strip()) for c in written):
        problems.add(name, pos.line, pos.column, msg("theme.bad-background", scheme=scheme),
                     msg("theme.bad-background-hint", schemes=", ".join(SCHEMES)),
                     "theme.bad-background")
        return ()
    return tuple(c.strip().lower() for c in written)


def site_values(chain: list[Theme], raw: YamlMap, problems: Problems) -> dict[str, Any]:
    """The value of every setting for a site: its `theme_settings:`, else the default; colours
    checked for contrast against the theme's backgrounds."""
    theme = declared(chain, problems)
    chosen = raw.get("theme_settings")
    if not isinstance(chosen, YamlMap):  # absent, or reported by read_config
        chosen = YamlMap(raw.position)
    fields = tuple(s.field() for s in theme.settings.values())
    values = {key: s.default for key, s in theme.settings.items()}
    values.update(validate(chosen, fields, CONFIG_FILE, problems, "theme_settings"))
    for key, setting in theme.settings.items():
        if setting.kind != "colour" or values[key] is None:
            continue
        where, pos = ((CONFIG_FILE, chosen.value_at(key)) if key in chosen
                      else (setting.origin, setting.position))
        _check_contrast(setting, values[key], theme.backgrounds.get(setting.scheme, ()),
                        where, pos, problems)
    return values


def _check_contrast(setting: Setting, colour: str, backgrounds: tuple[str, ...], where: str,
                    pos: Position, problems: Problems) -> None:
    failing = [(bg, ratio) for bg in backgrounds if (ratio := contrast(colour, bg)) < AA_TEXT]
    if not failing:
        return
    background, ratio = min(failing, key=lambda pair: pair[1])
    darker = setting.scheme == "light"
    shade = passing_shade(colour, backgrounds, darker)
    problems.add(where, pos.line, pos.column,
                 msg("theme.contrast", setting=setting.name, value=colour, background=background,
                     scheme=setting.scheme, ratio=f"{ratio:.2f}", needed=f"{AA_TEXT}"),
                 msg("theme.contrast-darker-hint" if darker else "theme.contrast-lighter-hint",
                     setting=setting.name, shade=shade),
                 "theme.contrast")


def _channels(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def luminance(colour: str) -> float:
    """The relative luminance of `#rrggbb` (WCAG 2)."""
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(c) for c in _channels(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two `#rrggbb` colours, from 1 to 21."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _mix(colour: str, towards: int, share: float) -> str:
    return "#" + "".join(f"{round(c + (towards - c) * share):02x}" for c in _channels(colour))


def passing_shade(colour: str, backgrounds: tuple[str, ...], darker: bool) -> str:
    """The closest shade of `colour`, mixed towards black (or white), that passes AA on every
    background."""
    towards = 0 if darker else 255
    for step in range(1, 101):
        shade = _mix(colour, towards, step / 100)
        if all(contrast(shade, bg) >= AA_TEXT for bg in backgrounds):
            return shade
    return "#000000" if darker else "#ffffff"
