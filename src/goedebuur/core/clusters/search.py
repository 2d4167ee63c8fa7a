# SPDX-License-Identifier: EUPL-1.2
"""The cluster optimiser's internals: incremental group costs, agglomeration and local search."""

from __future__ import annotations

import heapq

import numpy as np

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
