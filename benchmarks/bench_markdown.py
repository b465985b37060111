"""Search Markdown for superlinear inputs, and time them with and without zuhause's budget.

    python benchmarks/bench_markdown.py [--repeats 1000] [--length 3]

A small fuzzer: every unit of up to `--length` characters over an alphabet of Markdown's
special characters is repeated `--repeats` and 2x`--repeats` times inside one paragraph and
converted by plain Python-Markdown. A unit whose time grows more than 3x when its count
doubles is superlinear; it is then timed at 8,000 repeats without and with zuhause's guards
(markdown_budget.py, deadline.py). Results go to benchmarks/results/markdown.json.
"""

from __future__ import annotations

import argparse
import itertools
import json
import time
from pathlib import Path

import markdown

from zuhause.markup import MarkdownRenderer

HERE = Path(__file__).resolve().parent
ALPHABET = "[]()!^`<>*_&#-|:~a \\\"'"
WORST_REPEATS = 8000


def _plain(text: str) -> float:
    converter = markdown.Markdown(extensions=["tables", "footnotes", "attr_list", "fenced_code"])
    started = time.perf_counter()
    converter.convert(text)
    return time.perf_counter() - started


def _guarded(text: str) -> tuple[float, str]:
    renderer = MarkdownRenderer("de", "/", {})
    started = time.perf_counter()
    result = renderer.render(text, "content/x.md", 1)
    return time.perf_counter() - started, result.problems[0].code if result.problems else "ok"


def search(repeats: int, length: int) -> list[tuple[str, float, float]]:
    """(unit, time at `repeats`, time at twice that) of every unit that grows superlinearly."""
    found = []
    units = ("".join(u) for n in range(1, length + 1) for u in itertools.product(ALPHABET, repeat=n))
    for unit in units:
        if unit.strip() == "" or "``" in unit * 2:
            continue  # backtick runs: cubic (known, refused by the budget), too slow to search
        once = _plain("x " + unit * repeats)
        twice = _plain("x " + unit * 2 * repeats)
        if twice > 0.05 and twice > 3 * once:
            found.append((unit, once, twice))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=1000)
    parser.add_argument("--length", type=int, default=2)
    args = parser.parse_args()
    rows = []
    superlinear = search(args.repeats, args.length)
    # the known slow units (nested brackets, footnotes, code spans, raw HTML), and the
    # cheapest of each family the search found
    for unit in sorted({"[", "![", "[](", "[^", "`a ", "<a ", *(u for u, _, _ in superlinear)}):
        text = "x " + unit * WORST_REPEATS
        # a run of backticks is cubic in plain Python-Markdown: 8,000 of them would not finish
        before = float("nan") if "``" in unit * 2 else _plain(text)
        after, outcome = _guarded(text)
        rows.append({"unit": unit, "repeats": WORST_REPEATS, "plain_s": round(before, 3),
                     "zuhause_s": round(after, 4), "zuhause": outcome})
        print(f"{unit!r:10} plain {before:7.2f} s   zuhause {after:7.4f} s  {outcome}", flush=True)
    results = HERE / "results" / "markdown.json"
    results.write_text(json.dumps({"search": {"repeats": args.repeats, "length": args.length,
                                              "superlinear": [u for u, _, _ in superlinear]},
                                   "worst": rows}, indent=1) + "\n")
    print(f"{len(superlinear)} superlinear units; written to {results}")


if __name__ == "__main__":
    main()
