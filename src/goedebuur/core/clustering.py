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

Method: contiguity-constrained agglomeration (start with every unit alone, repeatedly merge the two
adjacent groups whose merge raises J least, never above a maximum bound) down to `k` groups,
followed by local search: a boundary unit moves to an adjacent group, or two adjacent boundary units
swap groups, whenever that lowers J and keeps every group connected. A unit is a municipality or a
fixed cooperation (its members contracted into one unit). Deterministic: no randomness.

Coordinates: `rd_new` implements the approximation formulas of Schreutelkamp and Strang van Hees
(the polynomial series from WGS84 to RD New, EPSG:28992; about 1 m accurate within the Netherlands)."""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

Adjacency = Sequence[Iterable[int]]

# --- RD New -------------------------------------------------------------------------------

_PHI0, _LAM0 = 52.15517440, 5.38720621  # Amersfoort, in WGS84 degrees
_X0, _Y0 = 155000.0, 463000.0
_R = ((0, 1, 190094.945), (1, 1, -11832.228), (2, 1, -114.221), (0, 3, -32.391), (1, 0, -0.705),
      (3, 1, -2.340), (1, 3, -0.608), (0, 2, -0.008), (2, 3, 0.148))  # fmt: skip
_S = ((1, 0, 309056.544), (0, 2, 3638.893), (2, 0, 73.077), (1, 2, -157.984), (3, 0, 59.788),
      (0, 1, 0.433), (2, 2, -6.439), (1, 1, -0.032), (0, 4, 0.092), (1, 4, -0.054))  # fmt: skip


def rd_new(lat, lon) -> tuple[np.ndarray, np.ndarray]:
    """WGS84 latitude/longitude (degrees, scalars or arrays) to RD New x/y in metres."""
    dphi = 0.36 * (np.asarray(lat, dtype=float) - _PHI0)
    dlam = 0.36 * (np.asarray(lon, dtype=float) - _LAM0)
    x = _X0 + sum(c * dphi**p * dlam**q for p, q, c in _R)
    y = _Y0 + sum(c * dphi**p * dlam**q for p, q, c in _S)
    return x, y


# --- bounds, results, errors -----------------------------------------------------------------


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

    @property
    def k(self) -> int:
        return len(self.groups)

    @property
    def feasible(self) -> bool:
        return not self.violations


# --- graph helpers -------------------------------------------------------------------------


def symmetric(adjacency: Adjacency, n: int | None = None) -> list[set[int]]:
    """Adjacency as a list of sets, made symmetric, without self-loops."""
    n = len(adjacency) if n is None else n
    out = [set() for _ in range(n)]
    for i, row in enumerate(adjacency):
        for j in row:
            if j != i:
                out[i].add(j)
                out[j].add(i)
    return out


def induced(adjacency: Adjacency, nodes: Sequence[int]) -> list[set[int]]:
    """The subgraph on `nodes`, renumbered 0..len(nodes)-1 in the given order."""
    index = {node: i for i, node in enumerate(nodes)}
    return [{index[j] for j in adjacency[node] if j in index} for node in nodes]


def components(adjacency: Adjacency, nodes: Iterable[int] | None = None) -> list[list[int]]:
    """Connected components (sorted lists) of the graph, or of the subgraph on `nodes`."""
    allowed = set(range(len(adjacency))) if nodes is None else set(nodes)
    seen: set[int] = set()
    out = []
    for start in sorted(allowed):
        if start in seen:
            continue
        seen.add(start)
        stack, comp = [start], []
        while stack:
            u = stack.pop()
            comp.append(u)
            for v in adjacency[u]:
                if v in allowed and v not in seen:
                    seen.add(v)
                    stack.append(v)
        out.append(sorted(comp))
    return out


def is_connected(nodes: Iterable[int], adjacency: Adjacency) -> bool:
    nodes = list(nodes)
    return len(nodes) <= 1 or len(components(adjacency, nodes)) == 1


# --- scoring -------------------------------------------------------------------------------


def _mean_fit_terms(groups: list[list[int]], fit: np.ndarray | None) -> tuple[float | None, list]:
    if fit is None:
        return None, [None] * len(groups)
    total, per_group, n = 0.0, [], 0
    for members in groups:
        m = len(members)
        n += m
        if m < 2:
            per_group.append(None)
            continue
        sub = fit[np.ix_(members, members)]
        pair_sum = (sub.sum() - np.trace(sub)) / 2
        per_group.append(float(pair_sum / (m * (m - 1) / 2)))
        total += 2 * pair_sum / (m - 1)
    return (total / n if n else None), per_group


def evaluate(
    labels: Sequence[int],
    x: np.ndarray,
    y: np.ndarray,
    *,
    fit: np.ndarray | None = None,
    adjacency: Adjacency | None = None,
    population: np.ndarray | None = None,
    bounds: Bounds | None = None,
    fit_weight: float = 0.0,
    compactness: str = "sse",
) -> Partition:
    """Score a given division (labels: any hashable group key per municipality) on the optimiser's
    objective; with `adjacency`, groups that are not connected are reported as violations, and with
    `bounds`, groups outside them."""
    keys: dict = {}
    for i, label in enumerate(labels):
        keys.setdefault(label, []).append(i)
    groups = sorted((sorted(m) for m in keys.values()), key=lambda m: m[0])
    numbers = np.empty(len(labels), dtype=int)
    for g, members in enumerate(groups):
        numbers[members] = g
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    k = len(groups)
    count = np.bincount(numbers, minlength=k).astype(float)
    mx = np.bincount(numbers, weights=x, minlength=k) / count
    my = np.bincount(numbers, weights=y, minlength=k) / count
    per_group = np.bincount(numbers, weights=(x - mx[numbers]) ** 2 + (y - my[numbers]) ** 2, minlength=k)
    sse = float(per_group.sum())
    pairwise = float((per_group * count).sum())
    rms = (np.sqrt(per_group / count) / 1000).tolist()
    mean_fit, group_fit = _mean_fit_terms(groups, fit)
    total = float(((x - x.mean()) ** 2 + (y - y.mean()) ** 2).sum())
    reference = total * (len(labels) if compactness == "pairwise" else 1)
    spread = (pairwise if compactness == "pairwise" else sse) / reference if reference else 0.0
    objective = (1 - fit_weight) * spread - fit_weight * (mean_fit or 0.0)
    violations = []
    pieces = _pieces_per_group(numbers, adjacency, k) if adjacency is not None else [1] * k
    for g, members in enumerate(groups):
        if pieces[g] > 1:
            violations.append(Violation(g, "disconnected", pieces[g], 1))
        if bounds is not None:
            violations += bound_violations(g, len(members), _pop(population, members), bounds)
    return Partition(numbers, groups, sse, pairwise, mean_fit, group_fit, rms, objective, violations)


def _pieces_per_group(numbers: np.ndarray, adjacency: Adjacency, k: int) -> list[int]:
    """The number of connected pieces of each group (1 = contiguous), in one pass over the graph."""
    label = numbers.tolist()
    seen = [False] * len(label)
    pieces = [0] * k
    for start in range(len(label)):
        if seen[start]:
            continue
        seen[start] = True
        g = label[start]
        pieces[g] += 1
        stack = [start]
        while stack:
            u = stack.pop()
            for v in adjacency[u]:
                if not seen[v] and label[v] == g:
                    seen[v] = True
                    stack.append(v)
    return pieces


def _pop(population, members) -> float:
    return float(np.nansum(population[members])) if population is not None else 0.0


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


# --- group counts --------------------------------------------------------------------------


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


# --- the optimiser -------------------------------------------------------------------------

PENALTY = 10.0  # per relative bound violation; J itself stays within about -1..1


class _State:
    """Groups of units with the aggregates that make J additive and its changes O(1)."""

    def __init__(self, cnt, pop, sx, sy, sq, internal, cross, bounds, weights):
        self.cnt, self.pop, self.sx, self.sy, self.sq = cnt, pop, sx, sy, sq
        self.internal, self.cross = internal, cross  # fit within units; fit between units
        self.bounds = bounds
        self.w_comp, self.w_fit, self.pairwise = weights

        b = bounds
        unbounded = b.min_count <= 1 and b.max_count is None and b.min_population is None
        if unbounded and b.max_population is None and not self.w_fit:
            w = self.w_comp  # the common case (and the benchmark's): a closure without branches
            if self.pairwise:
                self.cost = lambda cnt, pop, sx, sy, sq, fitsum: (
                    w * (sq * cnt - (sx * sx + sy * sy)) if cnt else 0.0
                )
            else:
                self.cost = lambda cnt, pop, sx, sy, sq, fitsum: (
                    w * (sq - (sx * sx + sy * sy) / cnt) if cnt else 0.0
                )

    def cost(self, cnt, pop, sx, sy, sq, fitsum) -> float:
        if cnt <= 0:
            return 0.0
        sse = sq - (sx * sx + sy * sy) / cnt
        value = self.w_comp * (sse * cnt if self.pairwise else sse)
        if self.w_fit and cnt > 1:
            value -= self.w_fit * 2 * fitsum / (cnt - 1)
        b = self.bounds
        if cnt < b.min_count:
            value += PENALTY * (b.min_count - cnt) / b.min_count
        if b.max_count is not None and cnt > b.max_count:
            value += PENALTY * (cnt - b.max_count) / b.max_count
        if b.min_population is not None and pop < b.min_population:
            value += PENALTY * (b.min_population - pop) / b.min_population
        if b.max_population is not None and pop > b.max_population:
            value += PENALTY * (pop - b.max_population) / b.max_population
        return value

    def too_big(self, cnt, pop) -> bool:
        b = self.bounds
        return (b.max_count is not None and cnt > b.max_count) or (
            b.max_population is not None and pop > b.max_population
        )


def _contract(n, adjacency, fixed):
    """Units: each fixed block is one unit, every other municipality its own. Returns the unit of
    each municipality, the members of each unit and the unit adjacency."""
    if not fixed:
        return np.arange(n), [[i] for i in range(n)], [set(a) for a in adjacency]
    unit_of = np.full(n, -1, dtype=int)
    members: list[list[int]] = []
    for block in fixed:
        block = sorted(set(block))
        if len(block) < 1:
            continue
        for i in block:
            unit_of[i] = len(members)
        members.append(block)
    for i in range(n):
        if unit_of[i] < 0:
            unit_of[i] = len(members)
            members.append([i])
    unit_adj = [set() for _ in members]
    for i in range(n):
        for j in adjacency[i]:
            a, b = unit_of[i], unit_of[j]
            if a != b:
                unit_adj[a].add(b)
                unit_adj[b].add(a)
    return unit_of, members, unit_adj


def merge_blocks(n: int, fixed: Sequence[Sequence[int]]) -> list[list[int]]:
    """Overlapping fixed blocks joined into one (union-find)."""
    parent = list(range(n))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    touched = set()
    for block in fixed:
        block = list(block)
        touched.update(block)
        for i in block[1:]:
            parent[find(i)] = find(block[0])
    out: dict[int, list[int]] = {}
    for i in sorted(touched):
        out.setdefault(find(i), []).append(i)
    return [sorted(b) for b in out.values() if len(b) > 1]


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
    max_rounds: int = 50,
    swaps: bool = True,
) -> Partition:
    """Partition municipalities 0..n-1 (RD New `x`, `y` in metres; symmetric `adjacency`) into `k`
    connected groups within `bounds` (see the module docstring). `k` None: `default_group_count`,
    summed over the connected components. Raises Infeasible when the bounds clearly cannot be met;
    groups that still violate a bound after the search are listed in `violations`."""
    import time

    started = time.perf_counter()
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
        fitm = np.asarray(fit, dtype=float)
        onehot = np.zeros((n, m))
        onehot[np.arange(n), unit_of] = 1
        cross = onehot.T @ fitm @ onehot  # fit sums between units (diagonal: 2x within)
        internal = np.diag(cross).copy() / 2
        np.fill_diagonal(cross, 0)
    else:
        internal, cross = np.zeros(m), None
    state = _State(cnt, upop, sx, sy, sq, internal, cross, bounds, (w_comp, w_fit, compactness == "pairwise"))

    label = _agglomerate(state, unit_adj, k)
    label = _local_search(state, unit_adj, label, max_rounds, swaps)

    result_labels = label[unit_of]
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
    out.seconds = time.perf_counter() - started
    return out


def _agglomerate(state: _State, unit_adj: list[set[int]], k: int) -> np.ndarray:
    """Merge adjacent groups, cheapest rise of J first, until k groups are left or no merge stays
    within the maximum bounds. Returns a group id per unit (ids are unit numbers of group roots)."""
    m = len(unit_adj)
    cnt, pop = state.cnt.tolist(), state.pop.tolist()
    sx, sy, sq = state.sx.tolist(), state.sy.tolist(), state.sq.tolist()
    fitsum = state.internal.tolist()
    cross = state.cross.copy() if state.cross is not None else None
    cost = [state.cost(cnt[g], pop[g], sx[g], sy[g], sq[g], fitsum[g]) for g in range(m)]
    gadj = [set(a) for a in unit_adj]
    members = [[u] for u in range(m)]
    alive = [True] * m
    version = [0] * m
    groups = m
    heap: list = []
    capped = state.bounds.max_count is not None or state.bounds.max_population is not None
    cost_fn, too_big = state.cost, state.too_big

    def push(a, b):
        if a > b:
            a, b = b, a
        c, p = cnt[a] + cnt[b], pop[a] + pop[b]
        if capped and too_big(c, p):
            return
        f = fitsum[a] + fitsum[b] + (cross[a, b] if cross is not None else 0.0)
        merged = cost_fn(c, p, sx[a] + sx[b], sy[a] + sy[b], sq[a] + sq[b], f)
        heapq.heappush(heap, (merged - cost[a] - cost[b], a, b, version[a], version[b]))

    for a in range(m):
        for b in gadj[a]:
            if a < b:
                push(a, b)
    while groups > k and heap:
        _delta, a, b, va, vb = heapq.heappop(heap)
        if not (alive[a] and alive[b]) or version[a] != va or version[b] != vb:
            continue
        # merge b into a
        if cross is not None:
            fitsum[a] += fitsum[b] + cross[a, b]
            cross[a, :] += cross[b, :]
            cross[:, a] += cross[:, b]
            cross[a, a] = 0.0
        cnt[a] += cnt[b]
        pop[a] += pop[b]
        sx[a] += sx[b]
        sy[a] += sy[b]
        sq[a] += sq[b]
        cost[a] = state.cost(cnt[a], pop[a], sx[a], sy[a], sq[a], fitsum[a])
        members[a] += members[b]
        alive[b] = False
        version[a] += 1
        for c in gadj[b]:
            gadj[c].discard(b)
            if c != a:
                gadj[c].add(a)
                gadj[a].add(c)
        gadj[a].discard(b)
        gadj[a].discard(a)
        gadj[b] = set()
        groups -= 1
        for c in gadj[a]:
            push(a, c)
    label = np.empty(m, dtype=int)
    for g in range(m):
        if alive[g]:
            label[members[g]] = g
    return label


def _local_search(state: _State, unit_adj: list[set[int]], label: np.ndarray, max_rounds: int, swaps: bool):
    """Moves and swaps of boundary units that lower J and keep every group connected."""
    m = len(unit_adj)
    label = label.copy()
    ids = sorted(set(label.tolist()))
    index = {g: i for i, g in enumerate(ids)}
    label = [index[g] for g in label.tolist()]  # a list: per-element access is 3x faster than numpy
    k = len(ids)
    ucnt, upop = state.cnt.tolist(), state.pop.tolist()
    usx, usy, usq = state.sx.tolist(), state.sy.tolist(), state.sq.tolist()
    uint = state.internal.tolist()
    cnt, pop, sx, sy, sq, fs = [0.0] * k, [0.0] * k, [0.0] * k, [0.0] * k, [0.0] * k, [0.0] * k
    members: list[set[int]] = [set() for _ in range(k)]
    for u in range(m):
        g = label[u]
        members[g].add(u)
        cnt[g] += ucnt[u]
        pop[g] += upop[u]
        sx[g] += usx[u]
        sy[g] += usy[u]
        sq[g] += usq[u]
        fs[g] += uint[u]
    use_fit = state.cross is not None
    if use_fit:
        onehot = np.zeros((m, k))
        onehot[np.arange(m), label] = 1
        link = state.cross @ onehot  # fit sum between each unit and each group
        for g in range(k):
            idx = list(members[g])
            fs[g] += state.cross[np.ix_(idx, idx)].sum() / 2
    cost = [state.cost(cnt[g], pop[g], sx[g], sy[g], sq[g], fs[g]) for g in range(k)]
    cost_fn = state.cost
    adj = [list(a) for a in unit_adj]

    def link_of(u, g):
        return float(link[u, g]) if use_fit else 0.0

    def pair_fit(u, v):
        return float(state.cross[u, v]) if use_fit else 0.0

    def stays_connected(g, without):
        rest = members[g] - without
        if len(rest) <= 1:
            return bool(rest)
        start = next(iter(rest))
        seen = {start}
        stack = [start]
        while stack:
            v = stack.pop()
            for w in adj[v]:
                if w in rest and w not in seen:
                    seen.add(w)
                    stack.append(w)
        return len(seen) == len(rest)

    def joins(u, g, without=None):
        """Whether u, added to group g (minus `without`), touches it."""
        return any(label[w] == g and w != without for w in adj[u])

    def apply(u, a, b):
        members[a].discard(u)
        members[b].add(u)
        label[u] = b
        fa = fs[a] - uint[u] - link_of(u, a)
        fb = fs[b] + uint[u] + link_of(u, b)
        fs[a], fs[b] = fa, fb
        cnt[a] -= ucnt[u]
        cnt[b] += ucnt[u]
        pop[a] -= upop[u]
        pop[b] += upop[u]
        sx[a] -= usx[u]
        sx[b] += usx[u]
        sy[a] -= usy[u]
        sy[b] += usy[u]
        sq[a] -= usq[u]
        sq[b] += usq[u]
        cost[a] = cost_fn(cnt[a], pop[a], sx[a], sy[a], sq[a], fs[a])
        cost[b] = cost_fn(cnt[b], pop[b], sx[b], sy[b], sq[b], fs[b])
        if use_fit:
            column = state.cross[:, u]
            link[:, a] -= column
            link[:, b] += column

    eps = 1e-12
    for _round in range(max_rounds):
        improved = False
        for u in range(m):
            a = label[u]
            if len(members[a]) == 1:
                continue
            targets = {label[v] for v in adj[u]} - {a}
            if not targets:
                continue
            ca = cost_fn(cnt[a] - ucnt[u], pop[a] - upop[u], sx[a] - usx[u], sy[a] - usy[u], sq[a] - usq[u],
                         fs[a] - uint[u] - link_of(u, a))  # fmt: skip
            best, best_b = -eps, -1
            for b in targets:
                cb = cost_fn(cnt[b] + ucnt[u], pop[b] + upop[u], sx[b] + usx[u], sy[b] + usy[u],
                             sq[b] + usq[u], fs[b] + uint[u] + link_of(u, b))  # fmt: skip
                delta = ca + cb - cost[a] - cost[b]
                if delta < best:
                    best, best_b = delta, b
            if best_b >= 0 and stays_connected(a, {u}):
                apply(u, a, best_b)
                improved = True
        if swaps and not improved:
            improved = _swap_pass(
                m, adj, label, members, cnt, pop, sx, sy, sq, fs, cost, cost_fn,
                ucnt, upop, usx, usy, usq, uint, link_of, pair_fit, stays_connected, joins, apply,
            )  # fmt: skip
        if not improved:
            break
    return np.array(label, dtype=int)


def _swap_pass(m, adj, label, members, cnt, pop, sx, sy, sq, fs, cost, cost_fn,
               ucnt, upop, usx, usy, usq, uint, link_of, pair_fit, stays_connected, joins, apply):  # fmt: skip
    """Exchange two adjacent units of different groups when that lowers J (a move alone may not:
    a bound or the connectivity of a group can block each single move)."""
    improved = False
    for u in range(m):
        for v in adj[u]:
            a, b = label[u], label[v]
            if a == b or u > v:
                continue
            fuv = pair_fit(u, v)  # counted in link(u, b) and link(v, a), but u and v trade places
            dx = usx[v] - usx[u]
            dy = usy[v] - usy[u]
            ca = cost_fn(cnt[a] - ucnt[u] + ucnt[v], pop[a] - upop[u] + upop[v], sx[a] + dx, sy[a] + dy,
                         sq[a] - usq[u] + usq[v],
                         fs[a] - uint[u] - link_of(u, a) + uint[v] + link_of(v, a) - fuv)  # fmt: skip
            cb = cost_fn(cnt[b] - ucnt[v] + ucnt[u], pop[b] - upop[v] + upop[u], sx[b] - dx, sy[b] - dy,
                         sq[b] - usq[v] + usq[u],
                         fs[b] - uint[v] - link_of(v, b) + uint[u] + link_of(u, b) - fuv)  # fmt: skip
            if ca + cb - cost[a] - cost[b] >= -1e-12:
                continue
            if len(members[a]) == 1 or len(members[b]) == 1:
                continue
            if not (stays_connected(a, {u}) and stays_connected(b, {v})):
                continue
            if not (joins(v, a, without=u) and joins(u, b, without=v)):
                continue
            apply(u, a, b)
            apply(v, b, a)
            if not (stays_connected(a, set()) and stays_connected(b, set())):
                apply(v, a, b)  # undo
                apply(u, b, a)
                continue
            improved = True
    return improved
