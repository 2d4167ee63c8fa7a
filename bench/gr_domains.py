# SPDX-License-Identifier: EUPL-1.2
"""How many regelingen of the national GR-register land in each domain (issue 16, item 3).

Reads the snapshot shipped in the package (`goedebuur/data/gr/regelingen.jsonl.gz`), takes the
regelingen current on the peildatum with two or more current municipal participants (a former
municipality counted as its successor, `gr/mergers.csv`), classifies each with
`goedebuur.core.register.domains.classify` and prints the table of docs/user/register.md.

    PYTHONPATH=src python bench/gr_domains.py [--list DOMAIN]

`--list DOMAIN` prints the regelingen of one domain slug (or `ict`) with the evidence."""

import argparse
import csv
import datetime as dt
import gzip
import io
import sys
from importlib import resources

from goedebuur.core.register.domains import ICT_ANY, ICT_DOMAINS, POLICY_DOMAINS, classify, count_by_domain
from goedebuur.core.register.gr import chains, read_polder_jsonl
from goedebuur.data import read_csv

PEILDATUM = dt.date(2026, 5, 16)
DATA = resources.files("goedebuur.data")


def successors() -> dict[str, str]:
    rows = csv.DictReader(io.StringIO(DATA.joinpath("gr/mergers.csv").read_text(encoding="utf-8")))
    return {row["former_code"]: row["successor_code"] for row in rows if row["successor_code"]}


def municipalities(version, merged: dict[str, str]) -> set[str]:
    codes = set()
    for participant in version.municipal_participants:
        if participant.left is not None and participant.left <= PEILDATUM:
            continue
        code = participant.code
        seen = set()
        while code in merged and code not in seen:  # a successor may itself have merged later
            seen.add(code)
            code = merged[code]
        codes.add(code)
    return codes


def current_regelingen():
    """(latest version, its current municipalities) of every regeling current on the peildatum
    with two or more municipal participants."""
    with (
        DATA.joinpath("gr/regelingen.jsonl.gz").open("rb") as raw,
        gzip.open(raw, "rt", encoding="utf-8") as lines,
    ):
        versions = read_polder_jsonl(lines)
    merged = successors()
    result = []
    for regeling in chains(versions):
        if regeling.ended(PEILDATUM):
            continue
        members = municipalities(regeling.latest, merged)
        if len(members) >= 2:
            result.append((regeling.latest, members))
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", metavar="DOMAIN", help="list the regelingen of one domain (a slug, or ict)")
    args = parser.parse_args(argv)
    regelingen = current_regelingen()
    classified = [(version, members, classify(version)) for version, members in regelingen]
    if args.list:
        for version, _members, result in classified:
            if args.list in result.domains or (args.list == ICT_ANY and result.ict):
                evidence = "; ".join(f"{source}: {term}" for source, term in result.evidence)
                print(
                    f"{version.title} [{version.legal_form or '-'}] {', '.join(result.domains)} | {evidence}"
                )
        return 0
    counts = count_by_domain(result for _v, _m, result in classified)
    reach = {domain: set() for domain in (*ICT_DOMAINS, *POLICY_DOMAINS, ICT_ANY)}
    for _version, members, result in classified:
        for domain in result.domains:
            reach[domain] |= members
        if result.ict:
            reach[ICT_ANY] |= members
    names = {
        row["slug"]: row["name"]
        for name in ("ict_domains.csv", "policy_domains.csv")
        for row in read_csv(name)
    }
    everyone = set().union(*(members for _v, members in regelingen))
    print(
        f"Peildatum {PEILDATUM}: {len(regelingen)} regelingen met twee of meer gemeenten, "
        f"{len(everyone)} gemeenten.\n"
    )
    print("| domein | regelingen | gemeenten |\n|---|---:|---:|")
    print(f"| **ICT (ten minste één ICT-domein)** | **{counts[ICT_ANY]}** | **{len(reach[ICT_ANY])}** |")
    for domain in ICT_DOMAINS:
        print(f"| ICT: {names[domain]} (`{domain}`) | {counts[domain]} | {len(reach[domain])} |")
    for domain in POLICY_DOMAINS:
        print(f"| {names[domain]} (`{domain}`) | {counts[domain]} | {len(reach[domain])} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
