# SPDX-License-Identifier: EUPL-1.2
"""Common-mode warnings on the whole country's suggested achtervang pairs (issue 21 item 2, issue 20
item 6), side by side with baselines from the same run, on SQLite:

1. baseline: the suggestion itself, `clusters.services.fallback_pairs(PairRequest())` for the whole
   country (5-40 km; whatever caching the pairing has, as the page gets it);
2. `fallback.services.pair_warnings` for all suggested groups, as a logged-in user (safety regions and
   shared SaaS products: three queries for any number of pairs);
3. the naive way for comparison: per pair two region queries and two landscape reads
   (`profiles.services.landscape`), then the same pure core;
4. the full check of one agreement (`agreement_common_mode`, the demo pair with its 14 services).

Every municipality gets a synthetic landscape first (25 applications from a pool of 60 products of 15
suppliers, hosting drawn evenly from SaaS, on-premises and shared data centre; seeded), so the supplier check has real work; the demo loads the rest.

Run: .venv/bin/python bench/bench_common_mode.py [--runs 5]
Fresh temporary data directory; median wall clock and CPU time of the process in ms."""

import argparse
import os
import random
import statistics
import tempfile
import time


def timed(function, runs):
    function()
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        function()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000


def synthetic_landscapes(seed=20261207):
    from goedebuur.gemma.services import ReferenceComponent
    from goedebuur.municipalities.models import Municipality
    from goedebuur.profiles.models import Application, Product, Supplier

    rng = random.Random(seed)
    components = list(ReferenceComponent.objects.order_by("pk")[:40])
    suppliers = [
        Supplier.objects.get_or_create(
            name=f"Bench-leverancier {i}", normalized_name=f"bench-leverancier {i}"
        )[0]
        for i in range(15)
    ]
    products = [
        Product.objects.get_or_create(
            supplier=suppliers[i % 15], name=f"Bench-product {i}", normalized_name=f"bench-product {i}"
        )[0]
        for i in range(60)
    ]
    taken = set(Application.objects.values_list("municipality_id", "product_id"))
    apps = []
    for municipality in Municipality.objects.order_by("code"):
        for product in rng.sample(products, 25):
            if (municipality.pk, product.pk) in taken:
                continue
            apps.append(
                Application(
                    municipality=municipality,
                    product=product,
                    version=str(rng.randint(1, 12)),
                    hosting=rng.choice(["saas", "on-premises", "gedeeld-datacenter"]),
                    beschikbaarheid=rng.randint(1, 3),
                    integriteit=2,
                    vertrouwelijkheid=2,
                    rto_hours=24,
                    rpo_hours=4,
                )
            )
    created = Application.objects.bulk_create(apps)
    through = Application.components.through
    through.objects.bulk_create(
        [through(application_id=a.pk, referencecomponent_id=rng.choice(components).pk) for a in created]
    )
    return len(created)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ["GOEDEBUUR_DATA_DIR"] = tempfile.mkdtemp(prefix="goedebuur-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goedebuur.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("demo", stdout=open(os.devnull, "w"))
    from goedebuur.accounts.models import User
    from goedebuur.clusters import services as clusters
    from goedebuur.core.fallback import common_mode as cm
    from goedebuur.fallback import common_mode as app_cm
    from goedebuur.fallback import services as fallback
    from goedebuur.fallback.models import Agreement
    from goedebuur.municipalities.models import Municipality
    from goedebuur.profiles import services as profiles

    added = synthetic_landscapes()
    user = User.objects.filter(municipality__isnull=False, is_active=True).first()
    proposal = clusters.fallback_pairs(clusters.PairRequest())
    groups = [tuple(m.code for m in g.members) for g in proposal.groups]

    def naive():
        found = {}
        for group in groups:
            links = (
                [(group[i], group[(i + 1) % len(group)]) for i in range(len(group))]
                if len(group) > 2
                else [group]
            )
            for a, b in links:
                parties = []
                for code in (a, b):
                    m = Municipality.objects.get(code=code)
                    region = m.regions.filter(region_type__code="veiligheidsregio").first()
                    apps = tuple(app_cm._app(x) for x in profiles.landscape(m))
                    parties.append(
                        cm.Party(
                            m.name, region.code if region else None, region.name if region else "", apps=apps
                        )
                    )
                warnings = cm.suggestion_warnings(*parties)
                if warnings:
                    found.setdefault(group, []).extend(warnings)
        return found

    batched = fallback.pair_warnings(groups, user)
    slow = naive()
    assert set(batched) == set(slow), "the batched and the naive way disagree"
    region_warned = sum(any(w.topic == "veiligheidsregio" for w in ws) for ws in batched.values())
    supplier_warned = sum(any(w.topic == "leverancier" for w in ws) for ws in batched.values())
    agreement = Agreement.objects.filter(is_demo=True).first()

    rows = [
        (
            "baseline: fallback_pairs(NL, 5-40 km)",
            timed(lambda: clusters.fallback_pairs(clusters.PairRequest()), args.runs),
        ),
        (
            "pair_warnings(all groups), logged in",
            timed(lambda: fallback.pair_warnings(groups, user), args.runs),
        ),
        (
            "pair_warnings(all groups), anonymous",
            timed(lambda: fallback.pair_warnings(groups, None), args.runs),
        ),
        ("naive: per pair regions + landscapes", timed(naive, max(1, args.runs // 2))),
        (
            "agreement_common_mode(demo agreement)",
            timed(lambda: fallback.agreement_common_mode(agreement).findings, args.runs),
        ),
    ]
    base_wall, base_cpu = rows[0][1]
    print(
        f"{len(groups)} groups ({sum(len(g) == 3 for g in groups)} triangles) of {Municipality.objects.count()} "
        f"municipalities; {added} synthetic applications; warnings: {len(batched)} groups "
        f"({region_warned} same safety region, {supplier_warned} shared SaaS products)"
    )
    print(f"{'what':<42} {'wall ms':>9} {'CPU ms':>9} {'CPU vs baseline':>16}")
    for name, (wall, cpu) in rows:
        print(f"{name:<42} {wall:>9.1f} {cpu:>9.1f} {cpu / base_cpu:>15.2f}x")
    naive_cpu, batched_cpu = rows[3][1][1], rows[1][1][1]
    print(f"batched warnings vs naive: {naive_cpu / batched_cpu:.1f}x less CPU")


if __name__ == "__main__":
    main()
