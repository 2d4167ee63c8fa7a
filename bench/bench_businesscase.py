# SPDX-License-Identifier: EUPL-1.2
"""Monte Carlo time of the business case: a 10-municipality case (the Food Valley area and its
neighbours, realistic sizes), horizon 10, savings on four domains and the full hidden-cost checklist
(8 + 4 + 1 = 13 uncertain inputs), PERT and triangular draws. Also the deterministic schedule and the
tornado. Pure core, no database. Target: 100,000 draws in under one second.

    .venv/bin/python bench/bench_businesscase.py [--repeat 5]

Times are medians of `--repeat` runs after one warm-up run, wall clock and CPU time of the process."""

import argparse
import os
import platform
import statistics
import time
from dataclasses import replace

import numpy as np

from goedebuur.core.businesscase.defaults import default_saving, hidden_cost_checklist
from goedebuur.core.businesscase.model import Case, Partner, benchmark_baseline
from goedebuur.core.businesscase.montecarlo import deterministic, simulate, tornado

# (code, name, inhabitants) - populations rounded, 2024
MUNICIPALITIES = [
    ("GM0228", "Ede", 122_000),
    ("GM0345", "Veenendaal", 68_000),
    ("GM0289", "Wageningen", 40_000),
    ("GM0340", "Rhenen", 20_500),
    ("GM0339", "Renswoude", 5_700),
    ("GM0203", "Barneveld", 62_000),
    ("GM0351", "Woudenberg", 14_000),
    ("GM0352", "Wijk bij Duurstede", 24_000),
    ("GM1581", "Utrechtse Heuvelrug", 50_500),
    ("GM0213", "Scherpenzeel", 10_500),
]


def case() -> Case:
    partners = tuple(Partner(code, name, n, benchmark_baseline(n)) for code, name, n in MUNICIPALITIES)
    savings = tuple(
        default_saving(d, d, 10)
        for d in ("infrastructuur-beheer", "werkplek", "hosting-datacenter", "applicaties")
    )
    hidden = tuple(replace(c, confirmed=True) for c in hidden_cost_checklist(partners, 10))
    return Case("Bench", partners, savings, hidden, horizon=10)


def timed(function, repeat: int) -> tuple[float, float]:
    """(median wall-clock ms, median CPU ms of this process): on a shared machine the CPU time shows
    the cost of the computation itself, the wall clock what a user waits."""
    function()
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        function()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    base = case()
    print(f"Python {platform.python_version()}, NumPy {np.__version__}, {platform.machine()}")
    print(f"{len(base.partners)} municipalities, horizon {base.horizon}, 13 uncertain inputs")
    print(f"load average before the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"{'what':<42} {'wall ms':>9} {'CPU ms':>9}")
    rows = [
        ("deterministic schedule", lambda: deterministic(base)),
        ("tornado (27 evaluations + discount rate)", lambda: tornado(base)),
    ]
    for distribution in ("pert", "driehoek"):
        c = replace(base, distribution=distribution)
        for draws in (10_000, 100_000):
            rows.append(
                (
                    f"Monte Carlo {distribution}, {draws:,} draws",
                    lambda c=c, d=draws: simulate(c, draws=d, seed=1),
                )
            )
    for label, function in rows:
        wall, cpu = timed(function, args.repeat)
        print(f"{label:<42} {wall:>9.1f} {cpu:>9.1f}")


if __name__ == "__main__":
    main()
