# SPDX-License-Identifier: EUPL-1.2
"""The cluster optimiser's internals: incremental group costs and the agglomeration (the start)."""

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

        # cost(cnt, pop, sx, sy, sq, fitsum): a group's share of J from its aggregates
        self.cost = _cost_function(self.w_comp, self.w_fit, self.pairwise, bounds)

    def too_big(self, cnt, pop) -> bool:
        b = self.bounds
        return (b.max_count is not None and cnt > b.max_count) or (
            b.max_population is not None and pop > b.max_population
        )


def _cost_function(w_comp, w_fit, pairwise, b):
    """A group's share of J from its aggregates, as a closure over the constants (the search calls
    it hundreds of thousands of times): compactness, minus fit, plus a penalty per relative bound
    violation."""
    if b.min_count <= 1 and b.max_count is None and b.min_population is None and b.max_population is None:
        if not w_fit:  # the common case (and the benchmark's): no branches
            if pairwise:
                return lambda cnt, pop, sx, sy, sq, fitsum: (
                    w_comp * (sq * cnt - (sx * sx + sy * sy)) if cnt else 0.0
                )
            return lambda cnt, pop, sx, sy, sq, fitsum: (
                w_comp * (sq - (sx * sx + sy * sy) / cnt) if cnt else 0.0
            )
    inf = float("inf")
    min_count = b.min_count
    max_count = inf if b.max_count is None else b.max_count
    min_pop = -inf if b.min_population is None else b.min_population
    max_pop = inf if b.max_population is None else b.max_population
    w_fit2 = 2 * w_fit

    def cost(cnt, pop, sx, sy, sq, fitsum):
        if cnt <= 0:
            return 0.0
        sse = sq - (sx * sx + sy * sy) / cnt
        value = w_comp * (sse * cnt if pairwise else sse)
        if w_fit2 and cnt > 1:
            value -= w_fit2 * fitsum / (cnt - 1)
        if cnt < min_count:
            value += PENALTY * (min_count - cnt) / min_count
        elif cnt > max_count:
            value += PENALTY * (cnt - max_count) / max_count
        if pop < min_pop:
            value += PENALTY * (min_pop - pop) / min_pop
        elif pop > max_pop:
            value += PENALTY * (pop - max_pop) / max_pop
        return value

    return cost


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
