# SPDX-License-Identifier: EUPL-1.2
"""Double contracts when partners harmonise their applications (no Django).

Per GEMMA reference component on which the partners use different products, the partners move to
one product: the one most partners already use (ties: the product of the largest partner, then
by name). Every other partner's contract for that component keeps running from the go-live year
until its end date: those are the double costs, charged to that municipality alone."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from goedebuur.core.businesscase.model import DoubleContract


@dataclass(frozen=True)
class ContractUse:
    municipality: str
    component: str
    product: str  # a key that identifies the product across municipalities
    label: str  # "Supplier Product", for display
    yearly_cost_eur: int | None
    end_date: date | None


def overlap_fraction(year: int, start: date, end: date) -> float:
    """The part of calendar `year` that lies in [start, end] (both days included)."""
    first, last = max(start, date(year, 1, 1)), min(end, date(year, 12, 31))
    if last < first:
        return 0.0
    days = (date(year + 1, 1, 1) - date(year, 1, 1)).days
    return ((last - first).days + 1) / days


def double_contracts(
    uses: Iterable[ContractUse],
    *,
    start_year: int,
    go_live_year: int,
    horizon: int,
    inhabitants: Mapping[str, int | None],
) -> tuple[list[DoubleContract], list[str]]:
    """(double contracts with their amount per year of the horizon, Dutch notes on contracts that
    could not be counted because their end date or cost is unknown)."""
    by_component: dict[str, list[ContractUse]] = defaultdict(list)
    for use in uses:
        if use.municipality in inhabitants:
            by_component[use.component].append(use)
    go_live = date(start_year + go_live_year - 1, 1, 1)
    found: dict[tuple[str, str], DoubleContract] = {}
    notes: list[str] = []
    for component in sorted(by_component):
        group = by_component[component]
        if len({use.product for use in group}) < 2:
            continue
        chosen = _chosen_product(group, inhabitants)
        for use in sorted(group, key=lambda u: (u.municipality, u.product)):
            key = (use.municipality, use.product)
            if use.product == chosen or key in found:
                continue
            if use.end_date is None or use.yearly_cost_eur is None:
                note = f"{use.label} ({use.municipality}): einddatum of kosten onbekend, niet meegeteld."
                if note not in notes:
                    notes.append(note)
                continue
            amounts = tuple(
                int(round(use.yearly_cost_eur * overlap_fraction(start_year + y, go_live, use.end_date)))
                for y in range(horizon)
            )
            if any(amounts):
                found[key] = DoubleContract(
                    municipality=use.municipality,
                    label=use.label,
                    yearly_cost_eur=use.yearly_cost_eur,
                    end_date=use.end_date.isoformat(),
                    amounts=amounts,
                )
    return list(found.values()), notes


def _chosen_product(group: list[ContractUse], inhabitants: Mapping[str, int | None]) -> str:
    users: dict[str, set[str]] = defaultdict(set)
    for use in group:
        users[use.product].add(use.municipality)

    def rank(product: str):
        largest = max((inhabitants.get(m) or 0) for m in users[product])
        return (-len(users[product]), -largest, product)

    return min(users, key=rank)
