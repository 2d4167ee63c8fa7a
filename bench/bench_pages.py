# SPDX-License-Identifier: EUPL-1.2
"""Server-side render time of the main pages and API listings on the demo data (SQLite).

Run: .venv/bin/python bench/bench_pages.py [--runs 30]
Uses a fresh temporary data directory, loads reference + demo data, then requests each URL with
Django's test client (no network) and reports median and 95th percentile in milliseconds."""

import argparse
import os
import statistics
import sys
import tempfile
import time

URLS = [
    "/",
    "/gemeenten",
    "/gemeenten?regio=arbeidsmarktregio:AM38",
    "/gemeenten/GM0340",
    "/samenwerkingen",
    "/samenwerkingen/ict-samenwerking-rhenen-veenendaal",
    "/matrix",
    "/matrix?alleen=alle",
    "/matrix.csv?alleen=alle",
    "/matrix.xlsx?alleen=alle",
    "/kaart",
    "/api/v1/gemeenten",
    "/api/v1/gemeenten?format=geojson",
    "/api/v1/samenwerkingen",
    "/api/v1/matrix",
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    os.environ["GOEDEBUUR_DATA_DIR"] = tempfile.mkdtemp(prefix="goedebuur-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goedebuur.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    call_command("demo", stdout=open(os.devnull, "w"))
    client = Client()
    print(f"{'url':<52} {'median ms':>10} {'p95 ms':>8} {'kB':>7}")
    for url in URLS:
        response = client.get(url)  # warm-up
        if response.status_code != 200:
            print(f"{url}: HTTP {response.status_code}", file=sys.stderr)
            continue
        timings = []
        for _ in range(args.runs):
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
        print(
            f"{url:<52} {statistics.median(timings):>10.1f} {p95:>8.1f} {len(response.content) / 1024:>7.0f}"
        )


if __name__ == "__main__":
    main()
