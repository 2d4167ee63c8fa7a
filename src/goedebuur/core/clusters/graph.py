# SPDX-License-Identifier: EUPL-1.2
"""Neighbour-graph helpers of the cluster optimiser: symmetry, subgraphs, components, fixed blocks."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

Adjacency = Sequence[Iterable[int]]


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
