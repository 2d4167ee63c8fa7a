# SPDX-License-Identifier: EUPL-1.2
"""Render time of the trajectory pages, API and documents on the demo data (SQLite), and the pure
alignment and transition core on synthetic inputs.

Run: .venv/bin/python bench/bench_trajectories.py [--runs 30]
Uses a fresh temporary data directory, loads reference + demo data, logs in as the demo editor of
Rhenen (the initiator of the Rhenen-Veenendaal demo trajectory) and requests each URL with
Django's test client (no network); reports median and 95th percentile in milliseconds."""

import argparse
import os
import random
import statistics
import tempfile
import time


def timed(function, runs):
    function()  # warm-up
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return statistics.median(timings), timings[max(0, int(len(timings) * 0.95) - 1)]


def core_figures(runs):
    from goedebuur.core.trajectory.alignment import K_CODES, PartnerAmbition, divergences, gate
    from goedebuur.core.trajectory.workflow import ACTIONS, TrajectoryFacts, allowed_actions

    rng = random.Random(7)
    rows = []
    for partners in (2, 9, 50):
        ambitions = [
            PartnerAmbition(
                f"G{i}",
                {code: rng.randint(0, 5) for code in K_CODES},
                rng.choice(["verbeteren", "vermijden"]),
                must_haves=tuple(f"eis {rng.randint(0, 20)}" for _ in range(5)),
                deal_breakers=tuple(f"eis {rng.randint(0, 20)}" for _ in range(5)),
            )
            for i in range(partners)
        ]
        names = [a.partner for a in ambitions]
        rows.append(
            (
                f"divergences + gate, {partners} partners",
                *timed(lambda a=ambitions, n=names: gate(n, a, {}) and divergences(a), runs),
            )
        )
    facts = TrajectoryFacts("intentie", "actief", decision="go")
    rows.append((f"allowed_actions ({len(ACTIONS)} actions)", *timed(lambda: allowed_actions(facts), runs)))
    return rows


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

    from goedebuur.accounts.models import User
    from goedebuur.trajectories.demo import RHENEN_VEENENDAAL
    from goedebuur.trajectories.models import Trajectory

    call_command("demo", stdout=open(os.devnull, "w"))
    pk = Trajectory.objects.get(name=RHENEN_VEENENDAAL).pk
    client = Client()
    client.force_login(User.objects.get(username="redacteur.rhenen"))
    urls = [
        "/trajecten",
        f"/trajecten/{pk}",
        f"/trajecten/{pk}/ambities/GM0340",
        f"/trajecten/{pk}/documenten/intentieverklaring.docx",
        f"/trajecten/{pk}/documenten/samenwerkingsovereenkomst.md",
        "/mijn-overzicht",
        "/api/v1/trajecten",
        f"/api/v1/trajecten/{pk}",
        f"/api/v1/trajecten/{pk}/checklist",
        f"/api/v1/trajecten/{pk}/ambities",
    ]
    print(f"{'request (editor of Rhenen)':<56} {'median ms':>10} {'p95 ms':>8}")
    for url in urls:
        assert client.get(url).status_code == 200, url
        median, p95 = timed(lambda u=url: client.get(u), args.runs)
        print(f"{url:<56} {median:>10.1f} {p95:>8.1f}")
    print()
    print(f"{'pure core':<56} {'median ms':>10} {'p95 ms':>8}")
    for label, median, p95 in core_figures(args.runs * 10):
        print(f"{label:<56} {median:>10.3f} {p95:>8.3f}")


if __name__ == "__main__":
    main()
