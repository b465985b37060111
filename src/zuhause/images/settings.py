"""What the image pipeline makes of a picture: the widths the theme declares, the formats,
the qualities. Everything here goes into the cache key, so changing it remakes the images."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

DEFAULT_WIDTHS = (320, 480, 640, 960, 1280, 1600)
CONTENT_SIZES = "(min-width: 46em) 33em, calc(100vw - 2.5rem)"
PIPELINE_VERSION = 1  # raise when the processing changes what it writes


@dataclass(frozen=True)
class ImageSettings:
    """The settings of one build's image pipeline."""

    widths: tuple[int, ...] = DEFAULT_WIDTHS
    content_sizes: str = CONTENT_SIZES
    webp_quality: int = 80
    jpeg_quality: int = 82
    og_size: tuple[int, int] = (1200, 630)
    keep: frozenset[str] = field(default_factory=frozenset)  # static/ paths copied untouched
    folder: str = "media"  # where variants are written in the output

    def key_text(self) -> str:
        """The settings as text for cache keys (without `keep`, which changes no image)."""
        values = asdict(self)
        values.pop("keep")
        values["version"] = PIPELINE_VERSION
        return json.dumps(values, sort_keys=True)


def settings_for(theme_widths: list[tuple[int, ...]], theme_sizes: list[str],
                 keep: list[str]) -> ImageSettings:
    """The settings of a build: the nearest theme that declares widths (or sizes) decides,
    and the owner's `images: keep:` list of static/ paths."""
    widths = next((w for w in theme_widths if w), DEFAULT_WIDTHS)
    sizes = next((s for s in theme_sizes if s), CONTENT_SIZES)
    return ImageSettings(widths=widths, content_sizes=sizes,
                         keep=frozenset(k.strip().lstrip("/") for k in keep))
