# SPDX-License-Identifier: EUPL-1.2
"""Scoring of a division into groups on the cluster optimiser's objective (`evaluate`)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from goedebuur.core.clusters.bounds import Bounds, Partition, Violation, bound_violations
from goedebuur.core.clusters.graph import Adjacency


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
