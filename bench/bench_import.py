# SPDX-License-Identifier: EUPL-1.2
"""Landscape import of a large file: a reproducible (seeded) 5,000-row file, timed in three steps.

Run: .venv/bin/python bench/bench_import.py [--rows 5000] [--seed 5] [--format csv|xlsx] [--write FILE]

Uses a fresh temporary SQLite data directory with the reference data (`goedebuur init`), then times
1. read + check (parse the bytes, every row validated against the GEMMA components),
2. the full import into an empty landscape (all rows create an application, in one transaction),
3. the same file again (all rows update; no duplicates), and reports the counts afterwards."""

import argparse
import os
import random
import tempfile
import time
from datetime import date, timedelta

HOSTING = ["on-premises", "saas", "gedeeld-datacenter"]


def generate(rows: int, seed: int, component_names: list[str]) -> list[dict]:
    """`rows` distinct applications (supplier x product), dates, costs and BIV partly empty."""
    rng = random.Random(seed)
    suppliers = [f"Leverancier {i:03d} B.V." for i in range(250)]
    records = []
    for i in range(rows):
        start = date(2018, 1, 1) + timedelta(days=rng.randrange(0, 2500))
        end = start + timedelta(days=rng.randrange(365, 3650))
        records.append(
            {
                "referentiecomponenten": "; ".join(rng.sample(component_names, rng.randint(1, 3))),
                "product": f"Product {i:05d}",
                "versie": f"{rng.randint(1, 12)}.{rng.randint(0, 9)}",
                "leverancier": suppliers[i % len(suppliers)],
                "hosting": rng.choice(HOSTING),
                "beschikbaarheid": rng.choice(["", 1, 2, 3]),
                "integriteit": rng.choice(["", 1, 2, 3]),
                "vertrouwelijkheid": rng.choice(["", 1, 2, 3]),
                "rto_uren": rng.choice(["", 4, 24, 72]),
                "rpo_uren": rng.choice(["", 1, 4, 24]),
                "contract_start": start,
                "contract_einde": end,
                "opzegtermijn_maanden": rng.choice([1, 3, 6, 12]),
                "jaarlijkse_kosten_eur": rng.randrange(500, 250_000),
                "verlengingsopties": rng.choice(["", "1 x 1 jaar", "2 x 2 jaar"]),
            }
        )
    return records


def timed(label, run):
    started = time.perf_counter()
    result = run()
    seconds = time.perf_counter() - started
    print(f"{label:<44} {seconds:8.2f} s")
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--format", choices=["csv", "xlsx"], default="csv")
    parser.add_argument("--write", help="also write the generated file here")
    args = parser.parse_args()
    os.environ["GOEDEBUUR_DATA_DIR"] = tempfile.mkdtemp(prefix="goedebuur-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goedebuur.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from goedebuur.accounts.models import User
    from goedebuur.core.landscape import file_import as L
    from goedebuur.gemma.models import ReferenceComponent
    from goedebuur.municipalities.models import Municipality
    from goedebuur.profiles import file_messages, imports
    from goedebuur.profiles.models import Application, Contract, Product, Supplier

    call_command("init", stdout=open(os.devnull, "w"))
    names = sorted(ReferenceComponent.objects.values_list("name", flat=True))
    records = generate(args.rows, args.seed, names)
    write = L.write_xlsx if args.format == "xlsx" else L.write_csv
    content = write(records, L.COLUMN_NAMES)
    if args.write:
        with open(args.write, "wb") as out:
            out.write(content)
    municipality = Municipality.objects.get(code="GM0345")
    user = User.objects.create_user("bench", municipality=municipality, role=User.Role.EDITOR)
    print(f"{args.rows} rows, {args.format}, {len(content) / 1024:.0f} kB, seed {args.seed}")

    result = timed("read + check", lambda: imports.read(content))
    assert result.ok, file_messages.messages(result)[:5]
    timed("preview plan (create/update per row)", lambda: imports.plan(municipality, result.rows))
    first = timed("import into an empty landscape", lambda: imports.commit(municipality, result.rows, user))
    again = timed(
        "the same file again (all updates)", lambda: imports.commit(municipality, result.rows, user)
    )
    print(f"first: {first}; again: {again}")
    print(
        f"applications {Application.objects.count()}, contracts {Contract.objects.count()}, "
        f"products {Product.objects.count()}, suppliers {Supplier.objects.count()}"
    )


if __name__ == "__main__":
    main()
