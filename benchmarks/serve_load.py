"""Load on `zuhause serve`: N concurrent clients x M requests each against the example site on
127.0.0.1 while a page is edited periodically; reports requests per second, p50/p99 latency,
errors, rebuilds seen and the server's open file descriptors before and after.

    python benchmarks/serve_load.py [--clients 20] [--requests 200] [--edit-every 0.5]

The server runs as its own process (`python -m zuhause serve`), so the clients do not share its
interpreter lock. Bounded: at most clients x requests requests and --max-seconds of time.
Needs Linux (/proc) for the descriptor count.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def open_fds(pid: int) -> int:
    """How many file descriptors process `pid` holds."""
    return len(os.listdir(f"/proc/{pid}/fd"))


def start_server(site: Path) -> tuple[subprocess.Popen[str], str, int]:
    """Start `zuhause serve` on a free port; returns the process, host and port."""
    process = subprocess.Popen([sys.executable, "-m", "zuhause", "serve", str(site), "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None
    found = re.search(r"http://([\d.]+):(\d+)", process.stdout.readline())
    if found is None:
        process.kill()
        raise SystemExit("zuhause serve did not print its address")
    return process, found.group(1), int(found.group(2))


def site_paths(host: str, port: int) -> list[str]:
    """The home page and the same-site links and stylesheets it has."""
    connection = http.client.HTTPConnection(host, port, timeout=10)
    connection.request("GET", "/")
    body = connection.getresponse().read().decode("utf-8", "replace")
    connection.close()
    links = re.findall(r'(?:href|src)="(/[^"#?]*)"', body)
    return ["/", *sorted({link for link in links if not link.startswith("//")})][:20]


class Client(threading.Thread):
    """One browser-like client: M requests over one kept-alive connection, reconnecting on errors."""

    def __init__(self, host: str, port: int, paths: list[str], requests: int,
                 deadline: float, offset: int) -> None:
        super().__init__(daemon=True)
        self.host, self.port, self.paths, self.offset = host, port, paths, offset
        self.requests, self.deadline = requests, deadline
        self.latencies: list[float] = []
        self.errors: list[str] = []

    def run(self) -> None:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=10)
        for number in range(self.requests):
            if time.monotonic() > self.deadline:
                return
            path = self.paths[(number + self.offset) % len(self.paths)]
            started = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                if response.status not in (200, 301, 302, 404):
                    self.errors.append(f"{path}: {response.status}")
            except (OSError, http.client.HTTPException) as error:
                self.errors.append(f"{path}: {type(error).__name__}")
                connection.close()
                connection = http.client.HTTPConnection(self.host, self.port, timeout=10)
                continue
            self.latencies.append(time.perf_counter() - started)
        connection.close()


def edit_periodically(page: Path, every: float, stop: threading.Event) -> int:
    """Append a line to `page` every `every` seconds until stopped; returns the edits made."""
    original = page.read_text("utf-8")
    edits = 0
    while not stop.wait(every):
        edits += 1
        page.write_text(original + f"\n\nMesspunkt {edits}\n", "utf-8")
    page.write_text(original, "utf-8")
    return edits


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run(clients: int, requests: int, edit_every: float, max_seconds: float) -> dict[str, object]:
    """Serve a copy of the example site, load it, and measure."""
    work = Path(tempfile.mkdtemp(prefix="zuhause-serve-load-"))
    site = work / "site"
    shutil.copytree(REPO / "example-site", site, ignore=shutil.ignore_patterns("public"))
    process, host, port = start_server(site)
    try:
        paths = site_paths(host, port)
        time.sleep(0.5)  # the first build's watcher and workers are up
        fds_before = open_fds(process.pid)
        stop = threading.Event()
        edits: list[int] = []
        editor = threading.Thread(target=lambda: edits.append(
            edit_periodically(site / "content" / "werkstatt.md", edit_every, stop)))
        editor.start()
        deadline = time.monotonic() + max_seconds
        workers = [Client(host, port, paths, requests, deadline, number)
                   for number in range(clients)]
        started = time.perf_counter()
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(max(0.0, deadline - time.monotonic()) + 15)
        seconds = time.perf_counter() - started
        stop.set()
        editor.join()
        time.sleep(1.0)  # connections closing, the last rebuild finishing
        fds_after = open_fds(process.pid)
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=15)
        shutil.rmtree(work, ignore_errors=True)
    latencies = [value for worker in workers for value in worker.latencies]
    errors = [error for worker in workers for error in worker.errors]
    return {
        "clients": clients, "requests_per_client": requests, "paths": len(paths),
        "answered": len(latencies), "errors": len(errors), "error_kinds": sorted(set(errors))[:10],
        "seconds": round(seconds, 2), "requests_per_second": round(len(latencies) / seconds, 1),
        "p50_ms": round(statistics.median(latencies) * 1000, 2) if latencies else None,
        "p99_ms": round(percentile(latencies, 0.99) * 1000, 2) if latencies else None,
        "max_ms": round(max(latencies) * 1000, 2) if latencies else None,
        "edits": edits[0] if edits else 0,
        "rebuilds": stderr.count("Seiten gebaut"),  # the example site is German
        "tracebacks": stderr.count("Traceback"),
        "open_fds_before": fds_before, "open_fds_after": fds_after,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=200, help="per client")
    parser.add_argument("--edit-every", type=float, default=0.5, help="seconds between edits")
    parser.add_argument("--max-seconds", type=float, default=60.0)
    args = parser.parse_args()
    result = run(args.clients, args.requests, args.edit_every, args.max_seconds)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0 if result["errors"] == 0 and result["tracebacks"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
