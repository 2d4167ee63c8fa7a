# SPDX-License-Identifier: EUPL-1.2
"""Speed of the partner ranking (goedebuur.core.partners.scoring.rank): one municipality against all 342,
and one authority against a synthetic set of 100,000 (European scale, generated with a fixed seed).

Run: .venv/bin/python bench/bench_partners.py [--runs 200] [--write]
No database: the 342 come from the packaged reference CSV. Times are wall-clock medians of `--runs`
rankings (each for a different origin, round robin), top 10 with reasons. With --write, the
"## Partner finder" section of bench/RESULTS.md gets the speed table (the validity table is
written by bench/validity_partners.py)."""

import argparse
import platform
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

from partners_data import reference_features, synthetic_features  # noqa: E402

from goedebuur.core.partners import scoring  # noqa: E402

RESULTS = Path(__file__).with_name("RESULTS.md")


def timed(features, runs, **kwargs):
    rng = np.random.default_rng(1)
    origins = rng.integers(0, features.n, runs)
    scoring.rank(features, int(origins[0]), top=10, **kwargs)  # warm-up (builds caches)
    times = []
    for origin in origins:
        start = time.perf_counter()
        scoring.rank(features, int(origin), top=10, **kwargs)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times), max(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    rows = []
    nl = reference_features()
    rows.append(("342 municipalities, top 10", *timed(nl, args.runs)))
    rows.append(
        (
            "342, filter ≤ 30 km + same labour-market region",
            *timed(nl, args.runs, filters=scoring.Filters(30, ("arbeidsmarktregio",))),
        )
    )
    start = time.perf_counter()
    big = synthetic_features()
    build = (time.perf_counter() - start) * 1000
    big_runs = max(20, args.runs // 4)
    rows.append(("100,000 synthetic, top 10", *timed(big, big_runs)))
    rows.append(
        (
            "100,000 synthetic, filter ≤ 50 km",
            *timed(big, big_runs, filters=scoring.Filters(max_distance_km=50)),
        )
    )
    start = time.perf_counter()
    scoring.pairwise_fit(nl)
    pairwise = (time.perf_counter() - start) * 1000

    lines = [
        f"Machine: {platform.machine()}, Python {platform.python_version()}, NumPy {np.__version__}; "
        f"{args.runs} runs for 342, {big_runs} for 100,000 (different origins, round robin), ms wall clock.",
        "",
        "| ranking | median ms | min | max |",
        "|---|---:|---:|---:|",
        *[f"| {name} | {med:.2f} | {lo:.2f} | {hi:.2f} |" for name, med, lo, hi in rows],
        "",
        f"Generating the synthetic set (seed 20260101): {build:.0f} ms. `pairwise_fit` for all 342 "
        f"(342×342, for the cluster optimiser): {pairwise:.0f} ms.",
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
