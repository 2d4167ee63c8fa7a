# SPDX-License-Identifier: EUPL-1.2
"""The cluster optimiser: connected groups within bounds, fixed blocks kept, infeasible bounds named."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goedebuur.core.clusters import optimiser as C


def grid(rows, cols):
    """A rows x cols grid graph with coordinates 10 km apart."""
    n = rows * cols
    adjacency = [set() for _ in range(n)]
    for r in range(rows):
        for c in range(cols):
            i = r * cols + c
            if c + 1 < cols:
                adjacency[i].add(i + 1)
                adjacency[i + 1].add(i)
            if r + 1 < rows:
                adjacency[i].add(i + cols)
                adjacency[i + cols].add(i)
    x = np.array([(i % cols) * 10_000.0 for i in range(n)])
    y = np.array([(i // cols) * 10_000.0 for i in range(n)])
    return x, y, adjacency


def assert_valid(part, adjacency, bounds, population=None):
    covered = sorted(i for g in part.groups for i in g)
    assert covered == list(range(len(adjacency)))
    for members in part.groups:
        assert C.is_connected(members, adjacency)
        assert bounds.min_count <= len(members)
        assert bounds.max_count is None or len(members) <= bounds.max_count
        if population is not None:
            total = population[members].sum()
            assert bounds.min_population is None or total >= bounds.min_population
            assert bounds.max_population is None or total <= bounds.max_population


@settings(max_examples=60, deadline=None)
@given(
    rows=st.integers(1, 7),
    cols=st.integers(2, 8),
    min_count=st.integers(1, 3),
    extra=st.integers(1, 5),
    fit_weight=st.sampled_from([0.0, 0.5, 1.0]),
    seed=st.integers(0, 1000),
)
def test_it_makes_connected_groups_within_the_count_bounds(rows, cols, min_count, extra, fit_weight, seed):
    x, y, adjacency = grid(rows, cols)
    n = len(adjacency)
    bounds = C.Bounds(min_count=min(min_count, n), max_count=min(min_count, n) * 2 + extra)
    rng = np.random.default_rng(seed)
    fit = rng.random((n, n))
    fit = (fit + fit.T) / 2
    part = C.partition(x, y, adjacency, bounds=bounds, fit=fit, fit_weight=fit_weight)
    assert part.feasible, part.violations
    assert_valid(part, adjacency, bounds)


@settings(max_examples=40, deadline=None)
@given(rows=st.integers(2, 6), cols=st.integers(2, 6), k=st.integers(1, 12))
def test_it_makes_exactly_k_connected_groups(rows, cols, k):
    x, y, adjacency = grid(rows, cols)
    k = min(k, len(adjacency))
    part = C.partition(x, y, adjacency, k=k)
    assert part.k == k
    assert_valid(part, adjacency, C.Bounds())


@settings(max_examples=40, deadline=None)
@given(rows=st.integers(2, 6), cols=st.integers(2, 6), seed=st.integers(0, 100))
def test_it_keeps_inhabitant_bounds(rows, cols, seed):
    x, y, adjacency = grid(rows, cols)
    population = np.random.default_rng(seed).integers(1_000, 10_000, len(adjacency)).astype(float)
    bounds = C.Bounds(min_count=1, max_population=30_000)
    part = C.partition(x, y, adjacency, bounds=bounds, population=population)
    assert part.feasible
    assert_valid(part, adjacency, bounds, population)


def test_it_keeps_fixed_blocks_together_and_refuses_a_block_above_the_maximum():
    x, y, adjacency = grid(4, 4)
    part = C.partition(x, y, adjacency, bounds=C.Bounds(2, 4), fixed=[[0, 1, 2], [2, 6]])
    (group,) = [g for g in part.groups if 0 in g]
    assert {0, 1, 2, 6} <= set(group)  # overlapping blocks are joined
    with pytest.raises(C.Infeasible) as error:
        C.partition(x, y, adjacency, bounds=C.Bounds(2, 3), fixed=[[0, 1, 2, 3]])
    assert error.value.reason == "block_too_large"


@pytest.mark.parametrize(
    ("bounds", "k", "reason"),
    [
        (C.Bounds(3, 2), None, "min_above_max"),
        (C.Bounds(5, 6), None, "no_group_count"),  # 13 municipalities: 2 groups hold at most 12, 3 need 15
        (C.Bounds(1, 2), 3, "group_count"),
        (C.Bounds(1, None, max_population=5), None, "municipality_too_large"),
    ],
)
def test_it_names_why_bounds_are_infeasible(bounds, k, reason):
    x, y, adjacency = grid(1, 13)
    with pytest.raises(C.Infeasible) as error:
        C.partition(x, y, adjacency, bounds=bounds, k=k, population=np.full(13, 10.0))
    assert error.value.reason == reason


def test_it_refuses_a_disconnected_part_smaller_than_the_minimum():
    x, y, adjacency = grid(1, 5)
    adjacency[1].discard(2)
    adjacency[2].discard(1)
    with pytest.raises(C.Infeasible) as error:
        C.partition(x, y, adjacency, bounds=C.Bounds(3, 5))
    assert error.value.reason == "component_too_small"
    assert error.value.details["members"] == [0, 1]


def test_local_search_never_worsens_the_agglomeration():
    x, y, adjacency = grid(6, 7)
    ward = C.partition(x + np.sin(np.arange(42)) * 3000, y, adjacency, k=7, max_rounds=0, swaps=False)
    better = C.partition(x + np.sin(np.arange(42)) * 3000, y, adjacency, k=7, budget=0)
    assert better.sse <= ward.sse + 1e-6


def test_it_scores_an_existing_division_and_reports_disconnected_groups():
    x, y, adjacency = grid(1, 4)
    result = C.evaluate(["a", "b", "a", "b"], x, y, adjacency=adjacency, fit=np.ones((4, 4)) - np.eye(4))
    assert result.k == 2
    assert {v.what for v in result.violations} == {"disconnected"}
    assert result.sse == pytest.approx(4 * (10_000.0**2))
    assert result.mean_fit == pytest.approx(1.0)


def test_rd_new_matches_known_points():
    x, y = C.rd_new(52.15517440, 5.38720621)  # Amersfoort, the origin of RD
    assert (float(x), float(y)) == pytest.approx((155_000, 463_000), abs=0.01)
    # Groningen's centroid; pyproj EPSG:4326 -> EPSG:28992 gives (237368.06, 581976.97)
    x, y = C.rd_new(53.218064, 6.620338)
    assert (float(x), float(y)) == pytest.approx((237_368.06, 581_976.97), abs=1.0)
