# SPDX-License-Identifier: EUPL-1.2
"""Achtervang planner: speed and quality of the restore scheduler (pure core, no database).

1. Speed: `restore_schedule.best_schedule` (the planner) and `naive_schedule` on synthetic
   services: n services, each with a restore time of 0.2-20 h, an RTO of 1-72 h, a criticality 1-3
   and up to 3 dependencies on earlier services (a random DAG; seeded), on 1, 2 and 4 slots.
2. Quality with dependencies and several slots (where the planner is a heuristic): on small cases
   (7 services, 2 slots) compare the RTOs met with the best list schedule over all 7! = 5040
   priority orders, and with the naive order.

Run: .venv/bin/python bench/bench_fallback.py [--runs 10] [--cases 200]"""

import argparse
import itertools
import random
import statistics
import time

from goedebuur.core.fallback import restore_schedule as rs


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


def timed(fn, runs):
    fn()
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def speed(runs):
    print("services  slots  deps   planner ms  naive ms  met planner  met naive")
    for n in (8, 20, 50, 200):
        for slots in (1, 2, 4):
            for max_deps in (0, 3):
                jobs = services(n, random.Random(n * 10 + slots), max_deps)
                best = rs.best_schedule(jobs, slots)
                naive = rs.naive_schedule(jobs, slots)
                t_best = timed(lambda jobs=jobs, slots=slots: rs.best_schedule(jobs, slots), runs)
                t_naive = timed(lambda jobs=jobs, slots=slots: rs.naive_schedule(jobs, slots), runs)
                print(
                    f"{n:>8}  {slots:>5}  {max_deps:>4}  {t_best:>11.1f}  {t_naive:>8.2f}  "
                    f"{best.met_count:>11}  {naive.met_count:>9}"
                )


def quality(cases):
    rng = random.Random(7)
    equal = worse = better_than_naive = 0
    gap = []
    for _ in range(cases):
        jobs = services(7, rng)
        planner = rs.best_schedule(jobs, 2).met_count
        naive = rs.naive_schedule(jobs, 2).met_count
        keys = [j.key for j in jobs]
        best_list = max(
            rs.list_schedule(jobs, order, 2, "x").met_count for order in itertools.permutations(keys)
        )
        equal += planner >= best_list
        worse += planner < best_list
        better_than_naive += planner > naive
        gap.append(best_list - planner)
    print(
        f"\n{cases} cases of 7 services, 2 slots, dependencies: planner equals the best list schedule in "
        f"{equal} ({100 * equal / cases:.0f} %), is below it in {worse} (mean gap {statistics.mean(gap):.3f} RTO, "
        f"max {max(gap)}); beats the naive order in {better_than_naive} ({100 * better_than_naive / cases:.0f} %)"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--cases", type=int, default=200)
    args = parser.parse_args()
    speed(args.runs)
    quality(args.cases)
