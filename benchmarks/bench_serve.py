"""Save-to-reload latency of `zuhause serve`: the time from writing a page's Markdown to the
moment an open browser tab shows the new text, median over 20 edits.

    python benchmarks/bench_serve.py [--pages 1000] [--edits 20]

Measures the example site and a generated site of N pages (benchmarks/generate_site.py): an
edit of a post (a paragraph added), and an edit of the person who speaks on it (their role,
shown on every page they speak on).
Needs Debian's Chromium at /usr/bin/chromium and Playwright (the test extras).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from zuhause.serve import DevSession

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate_site import generate_site  # noqa: E402

REPO = HERE.parent


def append_marker(original: str, marker: str) -> str:
    """A page's text with a paragraph added at its end."""
    return original + f"\n\n{marker}\n"


def role_marker(original: str, marker: str) -> str:
    """A person's file with the marker added to the role (shown on every page they speak on)."""
    return original.replace("\nrole: ", f"\nrole: {marker}, ", 1)


def measure(page: Page, session: DevSession, source: Path, url_path: str, edits: int,
            edit: Callable[[str, str], str] = append_marker) -> list[float]:
    """Seconds from each write to the new text appearing in the tab."""
    page.goto(session.url + url_path)
    page.wait_for_timeout(500)
    original = source.read_text("utf-8")
    times = []
    for number in range(edits):
        marker = f"Messpunkt {number} {time.time_ns()}"
        started = time.perf_counter()
        source.write_text(edit(original, marker), "utf-8")
        page.wait_for_function("(marker) => document.body.innerText.includes(marker)", arg=marker,
                               polling="raf", timeout=30000)  # checked every frame
        times.append(time.perf_counter() - started)
        page.wait_for_timeout(250)  # let the watcher settle before the next save
    source.write_text(original, "utf-8")
    return times


def run(site: Path, source: Path, url_path: str, edits: int, page: Page,
        edit: Callable[[str, str], str] = append_marker) -> dict[str, float]:
    session = DevSession(site, port=0, log=lambda text: None)
    session.start()
    try:
        times = measure(page, session, source, url_path, edits, edit)
    finally:
        session.stop()
    return {"median_s": round(statistics.median(times), 3), "min_s": round(min(times), 3),
            "max_s": round(max(times), 3), "edits": len(times)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--results", type=Path, default=HERE / "results")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="zuhause-bench-serve-"))
    results = {}
    try:
        example = work / "example"
        shutil.copytree(REPO / "example-site", example, ignore=shutil.ignore_patterns("public"))
        generated = work / "generated"
        generate_site(generated, args.pages, seed=1)
        post = sorted((generated / "content" / "journal").glob("*.md"))[len(
            list((generated / "content" / "journal").glob("*.md"))) // 2]
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium")
                                                 or "/usr/bin/chromium")
            page = browser.new_page()
            results["example-site"] = run(example, example / "content" / "werkstatt.md",
                                          "werkstatt/", args.edits, page)
            results[f"generated-{args.pages}"] = run(
                generated, post, f"journal/{post.stem}/", args.edits, page)
            speaker = post.read_text("utf-8").split("\nperson: ", 1)[1].split("\n", 1)[0].strip()
            results[f"generated-{args.pages}-person"] = run(
                generated, generated / "people" / f"{speaker}.md", f"journal/{post.stem}/",
                args.edits, page, role_marker)
            browser.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    args.results.mkdir(parents=True, exist_ok=True)
    (args.results / "serve-latency.json").write_text(json.dumps(results, indent=2) + "\n")
    print("| site | median (s) | min (s) | max (s) | edits |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, row in results.items():
        print(f"| {name} | {row['median_s']} | {row['min_s']} | {row['max_s']} | {row['edits']} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
