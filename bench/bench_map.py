# SPDX-License-Identifier: EUPL-1.2
"""Speed and size of the maps on the demo data (SQLite): the map services and the pages showing them.

Run: .venv/bin/python bench/bench_map.py [--runs 50] [--write]
Uses a fresh temporary data directory, loads reference + seed + demo data, then times the services
(the first call per process reads all paths; later calls reuse them) and requests the pages with
Django's test client (no network). Sizes are raw and gzip -6 (what a compressing proxy would send).
With --write, the "## Map" section of bench/RESULTS.md is replaced by the results (other sections
are kept)."""

import argparse
import gzip
import os
import platform
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

RESULTS = Path(__file__).with_name("RESULTS.md")
HIGHLIGHT = "demo-gezamenlijke-inkoop-werkplekken-foodvalley"

# Kept with the generated table by --write: what changed and why (measured once, by hand).
NOTES = """
Before this work (commit 3c70e31, same demo data, CPU ms, median of 100, three alternating runs on a
shared 2-core machine): `cooperation_count_map()` 12–14 ms and an SVG of 151 kB (34 kB gzip); `/kaart`
13–14 ms (map only: no filters, no table); `/` 21–23 ms, 156 kB. After: the service 5.5–8 ms and an
SVG of 89 kB (24 kB gzip); `/kaart` 11–15 ms *with* filters, caption and the 342-row table; `/` 15–20 ms,
94 kB. What made the difference:

- one `reverse()` per map instead of 342 (it was half of the service time);
- SVG paths as relative steps rounded to 0.1 unit (75 → 48 kB for all boundaries, no drift: steps are
  taken between rounded points) and shared stroke attributes on one `<g>` (≈ 60 bytes less per area);
- the paths and their boxes cached per process, keyed on each municipality's path length (checked
  in the same light query that reads the names), so a map needs two small queries;
- the table alternative written in Python (0.4 ms; 12 ms as a template loop of 342 rows), and only
  when a page shows it;
- a province zoom leaves out the municipalities outside the view (Gelderland: 33 kB instead of 89).

The site sends HTML uncompressed (no GZip middleware); behind a compressing proxy `/kaart` is 31 kB.
""".strip()


def _timed(fn, runs):
    """Median wall-clock ms, median CPU ms of this process, and the last result. CPU time is the
    steadier figure on a shared machine: it leaves out time spent waiting for a core."""
    fn()  # warm-up
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = fn()
        cpu.append((time.process_time() - start_cpu) * 1000)
        wall.append((time.perf_counter() - start) * 1000)
    return statistics.median(wall), statistics.median(cpu), result


def _kb(data: bytes) -> str:
    return f"{len(data) / 1024:.0f} / {len(gzip.compress(data, 6)) / 1024:.0f}"


def measure(runs: int) -> list[str]:
    from django.test import Client

    from goedebuur.cooperations.services import get_live
    from goedebuur.maps import services

    cooperation = get_live(HIGHLIGHT)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} with `bench/bench_map.py --runs {runs}` on "
        f"{platform.python_implementation()} {platform.python_version()}, {platform.machine()}, "
        f"{os.cpu_count()} cores (load average {load:.1f} at the start), SQLite, demo data (seed + demo "
        "cooperations). Median wall-clock and CPU time in ms; sizes raw / gzip in kB.",
        "",
        "| what | wall ms | CPU ms | kB (raw / gzip) |",
        "|---|---:|---:|---:|",
    ]

    services.cooperation_count_map()  # Django's own first-use costs (URLs, translations) out of the way

    def reload():
        services.clear_cache()
        return services.cooperation_count_map()["svg"]

    median, cpu, svg = _timed(reload, max(3, runs // 5))
    lines.append(
        f"| `cooperation_count_map()` with an empty path cache (once per process and data version) "
        f"| {median:.1f} | {cpu:.1f} | {_kb(str(svg).encode())} |"
    )

    cases = [
        ("`cooperation_count_map()`", lambda: services.cooperation_count_map()["svg"]),
        (
            "`cooperation_count_map(domain='werkplek')`",
            lambda: services.cooperation_count_map(domain="werkplek")["svg"],
        ),
        (
            "`cooperation_count_map(cooperation, province='PV25')`",
            lambda: services.cooperation_count_map(cooperation, province="PV25")["svg"],
        ),
        ("`cooperation_members_map(cooperation)`", lambda: services.cooperation_members_map(cooperation)),
    ]
    for name, fn in cases:
        median, cpu, svg = _timed(fn, runs)
        lines.append(f"| {name} | {median:.1f} | {cpu:.1f} | {_kb(str(svg).encode())} |")

    client = Client()
    for url in [
        "/kaart",
        "/kaart?domein=werkplek&status=actief",
        f"/kaart?provincie=PV25&samenwerking={HIGHLIGHT}",
        "/",
        f"/samenwerkingen/{HIGHLIGHT}",
    ]:

        def get(url=url):
            response = client.get(url)
            if response.status_code != 200:
                raise SystemExit(f"{url}: HTTP {response.status_code}")
            return response.content

        median, cpu, body = _timed(get, runs)
        lines.append(f"| page `{url}` | {median:.1f} | {cpu:.1f} | {_kb(body)} |")
    return [*lines, "", NOTES]


def write(lines: list[str]) -> None:
    """Replace (or append) the "## Map" section of RESULTS.md, leaving other sections alone."""
    section = "## Map\n\n" + "\n".join(lines) + "\n"
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    match = re.search(r"^## Map\n.*?(?=^## |\Z)", text, flags=re.S | re.M)
    if match:
        text = (
            text[: match.start()] + section + ("\n" if match.end() < len(text) else "") + text[match.end() :]
        )
    else:
        text = text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text, encoding="utf-8")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--write", action="store_true", help='replace the "## Map" section of RESULTS.md')
    args = parser.parse_args()
    os.environ["GOEDEBUUR_DATA_DIR"] = tempfile.mkdtemp(prefix="goedebuur-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goedebuur.settings")
    import django

    django.setup()
    from django.core.management import call_command

    with open(os.devnull, "w") as devnull:
        call_command("demo", stdout=devnull)
    lines = measure(args.runs)
    print("\n".join(lines))
    if args.write:
        write(lines)
        print(f"\nwritten to {RESULTS}", file=sys.stderr)


if __name__ == "__main__":
    main()
