# SPDX-License-Identifier: EUPL-1.2
"""Speed of the partner finder, in one run:

1. in-process, `goedebuur.core.partners.scoring.rank` for one municipality against all 342 with the
   reasons of the shown top 10 only: on the public data (reference data, the register's current
   cooperations, the councils), and with an ICT profile for every municipality (landscape, suppliers,
   contracts, ambitions: synthetic, seeded, shaped like the demo profiles), as a logged-in viewer
   sees it;
2. 100,000 synthetic local authorities (European scale, `partners_data.synthetic_features`), top 10;
3. through Django (test client, no network): `/api/v1/partners/GM0340` anonymous and as the demo
   editor of Veenendaal, next to `/health` and the finder page.

Run (needs a database with the register and the demo data: `goedebuur demo`; without
GOEDEBUUR_DATA_DIR a throw-away data directory is initialised first, about two minutes):

    GOEDEBUUR_DATA_DIR=/tmp/gb-demo PYTHONPATH=src .venv/bin/python bench/bench_partners.py [--runs 200] [--write]

Times are wall-clock medians (and 95th percentiles) over `--runs` rankings, each for another origin
(round robin). With --write the '### Speed' part of '## Partner finder' in bench/RESULTS.md is
replaced (the validity part is written by bench/validity_partners.py)."""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

from partners_data import synthetic_features  # noqa: E402

RESULTS = Path(__file__).with_name("RESULTS.md")


def setup_django() -> None:
    fresh = "GOEDEBUUR_DATA_DIR" not in os.environ
    if fresh:
        os.environ["GOEDEBUUR_DATA_DIR"] = tempfile.mkdtemp(prefix="goedebuur-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goedebuur.settings")
    import django

    django.setup()
    if fresh:
        from django.core.management import call_command

        print("Initialising a throw-away database (goedebuur demo, about two minutes) ...", file=sys.stderr)
        call_command("demo", stdout=open(os.devnull, "w"))


def stats(times: list[float]) -> tuple[float, float, float]:
    ordered = sorted(times)
    return statistics.median(ordered), ordered[max(0, int(len(ordered) * 0.95) - 1)], ordered[-1]


def timed(features, runs, **kwargs):
    from goedebuur.core.partners import scoring

    rng = np.random.default_rng(1)
    origins = rng.integers(0, features.n, runs)
    scoring.rank(features, int(origins[0]), top=10, **kwargs)  # warm-up (builds the caches)
    times, cpu = [], []
    for origin in origins:
        start, start_cpu = time.perf_counter(), time.thread_time()
        scoring.rank(features, int(origin), top=10, **kwargs)
        cpu.append((time.thread_time() - start_cpu) * 1000)
        times.append((time.perf_counter() - start) * 1000)
    return (*stats(times), statistics.median(cpu))


def with_profiles(features, seed: int = 20261207):
    """Every municipality with a synthetic ICT profile: ~45 of 120 (component, product) pairs from 60
    products, their suppliers, a contract end year (2026-2031) per component, and the four K's."""
    rng = np.random.default_rng(seed)
    components = [f"Component {k}" for k in range(120)]
    products = [f"Product {k}" for k in range(60)]
    suppliers = {p: f"Leverancier {k % 25}" for k, p in enumerate(products)}
    landscape, supplier_sets, ends = [], [], []
    for _i in range(features.n):
        chosen = rng.choice(len(components), size=45, replace=False)
        pairs = {(components[c], products[(c * 7 + int(rng.integers(0, 3))) % len(products)]) for c in chosen}
        landscape.append(frozenset(pairs))
        supplier_sets.append(frozenset(suppliers[p] for _c, p in pairs))
        ends.append({c: int(rng.integers(2026, 2032)) for c, _p in pairs})
    ambitions = rng.integers(0, 6, (features.n, 4)) / 5
    return features.replace(
        landscape=landscape,
        suppliers=supplier_sets,
        contract_ends=ends,
        contract_access=["all"] * features.n,
        ambitions=ambitions,
    )


def http(runs: int):
    from django.test import Client

    from goedebuur.accounts.models import User

    anonymous = Client()
    editor = Client()
    user = User.objects.filter(username="redacteur.veenendaal").first()
    if user is not None:
        editor.force_login(user)
    cases = [
        ("`/health`", anonymous, "/health"),
        ("`/api/v1/partners/GM0340` anonymous", anonymous, "/api/v1/partners/GM0340"),
        (
            "`/api/v1/partners/GM0340?alleScores=true` anonymous",
            anonymous,
            "/api/v1/partners/GM0340?alleScores=true",
        ),
        ("`/api/v1/partners/GM0345` as the editor of Veenendaal", editor, "/api/v1/partners/GM0345"),
        ("`/partners?gemeente=GM0340` (page with map) anonymous", anonymous, "/partners?gemeente=GM0340"),
    ]
    rows = []
    for name, client, url in cases:
        response = client.get(url)  # warm-up
        if response.status_code != 200:
            print(f"{url}: HTTP {response.status_code}", file=sys.stderr)
            continue
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        rows.append((name, *stats(times), len(response.content) / 1024))
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    setup_django()

    from goedebuur.core.partners import scoring
    from goedebuur.partners import services

    public = services.load_features()
    profiled = with_profiles(public)
    rows = [
        (
            f"342, public data ({len(public.regelingen)} cooperations, councils), top 10 with reasons",
            *timed(public, args.runs),
        ),
        (
            "342, the same + a full ICT profile for every municipality, top 10 with reasons",
            *timed(profiled, args.runs),
        ),
        (
            "342, public data, filter ≤ 30 km + same labour-market region",
            *timed(public, args.runs, filters=scoring.Filters(30, ("arbeidsmarktregio",))),
        ),
    ]
    start = time.perf_counter()
    big = synthetic_features()
    build = (time.perf_counter() - start) * 1000
    big_runs = max(20, args.runs // 4)
    rows.append(("100,000 synthetic, top 10 with reasons", *timed(big, big_runs)))
    rows.append(
        (
            "100,000 synthetic, filter ≤ 50 km",
            *timed(big, big_runs, filters=scoring.Filters(max_distance_km=50)),
        )
    )
    start = time.perf_counter()
    scoring.pairwise_fit(public)
    pairwise = (time.perf_counter() - start) * 1000
    http_runs = max(20, args.runs // 5)
    pages = http(http_runs)

    load = os.getloadavg()[0]
    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores shared with other work (load average {load:.1f} "
        f"during the run), Python {platform.python_version()}, NumPy {np.__version__}; ms. On a busy machine "
        "the wall clock includes waiting for a core (the scheduler's time slices are several ms), so the "
        "CPU time of the ranking itself is given as well.",
        "",
        f"In-process ({args.runs} rankings for 342, {big_runs} for 100,000; a different origin each time):",
        "",
        "| ranking | wall median | wall p95 | wall max | CPU median |",
        "|---|---:|---:|---:|---:|",
        *[f"| {name} | {med:.2f} | {p95:.2f} | {hi:.2f} | {cpu:.2f} |" for name, med, p95, hi, cpu in rows],
        "",
        f"Generating the synthetic set (seed 20260101): {build:.0f} ms. `pairwise_fit` for all 342 "
        f"(342×342 on the public data, for the cluster optimiser): {pairwise:.0f} ms.",
        "",
        f"Through Django (test client, SQLite, demo data; {http_runs} requests each, same run):",
        "",
        "| request | median | p95 | max | kB |",
        "|---|---:|---:|---:|---:|",
        *[f"| {name} | {med:.1f} | {p95:.1f} | {hi:.1f} | {kb:.0f} |" for name, med, p95, hi, kb in pages],
    ]
    text = "\n".join(lines)
    print(text)
    if args.write:
        write_section("### Speed", text)


def write_section(heading: str, body: str) -> None:
    """Replace (or add) `heading` inside '## Partner finder' of RESULTS.md."""
    content = RESULTS.read_text(encoding="utf-8")
    top = "## Partner finder"
    if top not in content:
        content = content.rstrip() + f"\n\n{top}\n"
    head, _sep, rest = content.partition(top)
    # the partner section runs to the next '## ' heading
    section, nxt, tail = rest.partition("\n## ")
    parts = section.split("\n### ")
    intro, subs = (
        parts[0],
        {("### " + p.split("\n", 1)[0]): p.split("\n", 1)[1] if "\n" in p else "" for p in parts[1:]},
    )
    subs[heading] = "\n" + body.strip() + "\n"
    section = intro.rstrip() + "\n\n" + "\n".join(f"{k}\n{v.rstrip()}\n" for k, v in subs.items())
    RESULTS.write_text(head + top + section + (("\n## " + tail) if nxt else ""), encoding="utf-8")


if __name__ == "__main__":
    main()
