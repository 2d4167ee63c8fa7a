# SPDX-License-Identifier: EUPL-1.2
"""Achtervang planner: quality and speed of the restore scheduler (pure core, no database).

1. Small instances against the exact optimum by enumeration (`restore_schedule.exhaustive_schedule`:
   every order that respects the dependencies, placed by the serial scheme, which reaches every active
   schedule): random services (restore 0.2-20 h, RTO 1-72 h, up to 3 dependencies on earlier services;
   seeded), 4-7 services on 1-3 slots. Share at the exact optimum (the same RTOs met; the same full
   objective: RTOs met, then lateness, then end) and the worst gap in RTOs, for the planner of
   issue 19 (`best_schedule`: CP-SAT up to 40 services), for the heuristic alone
   (`best_schedule(exact=False)`) and for the planner before issue 19 (read from git, commit
   f591816), and the naive order.
2. 30, 100 and 500 services, with dependencies, on 1, 2 and 4 slots: time (CPU and wall, median over
   the instances), status (optimal / max_met / bound), RTOs met, the upper bound and the gap, next to
   the planner before issue 19 and the naive order (the trivial baseline) in the same run.

Run: .venv/bin/python bench/bench_fallback.py [--cases 200] [--instances 5]"""

import argparse
import importlib.util
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from goedebuur.core.fallback import restore_schedule as rs

OLD_COMMIT = "f591816"


def old_module():
    root = Path(__file__).resolve().parent.parent
    source = subprocess.run(
        ["git", "show", f"{OLD_COMMIT}:src/goedebuur/core/fallback/restore_schedule.py"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    path = Path(tempfile.mkdtemp()) / "old_restore_schedule.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location("old_restore_schedule", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def services(n, rng, max_deps=3):
    jobs = []
    for i in range(n):
        deps = rng.sample(range(i), k=min(i, rng.randint(0, max_deps))) if i else []
        jobs.append(
            rs.RestoreJob(
                f"s{i}",
                f"Dienst {i}",
                rng.uniform(0.2, 20),
                rng.choice([1, 2, 4, 8, 12, 24, 48, 72]),
                rng.randint(1, 3),
                tuple(f"s{d}" for d in deps),
            )
        )
    return jobs


def as_old(old, jobs):
    return [old.RestoreJob(j.key, j.name, j.hours, j.rto_hours, j.criticality, j.depends_on) for j in jobs]


def quality_of(schedule):
    met = sum(e.end <= e.rto_hours + rs.EPS for e in schedule.entries)
    late = sum(max(0.0, e.end - e.rto_hours) for e in schedule.entries if e.end > e.rto_hours + rs.EPS)
    return met, late, max((e.end for e in schedule.entries), default=0.0)


def same(a, b):
    return a[0] == b[0] and abs(a[1] - b[1]) < 1e-6 and abs(a[2] - b[2]) < 1e-6


def small(cases, old):
    rng = random.Random(7)
    rows = {name: {"met": 0, "full": 0, "gaps": []} for name in ("planner", "heuristic", "old", "naive")}
    one_slot_deps = {name: [0, 0] for name in rows}
    statuses = {}
    times = []
    for _ in range(cases):
        n, slots = rng.randint(4, 7), rng.randint(1, 3)
        jobs = services(n, rng)
        ref = quality_of(rs.exhaustive_schedule(jobs, slots))
        start = time.process_time()
        planned = rs.best_schedule(jobs, slots)
        times.append(time.process_time() - start)
        statuses[planned.status] = statuses.get(planned.status, 0) + 1
        found = {
            "planner": planned,
            "heuristic": rs.best_schedule(jobs, slots, exact=False),
            "old": old.best_schedule(as_old(old, jobs), slots),
            "naive": rs.naive_schedule(jobs, slots),
        }
        for name, schedule in found.items():
            q = quality_of(schedule)
            rows[name]["met"] += q[0] == ref[0]
            rows[name]["full"] += same(q, ref)
            rows[name]["gaps"].append(ref[0] - q[0])
            if slots == 1:
                one_slot_deps[name][0] += 1
                one_slot_deps[name][1] += q[0] == ref[0]
    print(f"{cases} random instances, 4-7 services, 1-3 slots, dependencies (seed 7), against every order:\n")
    print(
        "| method | same RTOs met as the optimum | same full objective | worst gap (RTOs) | one slot: same RTOs met |"
    )
    print("|---|---:|---:|---:|---:|")
    labels = {
        "planner": "**planner (issue 19)**",
        "heuristic": "heuristic alone (exact=False)",
        "old": f"planner before issue 19 ({OLD_COMMIT})",
        "naive": "naive order (criticality)",
    }
    for name, row in rows.items():
        total, ones = cases, one_slot_deps[name]
        print(
            f"| {labels[name]} | {100 * row['met'] / total:.1f} % | {100 * row['full'] / total:.1f} % | "
            f"{max(row['gaps'])} | {100 * ones[1] / max(1, ones[0]):.1f} % of {ones[0]} |"
        )
    print(
        f"\nPlanner status: {statuses}; CPU time per instance median {1000 * statistics.median(times):.0f} ms, "
        f"max {1000 * max(times):.0f} ms."
    )


def sizes(instances, old):
    print(
        "\n| services | slots | method | CPU s (median) | wall s (median, max) | status | RTOs met (mean) | bound (mean) | gap mean / max |"
    )
    print("|---:|---:|---|---:|---:|---|---:|---:|---:|")
    for n in (30, 100, 500):
        for slots in (1, 2, 4):
            cases = [services(n, random.Random(1000 * n + 10 * slots + k)) for k in range(instances)]
            for name in ("planner", "old", "naive"):
                cpu, wall, met, bound, gaps, status = [], [], [], [], [], {}
                for jobs in cases:
                    start, start_cpu = time.perf_counter(), time.process_time()
                    if name == "planner":
                        s = rs.best_schedule(jobs, slots)
                    elif name == "old":
                        s = old.best_schedule(as_old(old, jobs), slots)
                    else:
                        s = rs.naive_schedule(jobs, slots)
                    wall.append(time.perf_counter() - start)
                    cpu.append(time.process_time() - start_cpu)
                    met.append(s.met_count)
                    if name == "planner":
                        bound.append(s.bound_met)
                        gaps.append(s.gap)
                        status[s.status] = status.get(s.status, 0) + 1
                label = {"planner": "**planner**", "old": "before issue 19", "naive": "naive"}[name]
                status_text = ", ".join(f"{k} {v}" for k, v in sorted(status.items())) or "–"
                bound_text = f"{statistics.mean(bound):.1f}" if bound else "–"
                gap_text = f"{statistics.mean(gaps):.1f} / {max(gaps)}" if gaps else "–"
                print(
                    f"| {n} | {slots} | {label} | {statistics.median(cpu):.3f} | {statistics.median(wall):.3f}, "
                    f"{max(wall):.3f} | {status_text} | {statistics.mean(met):.1f} | {bound_text} | {gap_text} |"
                )


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=200)
    parser.add_argument("--instances", type=int, default=5)
    args = parser.parse_args()
    old = old_module()
    small(args.cases, old)
    sizes(args.instances, old)
