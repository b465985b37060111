"""Write every image a build shows into the staging folder: from the cache when it has them,
else made in worker processes (one per core) and kept in the cache for the next build."""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Problem
from ..lifeline import can_fork, die_with_parent, forked_pool
from ..output import Staging
from .cache import ImageCache
from .catalog import image_problem
from .facts import PictureFacts
from .plan import Job, Plan, make_plan, source_key
from .settings import ImageSettings
from .source import BadImage, probe


@dataclass
class ImageReport:
    """What the image stage did."""

    processed: int = 0
    cached: int = 0
    seconds: float = 0.0
    problems: list[Problem] = field(default_factory=list)


def _plan(job: Job, settings: ImageSettings, facts: PictureFacts) -> Plan:
    """Plan a job from its source file as it is now (or as `facts` knows it unchanged);
    raises BadImage or OSError."""
    image, digest = facts.look(Path(job.source))
    return make_plan(job, image, source_key(digest, job.kind, settings), settings)


def _make(job: Job, settings: ImageSettings) -> tuple[dict[str, bytes], str]:
    """The files of one job, or the reason it failed (in a worker process)."""
    from .process import make_files  # (imports the imaging library: only to make pictures)
    try:
        data = Path(job.source).read_bytes()
        key = source_key(hashlib.sha256(data).digest(), job.kind, settings)
        plan = make_plan(job, probe(Path(job.source)), key, settings)
        return make_files(plan, data, settings), ""
    except BadImage as error:
        return {}, error.reason
    except OSError:
        return {}, "unreadable"


def _start_worker(parent: int) -> None:
    die_with_parent(parent)


def unique(jobs: list[Job]) -> list[Job]:
    """One job per output: the first place that names an image is the one errors point to."""
    seen: dict[tuple[str, str, str], Job] = {}
    for job in jobs:
        seen.setdefault((job.kind, job.source, job.target), job)
    return list(seen.values())


def publish_images(jobs: list[Job], settings: ImageSettings, cache: ImageCache,
                   staging: Staging, workers: int | None = None,
                   facts: PictureFacts | None = None) -> ImageReport:
    """Put the files of `jobs` into `staging`; problems for images that cannot be published.
    `facts` is what earlier builds found in the picture files."""
    facts = facts if facts is not None else PictureFacts()
    started = time.perf_counter()
    report = ImageReport()
    todo: list[tuple[Job, Plan]] = []
    used: set[str] = set()
    for job in unique(jobs):
        try:
            plan = _plan(job, settings, facts)
        except BadImage as error:
            report.problems.append(image_problem(error.reason, job.label, job.where))
            continue
        except OSError:
            report.problems.append(image_problem("unreadable", job.label, job.where))
            continue
        used.add(plan.key)
        cached = cache.files(plan.key, [o.name for o in plan.outputs])
        if cached is None:
            todo.append((job, plan))
            continue
        for name, path in cached.items():
            staging.copy(name, path)
            staging.files[name]["source"] = job.label
        report.cached += 1
    for (job, plan), (files, reason) in zip(todo, _run(todo, settings, workers), strict=True):
        if reason:
            report.problems.append(image_problem(reason, job.label, job.where))
            continue
        cache.store(plan.key, files)
        stored = cache.files(plan.key, list(files))
        for name, data in files.items():  # the next build copies them from the cache
            staging.write(name, data, copy_of=stored[name] if stored else None)
            staging.files[name]["source"] = job.label  # for `check`: which file it was made from
        report.processed += 1
    if not report.problems:
        cache.prune(used)
    report.seconds = time.perf_counter() - started
    return report


PARALLEL_FROM = 4  # pictures to make before worker processes pay off (a fork is not free)


def _run(todo: list[tuple[Job, Plan]], settings: ImageSettings,
         workers: int | None) -> list[tuple[dict[str, bytes], str]]:
    """Make the files of every job, spread over worker processes when there are several."""
    jobs = [job for job, _ in todo]
    count = min(workers or os.cpu_count() or 1, len(jobs))
    if count < 2 or len(jobs) < PARALLEL_FROM or not can_fork():
        return [_make(job, settings) for job in jobs]
    with forked_pool(count, _start_worker, (os.getpid(),)) as pool:
        return list(pool.map(_make, jobs, [settings] * len(jobs)))
