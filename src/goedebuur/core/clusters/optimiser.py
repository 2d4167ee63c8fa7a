# SPDX-License-Identifier: EUPL-1.2
"""Contiguous groupings of municipalities: the cluster optimiser (pure; no Django).

The problem: split the municipalities of an area into `k` groups, each connected in the neighbour
graph and within bounds on its number of municipalities and/or inhabitants, that are compact and
whose members fit each other well. Existing cooperations can be fixed: their members stay together.

Objective (minimised, additive over groups):

    J = (1 - a) * compactness / compactness_of_one_group  -  a * mean member fit  +  penalties

- compactness is the within-group sum of squares of the centroids in RD New metres, either to the
  group's mean centre (`"sse"`, Ward's criterion) or between all pairs of members (`"pairwise"`,
  which equals the group size times the former);
- mean member fit is the average, over municipalities, of their mean fit with the other members of
  their group (a municipality alone scores 0); fit is a symmetric matrix with values 0..1;
- penalties (a large constant per relative bound violation) steer the search to feasible groups.

Method (see docs/decisions.md, "Cluster optimiser"):

1. start: contiguity-constrained agglomeration (every unit alone, then repeatedly merge the two
   adjacent groups whose merge raises J least, never above a maximum bound) down to `k` groups;
2. local search: a boundary unit moves to an adjacent group, or two adjacent boundary units swap
   groups, whenever that lowers J and keeps every group connected (`refine.descend`);
3. iterated local search within a budget of work: merge two adjacent groups and cut another in two
   (or merge two and cut them again) along a random spanning tree, search locally around them, keep
   the result only if J fell (`refine.improve`). J therefore never ends above the single start's.

A unit is a municipality or a fixed cooperation (its members contracted into one unit). The only
randomness is a generator seeded with `seed`, and the budget counts work, not seconds: the same
inputs and seed give the same groups on any machine. `budget=0` gives the single start (1 + 2).

Coordinates: `rd_new` implements the approximation formulas of Schreutelkamp and Strang van Hees
(the polynomial series from WGS84 to RD New, EPSG:28992; about 1 m accurate within the Netherlands)."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

import numpy as np

from goedebuur.core.clusters.bounds import (
    Bounds,
    Infeasible,
    Partition,
    Violation,
    bound_violations,
    check_feasible,
    default_group_count,
    group_count_range,
)
from goedebuur.core.clusters.graph import (
    Adjacency,
    _contract,
    components,
    induced,
    is_connected,
    merge_blocks,
    symmetric,
)
from goedebuur.core.clusters.rd_projection import rd_new
from goedebuur.core.clusters.refine import _Grouping, descend, improve
from goedebuur.core.clusters.scoring import evaluate
from goedebuur.core.clusters.search import PENALTY, _agglomerate, _State

__all__ = [
    "DEFAULT_BUDGET",
    "PENALTY",
    "Adjacency",
    "Bounds",
    "Infeasible",
    "Partition",
    "Violation",
    "bound_violations",
    "check_feasible",
    "components",
    "default_group_count",
    "evaluate",
    "group_count_range",
    "induced",
    "is_connected",
    "merge_blocks",
    "partition",
    "rd_new",
    "symmetric",
]


# Units of work for the improvement phase (unit moves tried and made): about 0.3-0.5 s for the 342
# municipalities on one core of the benchmark machine; see bench/RESULTS.md.
DEFAULT_BUDGET = 200_000


def partition(
    x: np.ndarray,
    y: np.ndarray,
    adjacency: Adjacency,
    *,
    k: int | None = None,
    bounds: Bounds = Bounds(),  # noqa: B008 (frozen)
    population: np.ndarray | None = None,
    fit: np.ndarray | None = None,
    fit_weight: float = 0.0,
    compactness: str = "sse",
    fixed: Sequence[Sequence[int]] = (),
    max_rounds: int | None = 50,
    swaps: bool = True,
    seed: int = 0,
    budget: int = DEFAULT_BUDGET,
    time_limit: float | None = None,
    clock: Callable[[], float] = time.perf_counter,
) -> Partition:
    """Partition municipalities 0..n-1 (RD New `x`, `y` in metres; symmetric `adjacency`) into `k`
    connected groups within `bounds` (see the module docstring). `k` None: `default_group_count`,
    summed over the connected components. Raises Infeasible when the bounds clearly cannot be met;
    groups that still violate a bound after the search are listed in `violations`.

    `max_rounds` and `swaps` shape the first local search (`max_rounds=0`: the agglomeration alone);
    `seed` and `budget` the improvement phase (`budget=0`: none). `time_limit` (seconds, measured
    with `clock` from the call) stops the improvement phase early as a guard; the result then
    reports `time_limited` and may differ between machines."""
    started = clock()
    n = len(adjacency)
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if compactness not in ("sse", "pairwise"):
        raise ValueError("compactness must be 'sse' or 'pairwise'")
    if not 0 <= fit_weight <= 1:
        raise ValueError("fit_weight must be within 0..1")
    if fit_weight and fit is None:
        raise ValueError("fit_weight > 0 needs a fit matrix")
    adjacency = symmetric(adjacency, n)
    pop = np.zeros(n) if population is None else np.nan_to_num(np.asarray(population, dtype=float))
    blocks = merge_blocks(n, fixed)
    comps = check_feasible(adjacency, pop, bounds, blocks, k)
    requested = k
    if k is None:
        k = sum(default_group_count(len(c), float(pop[c].sum()), bounds) for c in comps)

    unit_of, members, unit_adj = _contract(n, adjacency, blocks)
    m = len(members)
    # Centre the coordinates: the sums of squares stay small and exact enough in float64.
    cx, cy = x - x.mean(), y - y.mean()
    cnt = np.bincount(unit_of, minlength=m).astype(float)
    upop = np.bincount(unit_of, weights=pop, minlength=m)
    sx = np.bincount(unit_of, weights=cx, minlength=m)
    sy = np.bincount(unit_of, weights=cy, minlength=m)
    sq = np.bincount(unit_of, weights=cx**2 + cy**2, minlength=m)
    total_sse = float((cx**2 + cy**2).sum())
    reference = total_sse * (n if compactness == "pairwise" else 1) or 1.0
    w_comp = (1 - fit_weight) / reference
    w_fit = fit_weight / n
    if w_fit:
        fitm = np.array(fit, dtype=float)
        np.fill_diagonal(fitm, 0)  # a municipality's fit with itself is no pair (as in `evaluate`)
        onehot = np.zeros((n, m))
        onehot[np.arange(n), unit_of] = 1
        cross = onehot.T @ fitm @ onehot  # fit sums between units (diagonal: 2x within)
        internal = np.diag(cross).copy() / 2
        np.fill_diagonal(cross, 0)
    else:
        internal, cross = np.zeros(m), None
    state = _State(cnt, upop, sx, sy, sq, internal, cross, bounds, (w_comp, w_fit, compactness == "pairwise"))

    label = _agglomerate(state, unit_adj, k)
    numbers = {g: i for i, g in enumerate(sorted(set(label.tolist())))}
    grouping = _Grouping(state, unit_adj, [numbers[g] for g in label.tolist()])
    descend(grouping, swaps=swaps, max_rounds=max_rounds)
    steps, time_limited, start_work = 0, False, grouping.work
    if budget > 0 and max_rounds != 0:
        time_left = None if time_limit is None else (lambda: clock() - started < time_limit)
        steps, time_limited = improve(grouping, seed=seed, budget=budget, time_left=time_left, swaps=swaps)

    result_labels = np.array(grouping.label, dtype=int)[unit_of]
    out = evaluate(
        result_labels,
        x,
        y,
        fit=fit,
        adjacency=adjacency,
        population=pop,
        bounds=bounds,
        fit_weight=fit_weight,
        compactness=compactness,
    )
    out.requested_groups = requested if requested is not None else k
    out.steps, out.work, out.time_limited = steps, grouping.work - start_work, time_limited
    out.seconds = clock() - started
    return out
