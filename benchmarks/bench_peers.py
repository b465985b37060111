"""Build one generated site with zuhause and with Hugo, Eleventy and Pelican, and compare.

The site comes from generate_site.py (cached like bench_build.py does); peer_sites.py turns
it into a minimal equivalent project per peer. Each round builds with every tool in turn
(zuhause clean, zuhause with a warm cache, hugo, eleventy, pelican), so slow drifts of the
machine's load hit all tools alike. A peer that is not installed is skipped with a note.

Usage::

    python benchmarks/bench_peers.py                          # 1000 pages, 3 rounds
    python benchmarks/bench_peers.py --sizes 10000 --rounds 1
    python benchmarks/bench_peers.py --tools zuhause hugo
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bench_build import (
    SET_ASIDE,
    Measurement,
    build_command,
    cached_site,
    empty_trash,
    environment,
    measurement_of,
    median_measurement,
    run_measured,
    set_aside,
    settled_copy,
    zuhause_version,
)
from generate_site import MIN_PAGES
from peer_sites import make_project, read_site

HERE = Path(__file__).resolve().parent
TOOLS = ("zuhause", "hugo", "eleventy", "pelican")
PEERS = TOOLS[1:]
TIMED_OUT = 124  # the exit code of coreutils' timeout when it stopped the command


@dataclass
class Tool:
    """A generator to measure: how to build its project and where its state lives."""

    name: str
    command: list[str]  # with {src} and {out} standing for the project and output folders
    version: str
    cwd_is_project: bool = False  # Eleventy resolves its paths against the working folder
    state: tuple[str, ...] = ()  # folders in the project that a clean build removes
    builds: tuple[str, ...] = ("clean",)


@dataclass
class Result:
    """The runs of one tool and build kind, with the load average before each run."""

    runs: list[Measurement] = field(default_factory=list)
    loads: list[float] = field(default_factory=list)
    html_pages: list[int] = field(default_factory=list)
    failure: str | None = None


# --------------------------------------------------------------------------
# Finding the tools
# --------------------------------------------------------------------------


def version_of(command: Sequence[str]) -> str:
    """The first line a version command prints, or why there is none."""
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    except OSError as error:
        return f"unknown ({error})"
    lines = (done.stdout or done.stderr).strip().splitlines()
    return lines[0] if lines else "unknown"


def find_tools(names: Sequence[str], workdir: Path) -> tuple[list[Tool], dict[str, str]]:
    """The tools asked for that are installed, and a note for each one that is not."""
    found: list[Tool] = []
    missing: dict[str, str] = {}
    for name in names:
        tool = FINDERS[name](workdir)
        if isinstance(tool, str):
            missing[name] = tool
        else:
            found.append(tool)
    return found, missing


def find_zuhause(workdir: Path) -> Tool | str:
    """zuhause, run with this interpreter."""
    if importlib.util.find_spec("zuhause") is None:
        return f"zuhause is not installed for {sys.executable} (pip install -e .)"
    return Tool("zuhause", build_command(Path("{src}"), Path("{out}")), str(zuhause_version()),
                state=(".zuhause",), builds=("clean", "warm_cache"))


def find_hugo(workdir: Path) -> Tool | str:
    """hugo on PATH."""
    hugo = shutil.which("hugo")
    if hugo is None:
        return "hugo is not on PATH (apt-get install -y hugo)"
    return Tool("hugo", [hugo, "--source", "{src}", "--destination", "{out}"],
                version_of([hugo, "version"]), state=("resources",))


def find_eleventy(workdir: Path) -> Tool | str:
    """eleventy from benchmarks/peers/node_modules, run by node on PATH."""
    eleventy = HERE / "peers" / "node_modules" / "@11ty" / "eleventy" / "cmd.cjs"
    node = shutil.which("node")
    if node is None or not eleventy.is_file():
        return "eleventy is not installed (npm ci --prefix benchmarks/peers)"
    command = [node, str(eleventy), "--config", "eleventy.config.js", "--input", "content",
               "--output", "{out}", "--quiet"]
    version = f"{version_of([node, str(eleventy), '--version'])} (node {version_of([node, '--version'])})"
    return Tool("eleventy", command, version, cwd_is_project=True)


def find_pelican(workdir: Path) -> Tool | str:
    """pelican from work/pelican-venv, else on PATH."""
    venv = workdir / "pelican-venv" / "bin"
    pelican = str(venv / "pelican") if (venv / "pelican").is_file() else shutil.which("pelican")
    if pelican is None:
        return "pelican is not installed (see the README: a venv in benchmarks/work/pelican-venv)"
    python = venv / "python" if (venv / "pelican").is_file() else Path(sys.executable)
    markdown = version_of([str(python), "-c", "import markdown; print(markdown.__version__)"])
    return Tool("pelican", [pelican, "{src}/content", "-s", "{src}/pelicanconf.py", "-o", "{out}"],
                f"{version_of([pelican, '--version'])} (Python-Markdown {markdown})",
                state=("cache",))


FINDERS = {"zuhause": find_zuhause, "hugo": find_hugo, "eleventy": find_eleventy,
           "pelican": find_pelican}


# --------------------------------------------------------------------------
# Measuring
# --------------------------------------------------------------------------


def load_average() -> float:
    """The 1-minute load average (0 where the system has none)."""
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return 0.0


def uptime() -> str:
    """What `uptime` prints, for the record of how busy the machine was."""
    return version_of(["uptime"]) if shutil.which("uptime") else f"load {load_average()}"


def command_for(tool: Tool, project: Path, out: Path, timeout: int) -> list[str]:
    """tool's command with the folders filled in, under coreutils' timeout if there is one."""
    command = [part.replace("{src}", str(project)).replace("{out}", str(out))
               for part in tool.command]
    limit = shutil.which("timeout")
    return [limit, "-k", "10", str(timeout), *command] if limit and timeout else command


def measure(tool: Tool, kind: str, project: Path, out: Path, pages: int, timeout: int,
            result: Result, trash: Path) -> None:
    """One build of tool into an empty out; a clean build also sets the tool's cache aside."""
    set_aside(out, trash)
    if kind == "clean":
        for name in tool.state:
            set_aside(project / name, trash)
    command = command_for(tool, project, out, timeout)
    load = load_average()
    with contextlib.chdir(project if tool.cwd_is_project else Path.cwd()):
        run = run_measured(command)
    if run.code != 0:
        why = f"timed out after {timeout} s" if run.code == TIMED_OUT else f"exit code {run.code}"
        result.failure = f"{why}: {' '.join(command)}\n{run.stdout[-2000:]}\n{run.stderr[-4000:]}"
        return
    result.runs.append(measurement_of(run, pages, out))
    result.loads.append(load)
    result.html_pages.append(sum(1 for _ in out.rglob("*.html")))


def prepare(tools: Sequence[Tool], size: int, seed: int, workdir: Path) -> dict[str, Path]:
    """The project folder of each tool: a copy of the cached site for zuhause, a converted
    project for each peer, all made anew."""
    pristine = cached_site(workdir, size, seed)
    peers = workdir / "peers"
    projects = {}
    for tool in tools:
        project = peers / f"{tool.name}-{size}"
        if tool.name == "zuhause":
            settled_copy(pristine, project)
        else:
            print(f"converting the site for {tool.name} ...", file=sys.stderr)
            make_project(read_site(pristine), tool.name, project)
        projects[tool.name] = project.resolve()
    return projects


def benchmark_size(tools: Sequence[Tool], size: int, args: argparse.Namespace
                   ) -> dict[str, Result]:
    """All rounds at one size, tools alternating within each round."""
    projects = prepare(tools, size, args.seed, args.workdir)
    results = {f"{t.name}_{kind}": Result() for t in tools for kind in t.builds}
    for round_number in range(1, args.rounds + 1):
        for tool in tools:
            for kind in tool.builds:
                result = results[f"{tool.name}_{kind}"]
                if result.failure:
                    continue
                print(f"{size} pages, round {round_number}/{args.rounds}: {tool.name} {kind} ...",
                      file=sys.stderr)
                out = args.workdir / "peers" / f"{tool.name}-{size}-public"
                measure(tool, kind, projects[tool.name], out, size, args.timeout, result,
                        args.workdir / SET_ASIDE)
                if result.failure:
                    print(f"  {tool.name} {kind} failed: {result.failure}", file=sys.stderr)
    return results


# --------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------


LABELS = {"clean": "clean build", "warm_cache": "clean output, warm cache"}


def medians(results: dict[str, Result]) -> dict[str, Measurement]:
    """The median measurement of every tool and build that has runs."""
    return {key: median_measurement(r.runs) for key, r in results.items() if r.runs}


def ratios(results: dict[str, Result]) -> dict[str, object]:
    """Each median wall time divided by zuhause's clean build, and zuhause clean divided by the
    fastest peer's clean build."""
    middle = medians(results)
    if "zuhause_clean" not in middle:
        return {}
    base = middle["zuhause_clean"].wall_s
    found: dict[str, object] = {
        "wall_vs_zuhause_clean": {key: round(m.wall_s / base, 3) for key, m in middle.items()}
    }
    peers = {key: m.wall_s for key, m in middle.items() if not key.startswith("zuhause")}
    if peers:
        fastest = min(peers, key=peers.__getitem__)
        found["fastest_peer"] = fastest.removesuffix("_clean")
        found["zuhause_clean_vs_fastest_peer"] = round(base / peers[fastest], 3)
    return found


def portable(part: str) -> str:
    """A command's part as it reads on any machine: the checkout as `<repo>`, the interpreter
    running this script as `python`."""
    if part == sys.executable:
        return "python"
    return part.replace(str(HERE.parent), "<repo>")


def report(size: int, args: argparse.Namespace, tools: Sequence[Tool], skipped: dict[str, str],
           results: dict[str, Result], load_before: str, load_after: str) -> dict[str, object]:
    """The JSON document for one size."""
    env = environment()
    env["tools"] = {t.name: t.version for t in tools}
    env["uptime_before"], env["uptime_after"] = load_before, load_after
    return {
        "pages": size,
        "seed": args.seed,
        "rounds": args.rounds,
        "order": [f"{t.name} {kind}" for t in tools for kind in t.builds],
        "commands": {t.name: [portable(part) for part in t.command] for t in tools},
        "wrapper": command_for(Tool("", [], ""), Path(), Path(), args.timeout),
        "environment": env,
        "skipped": skipped,
        "results": {
            key: {
                "median": asdict(median_measurement(r.runs)) if r.runs else None,
                "runs": [asdict(m) | {"load_1m_before": load, "html_pages": html}
                         for m, load, html in zip(r.runs, r.loads, r.html_pages, strict=True)],
                "failure": r.failure,
            }
            for key, r in results.items()
        },
        "ratios": ratios(results),
    }


def markdown_table(size: int, results: dict[str, Result], load_before: str) -> str:
    """A Markdown table of the medians at one size, with the ratios to zuhause's clean build."""
    middle = medians(results)
    base = middle["zuhause_clean"].wall_s if "zuhause_clean" in middle else None
    lines = [
        f"{size} pages; before: {load_before}",
        "",
        "| tool | build | wall (s) | × zuhause clean | CPU (s) | peak RSS, all processes (MiB) "
        "| output files | HTML files | load (1 min) |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for key, result in results.items():
        tool, kind = key.split("_", 1)
        if key not in middle:
            lines.append(f"| {tool} | {LABELS[kind]} | failed | | | | | | |")
            continue
        m = middle[key]
        ratio = f"{m.wall_s / base:.2f}" if base else "–"
        lines.append(
            f"| {tool} | {LABELS[kind]} | {m.wall_s:.2f} | {ratio} | {m.cpu_s:.2f} | "
            f"{m.peak_tree_rss_mib:.0f} | {m.output_files} | {result.html_pages[-1]} | "
            f"{statistics.median(result.loads):.2f} |"
        )
    found = ratios(results)
    if "fastest_peer" in found:
        lines += ["", f"zuhause's clean build takes {found['zuhause_clean_vs_fastest_peer']:.2f}× "
                      f"the time of the fastest peer ({found['fastest_peer']})."]
    return "\n".join(lines)


def write_report(results_dir: Path, document: dict[str, object]) -> Path:
    """Write results/peers-<size>.json and return its path."""
    results_dir.mkdir(parents=True, exist_ok=True)
    path = results_dir / f"peers-{document['pages']}.json"
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


# --------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line options."""
    parser = argparse.ArgumentParser(description="Compare zuhause with Hugo, Eleventy and Pelican.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000],
                        help="site sizes in pages (default 1000)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per size (default 3)")
    parser.add_argument("--tools", nargs="+", choices=TOOLS, default=list(TOOLS),
                        help="tools to measure, in this order (default: all)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument("--timeout", type=int, default=600,
                        help="stop a build after this many seconds, 0 for never (default 600)")
    parser.add_argument("--workdir", type=Path, default=HERE / "work",
                        help="where sites and projects live (default benchmarks/work)")
    parser.add_argument("--results", type=Path, default=HERE / "results",
                        help="where peers-<size>.json goes (default benchmarks/results)")
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    if min(args.sizes) < MIN_PAGES:
        parser.error(f"every size must be at least {MIN_PAGES} pages")
    args.workdir = args.workdir.resolve()
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the comparison; 0 when every build succeeded, 1 when one failed, 2 on bad options."""
    args = parse_args(argv)
    if os.name != "posix":
        print("error: bench_peers.py needs a POSIX system (os.posix_spawn, os.wait4)",
              file=sys.stderr)
        return 2
    tools, skipped = find_tools(args.tools, args.workdir)
    for name, why in skipped.items():
        print(f"skipping {name}: {why}", file=sys.stderr)
    if not tools:
        print("error: none of the tools is installed", file=sys.stderr)
        return 2
    for tool in tools:
        print(f"{tool.name}: {tool.version}", file=sys.stderr)
    failed = False
    try:
        for size in args.sizes:
            load_before = uptime()
            results = benchmark_size(tools, size, args)
            document = report(size, args, tools, skipped, results, load_before, uptime())
            print(f"wrote {write_report(args.results, document)}", file=sys.stderr)
            print(markdown_table(size, results, load_before) + "\n")
            failed = failed or any(r.failure for r in results.values())
    finally:
        empty_trash(args.workdir / SET_ASIDE)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
