"""The HTML of an image: a `<picture>` with a WebP `srcset` and a JPEG or PNG fallback, its
intrinsic width and height (so nothing shifts while it loads), and the loading hints."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from .plan import Output, Plan


@dataclass(frozen=True)
class Shown:
    """How an image is shown: its text, the sizes it takes, a class, and whether it is the
    first thing a visitor sees (loaded at once, with high priority)."""

    alt: str
    sizes: str = "100vw"
    class_name: str = ""
    priority: bool = False


def _srcset(outputs: tuple[Output, ...], url: Callable[[str], str]) -> str:
    return ", ".join(f"{url(o.name)} {o.width}w" for o in outputs)


def _img(src: str, width: int, height: int, shown: Shown, extra: str = "") -> Markup:
    loading = Markup(' fetchpriority="high"') if shown.priority else \
        Markup(' loading="lazy" decoding="async"')
    size = Markup(' width="{}" height="{}"').format(width, height) if width and height else ""
    css = Markup(' class="{}"').format(shown.class_name) if shown.class_name else ""
    return Markup('<img{} src="{}"{}{} alt="{}"{}>').format(css, src, Markup(extra), size,
                                                          shown.alt, loading)


def picture_html(plan: Plan, shown: Shown, url: Callable[[str], str]) -> Markup:
    """A processed image: `<picture>` with WebP candidates and the fallback's `<img>`."""
    fallback = plan.fallback
    if not plan.modern:  # SVG, GIF: one file as it is
        return _img(url(fallback[0].name), plan.width, plan.height, shown)
    extra = Markup(' srcset="{}" sizes="{}"').format(_srcset(fallback, url), shown.sizes)
    return Markup('<picture><source type="image/webp" srcset="{}" sizes="{}">{}</picture>').format(
        _srcset(plan.modern, url), shown.sizes,
        _img(url(fallback[-1].name), plan.width, plan.height, shown, extra))


def plain_html(src: str, width: int, height: int, shown: Shown) -> Markup:
    """An image published as it is (kept by the owner): one `<img>` with its size."""
    return _img(src, width, height, shown)
