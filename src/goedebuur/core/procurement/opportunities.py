# SPDX-License-Identifier: EUPL-1.2
"""Joint-purchasing opportunities (inkoopkansen): groups of municipalities whose contracts for the
same reference component (mode "component") or with the same supplier (mode "leverancier") end
within a window of W months, so that they could tender together.

Method, per key (a component or a supplier):

1. Take the contracts with that key and a known end date, on or after the reference date (today)
   and on or before the horizon, when given; sort them by end date.
2. Slide a window of W months over the end dates: every end date is a candidate window start, the
   window holds the contracts ending from that start up to and including start + W months.
3. Greedily take the candidate with the most distinct municipalities (ties: the larger known
   combined yearly value, then the earlier start); keep it as a group when it has at least two
   municipalities, remove its contracts and repeat on the rest. So every contract is in at most
   one group per key, and no reported group is a duplicate or a part of another one of the same
   key. With `focus`, only windows holding a contract of a focus municipality are candidates.
4. Groups of different keys with exactly the same contracts (an application that fulfils several
   components) are reported once, with all their keys.

Groups are ranked by the number of municipalities (more first), the combined yearly value of the
known and visible contracts (higher first) and the mean great-circle distance between the members
(closer first); then by window start and key, so the ranking does not depend on the input order.

Visibility: a record says whether the viewer may see its details (end date, cost). Hidden records
still count towards the group (the municipality takes part) but their cost is not added up; the
caller decides how to show them ("niet gedeeld")."""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from goedebuur.core.geo import haversine_km

MODES = ("component", "leverancier")


@dataclass(frozen=True)
class ContractRecord:
    """One contract as the finder sees it. `id` must be unique (the application's id)."""

    id: int
    municipality: str  # CBS code, e.g. "GM0345"
    lat: float
    lon: float
    components: tuple[str, ...]  # reference component keys
    supplier: str  # supplier key
    product: str  # product key
    end_date: date | None
    yearly_cost: int | None  # € per year; None when unknown
    visible: bool = True  # may the viewer see this contract's end date and cost?


@dataclass(frozen=True)
class Opportunity:
    mode: str
    keys: tuple[str, ...]  # component keys (mode "component") or the supplier key
    contracts: tuple[ContractRecord, ...]  # by end date, then id
    window_start: date  # the first end date in the group
    window_end: date  # window_start + W months
    municipalities: tuple[str, ...]  # distinct codes, sorted
    known_value: int  # € per year: visible contracts with a known cost
    unknown_value: int  # visible contracts without a cost
    hidden: int  # contracts whose details the viewer may not see
    mean_distance_km: float  # mean great-circle distance over the pairs of municipalities

    @property
    def size(self) -> int:
        return len(self.municipalities)

    @property
    def first_end(self) -> date:
        return self.contracts[0].end_date

    @property
    def last_end(self) -> date:
        return self.contracts[-1].end_date

    def rank_key(self):
        return (
            -self.size,
            -self.known_value,
            round(self.mean_distance_km, 6),
            self.window_start,
            self.keys,
            tuple(c.id for c in self.contracts),
        )


class ProcurementError(ValueError):
    """Bad input, with the parameter it is about. The procurement app checks its requests before it
    calls the finder, so these messages are for developers (English), never shown to users."""

    def __init__(self, field_name: str, message: str):
        super().__init__(message)
        self.field = field_name
        self.message = message


def add_months(day: date, months: int) -> date:
    """`day` plus whole months; the day is clamped to the month's length (31 Jan + 1 = 28/29 Feb)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def mean_distance_km(points: Sequence[tuple[float, float]]) -> float:
    """Mean great-circle distance over all pairs of (lat, lon) points; 0 for fewer than two."""
    n = len(points)
    if n < 2:
        return 0.0
    if n == 2:
        (lat1, lon1), (lat2, lon2) = points
        return haversine_km(lat1, lon1, lat2, lon2)
    lat, lon = np.asarray(points, dtype=float).T
    i, j = np.triu_indices(n, k=1)
    return float(np.mean(haversine_km(lat[i], lon[i], lat[j], lon[j])))


def _keys_of(record: ContractRecord, mode: str) -> Iterable[str]:
    if mode == "component":
        return set(record.components)
    return (record.supplier,) if record.supplier else ()


def _value(records: Iterable[ContractRecord]) -> int:
    return sum(_known(r) for r in records)


def _known(record: ContractRecord) -> int:
    return record.yearly_cost if record.visible and record.yearly_cost is not None else 0


def _best_window(records: list[ContractRecord], limits: list[date], focus: frozenset[str] | None):
    """(start, stop) of the best window over `records` (sorted by end date; `limits[i]` is the
    last end date of a window starting at record i): most distinct municipalities, then the
    largest visible known value, then the earliest start; None when no window holds a contract
    of a focus municipality."""
    best, best_score = None, None
    counts: dict[str, int] = {}
    stop, value = 0, 0
    n = len(records)
    for start in range(n):
        limit = limits[start]
        while stop < n and records[stop].end_date <= limit:
            record = records[stop]
            counts[record.municipality] = counts.get(record.municipality, 0) + 1
            value += _known(record)
            stop += 1
        if focus is None or any(code in counts for code in focus):
            score = (len(counts), value)
            if best_score is None or score > best_score:
                best, best_score = (start, stop), score
        first = records[start]
        left = counts[first.municipality] - 1
        if left:
            counts[first.municipality] = left
        else:
            del counts[first.municipality]
        value -= _known(first)
    return best


def _groups_for_key(records: list[ContractRecord], limit_of, focus: frozenset[str] | None):
    remaining = sorted(records, key=lambda r: (r.end_date, r.id))
    while len({r.municipality for r in remaining}) >= 2:
        window = _best_window(remaining, [limit_of(r.end_date) for r in remaining], focus)
        if window is None:
            return
        start, stop = window
        chosen = remaining[start:stop]
        if len({r.municipality for r in chosen}) < 2:
            return  # the best window has one municipality: no window has two
        yield tuple(chosen)
        remaining = remaining[:start] + remaining[stop:]


def find_opportunities(
    records: Iterable[ContractRecord],
    *,
    months: int = 18,
    mode: str = "component",
    today: date | None = None,
    horizon: date | None = None,
    focus: Iterable[str] | None = None,
) -> list[Opportunity]:
    """Ranked joint-purchasing opportunities (see the module docstring).

    `today`: only contracts ending on or after this date; `horizon`: only contracts ending on or
    before it; `focus`: only groups with at least one of these municipalities. An opportunity holds
    the values its explanation needs; the procurement app phrases it."""
    if mode not in MODES:
        raise ProcurementError("mode", f"unknown mode {mode!r}: component or leverancier")
    if months < 1:
        raise ProcurementError("months", "the window must be at least 1 month")
    if today is not None and horizon is not None and horizon < today:
        raise ProcurementError("horizon", "the horizon lies before today")
    focus_set = None if focus is None else frozenset(focus)
    by_key: dict[str, list[ContractRecord]] = {}
    seen: set[int] = set()
    for record in records:
        if record.id in seen:
            raise ProcurementError("records", f"contract {record.id} occurs twice")
        seen.add(record.id)
        if record.end_date is None:
            continue
        if today is not None and record.end_date < today:
            continue
        if horizon is not None and record.end_date > horizon:
            continue
        for key in _keys_of(record, mode):
            by_key.setdefault(key, []).append(record)

    limits: dict[date, date] = {}

    def limit_of(day: date) -> date:
        if day not in limits:
            limits[day] = add_months(day, months)
        return limits[day]

    merged: dict[tuple[int, ...], tuple[list[str], tuple[ContractRecord, ...]]] = {}
    for key in sorted(by_key):
        for chosen in _groups_for_key(by_key[key], limit_of, focus_set):
            ids = tuple(r.id for r in chosen)
            merged.setdefault(ids, ([], chosen))[0].append(key)

    opportunities = []
    for keys, chosen in merged.values():
        points = {r.municipality: (r.lat, r.lon) for r in chosen}
        opportunity = Opportunity(
            mode=mode,
            keys=tuple(sorted(keys)),
            contracts=chosen,
            window_start=chosen[0].end_date,
            window_end=add_months(chosen[0].end_date, months),
            municipalities=tuple(sorted(points)),
            known_value=_value(chosen),
            unknown_value=sum(1 for r in chosen if r.visible and r.yearly_cost is None),
            hidden=sum(1 for r in chosen if not r.visible),
            mean_distance_km=mean_distance_km([points[code] for code in sorted(points)]),
        )
        opportunities.append(opportunity)
    opportunities.sort(key=Opportunity.rank_key)
    return opportunities
