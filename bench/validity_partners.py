# SPDX-License-Identifier: EUPL-1.2
"""Validity of the partner finder's default weights against real ICT cooperations.

For every member of the regional seed cooperations (src/goedebuur/data/cooperations_seed.csv), how
many of its real partners (the other members of its regional seed cooperations) are in its top 5,
on reference data alone (no register, no profiles), with the default weights and with a ranking by
distance only. The nationwide 'Open Formulieren' joint procurement is skipped: its 15 participants
are spread over the country and are not a regional partnership.

Run: .venv/bin/python bench/validity_partners.py [--top 5] [--write]"""

import argparse
import csv
import sys
from importlib import resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_partners import write_section  # noqa: E402
from partners_data import reference_features  # noqa: E402

from goedebuur.core.partners import scoring  # noqa: E402

SKIP = "Open Formulieren"
DISTANCE_ONLY = {key: 0.0 for key in scoring.CRITERIA} | {"distance": 1.0}
BORDER_ONLY = {key: 0.0 for key in scoring.CRITERIA} | {"shared_border": 1.0, "distance": 0.01}


def seed_cooperations():
    text = resources.files("goedebuur.data").joinpath("cooperations_seed.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    return [r for r in rows if SKIP not in r["name"]], [r["name"] for r in rows if SKIP in r["name"]]


def evaluate(features, cooperations, weights, top):
    partners: dict[str, set[str]] = {}
    for row in cooperations:
        members = row["members"].split(";")
        for m in members:
            partners.setdefault(m, set()).update(set(members) - {m})
    per_cooperation = []
    total_hits = total_possible = 0
    for row in cooperations:
        hits = possible = 0
        for m in row["members"].split(";"):
            found = {c.code for c in scoring.rank(features, m, weights, top=top).candidates}
            hits += len(found & partners[m])
            possible += min(top, len(partners[m]))
        per_cooperation.append((row["name"], len(row["members"].split(";")), hits, possible))
    seen = set()
    for m, real in partners.items():  # members counted once overall
        if m in seen:
            continue
        seen.add(m)
        found = {c.code for c in scoring.rank(features, m, weights, top=top).candidates}
        total_hits += len(found & real)
        total_possible += min(top, len(real))
    return per_cooperation, total_hits, total_possible, len(partners)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--top", type=int, default=5)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    features = reference_features()
    cooperations, skipped = seed_cooperations()
    default = evaluate(features, cooperations, None, args.top)
    distance = evaluate(features, cooperations, DISTANCE_ONLY, args.top)
    border = evaluate(features, cooperations, BORDER_ONLY, args.top)
    k = args.top
    lines = [
        f"Real partners found in the top {k} (reference data only: no register, no profiles). "
        f"{default[3]} distinct members of {len(cooperations)} regional seed cooperations; a member's real "
        f"partners are the other members of all its regional seed cooperations; 'possible' is the sum over "
        f"members of min({k}, number of real partners). Skipped: {'; '.join(skipped)} (nationwide joint "
        "procurement, not a regional partnership).",
        "",
        "| ranking | real partners in top 5 | share |",
        "|---|---:|---:|",
    ]
    for name, result in (
        ("default weights", default),
        ("distance only", distance),
        ("shared border first, then distance", border),
    ):
        lines.append(f"| {name} | {result[1]} / {result[2]} | {result[1] / result[2]:.0%} |")
    lines += ["", "| cooperation | members | default | distance only |", "|---|---:|---:|---:|"]
    for (name, size, hits, possible), (_n, _s, d_hits, _p) in zip(default[0], distance[0], strict=True):
        lines.append(f"| {name} | {size} | {hits} / {possible} | {d_hits} / {possible} |")
    text = "\n".join(lines)
    print(text)
    if args.write:
        write_section(
            "### Validity", text + "\n\nReproduce: `.venv/bin/python bench/validity_partners.py --write`."
        )


if __name__ == "__main__":
    main()
