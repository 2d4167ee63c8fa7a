# SPDX-License-Identifier: EUPL-1.2
"""Bounds on cluster groups: the result types, bound violations, feasible group counts and the checks."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from goedebuur.core.clusters.graph import Adjacency, components


@dataclass(frozen=True)
class Bounds:
    """Bounds on a group's size; None means no bound."""

    min_count: int = 1
    max_count: int | None = None
    min_population: int | None = None
    max_population: int | None = None


class Infeasible(ValueError):
    """The bounds cannot be met. `reason` is a stable code, `details` the numbers behind it:

    - `min_above_max` (what: "count"/"population");
    - `block_too_large` (block: index into `fixed`, count, population, what);
    - `municipality_too_large` (index, population);
    - `component_too_small` (members: indices, count, population, what);
    - `no_group_count` (min_groups, max_groups, component: indices or None);
    - `group_count` (requested, min_groups, max_groups)."""

    def __init__(self, reason: str, **details):
        super().__init__(f"{reason}: {details}")
        self.reason = reason
        self.details = details


@dataclass(frozen=True)
class Violation:
    group: int
    what: str  # "min_count", "max_count", "min_population", "max_population", "disconnected"
    value: float
    bound: float


@dataclass
class Partition:
    labels: np.ndarray  # group number (0..k-1) per municipality of the problem
    groups: list[list[int]]  # members per group, sorted; groups ordered by their smallest member
    sse: float  # within-group sum of squared distances to the group's mean centre (m²)
    pairwise: float  # within-group sum of squared distances between all member pairs (m²)
    mean_fit: float | None  # mean member fit (None without a fit matrix)
    group_fit: list[float | None]  # mean pairwise fit per group (None for a group of one)
    group_rms_km: list[float]  # root mean square distance to the group's centre, km
    objective: float  # J without penalties
    violations: list[Violation] = field(default_factory=list)
    requested_groups: int | None = None
    seconds: float = 0.0
    steps: int = 0  # improvement steps tried (merge-split or recombination, then local search)
    work: int = 0  # unit moves tried and made after the start: what the budget counts
    time_limited: bool = False  # the time limit, not the budget, ended the search

    @property
    def k(self) -> int:
        return len(self.groups)

    @property
    def feasible(self) -> bool:
        return not self.violations


def bound_violations(g: int, count: int, pop: float, bounds: Bounds) -> list[Violation]:
    out = []
    if count < bounds.min_count:
        out.append(Violation(g, "min_count", count, bounds.min_count))
    if bounds.max_count is not None and count > bounds.max_count:
        out.append(Violation(g, "max_count", count, bounds.max_count))
    if bounds.min_population is not None and pop < bounds.min_population:
        out.append(Violation(g, "min_population", pop, bounds.min_population))
    if bounds.max_population is not None and pop > bounds.max_population:
        out.append(Violation(g, "max_population", pop, bounds.max_population))
    return out


def group_count_range(count: int, population: float, bounds: Bounds) -> tuple[int, int]:
    """The smallest and largest number of groups the bounds allow for `count` municipalities with
    `population` inhabitants (a necessary condition, not a sufficient one)."""
    low, high = 1, count
    if bounds.max_count:
        low = max(low, math.ceil(count / bounds.max_count))
    high = min(high, count // max(bounds.min_count, 1))
    if bounds.max_population:
        low = max(low, math.ceil(population / bounds.max_population))
    if bounds.min_population:
        high = min(high, int(population // bounds.min_population))
    return low, high


def default_group_count(count: int, population: float, bounds: Bounds) -> int:
    """Without a requested number: groups of the middle size the bounds allow (by municipalities
    when a maximum number is given, else by inhabitants), clamped to the feasible range."""
    low, high = group_count_range(count, population, bounds)
    if bounds.max_count:
        target = round(count / ((max(bounds.min_count, 1) + bounds.max_count) / 2))
    elif bounds.max_population:
        target = round(population / (((bounds.min_population or 0) + bounds.max_population) / 2))
    else:
        target = low
    return min(max(target, low), max(high, low))


def check_feasible(
    adjacency: Adjacency,
    population: np.ndarray | None,
    bounds: Bounds,
    fixed: Sequence[Sequence[int]] = (),
    k: int | None = None,
) -> list[list[int]]:
    """Raise Infeasible for bounds that clearly cannot be met; returns the connected components."""
    n = len(adjacency)
    pop = np.zeros(n) if population is None else np.nan_to_num(np.asarray(population, dtype=float))
    if bounds.max_count is not None and bounds.min_count > bounds.max_count:
        raise Infeasible("min_above_max", what="count")
    if (
        bounds.min_population is not None
        and bounds.max_population is not None
        and bounds.min_population > bounds.max_population
    ):
        raise Infeasible("min_above_max", what="population")
    if bounds.max_population is not None:
        for i in range(n):
            if pop[i] > bounds.max_population:
                raise Infeasible("municipality_too_large", index=i, population=float(pop[i]))
    for b, block in enumerate(fixed):
        count, total = len(block), float(pop[list(block)].sum())
        if bounds.max_count is not None and count > bounds.max_count:
            raise Infeasible("block_too_large", block=b, count=count, population=total, what="count")
        if bounds.max_population is not None and total > bounds.max_population:
            raise Infeasible("block_too_large", block=b, count=count, population=total, what="population")
    comps = components(adjacency)
    total_low = total_high = 0
    for comp in comps:
        count, total = len(comp), float(pop[comp].sum())
        if count < bounds.min_count:
            raise Infeasible("component_too_small", members=comp, count=count, population=total, what="count")
        if bounds.min_population is not None and total < bounds.min_population:
            raise Infeasible(
                "component_too_small", members=comp, count=count, population=total, what="population"
            )
        low, high = group_count_range(count, total, bounds)
        if low > high:
            raise Infeasible("no_group_count", min_groups=low, max_groups=high, component=comp)
        total_low += low
        total_high += high
    if k is not None and not total_low <= k <= total_high:
        raise Infeasible("group_count", requested=k, min_groups=total_low, max_groups=total_high)
    return comps
