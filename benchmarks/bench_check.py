"""How much longer `zuhause check` takes than `zuhause build` on the example site.

    python benchmarks/bench_check.py [--runs 5]

Both run as fresh processes (`python -m zuhause ...`), so start-up counts for both; the
median of the runs is reported and written to benchmarks/results/check.json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE.parent / "example-site"


def timed(command: list[str], ok_codes: tuple[int, ...] = (0,)) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode not in ok_codes:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--results", type=Path, default=HERE / "results")
    args = parser.parse_args()
    builds, checks = [], []
    with tempfile.TemporaryDirectory(prefix="zuhause-bench-check-") as folder:
        site = Path(folder) / "site"
        shutil.copytree(EXAMPLE, site, ignore=shutil.ignore_patterns("public"))
        for _ in range(args.runs):
            out = Path(folder) / "out"
            shutil.rmtree(out, ignore_errors=True)
            builds.append(timed([sys.executable, "-m", "zuhause", "build", str(site), "-o", str(out)]))
            checks.append(timed([sys.executable, "-m", "zuhause", "check", str(site)]))
    result = {"build_median_s": round(statistics.median(builds), 3),
              "check_median_s": round(statistics.median(checks), 3),
              "difference_s": round(statistics.median(checks) - statistics.median(builds), 3),
              "runs": args.runs}
    args.results.mkdir(parents=True, exist_ok=True)
    (args.results / "check.json").write_text(json.dumps(result, indent=2) + "\n")
    print(f"build {result['build_median_s']} s, check {result['check_median_s']} s, "
          f"difference {result['difference_s']} s (median of {args.runs})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
