"""Find the image a page names and plan it: each template and Markdown text asks the catalog,
which remembers what it was asked for, so the build publishes exactly those images."""

from __future__ import annotations

import posixpath
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Problem, msg
from ..sources import is_file, site_label
from .facts import PictureFacts
from .plan import AS_IS, PICTURE, Job, Plan, Where, make_plan, source_key
from .settings import ImageSettings
from .source import AS_IS as AS_IS_SUFFIXES
from .source import BadImage, SourceImage


@dataclass(frozen=True)
class ImageRef:
    """A source image found where a page or person named it."""

    file: Path  # absolute
    label: str  # 'static/images/anna.jpg', 'content/journal/stollen.jpg'
    where: Where
    static_path: str = ""  # its path inside static/ (for kept files), '' for content files


def image_problem(reason: str, label: str, where: Where) -> Problem:
    """The problem of an image that cannot be published, at the place that names it; `reason`
    is one of BadImage's reasons or 'missing'."""
    file, line, column = where.file, where.line, where.column
    if reason == "missing":
        return Problem(file, line, column, msg("images.missing", file=label),
                       msg("images.missing-hint"), "image.missing")
    if reason == "not-an-image":
        return Problem(file, line, column, msg("images.not-an-image", file=label),
                       msg("images.not-an-image-hint"), "image.not-an-image")
    if reason == "too-many-pixels":
        return Problem(file, line, column, msg("images.too-many-pixels", file=label),
                       msg("images.too-many-pixels-hint"), "image.too-many-pixels")
    if reason == "broken":
        return Problem(file, line, column, msg("images.broken", file=label),
                       msg("images.broken-hint"), "image.broken")
    if reason == "svg-script":
        return Problem(file, line, column, msg("images.svg-script", file=label),
                       msg("images.svg-script-hint"), "image.svg-script")
    return Problem(file, line, column, msg("images.unreadable", file=label),
                   msg("images.unreadable-hint"), "image.unreadable")


def find_image(written: str, page_dir: str, site_root: Path, static: list[Path],
               where: Where) -> ImageRef | None:
    """The file an owner's image path names: beside the page (or relative to it) in content/,
    else in a static/ folder (the site's wins over the theme's); '/x' names static/ only."""
    path = unicodedata.normalize("NFC", written.split("#")[0].split("?")[0])
    candidates: list[tuple[Path, str, str]] = []
    if not path.startswith("/"):
        inside = posixpath.normpath(posixpath.join(page_dir, path))
        if not inside.startswith("../") and inside != "..":
            candidates.append((site_root / "content" / inside, f"content/{inside}", ""))
    in_static = posixpath.normpath(path.lstrip("/"))
    if not in_static.startswith("../") and in_static not in ("..", "."):
        for folder in reversed(static):
            candidates.append((folder / in_static, site_label(folder / in_static, site_root), in_static))
    for file, label, static_path in candidates:
        if is_file(file):
            return ImageRef(file, label, where, static_path)
    return None


@dataclass
class ImageCatalog:
    """Plans images for one build (or one worker process) and notes which ones were shown."""

    settings: ImageSettings
    site_root: Path
    static: list[Path]
    facts: PictureFacts = field(default_factory=PictureFacts)  # what earlier builds found
    _seen: dict[Path, tuple[SourceImage, bytes] | BadImage] = field(default_factory=dict)
    _keys: dict[tuple[Path, str], str] = field(default_factory=dict)
    _plans: dict[Job, Plan] = field(default_factory=dict)
    jobs: list[Job] = field(default_factory=list)

    def plan(self, ref: ImageRef, kind: str = PICTURE) -> Plan:
        """The plan of one image shown on the page being made; raises BadImage."""
        if ref.file.suffix.lower() in AS_IS_SUFFIXES:
            kind = AS_IS
        job = Job(kind, str(ref.file), ref.label, where=ref.where)
        plan = self._plans.get(job)  # (a person's portrait is on every page)
        if plan is None:
            image, data = self._look(ref.file)
            key = self._keys.get((ref.file, kind))
            if key is None:
                key = self._keys[(ref.file, kind)] = source_key(data, kind, self.settings)
            plan = self._plans[job] = make_plan(job, image, key, self.settings)
        self.jobs.append(job)
        return plan

    def header(self, ref: ImageRef) -> SourceImage:
        """The size of an image that is published as it is (kept); raises BadImage."""
        return self._look(ref.file)[0]

    def kept(self, ref: ImageRef) -> bool:
        """Whether the owner asked to publish this file untouched."""
        return bool(ref.static_path) and ref.static_path in self.settings.keep

    def _look(self, file: Path) -> tuple[SourceImage, bytes]:
        seen = self._seen.get(file)
        if seen is None:
            try:
                seen = self.facts.look(file)
            except BadImage as error:
                seen = error
            except OSError:
                seen = BadImage("unreadable")
            self._seen[file] = seen
        if isinstance(seen, BadImage):
            raise seen
        return seen

    def take(self) -> list[Job]:
        """The jobs noted since the last call, and forget them."""
        taken, self.jobs = self.jobs, []
        return taken
