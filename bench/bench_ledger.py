# SPDX-License-Identifier: EUPL-1.2
"""The platform-wide savings ledger with 1,000 cooperations x 10 years of figures: the page
/resultaten, its CSV, the API /api/v1/resultaten and one cooperation's page, each next to /health
(the cheapest answer of the same stack, measured in the same loop) as the baseline.

Run: .venv/bin/python bench/bench_ledger.py [--cooperations 1000] [--years 10] [--runs 10]

A fresh temporary data directory (SQLite) with the reference data; the cooperations, their members
(2-4 municipalities), ledgers (a synthetic forecast copy per member and in total) and realised years
are bulk-inserted, not made through the services (that would record 20,000 history versions and run
1,000 Monte Carlo simulations, which the read path never does). Visibility rotates: a third private,
a third `gemeenten`, a third public. Requests go through Django's test client (no network), as an
anonymous visitor (sees the public third) and as an editor of a municipality (sees two thirds)."""

import argparse
import os
import random
import statistics
import tempfile
import time

START = 2016


def _forecast(codes, years, rng):
    series = {}
    for code in [*codes, "totaal"]:
        scale = 100_000 * (len(codes) if code == "totaal" else 1)
        net = [[], [], []]
        cum = [[], [], []]
        running = [0, 0, 0]
        savings, costs = [], []
        for i in range(years):
            mid = int(scale * (i - 1.5) / 4)
            for k, value in enumerate((mid - scale // 5, mid, mid + scale // 5)):
                net[k].append(value)
                running[k] += value
                cum[k].append(running[k])
            savings.append(max(0, mid + scale // 2))
            costs.append(scale // 2)
        series[code] = {"net": net, "cumulative": cum, "savings_p50": savings, "costs_p50": costs}
    return {
        "case": None,
        "case_name": "bench",
        "draws": 1000,
        "seed": 1,
        "taken_on": "2026-01-01",
        "years": [START + i for i in range(years)],
        "series": series,
    }


def populate(count: int, years: int, seed: int = 1):
    from goedebuur.cooperations.models import Cooperation, CooperationForm, IctDomain, Membership
    from goedebuur.ledger.models import Entry, Ledger
    from goedebuur.municipalities.models import Municipality

    rng = random.Random(seed)
    municipalities = list(Municipality.objects.order_by("code"))
    forms = list(CooperationForm.objects.all())
    domains = list(IctDomain.objects.all())
    cooperations = Cooperation.objects.bulk_create(
        [
            Cooperation(
                name=f"Bench {i:04d}", slug=f"bench-{i:04d}", form=forms[i % len(forms)], status="actief"
            )
            for i in range(count)
        ]
    )
    members, links, ledgers, plan = [], [], [], []
    visibilities = ["prive", "gemeenten", "openbaar"]
    through = Cooperation.domains.through
    for i, cooperation in enumerate(cooperations):
        chosen = rng.sample(municipalities, rng.randint(2, 4))
        members += [Membership(cooperation=cooperation, municipality=m) for m in chosen]
        links += [
            through(cooperation_id=cooperation.pk, ictdomain_id=d.pk)
            for d in rng.sample(domains, rng.randint(1, 3))
        ]
        ledgers.append(
            Ledger(
                cooperation=cooperation,
                visibility=visibilities[i % 3],
                start_year=START,
                forecast=_forecast([m.code for m in chosen], years, rng),
            )
        )
        plan.append(chosen)
    Membership.objects.bulk_create(members)
    through.objects.bulk_create(links)
    Ledger.objects.bulk_create(ledgers)
    entries = []
    for ledger, chosen in zip(Ledger.objects.order_by("cooperation__slug"), plan, strict=True):
        factor = rng.uniform(0.4, 1.3)
        for m in chosen:
            for i in range(years):
                entries.append(
                    Entry(
                        ledger=ledger,
                        municipality=m,
                        year=START + i,
                        savings=max(0, int((100_000 * (i - 1.5) / 4 + 50_000) * factor)),
                        one_off_costs=20_000 if i < 2 else 0,
                        yearly_costs=int(50_000 * rng.uniform(0.9, 1.4)),
                        source_title="bench",
                    )
                )
    Entry.objects.bulk_create(entries, batch_size=5000)
    return len(entries)


def timed(client, url, runs, cold=False):
    """Median ms of `runs` requests; `cold`: the overview's cache emptied before each one."""
    from django.core.cache import cache

    response = client.get(url)  # warm-up
    assert response.status_code == 200, (url, response.status_code)
    timings = []
    for _ in range(runs):
        if cold:
            cache.clear()
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings), len(response.content) / 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cooperations", type=int, default=1000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    os.environ["GOEDEBUUR_DATA_DIR"] = tempfile.mkdtemp(prefix="goedebuur-bench-ledger-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goedebuur.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from goedebuur.accounts.models import User
    from goedebuur.municipalities.models import Municipality

    settings.ALLOWED_HOSTS = ["*"]
    call_command("init", stdout=open(os.devnull, "w"))
    started = time.perf_counter()
    rows = populate(args.cooperations, args.years)
    print(
        f"inserted {args.cooperations} cooperations, {rows} realised years in {time.perf_counter() - started:.1f} s"
    )
    editor = User.objects.create_user(
        "bench-editor",
        password="x",
        municipality=Municipality.objects.get(code="GM0345"),
        role=User.Role.EDITOR,
    )
    anonymous, signed_in = Client(), Client()
    signed_in.force_login(editor)
    urls = ["/resultaten", "/resultaten.csv", "/api/v1/resultaten", "/samenwerkingen/bench-0002/resultaten"]
    print(f"{'who':<10} {'cache':<5} {'url':<40} {'median ms':>10} {'x /health':>10} {'kB':>7}")
    for who, client in (("anonymous", anonymous), ("editor", signed_in)):
        for cold in (True, False):
            base = timed(client, "/health", args.runs)[0]  # the baseline, in the same loop
            print(f"{who:<10} {'':<5} {'/health':<40} {base:>10.1f} {1:>10.0f} {0:>7.0f}")
            for url in urls:
                ms, kb = timed(client, url, args.runs, cold=cold)
                label = "cold" if cold else "warm"
                print(f"{who:<10} {label:<5} {url:<40} {ms:>10.1f} {ms / base:>10.0f} {kb:>7.0f}")


if __name__ == "__main__":
    main()
