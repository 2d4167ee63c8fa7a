# SPDX-License-Identifier: EUPL-1.2
"""The cluster optimiser's improvement phase: local search and iterated merge-split (pure).

A `_Grouping` holds k groups of units with the aggregates that make J additive (see `search._State`)
and changes them one unit move at a time, with an undo log. On top of it:

- `descend`: local search to a local optimum: a boundary unit moves to an adjacent group, or two
  adjacent units of different groups swap, whenever that lowers J and keeps every group connected.
  Driven by a work list, so after a change only the units around the changed groups are looked at.
- `perturb`: a step that changes which groups exist while keeping k, along the edges of a random
  spanning tree (so every new group is connected): either *merge-split* (two adjacent groups merge,
  a third group is cut in two) or *recombination* (two adjacent groups merge and are cut in two
  again). The cut is the tree edge that gives the lowest J of the two halves.
- `improve`: iterated local search. Repeat: perturb, descend around the changed groups, keep the
  change if J fell, undo it otherwise; so J never rises. It stops when its budget of work (moves
  tried and made, counted in `_Grouping.work`) is spent, or after 10 k + 50 steps in a row without
  a gain. Randomness comes only from a generator seeded with `seed`: the result depends only on the
  inputs and the seed, not on the machine's speed. An optional time limit is a guard on top; when it
  stops the search the result is still valid, but then it may depend on the machine's speed.
"""

from __future__ import annotations

import math
import random
from collections import deque
from collections.abc import Callable

import numpy as np

EPS = 1e-12


class _Grouping:
    """k groups of units (0..k-1) with their aggregates, changed by `move` (logged for `undo`)."""

    def __init__(self, state, unit_adj, label):
        self.state = state
        self.adj = [sorted(a) for a in unit_adj]
        self.label = [int(g) for g in label]
        m = len(self.label)
        k = max(self.label) + 1 if m else 0
        self.k = k
        self.ucnt, self.upop = state.cnt.tolist(), state.pop.tolist()
        self.usx, self.usy, self.usq = state.sx.tolist(), state.sy.tolist(), state.sq.tolist()
        self.uint = state.internal.tolist()
        self.cnt, self.pop = [0.0] * k, [0.0] * k
        self.sx, self.sy, self.sq, self.fs = [0.0] * k, [0.0] * k, [0.0] * k, [0.0] * k
        self.members: list[set[int]] = [set() for _ in range(k)]
        for u, g in enumerate(self.label):
            self.members[g].add(u)
            self.cnt[g] += self.ucnt[u]
            self.pop[g] += self.upop[u]
            self.sx[g] += self.usx[u]
            self.sy[g] += self.usy[u]
            self.sq[g] += self.usq[u]
            self.fs[g] += self.uint[u]
        self.cross = state.cross
        self.link = None
        if self.cross is not None:
            onehot = np.zeros((m, k))
            onehot[np.arange(m), self.label] = 1
            self.link = self.cross @ onehot  # fit sum between each unit and each group
            for g in range(k):
                idx = sorted(self.members[g])
                self.fs[g] += float(self.cross[np.ix_(idx, idx)].sum()) / 2
        self.cost_fn = state.cost
        self.cost = [self._group_cost(g) for g in range(k)]
        self.log: list[tuple[int, int]] = []
        self.work = 0  # moves tried and made: the search's budget, counted instead of seconds

    def _group_cost(self, g):
        return self.cost_fn(self.cnt[g], self.pop[g], self.sx[g], self.sy[g], self.sq[g], self.fs[g])

    def total(self) -> float:
        return sum(self.cost)

    def link_of(self, u, g) -> float:
        return self.link.item(u, g) if self.link is not None else 0.0

    def move(self, u, b, log=True):
        a = self.label[u]
        if a == b:
            return
        self.work += 1
        if log:
            self.log.append((u, a))
        self.members[a].discard(u)
        self.members[b].add(u)
        self.label[u] = b
        if self.link is not None:
            self.fs[a] -= self.uint[u] + self.link.item(u, a)
            self.fs[b] += self.uint[u] + self.link.item(u, b)
            column = self.cross[:, u]
            self.link[:, a] -= column
            self.link[:, b] += column
        c, p, x, y, q = self.ucnt[u], self.upop[u], self.usx[u], self.usy[u], self.usq[u]
        self.cnt[a] -= c
        self.cnt[b] += c
        self.pop[a] -= p
        self.pop[b] += p
        self.sx[a] -= x
        self.sx[b] += x
        self.sy[a] -= y
        self.sy[b] += y
        self.sq[a] -= q
        self.sq[b] += q
        if not self.members[a]:  # exactly zero, whatever rounding the sums collected
            self.cnt[a] = self.pop[a] = self.sx[a] = self.sy[a] = self.sq[a] = self.fs[a] = 0.0
        self.cost[a] = self._group_cost(a)
        self.cost[b] = self._group_cost(b)

    def undo(self, mark: int):
        while len(self.log) > mark:
            u, a = self.log.pop()
            self.move(u, a, log=False)

    def can_leave(self, u) -> bool:
        """Whether u's group stays connected (and not empty) without u. The group is connected, so
        that holds exactly when u's neighbours in the group still reach each other: a search from
        one of them that stops as soon as it has met all the others."""
        a = self.label[u]
        if len(self.members[a]) <= 1:
            return False
        label, adj = self.label, self.adj
        inside = [v for v in adj[u] if label[v] == a]
        if len(inside) <= 1:
            return True  # a leaf of its group
        targets = set(inside[1:])
        seen = {u, inside[0]}
        queue = deque([inside[0]])
        while queue:
            v = queue.popleft()
            for w in adj[v]:
                if w not in seen and label[w] == a:
                    if w in targets:
                        targets.discard(w)
                        if not targets:
                            return True
                    seen.add(w)
                    queue.append(w)
        return False

    def best_move(self, u) -> tuple[float, int]:
        """The largest fall of J from moving u into one of its neighbouring groups: (change of J,
        group), or (0, -1) when no move lowers J. Connectivity is not checked here."""
        label = self.label
        a = label[u]
        targets = {label[v] for v in self.adj[u]}
        targets.discard(a)
        if not targets:
            return 0.0, -1
        self.work += len(targets)
        c, p, x, y, q, i = self.ucnt[u], self.upop[u], self.usx[u], self.usy[u], self.usq[u], self.uint[u]
        f, link = self.cost_fn, self.link
        cnt, pop, sx, sy, sq, fs, cost = self.cnt, self.pop, self.sx, self.sy, self.sq, self.fs, self.cost
        rest = f(cnt[a] - c, pop[a] - p, sx[a] - x, sy[a] - y, sq[a] - q,
                 fs[a] - i - (link.item(u, a) if link is not None else 0.0)) - cost[a]  # fmt: skip
        best, best_b = -EPS, -1
        for b in targets:
            joined = f(cnt[b] + c, pop[b] + p, sx[b] + x, sy[b] + y, sq[b] + q,
                       fs[b] + i + (link.item(u, b) if link is not None else 0.0))  # fmt: skip
            delta = rest + joined - cost[b]
            if delta < best:
                best, best_b = delta, b
        return (best, best_b) if best_b >= 0 else (0.0, -1)

    def swap_delta(self, u, v) -> float:
        self.work += 1
        a, b = self.label[u], self.label[v]
        fuv = self.cross.item(u, v) if self.cross is not None else 0.0
        dc = self.ucnt[v] - self.ucnt[u]
        dp = self.upop[v] - self.upop[u]
        dx = self.usx[v] - self.usx[u]
        dy = self.usy[v] - self.usy[u]
        dq = self.usq[v] - self.usq[u]
        f = self.cost_fn
        fa = self.fs[a] - self.uint[u] - self.link_of(u, a) + self.uint[v] + self.link_of(v, a) - fuv
        fb = self.fs[b] - self.uint[v] - self.link_of(v, b) + self.uint[u] + self.link_of(u, b) - fuv
        ca = f(self.cnt[a] + dc, self.pop[a] + dp, self.sx[a] + dx, self.sy[a] + dy, self.sq[a] + dq, fa)
        cb = f(self.cnt[b] - dc, self.pop[b] - dp, self.sx[b] - dx, self.sy[b] - dy, self.sq[b] - dq, fb)
        return ca + cb - self.cost[a] - self.cost[b]


def descend(
    grouping: _Grouping,
    units=None,
    swaps: bool = True,
    max_rounds: int | None = None,
    work_limit: float = math.inf,
) -> None:
    """Local search from the current grouping until no move or swap lowers J (see the module doc).
    `units`: where to start looking (default: every unit). A move puts the mover's neighbours back
    on the work list at once; the boundaries of the groups it changed are looked at again when the
    list runs dry (a round). `max_rounds` caps the rounds (None: until a local optimum); the search
    also stops once `grouping.work` reaches `work_limit`."""
    g = grouping
    label, adj, members = g.label, g.adj, g.members
    m = len(label)
    queue = deque(range(m) if units is None else sorted(units))
    queued = [False] * m
    for u in queue:
        queued[u] = True
    region = None if units is None else set(queue)  # where swaps are tried
    dirty: set[int] = set()
    best_move, can_leave, move = g.best_move, g.can_leave, g.move
    rounds = 0

    def push(w):
        if not queued[w]:
            queued[w] = True
            queue.append(w)

    def push_boundaries(groups):
        for h in groups:
            for w in members[h]:
                for z in adj[w]:
                    if label[z] != h:
                        push(w)
                        push(z)
                        if region is not None:
                            region.add(w)
                            region.add(z)

    while max_rounds is None or rounds < max_rounds:
        rounds += 1
        while queue:
            if g.work >= work_limit:
                return
            u = queue.popleft()
            queued[u] = False
            a = label[u]
            if len(members[a]) == 1:
                continue
            _delta, best_b = best_move(u)
            if best_b >= 0 and can_leave(u):
                move(u, best_b)
                dirty.add(a)
                dirty.add(best_b)
                for z in adj[u]:
                    push(z)
        if dirty:
            push_boundaries(dirty)
            dirty.clear()
            continue
        if not swaps:
            return
        if g.work >= work_limit:
            return
        changed = _swap_pass(g, region, work_limit)
        if not changed:
            return
        push_boundaries(changed)


def _swap_pass(g: _Grouping, units=None, work_limit: float = math.inf) -> set[int]:
    """Exchange two adjacent units of different groups when that lowers J (a move alone may not:
    a bound or the connectivity of a group can block each single move). `units`: the units to try
    (default: all). Returns the changed groups."""
    label, adj, members = g.label, g.adj, g.members
    changed: set[int] = set()
    for u in range(len(label)) if units is None else sorted(units):
        if g.work >= work_limit:
            break
        for v in adj[u]:
            a, b = label[u], label[v]
            if a == b or (u > v and (units is None or v in units)):
                continue
            if g.swap_delta(u, v) >= -EPS:
                continue
            if len(members[a]) == 1 or len(members[b]) == 1:
                continue
            # a minus u stays connected and v touches it, so a minus u plus v is connected too
            if not (_touches(g, v, a, u) and _touches(g, u, b, v)):
                continue
            if not (g.can_leave(u) and g.can_leave(v)):
                continue
            g.move(u, b)
            g.move(v, a)
            changed.update((a, b))
    return changed


def _touches(g: _Grouping, u, group, without) -> bool:
    return any(g.label[w] == group and w != without for w in g.adj[u])


def _best_cut(g: _Grouping, nodes: list[int], rng: random.Random, geometric: bool):
    """Cut the units `nodes` (a connected set) in two along one edge of a random spanning tree,
    choosing the edge that gives the lowest J. Returns (J of the two halves, the units of one
    half), or None when there is no cut."""
    if len(nodes) < 2:
        return None
    index = {u: i for i, u in enumerate(nodes)}
    n = len(nodes)
    edges = []
    ux, uy = g.usx, g.usy
    for u in nodes:
        for v in g.adj[u]:
            if v > u and v in index:
                if geometric:  # long edges (by unit centre) are likelier to be left out of the tree
                    cu, cv = g.ucnt[u], g.ucnt[v]
                    d = (ux[u] / cu - ux[v] / cv) ** 2 + (uy[u] / cu - uy[v] / cv) ** 2
                    weight = d * (0.5 + rng.random())
                else:
                    weight = rng.random()
                edges.append((weight, index[u], index[v]))
    edges.sort()
    parent = list(range(n))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    tree = [[] for _ in range(n)]
    for _w, i, j in edges:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[ri] = rj
            tree[i].append(j)
            tree[j].append(i)
    # preorder from node 0: each subtree is a contiguous range of the order
    order, up = [], [-1] * n
    stack = [0]
    seen = [False] * n
    seen[0] = True
    while stack:
        i = stack.pop()
        order.append(i)
        for j in tree[i]:
            if not seen[j]:
                seen[j] = True
                up[j] = i
                stack.append(j)
    if len(order) < n:
        return None  # not connected (cannot happen for a connected group)
    units = [nodes[i] for i in order]
    pos = {i: p for p, i in enumerate(order)}
    size = [1] * n
    for i in reversed(order):
        if up[i] >= 0:
            size[up[i]] += size[i]
    ucnt, upop, usx, usy, usq, uint = g.ucnt, g.upop, g.usx, g.usy, g.usq, g.uint
    # prefix sums over the preorder
    acc = np.cumsum(
        np.array([[0.0] * 6] + [[ucnt[u], upop[u], usx[u], usy[u], usq[u], uint[u]] for u in units]), axis=0
    ).tolist()
    block = row = None
    if g.cross is not None:
        sub = g.cross[np.ix_(units, units)]
        block = np.zeros((n + 1, n + 1))
        block[1:, 1:] = sub.cumsum(0).cumsum(1)  # 2-D prefix sums: fit within a range in O(1)
        row = np.concatenate([[0.0], sub.sum(1).cumsum()])
    whole = acc[n]
    fit_total = float(block[n, n]) / 2 if block is not None else 0.0
    f = g.cost_fn
    g.work += n
    best, best_side = None, None
    for i in order[1:]:
        lo, hi = pos[i], pos[i] + size[i]
        s = [acc[hi][t] - acc[lo][t] for t in range(6)]
        if block is not None:
            within = float(block[hi, hi] - block[lo, hi] - block[hi, lo] + block[lo, lo]) / 2
            between = float(row[hi] - row[lo]) - 2 * within
            fit_s = s[5] + within
            fit_r = whole[5] - s[5] + fit_total - within - between
        else:
            fit_s, fit_r = s[5], whole[5] - s[5]
        value = f(s[0], s[1], s[2], s[3], s[4], fit_s) + f(
            whole[0] - s[0], whole[1] - s[1], whole[2] - s[2], whole[3] - s[3], whole[4] - s[4], fit_r
        )
        if best is None or value < best:
            best, best_side = value, units[lo:hi]
    return best, best_side


RECOMBINE = 0.5  # share of recombination steps (the rest is merge-split); needed for k = 2
GEOMETRIC = 0.5  # share of spanning trees weighted by distance (the rest: uniform random weights)


def _merge_delta(g: _Grouping, a: int, b: int) -> float:
    between = float(g.link[sorted(g.members[b]), a].sum()) if g.link is not None else 0.0
    merged = g.cost_fn(g.cnt[a] + g.cnt[b], g.pop[a] + g.pop[b], g.sx[a] + g.sx[b], g.sy[a] + g.sy[b],
                       g.sq[a] + g.sq[b], g.fs[a] + g.fs[b] + between)  # fmt: skip
    return merged - g.cost[a] - g.cost[b]


def _neighbour_groups(g: _Grouping, a: int) -> set[int]:
    label = g.label
    return {label[v] for u in g.members[a] for v in g.adj[u]} - {a}


def perturb(g: _Grouping, rng: random.Random) -> set[int] | None:
    """One merge-split or recombination step (see the module doc); k stays the same. Returns the
    changed groups, or None when no such step exists (then nothing changed)."""
    k = g.k
    if k < 2:
        return None
    if k == 2 or rng.random() < RECOMBINE:
        a = rng.randrange(k)
        around = sorted(_neighbour_groups(g, a))
        if not around:
            return None
        b = rng.choice(around)
        cut = _best_cut(g, sorted(g.members[a] | g.members[b]), rng, geometric=rng.random() < GEOMETRIC)
        if cut is None:
            return None
        for u in sorted(g.members[b]):
            g.move(u, a)
        for u in cut[1]:
            g.move(u, b)
        return {a, b}
    c = rng.choice([h for h in range(k) if len(g.members[h]) >= 2] or [-1])
    if c < 0:
        return None
    order = [h for h in range(k) if h != c]
    rng.shuffle(order)
    for a in order:
        around = sorted(_neighbour_groups(g, a) - {c})
        if around:
            b = rng.choice(around)
            break
    else:
        return None
    cut = _best_cut(g, sorted(g.members[c]), rng, geometric=rng.random() < GEOMETRIC)
    if cut is None:
        return None
    for u in sorted(g.members[b]):
        g.move(u, a)
    for u in cut[1]:
        g.move(u, b)
    return {a, b, c}


def improve(
    grouping: _Grouping,
    *,
    seed: int,
    budget: int,
    time_left: Callable[[], bool] | None = None,
    swaps: bool = True,
) -> tuple[int, bool]:
    """Iterated local search from a local optimum (see the module doc), in place, until `budget`
    units of work are spent (a step under way is cut off at the budget and kept only if it gains).
    Returns the steps done and whether `time_left` (asked before each step) stopped the search."""
    rng = random.Random(seed)
    g = grouping
    current = g.total()
    stop = g.work + budget
    patience = 10 * g.k + 50
    done = stale = 0
    while g.work < stop and stale < patience:
        if time_left is not None and not time_left():
            return done, True
        done += 1
        stale += 1
        mark = len(g.log)
        changed = perturb(g, rng)
        if changed is None:
            break
        around = {v for h in changed for u in g.members[h] for v in (u, *g.adj[u])}
        descend(g, units=around, swaps=swaps, work_limit=stop)
        value = g.total()
        if value < current - EPS * max(1.0, abs(current)):
            current = value
            stale = 0
        else:
            g.undo(mark)
        del g.log[mark:]
    return done, False
