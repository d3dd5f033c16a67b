#!/usr/bin/env python3
"""Load the public pages of a running site and report throughput and latency.

Usage (against the site `make run` serves):
    python3 bench/pages.py --base http://127.0.0.1:8000 --requests 400 --concurrency 8

Only loopback addresses are accepted. The run is bounded by --requests and --seconds.
Target for one 2-core machine with gunicorn (2 workers) and SQLite: every page p95 under 250 ms
at 8 concurrent readers, and no error.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

PATHS = [
    "/en/",
    "/ru/",
    "/en/stories/",
    "/en/stories/?kind=report",
    "/en/countries/",
    "/en/countries/ru/",
    "/ru/countries/by/",
    "/en/search/?q=prison",
    "/ru/search/?q=правозащитники",
]
P95_TARGET_MS = 250.0


def fetch(url: str) -> tuple[float, int]:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError:
        status = 0
    return (time.perf_counter() - started) * 1000, status


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--requests", type=int, default=400, help="requests per page (at most 5000)")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=120, help="stop after this long whatever happens")
    args = parser.parse_args()
    host = urlsplit(args.base).hostname or ""
    if not (host.startswith("127.") or host in {"localhost", "::1"}):
        parser.error("only a site on this machine's loopback address may be loaded")
    requests = max(1, min(args.requests, 5000))
    deadline = time.monotonic() + args.seconds

    failed = False
    print(f"{'page':40} {'n':>5} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'errors':>6}")
    for path in PATHS:
        url = args.base.rstrip("/") + urllib.request.quote(path, safe="/?=&")
        fetch(url)  # warm the cache and the connection pools
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.concurrency) as pool:
            futures = []
            for _ in range(requests):
                if time.monotonic() > deadline:
                    break
                futures.append(pool.submit(fetch, url))
            results = [future.result() for future in futures]
        elapsed = time.perf_counter() - started
        timings = sorted(ms for ms, _status in results)
        errors = sum(1 for _ms, status in results if status != 200)
        p95 = timings[int(len(timings) * 0.95) - 1] if len(timings) >= 20 else max(timings)
        print(
            f"{path:40} {len(results):5} {len(results) / elapsed:7.1f} "
            f"{statistics.median(timings):8.1f} {p95:8.1f} {errors:6}"
        )
        failed |= errors > 0 or p95 > P95_TARGET_MS
        if time.monotonic() > deadline:
            print("stopped: --seconds reached")
            break
    print("result:", "target missed" if failed else f"every page p95 under {P95_TARGET_MS:.0f} ms, no error")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
