# SPDX-License-Identifier: EUPL-1.2
"""Joint-purchasing opportunities (inkoopkansen): time to compute them.

1. On the demo data (SQLite, reference + `goedebuur demo`, which loads the demo landscapes): the
   service for the whole country as an administrator and for Veenendaal as a municipal reader, and
   the page, CSV export and API as they are served (Django test client, no network).
2. The pure finder (`goedebuur.core.procurement.opportunities.find_opportunities`) on synthetic landscapes:
   N municipalities x C contracts each, every contract mapped to 1-3 of 200 components and one of
   60 suppliers, end dates spread uniformly over five years, an 18-month window (seeded).

Run: .venv/bin/python bench/bench_procurement.py [--runs 20]"""

import argparse
import os
import random
import statistics
import tempfile
import time
from datetime import date, timedelta


def timed(fn, runs):
    fn()  # warm-up
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return statistics.median(timings), timings[max(0, int(len(timings) * 0.95) - 1)]


def demo_data(runs):
    os.environ["GOEDEBUUR_DATA_DIR"] = tempfile.mkdtemp(prefix="goedebuur-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goedebuur.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from goedebuur.accounts.models import User
    from goedebuur.municipalities.models import Municipality
    from goedebuur.procurement import services

    call_command("demo", stdout=open(os.devnull, "w"))
    admin = User.objects.create_superuser("bench-admin", password="x" * 12)
    reader = User.objects.create_user(
        "bench-reader", password="x" * 12, municipality=Municipality.objects.get(code="GM0345"), role="reader"
    )
    today = date(2026, 1, 1)
    print("demo data: 6 municipalities with landscapes (SQLite)")
    print(f"{'what':<58} {'groups':>6} {'median ms':>10} {'p95 ms':>8}")
    for label, user, kwargs in (
        ("service, administrator, whole country, component", admin, {}),
        ("service, administrator, whole country, leverancier", admin, {"mode": "leverancier"}),
        ("service, reader Veenendaal, component", reader, {}),
    ):
        req = services.OpportunityRequest(today=today, **kwargs)
        groups = len(services.find_opportunities(user, req).groups)
        median, p95 = timed(lambda req=req, user=user: services.find_opportunities(user, req), runs)
        print(f"{label:<58} {groups:>6} {median:>10.1f} {p95:>8.1f}")
    client = Client()
    for label, user, url in (
        ("page /inkoopkansen, administrator", admin, "/inkoopkansen"),
        ("page /inkoopkansen, reader Veenendaal", reader, "/inkoopkansen"),
        ("/inkoopkansen.csv, administrator", admin, "/inkoopkansen.csv"),
        ("GET /api/v1/inkoopkansen, administrator", admin, "/api/v1/inkoopkansen"),
    ):
        client.force_login(user)
        assert client.get(url).status_code == 200
        median, p95 = timed(lambda url=url: client.get(url), runs)
        print(f"{label:<58} {'':>6} {median:>10.1f} {p95:>8.1f}")


def synthetic(n, per, seed=1):
    from goedebuur.core.procurement.opportunities import ContractRecord

    rng = random.Random(seed)
    start = date(2026, 1, 1)
    records = []
    for m in range(n):
        lat, lon = 50.8 + rng.random() * 2.7, 3.4 + rng.random() * 3.8
        for _ in range(per):
            records.append(
                ContractRecord(
                    id=len(records),
                    municipality=f"GM{m:05d}",
                    lat=lat,
                    lon=lon,
                    components=tuple(str(c) for c in rng.sample(range(200), rng.randint(1, 3))),
                    supplier=f"s{rng.randrange(60)}",
                    product="p",
                    end_date=start + timedelta(days=rng.randrange(5 * 365)),
                    yearly_cost=rng.choice([None, rng.randrange(1_000, 400_000)]),
                )
            )
    return records


def core_scale(runs):
    from goedebuur.core.procurement.opportunities import find_opportunities

    print("\npure finder on synthetic landscapes (18-month window)")
    print(f"{'municipalities x contracts':<30} {'mode':<12} {'groups':>7} {'median ms':>10}")
    for n, per in ((342, 16), (342, 40), (2_000, 16)):
        records = synthetic(n, per)
        for mode in ("component", "leverancier"):
            groups = len(find_opportunities(records, mode=mode))
            median, _p95 = timed(
                lambda records=records, mode=mode: find_opportunities(records, mode=mode), runs
            )
            print(f"{f'{n} x {per} = {n * per}':<30} {mode:<12} {groups:>7} {median:>10.0f}")
        focus = find_opportunities(records, focus=["GM00001"])
        median, _p95 = timed(lambda records=records: find_opportunities(records, focus=["GM00001"]), runs)
        print(f"{f'{n} x {per} = {n * per}':<30} {'one focus':<12} {len(focus):>7} {median:>10.0f}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    demo_data(args.runs)
    core_scale(max(3, args.runs // 5))


if __name__ == "__main__":
    main()
