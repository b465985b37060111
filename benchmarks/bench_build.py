"""Benchmark `zuhause build` on generated sites of several sizes.

For each size: a clean build, a second build with nothing changed, a build after
appending a sentence to one journal post (with `--edits N`, N such builds, each after an
edit of another post) and a clean output with a warm cache. Each build is the installed
zuhause run as a child process; its wall time, CPU time and peak RSS are
measured with os.wait4 on exactly that child (POSIX only).

Usage::

    python benchmarks/bench_build.py [--sizes 1000 10000] [--repeat N] [--edits N] [--workdir DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import platform
import resource
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from generate_site import MIN_PAGES, generate_site

HERE = Path(__file__).resolve().parent
SCENARIOS = ("clean", "unchanged", "one_post_changed", "warm_cache")
SCENARIO_LABELS = {
    "clean": "clean build",
    "unchanged": "nothing changed",
    "one_post_changed": "one post changed",
    "warm_cache": "clean output, warm cache",
}


@dataclass(frozen=True)
class Measurement:
    """One build: what it cost and what it left."""

    wall_s: float
    cpu_s: float
    peak_rss_mib: float
    pages_per_s: float
    output_files: int
    peak_tree_rss_mib: float = 0.0  # the build and its workers, resident sizes added up
    peak_tree_pss_mib: float = 0.0  # the most the build and its workers held together (PSS)
    files_written: int = 0  # output files new or changed by this build


@dataclass(frozen=True)
class ChildRun:
    """A finished child process: exit code, wall time, resource usage, output."""

    code: int
    wall_s: float
    usage: resource.struct_rusage
    stdout: str
    stderr: str
    tree_rss_kib: int = 0
    tree_pss_kib: int = 0


class BuildFailed(Exception):
    """A build exited non-zero; carries its exit code and output."""

    def __init__(self, command: Sequence[str], code: int, stdout: str, stderr: str) -> None:
        super().__init__(f"build failed with exit code {code}")
        self.command, self.code, self.stdout, self.stderr = list(command), code, stdout, stderr


# --------------------------------------------------------------------------
# Sites
# --------------------------------------------------------------------------


def generator_digest() -> str:
    """A short hash of generate_site.py, so cached sites follow generator changes."""
    return hashlib.sha256((HERE / "generate_site.py").read_bytes()).hexdigest()[:12]


def cached_site(workdir: Path, size: int, seed: int) -> Path:
    """The pristine generated site for size and seed, generated on first use."""
    sites = workdir / "sites"
    site = sites / f"site-{size}-seed{seed}-{generator_digest()}"
    if site.is_dir():
        return site
    partial = sites / f"{site.name}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    print(f"generating a site of {size} pages (seed {seed}) ...", file=sys.stderr)
    generate_site(partial, size, seed)
    partial.rename(site)
    return site


SETTLE_SECONDS = 2.5


def settled_copy(pristine: Path, site: Path) -> None:
    """Copy the pristine site to `site`, then wait until its files count as not recently
    changed: zuhause trusts what it noted about a file only when the file had not changed
    for two seconds before a build looked at it, and copying has just set every file's
    change time (which cannot be set back). An owner's site is mostly files edited long
    ago."""
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(pristine, site)
    time.sleep(SETTLE_SECONDS)


def working_copy(pristine: Path, workdir: Path, size: int) -> Path:
    """A fresh copy of the pristine site to build and edit."""
    site = workdir / "run" / f"site-{size}"
    settled_copy(pristine, site)
    return site


def post_to_change(site: Path, edit: int = 0) -> Path:
    """The journal post that the `edit`-th build after an edit changes (the first: the middle
    one by name; the others spread over the journal)."""
    posts = sorted((site / "content" / "journal").glob("*.md"))
    return posts[(len(posts) // 2 + edit * 997) % len(posts)]


def append_sentence(post: Path, round_number: int) -> None:
    """Change one post's text by appending a sentence."""
    text = post.read_text(encoding="utf-8")
    addition = f"Nachtrag {round_number}: Heute haben wir die Oberfläche noch einmal geölt.\n"
    post.write_text(text.rstrip("\n") + "\n\n" + addition, encoding="utf-8", newline="\n")


SET_ASIDE = "set-aside"  # below the work folder: what builds left, deleted after measuring


def set_aside(folder: Path, trash: Path) -> None:
    """Move `folder` into `trash` (on the same file system) instead of deleting it now: ext4
    skips the inodes of files deleted in the last minutes when it makes new ones, so a build
    right after deleting thousands of files pays for that deletion in kernel time (several
    seconds at 10,000 pages on the machine these results come from). `empty_trash` deletes
    everything when measuring is over."""
    if folder.exists():
        trash.mkdir(parents=True, exist_ok=True)
        folder.rename(trash / f"{folder.name}-{time.time_ns()}")


def empty_trash(trash: Path) -> None:
    """Delete what `set_aside` moved away."""
    shutil.rmtree(trash, ignore_errors=True)


def reset_build_state(site: Path, out: Path, trash: Path) -> None:
    """Set zuhause's cache in the site and the output folder aside."""
    set_aside(site / ".zuhause", trash)
    set_aside(out, trash)


# --------------------------------------------------------------------------
# Measuring
# --------------------------------------------------------------------------


def rss_mib(ru_maxrss: int) -> float:
    """ru_maxrss in MiB: kilobytes on Linux, bytes on macOS."""
    per_mib = 1024 * 1024 if sys.platform == "darwin" else 1024
    return ru_maxrss / per_mib


def count_files(folder: Path) -> int:
    """Files below folder (0 if it does not exist)."""
    return sum(1 for path in folder.rglob("*") if path.is_file()) if folder.is_dir() else 0


def build_command(site: Path, out: Path) -> list[str]:
    """The zuhause build command, run with this interpreter."""
    return [sys.executable, "-m", "zuhause", "build", str(site), "-o", str(out)]


def tree_memory_kib(root: int) -> tuple[int, int]:
    """The memory of process `root` and all its descendants together (Linux /proc; 0
    elsewhere): the sum of their resident sizes (pages shared after a fork counted in each
    process: an upper bound) and the sum of their proportional sizes (PSS: a shared page
    split between the processes sharing it, so the sum is what they hold together)."""
    parents: dict[int, int] = {}
    sizes: dict[int, int] = {}
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else []:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status", encoding="ascii", errors="replace") as status:
                fields = dict(line.split(":", 1) for line in status if ":" in line)
            parents[int(entry)] = int(fields["PPid"])
            sizes[int(entry)] = int(fields.get("VmRSS", "0 kB").split()[0])
        except (OSError, ValueError, KeyError):
            continue
    family, grew = {root}, True
    while grew:
        more = {pid for pid, parent in parents.items() if parent in family} - family
        family |= more
        grew = bool(more)
    return sum(sizes.get(pid, 0) for pid in family), sum(_pss_kib(pid) for pid in family)


def _pss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii", errors="replace") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def tree_rss_kib(root: int) -> int:
    """The resident memory of process `root` and all its descendants together (an upper
    bound; see `tree_memory_kib`)."""
    return tree_memory_kib(root)[0]


def watch_tree_rss(pid: int, stop: threading.Event, peak: list[int]) -> None:
    """Sample the tree's memory every 20 ms until `stop`; the highest sums go into peak[0]
    (resident) and, when `peak` has room, peak[1] (proportional)."""
    while not stop.wait(0.02):
        rss, pss = tree_memory_kib(pid)
        peak[0] = max(peak[0], rss)
        if len(peak) > 1:
            peak[1] = max(peak[1], pss)


def installed_environment() -> dict[str, str]:
    """This process's environment for a measured build, without PYTHONDONTWRITEBYTECODE: an
    installed zuhause starts from compiled modules (pip compiles them when it installs), so
    a build must not compile every module again each time it starts."""
    return {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def run_measured(command: Sequence[str]) -> ChildRun:
    """Run command as a direct child and wait for it; measure time and resources.

    posix_spawn + os.wait4 gives the resource usage of exactly this child (and
    whatever it waited for), unlike RUSAGE_CHILDREN of the benchmark process,
    which keeps the maximum over all earlier builds.
    """
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        actions = [
            (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
            (os.POSIX_SPAWN_DUP2, stdout.fileno(), 1),
            (os.POSIX_SPAWN_DUP2, stderr.fileno(), 2),
        ]
        start = time.perf_counter()
        pid = os.posix_spawn(command[0], list(command), installed_environment(),
                             file_actions=actions)
        stop, peak = threading.Event(), [0, 0]
        watcher = threading.Thread(target=watch_tree_rss, args=(pid, stop, peak), daemon=True)
        watcher.start()
        _, status, usage = os.wait4(pid, 0)
        wall = time.perf_counter() - start
        stop.set()
        watcher.join()
        outputs = []
        for stream in (stdout, stderr):
            stream.seek(0)
            outputs.append(stream.read().decode("utf-8", "replace"))
    return ChildRun(os.waitstatus_to_exitcode(status), wall, usage, outputs[0], outputs[1],
                    peak[0], peak[1])


def output_stamps(folder: Path) -> dict[str, tuple[int, int]]:
    """Inode and change time of every file below folder: a written file changes one."""
    if not folder.is_dir():
        return {}
    return {str(path): (path.stat().st_ino, path.stat().st_ctime_ns)
            for path in folder.rglob("*") if path.is_file()}


def measure_build(site: Path, out: Path, pages: int) -> Measurement:
    """Build site into out once; raise BuildFailed if zuhause fails."""
    command = build_command(site, out)
    before = output_stamps(out)
    run = run_measured(command)
    if run.code != 0:
        raise BuildFailed(command, run.code, run.stdout, run.stderr)
    return measurement_of(run, pages, out, sum(1 for name, stamp in output_stamps(out).items()
                                               if before.get(name) != stamp))


def measurement_of(run: ChildRun, pages: int, out: Path, files_written: int = 0) -> Measurement:
    """What one finished build cost and left in `out`."""
    return Measurement(
        wall_s=round(run.wall_s, 4),
        cpu_s=round(run.usage.ru_utime + run.usage.ru_stime, 4),
        peak_rss_mib=round(rss_mib(run.usage.ru_maxrss), 1),
        pages_per_s=round(pages / run.wall_s, 1),
        output_files=count_files(out),
        peak_tree_rss_mib=round(run.tree_rss_kib / 1024, 1),
        peak_tree_pss_mib=round(run.tree_pss_kib / 1024, 1),
        files_written=files_written,
    )


def measure_round(site: Path, out: Path, pages: int, round_number: int,
                  trash: Path, edits: int = 1) -> dict[str, list[Measurement]]:
    """A clean build, one with nothing changed, `edits` builds each after a post changed, and
    a build into an empty output folder with the cache of the earlier builds."""
    reset_build_state(site, out, trash)
    time.sleep(SETTLE_SECONDS)  # (the last round's edit is settled, as `settled_copy` says)
    results = {"clean": [measure_build(site, out, pages)]}
    results["unchanged"] = [measure_build(site, out, pages)]
    results["one_post_changed"] = []
    for edit in range(edits):
        append_sentence(post_to_change(site, edit), round_number)
        results["one_post_changed"].append(measure_build(site, out, pages))
    set_aside(out, trash)
    results["warm_cache"] = [measure_build(site, out, pages)]
    return results


def median_measurement(runs: Sequence[Measurement]) -> Measurement:
    """The median of times and rates, the maximum of peak memory."""
    wall = statistics.median(r.wall_s for r in runs)
    return Measurement(
        wall_s=round(wall, 4),
        cpu_s=round(statistics.median(r.cpu_s for r in runs), 4),
        peak_rss_mib=max(r.peak_rss_mib for r in runs),
        pages_per_s=round(statistics.median(r.pages_per_s for r in runs), 1),
        output_files=runs[-1].output_files,
        peak_tree_rss_mib=max(r.peak_tree_rss_mib for r in runs),
        peak_tree_pss_mib=max(r.peak_tree_pss_mib for r in runs),
        files_written=runs[-1].files_written,
    )


# --------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------


def zuhause_version() -> str | None:
    """The installed zuhause version, if it has package metadata."""
    try:
        return importlib.metadata.version("zuhause")
    except importlib.metadata.PackageNotFoundError:
        return None


def environment() -> dict[str, object]:
    """Facts about the machine and software the numbers came from."""
    return {
        "zuhause": zuhause_version(),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpu_count": os.cpu_count(),
        "generator": generator_digest(),
        "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }


def size_report(
    size: int, seed: int, rounds: Sequence[dict[str, list[Measurement]]]
) -> dict[str, object]:
    """The JSON document for one size."""
    return {
        "pages": size,
        "seed": seed,
        "rounds": len(rounds),
        "command": "python -m zuhause build SITE -o OUT",
        "environment": environment(),
        "results": {
            name: {
                "median": asdict(median_measurement([m for r in rounds for m in r[name]])),
                "runs": [asdict(m) for r in rounds for m in r[name]],
            }
            for name in SCENARIOS
        },
    }


def markdown_table(reports: Sequence[dict]) -> str:
    """A Markdown table of the medians of all sizes."""
    lines = [
        "| pages | build | wall (s) | pages/s | CPU (s) | peak RSS (MiB) | all processes, RSS "
        "(MiB) | all processes, PSS (MiB) | files written | output files |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for report in reports:
        for name in SCENARIOS:
            m = report["results"][name]["median"]
            lines.append(
                f"| {report['pages']} | {SCENARIO_LABELS[name]} | {m['wall_s']:.3f} | "
                f"{m['pages_per_s']:.1f} | {m['cpu_s']:.3f} | {m['peak_rss_mib']:.1f} | "
                f"{m['peak_tree_rss_mib']:.1f} | {m['peak_tree_pss_mib']:.1f} | "
                f"{m['files_written']} | {m['output_files']} |"
            )
    return "\n".join(lines)


def write_report(results_dir: Path, report: dict) -> Path:
    """Write results/build-<size>.json and return its path."""
    results_dir.mkdir(parents=True, exist_ok=True)
    path = results_dir / f"build-{report['pages']}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def print_failure(error: BuildFailed) -> None:
    """Show a failed build's command and output on stderr."""
    print(f"error: {' '.join(error.command)} exited with {error.code}", file=sys.stderr)
    if error.stdout.strip():
        print("--- stdout ---\n" + error.stdout.rstrip(), file=sys.stderr)
    print("--- stderr ---\n" + error.stderr.rstrip(), file=sys.stderr)


# --------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------


def benchmark_size(size: int, seed: int, repeat: int, workdir: Path,
                   edits: int = 1) -> dict[str, object]:
    """All rounds for one size, as a report."""
    site = working_copy(cached_site(workdir, size, seed), workdir, size)
    out = workdir / "run" / f"public-{size}"
    rounds = []
    for round_number in range(1, repeat + 1):
        print(f"{size} pages: round {round_number} of {repeat} ...", file=sys.stderr)
        rounds.append(measure_round(site, out, size, round_number, workdir / SET_ASIDE, edits))
    return size_report(size, seed, rounds)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line options."""
    parser = argparse.ArgumentParser(description="Benchmark zuhause build on generated sites.")
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=[1000, 10000],
        help="site sizes in pages (default: 1000 10000)",
    )
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument(
        "--edits", type=int, default=1,
        help="builds after a post changed, per round (another post each); the table shows "
             "the median of all (default 1)",
    )
    parser.add_argument(
        "--repeat", type=int, default=1, help="rounds per size; the table shows medians (default 1)"
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        default=HERE / "work",
        help="where sites are cached and built (default benchmarks/work)",
    )
    parser.add_argument(
        "--results",
        type=Path,
        default=HERE / "results",
        help="where build-<size>.json goes (default benchmarks/results)",
    )
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.edits < 1:
        parser.error("--repeat and --edits must be at least 1")
    if min(args.sizes) < MIN_PAGES:
        parser.error(f"every size must be at least {MIN_PAGES} pages")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; 0 on success, 1 if a build failed, 2 if zuhause is missing."""
    args = parse_args(argv)
    if os.name != "posix":
        print(
            "error: bench_build.py needs a POSIX system (os.posix_spawn, os.wait4)", file=sys.stderr
        )
        return 2
    if importlib.util.find_spec("zuhause") is None:
        print(
            f"error: zuhause is not installed for {sys.executable} (pip install -e .)",
            file=sys.stderr,
        )
        return 2
    workdir = args.workdir.resolve()
    reports = []
    try:
        for size in args.sizes:
            try:
                report = benchmark_size(size, args.seed, args.repeat, workdir, args.edits)
            except BuildFailed as error:
                print_failure(error)
                return 1
            reports.append(report)
            print(f"wrote {write_report(args.results, report)}", file=sys.stderr)
    finally:
        empty_trash(workdir / SET_ASIDE)
    print(markdown_table(reports))
    return 0


if __name__ == "__main__":
    sys.exit(main())
