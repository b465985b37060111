"""What one image becomes: the files, their names and sizes, decided from the header and the
bytes' hash alone, so pages can name the files before (or without) any pixel work."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..urls import slugify
from .settings import ImageSettings
from .source import SourceImage

PICTURE, OG, COPY, AS_IS = "picture", "og", "copy", "as-is"
_SAME_FORMAT = {"MPO": "JPEG"}  # phones store a JPEG with a depth map as MPO


@dataclass(frozen=True)
class Where:
    """The place that names an image: a file, line and column (0, 0 for a whole file)."""

    file: str
    line: int = 0
    column: int = 0


@dataclass(frozen=True)
class Job:
    """One image to publish: a source file, what to make of it, and who asked for it."""

    kind: str  # PICTURE, OG, COPY (a static file at its own path) or AS_IS (SVG, GIF)
    source: str  # the file, absolute
    label: str  # the file as the owner names it: 'static/images/anna.jpg'
    target: str = ""  # COPY: its path in the output
    where: Where = Where("")

    def as_list(self) -> list[object]:
        """The job as JSON data, for the manifest record of the page that shows it."""
        return [self.kind, self.source, self.label, self.target,
                self.where.file, self.where.line, self.where.column]

    @classmethod
    def from_list(cls, data: list[object]) -> Job:
        kind, source, label, target, file, line, column = data
        return cls(str(kind), str(source), str(label), str(target),
                   Where(str(file), int(str(line)), int(str(column))))


@dataclass(frozen=True)
class Output:
    """One file an image job writes."""

    name: str  # path in the output folder
    format: str  # WEBP, JPEG, PNG, or '' for the source's bytes unchanged
    width: int
    height: int


@dataclass(frozen=True)
class Plan:
    """The files of one job and the size the image is shown at."""

    job: Job
    key: str
    width: int
    height: int
    outputs: tuple[Output, ...]

    @property
    def fallback(self) -> tuple[Output, ...]:
        return tuple(o for o in self.outputs if o.format != "WEBP")

    @property
    def modern(self) -> tuple[Output, ...]:
        return tuple(o for o in self.outputs if o.format == "WEBP")


def source_key(data: bytes, kind: str, settings: ImageSettings) -> str:
    """The cache key of a job: the source's bytes, what is made of it, and the settings."""
    digest = hashlib.sha256(data)
    digest.update(kind.encode())
    digest.update(settings.key_text().encode())
    return digest.hexdigest()[:20]


def widths_for(width: int, settings: ImageSettings) -> list[int]:
    """The theme's widths below the source's width, and the source's own (up to the largest):
    never wider than the source."""
    chosen = {w for w in settings.widths if w < width}
    chosen.add(min(width, max(settings.widths)))
    return sorted(chosen)


def make_plan(job: Job, image: SourceImage, key: str, settings: ImageSettings) -> Plan:
    """The outputs of `job` for a source of `image`'s size."""
    stem = slugify(PurePosixPath(job.label).stem) or "bild"
    base = f"{settings.folder}/{stem}-{key[:10]}"
    if job.kind == COPY:
        out = Output(job.target, _SAME_FORMAT.get(image.format, image.format), image.width,
                     image.height)
        return Plan(job, key, image.width, image.height, (out,))
    if job.kind == AS_IS:
        suffix = Path(job.source).suffix.lower()
        return Plan(job, key, image.width, image.height,
                    (Output(base + suffix, "", image.width, image.height),))
    if job.kind == OG:
        width, height = _og_size(image, settings)
        return Plan(job, key, width, height, (Output(f"{base}-og.jpg", "JPEG", width, height),))
    fallback = "PNG" if image.alpha else "JPEG"
    outputs = []
    for width in widths_for(image.width, settings):
        height = max(1, round(image.height * width / image.width))
        outputs.append(Output(f"{base}-{width}.webp", "WEBP", width, height))
        outputs.append(Output(f"{base}-{width}.{fallback.lower().replace('jpeg', 'jpg')}",
                              fallback, width, height))
    largest = outputs[-1]
    return Plan(job, key, largest.width, largest.height, tuple(outputs))


def _og_size(image: SourceImage, settings: ImageSettings) -> tuple[int, int]:
    """The Open Graph crop: the theme's ratio (1200x630), never larger than the source."""
    want_w, want_h = settings.og_size
    scale = min(1.0, image.width / want_w, image.height / want_h)
    return max(1, round(want_w * scale)), max(1, round(want_h * scale))
