"""Images as pages show them: the `image()` helper of templates, Markdown images and the Open
Graph picture, all planned through one catalog and written as `<picture>` markup."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from ..errors import Problem
from ..themes import Theme, static_folders
from ..urls import site_url
from .catalog import ImageCatalog, ImageRef, find_image, image_problem
from .facts import PictureFacts
from .markup import Shown, picture_html, plain_html
from .plan import OG, Job, Where
from .settings import settings_for
from .source import BadImage


class ImageFailed(Exception):
    """An image a template or a Markdown text names cannot be shown; carries the problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message.key)
        self.problem = problem


@dataclass(frozen=True)
class OgImage:
    """The Open Graph picture of a page."""

    url: str
    width: int
    height: int


class Pictures:
    """Shows images for one build (or one worker process)."""

    def __init__(self, catalog: ImageCatalog, base_path: str, base_url: str) -> None:
        self.catalog = catalog
        self.base_path = base_path
        self.base_url = base_url
        self._markup: dict[tuple[Job, Shown], Markup] = {}  # the same picture, shown again

    def find(self, written: str, page_dir: str, where: Where) -> ImageRef:
        """The image an owner's path names; raises ImageFailed when there is none."""
        ref = find_image(written, page_dir, self.catalog.site_root, self.catalog.static, where)
        if ref is None:
            raise ImageFailed(image_problem("missing", written, where))
        return ref

    def show(self, ref: ImageRef, shown: Shown) -> Markup:
        """The markup of one image; raises ImageFailed."""
        try:
            if self.catalog.kept(ref):
                size = self.catalog.header(ref)
                return plain_html(site_url(self.base_path, ref.static_path), size.width,
                                  size.height, shown)
            plan = self.catalog.plan(ref)
        except BadImage as error:
            raise ImageFailed(image_problem(error.reason, ref.label, ref.where)) from None
        markup = self._markup.get((plan.job, shown))
        if markup is None:
            markup = picture_html(plan, shown, lambda name: site_url(self.base_path, name))
            self._markup[(plan.job, shown)] = markup
        return markup

    def og(self, ref: ImageRef | None) -> OgImage | None:
        """The 1200x630 crop of a page's picture; None for SVG, GIF and images that fail."""
        if ref is None or ref.file.suffix.lower() in (".svg", ".gif") or self.catalog.kept(ref):
            return None
        try:
            plan = self.catalog.plan(ref, OG)
        except BadImage:
            return None  # the page shows the same file and reports it there
        out = plan.outputs[0]
        return OgImage(site_url(self.base_url, out.name), out.width, out.height)

    def helper(self, path: str | ImageRef, alt: str, sizes: str = "100vw", class_name: str = "",
               priority: bool = False) -> Markup:
        """`image(path, alt=..., sizes=..., class_name=..., priority=...)` for templates: `path`
        inside a static/ folder, or an image of a page or person (`page.image`)."""
        ref = path if isinstance(path, ImageRef) else self.find(
            "/" + path.lstrip("/"), "", Where("templates", 0, 0))
        return self.show(ref, Shown(alt, sizes, class_name, priority))


def pictures_for(site_root: Path, chain: list[Theme], keep: list[str], base_path: str,
                 base_url: str, facts: PictureFacts | None = None) -> Pictures:
    """The pictures of one build: the theme chain's widths and static folders, the owner's
    `images: keep:` list (`facts`: what earlier builds found in the picture files)."""
    settings = settings_for([t.image_widths for t in chain],
                            [t.content_image_sizes for t in chain], keep)
    return Pictures(ImageCatalog(settings, site_root, static_folders(site_root, chain),
                                 facts if facts is not None else PictureFacts()),
                    base_path, base_url)
