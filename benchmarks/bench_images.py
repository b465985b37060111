"""Benchmark the image pipeline: a site with N phone photos, built twice.

The first build makes every variant (cache cold), the second build of the unchanged site
should take them from the cache. Prints the image time of both builds and their ratio, and
whether the two outputs are byte-identical (the manifest aside, which records file times).
Exits 1 when the second build spends 5 % or more of the first's image time, or the outputs
differ; the numbers are what matters, the exit code keeps a regression from passing unseen.

Usage::

    python benchmarks/bench_images.py [--photos 200] [--width 2000] [--workdir DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))  # the phone photos the tests use

from photos import phone_photo  # noqa: E402
from support import MINIMAL_SITE, write_site  # noqa: E402
from zuhause import build_site  # noqa: E402

PHOTOS_PER_POST = 10


def make_site(root: Path, photos: int, width: int) -> None:
    """The minimal site plus journal posts with `photos` photos beside them, 10 per post."""
    write_site(root, MINIMAL_SITE)
    journal = root / "content" / "journal"
    journal.mkdir(parents=True, exist_ok=True)
    for post in range((photos + PHOTOS_PER_POST - 1) // PHOTOS_PER_POST):
        names = [f"foto-{post}-{n}.jpg" for n in range(PHOTOS_PER_POST)
                 if post * PHOTOS_PER_POST + n < photos]
        for number, name in enumerate(names):
            phone_photo(journal / name, width, width * 3 // 4, seed=post * 100 + number)
        body = "\n\n".join(f"![Bild {n + 1} aus der Werkstatt]({name})" for n, name in enumerate(names))
        (journal / f"beitrag-{post}.md").write_text(
            f"---\ntitle: Beitrag {post}\nperson: anna\ndate: 2025-01-{post % 28 + 1:02d}\n---\n"
            f"Ich zeige Ihnen die Werkstatt.\n\n{body}\n", "utf-8")


def tree_digest(root: Path) -> str:
    """One hash over every file of the output but the manifest."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.name != ".zuhause-manifest.json":
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--photos", type=int, default=200)
    parser.add_argument("--width", type=int, default=2000, help="pixel width of each photo")
    parser.add_argument("--workdir", type=Path, default=HERE / "work" / "images")
    args = parser.parse_args()

    shutil.rmtree(args.workdir, ignore_errors=True)
    site = args.workdir / "site"
    started = time.perf_counter()
    make_site(site, args.photos, args.width)
    made = time.perf_counter() - started
    out = site / "public"
    first = build_site(site, out)
    first_digest = tree_digest(out)
    second = build_site(site, out)
    second_digest = tree_digest(out)
    ratio = second.image_seconds / first.image_seconds if first.image_seconds else 0.0
    result = {
        "photos": args.photos, "photo_size": f"{args.width}x{args.width * 3 // 4}",
        "making_photos_s": round(made, 2),
        "first": {"build_s": round(first.seconds, 2), "image_s": round(first.image_seconds, 3),
                  "processed": first.images_processed, "cached": first.images_cached},
        "second": {"build_s": round(second.seconds, 2), "image_s": round(second.image_seconds, 3),
                   "processed": second.images_processed, "cached": second.images_cached},
        "second_to_first_image_time": round(ratio, 4),
        "outputs_identical": first_digest == second_digest,
    }
    print(json.dumps(result, indent=2))
    return 0 if ratio < 0.05 and first_digest == second_digest else 1


if __name__ == "__main__":
    raise SystemExit(main())
