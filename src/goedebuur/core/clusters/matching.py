# SPDX-License-Identifier: EUPL-1.2
"""Fallback pairs (achtervang): who is whose achtervang, as a matching (pure; no Django).

Two municipalities may be paired when the distance between their town halls lies within a band
(far enough apart to be in separate risk zones, near enough to reach) and, optionally, when each
can take in the other (capacity: the inhabitants it can serve as achtervang). Among ALL allowed
pairs, a maximum-cardinality matching of maximum total fit is chosen, exactly, by linear programming
with blossom cuts (OR-Tools' GLOP; see `_solve` and docs/decisions.md); networkx's blossom
algorithm is the reference it is tested against. A municipality left over (an odd count, or no free partner in reach) joins a matched
pair as a triangle — a cycle a -> b -> c -> a in which each is the achtervang of the next — when
all three pairs of the triangle are allowed. Whoever is still left is reported with the reason."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from goedebuur.core.geo import haversine_km

WEIGHT_SCALE = 1000  # integer weights keep the blossom algorithm exact


def distance_matrix_km(lat, lon) -> np.ndarray:
    """Great-circle distances (km) between all points, as an n × n matrix."""
    lat, lon = np.asarray(lat, dtype=float), np.asarray(lon, dtype=float)
    return haversine_km(lat[None, :], lon[None, :], lat[:, None], lon[:, None])


@dataclass(frozen=True)
class Group:
    """A pair (two members) or a triangle (three, a cycle: members[i] is the achtervang of
    members[i + 1], the last of the first)."""

    members: tuple[int, ...]
    fit: float  # mean fit over the pairs in the group
    km: tuple[float, ...]  # distance of each pair: (a-b) or (a-b, b-c, c-a)


@dataclass(frozen=True)
class Unmatched:
    index: int
    reason: str  # "no_partner_in_band", "no_capacity", "partners_taken"
    candidates: int  # number of allowed partners (all already taken when reason is partners_taken)


@dataclass
class Pairing:
    groups: list[Group]
    unmatched: list[Unmatched]
    total_fit: float
    allowed_pairs: int
    notes: list[str] = field(default_factory=list)

    @property
    def pairs(self) -> list[Group]:
        return [g for g in self.groups if len(g.members) == 2]

    @property
    def triangles(self) -> list[Group]:
        return [g for g in self.groups if len(g.members) == 3]


def allowed_pairs(
    km: np.ndarray,
    min_km: float,
    max_km: float,
    *,
    population: np.ndarray | None = None,
    capacity: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Boolean n × n matrices: pairs within the distance band, and of those the pairs within
    capacity (each can take in the other's inhabitants; unknown numbers do not block a pair)."""
    if min_km < 0 or max_km < min_km:
        raise ValueError("need 0 <= min_km <= max_km")
    n = km.shape[0]
    band = (km >= min_km) & (km <= max_km) & ~np.eye(n, dtype=bool)
    if capacity is None or population is None:
        return band, band
    pop = np.asarray(population, dtype=float)
    cap = np.asarray(capacity, dtype=float)
    fits = (pop[None, :] <= cap[:, None]) | np.isnan(pop)[None, :] | np.isnan(cap)[:, None]
    return band, band & fits & fits.T


MAX_CUT_ROUNDS = 30


def _blossom(edges: np.ndarray, fit: np.ndarray) -> set:
    """Edmonds' blossom algorithm (networkx, pure Python): the reference the solver is tested against."""
    import networkx as nx  # imported by the first matching, not with the application (about 0.17 s)

    graph = nx.Graph()
    graph.add_nodes_from(range(edges.shape[0]))
    rows, cols = np.nonzero(np.triu(edges, 1))
    weights = _weights(fit, rows, cols)
    graph.add_weighted_edges_from(zip(rows.tolist(), cols.tolist(), weights.tolist(), strict=True))
    return nx.max_weight_matching(graph, maxcardinality=True)


def _weights(fit: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    return np.rint(np.clip(fit[rows, cols], 0, 1) * WEIGHT_SCALE).astype(int) + 1


def _solve(edges: np.ndarray, fit: np.ndarray) -> set:
    """A matching of maximum cardinality and, among those, maximum total weight (the weights of
    `_blossom`), by linear programming (OR-Tools: GLOP, SCIP), exact:

    maximise sum (B + w_e) x_e subject to, per municipality, sum of x_e over its pairs <= 1, with
    B = max w * (n // 2) + 1, so that one more pair outweighs any gain in weight. The LP relaxation
    of a graph that is not bipartite has fractional vertices (odd cycles of halves); each round adds
    the blossom inequality sum x_e over E(S) <= (|S| - 1) / 2 of every odd set S (a connected part of
    the fractional edges or of the edges in use) that the LP solution violates (Edmonds 1965; the
    cutting-plane method of Grötschel and Holland 1985) and re-solves from the previous basis. An
    integral LP optimum is optimal for the matching, since every cut holds for every matching.
    Should no violated cut be found, the same model with the cuts is solved with integer variables
    (SCIP, branch and bound, gap 0). Either way the result is a maximum matching of maximum weight."""
    from ortools.linear_solver import pywraplp  # imported by the first matching (about 0.3 s)

    n = edges.shape[0]
    rows, cols = np.nonzero(np.triu(edges, 1))
    m = rows.size
    if m == 0:
        return set()
    weights = _weights(fit, rows, cols)
    cost = (int(weights.max()) * (n // 2) + 1 + weights).tolist()
    incident: list[list[int]] = [[] for _ in range(n)]
    for e, (a, b) in enumerate(zip(rows.tolist(), cols.tolist(), strict=True)):
        incident[a].append(e)
        incident[b].append(e)
    cuts: list[tuple[list[int], int]] = []
    known: set[tuple[int, ...]] = set()

    def model(kind: str):
        solver = pywraplp.Solver.CreateSolver(kind)
        x = [solver.IntVar(0, 1, "") if kind != "GLOP" else solver.NumVar(0, 1, "") for _ in range(m)]
        for members in incident:
            if members:
                solver.Add(solver.Sum([x[e] for e in members]) <= 1)
        for members, limit in cuts:
            solver.Add(solver.Sum([x[e] for e in members]) <= limit)
        objective = solver.Objective()
        for e in range(m):
            objective.SetCoefficient(x[e], cost[e])
        objective.SetMaximization()
        return solver, x

    solver, x = model("GLOP")
    solver.SetSolverSpecificParametersAsString("use_dual_simplex: true")  # re-solves after cuts
    for _ in range(MAX_CUT_ROUNDS):
        solver.Solve()
        value = np.array([v.solution_value() for v in x])
        fractional = (value > 1e-6) & (value < 1 - 1e-6)
        if not fractional.any():
            return _pairs(rows, cols, value)
        added = False
        for inside, limit in _violated_blossoms(n, rows, cols, value, fractional):
            members = np.nonzero(inside)[0].tolist()
            if tuple(members) in known:
                continue
            known.add(tuple(members))
            cuts.append((members, limit))
            solver.Add(solver.Sum([x[e] for e in members]) <= limit)
            added = True
        if not added:
            break
    solver, x = model("SCIP")
    solver.Solve()
    return _pairs(rows, cols, np.array([v.solution_value() for v in x]))


def _pairs(rows, cols, x) -> set:
    return {(int(a), int(b)) for a, b in zip(rows[x > 0.5], cols[x > 0.5], strict=True)}


def _violated_blossoms(n, rows, cols, x, fractional) -> list[tuple[np.ndarray, int]]:
    """Odd sets S with sum x over E(S) > (|S| - 1) / 2, among the connected parts of the fractional
    edges and of all edges in use."""
    cuts, seen = [], set()
    for used in (fractional, x > 1e-6):
        parent = list(range(n))

        def find(i, parent=parent):
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for a, b in zip(rows[used].tolist(), cols[used].tolist(), strict=True):
            parent[find(a)] = find(b)
        label = np.array([find(i) for i in range(n)])
        inside_pair = label[rows] == label[cols]
        for part in np.unique(label[rows[fractional]]):
            members = np.nonzero(label == part)[0]
            inside = inside_pair & (label[rows] == part)
            key = tuple(members.tolist())
            if members.size % 2 == 1 and key not in seen and x[inside].sum() > (members.size - 1) / 2 + 1e-6:
                seen.add(key)
                cuts.append((inside, (members.size - 1) // 2))
    return cuts


def _matching(allowed: np.ndarray, fit: np.ndarray, candidates: int | None) -> set:
    """A maximum-fit matching of maximum cardinality over all allowed pairs (`_solve`, exact). With
    `candidates`, on a sparser graph: each municipality's best `candidates` partners by fit (a pair
    counts when either side chose it), then the municipalities left over get all their allowed pairs
    back for a second run; exact for the pairs it keeps only (the method before issue 19)."""
    n = allowed.shape[0]
    if candidates is None or n <= candidates:
        return _solve(allowed, fit)
    masked = np.where(allowed, fit, -np.inf)
    top = np.argpartition(-masked, candidates - 1, axis=1)[:, :candidates]
    keep = np.zeros_like(allowed)
    keep[np.arange(n)[:, None], top] = True
    edges = allowed & (keep | keep.T)
    matching = _solve(edges, fit)
    matched = {i for pair in matching for i in pair}
    left = [i for i in range(n) if i not in matched and allowed[i].any()]
    if left:
        edges[left, :] = allowed[left, :]
        edges[:, left] = allowed[:, left]
        matching = _solve(edges, fit)
    return matching


def fallback_pairs(
    km: np.ndarray,
    fit: np.ndarray,
    min_km: float,
    max_km: float,
    *,
    population: np.ndarray | None = None,
    capacity: np.ndarray | None = None,
    triangles: bool = True,
    candidates: int | None = None,
) -> Pairing:
    """Pairs of maximum total fit within the distance band (and capacity), as many as possible;
    leftovers join a pair as a triangle when allowed; the rest is reported with a reason."""
    n = km.shape[0]
    band, allowed = allowed_pairs(km, min_km, max_km, population=population, capacity=capacity)
    fit = np.asarray(fit, dtype=float)
    matching = _matching(allowed, fit, candidates)
    partner = {}
    for a, b in matching:
        partner[a], partner[b] = b, a

    groups: list[list[int]] = [sorted((a, b)) for a, b in matching]
    left = [i for i in range(n) if i not in partner]
    if triangles:
        taken_pairs: set[int] = set()  # pair groups already grown into a triangle
        group_of = {i: g for g, members in enumerate(groups) for i in members}
        for u in list(left):
            best, best_fit = None, -1.0
            for a in np.nonzero(allowed[u])[0].tolist():
                g = group_of.get(a)
                if g is None or g in taken_pairs:
                    continue
                b = partner[a]
                if allowed[u, b]:
                    value = fit[u, a] + fit[u, b]
                    if value > best_fit:
                        best, best_fit = g, value
            if best is not None:
                a, b = groups[best]
                groups[best] = [a, b, u]  # cycle a -> b -> u -> a
                taken_pairs.add(best)
                left.remove(u)
    out = []
    for members in groups:
        cycle = list(zip(members, members[1:] + members[:1], strict=True)) if len(members) == 3 else [members]
        if len(members) == 2:
            cycle = [tuple(members)]
        out.append(
            Group(
                tuple(members),
                float(np.mean([fit[a, b] for a, b in cycle])),
                tuple(float(km[a, b]) for a, b in cycle),
            )
        )
    out.sort(key=lambda g: g.members[0])
    unmatched = []
    for u in left:
        in_band = int(band[u].sum())
        candidates = int(allowed[u].sum())
        if in_band == 0:
            reason = "no_partner_in_band"
        elif candidates == 0:
            reason = "no_capacity"
        else:
            reason = "partners_taken"
        unmatched.append(Unmatched(u, reason, candidates))
    total = sum(g.fit * len(g.km) for g in out)
    return Pairing(out, unmatched, float(total), int(np.triu(allowed, 1).sum()))
