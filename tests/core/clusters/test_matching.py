# SPDX-License-Identifier: EUPL-1.2
"""Fallback pairs: every pair within the distance band, triangles for odd counts, reasons for the rest."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from goedebuur.core.clusters import matching as M


def points(n, seed):
    rng = np.random.default_rng(seed)
    return 52 + rng.random(n), 5 + rng.random(n) * 1.5


@settings(max_examples=40, deadline=None)
@given(
    n=st.integers(2, 40),
    seed=st.integers(0, 10_000),
    min_km=st.floats(0, 30),
    width=st.floats(1, 60),
    candidates=st.sampled_from([None, 3, 8]),
)
def test_every_pair_respects_the_distance_band(n, seed, min_km, width, candidates):
    lat, lon = points(n, seed)
    km = M.distance_matrix_km(lat, lon)
    fit = np.random.default_rng(seed + 1).random((n, n))
    fit = (fit + fit.T) / 2
    result = M.fallback_pairs(km, fit, min_km, min_km + width, candidates=candidates)
    seen = []
    for group in result.groups:
        assert len(group.members) in (2, 3)
        for d in group.km:
            assert min_km <= d <= min_km + width
        seen += group.members
    seen += [u.index for u in result.unmatched]
    assert sorted(seen) == list(range(n))  # everyone once: in a group or reported
    for u in result.unmatched:
        assert u.reason in ("no_partner_in_band", "no_capacity", "partners_taken")


def test_it_forms_a_triangle_for_an_odd_count():
    km = np.array([[0, 10, 10], [10, 0, 10], [10, 10, 0]], dtype=float)
    result = M.fallback_pairs(km, np.ones((3, 3)), 5, 20)
    assert [g.members for g in result.triangles] == [(0, 1, 2)] or len(result.triangles) == 1
    assert not result.unmatched


def test_it_reports_why_a_municipality_has_no_achtervang():
    km = np.array([[0, 10, 100], [10, 0, 100], [100, 100, 0]], dtype=float)
    result = M.fallback_pairs(km, np.ones((3, 3)), 5, 20)
    assert [(u.index, u.reason) for u in result.unmatched] == [(2, "no_partner_in_band")]


def test_capacity_blocks_pairs_of_very_different_size():
    km = np.array([[0, 10], [10, 0]], dtype=float)
    population = np.array([1_000.0, 100_000.0])
    result = M.fallback_pairs(km, np.ones((2, 2)), 5, 20, population=population, capacity=population * 3)
    assert {u.reason for u in result.unmatched} == {"no_capacity"}


def test_it_prefers_the_pairs_that_fit_best():
    km = np.full((4, 4), 10.0)
    fit = np.array([[0, 0.9, 0.1, 0.1], [0.9, 0, 0.1, 0.1], [0.1, 0.1, 0, 0.8], [0.1, 0.1, 0.8, 0]])
    result = M.fallback_pairs(km, fit, 5, 20)
    assert sorted(g.members for g in result.groups) == [(0, 1), (2, 3)]


@settings(max_examples=40, deadline=None)
@given(n=st.integers(2, 40), seed=st.integers(0, 10_000), max_km=st.floats(5, 80))
def test_the_solver_finds_a_matching_as_large_and_heavy_as_edmonds_blossom(n, seed, max_km):
    lat, lon = points(n, seed)
    km = M.distance_matrix_km(lat, lon)
    fit = np.random.default_rng(seed + 1).random((n, n))
    fit = (fit + fit.T) / 2
    _, allowed = M.allowed_pairs(km, 0, max_km)
    rows, cols = np.nonzero(np.triu(allowed, 1))
    weight = dict(
        zip(zip(rows.tolist(), cols.tolist(), strict=True), M._weights(fit, rows, cols).tolist(), strict=True)
    )
    solved, reference = M._solve(allowed, fit), M._blossom(allowed, fit)
    matched = [i for pair in solved for i in pair]
    assert len(matched) == len(set(matched))  # a matching
    assert all(allowed[a, b] for a, b in solved)
    assert len(solved) == len(reference)
    assert sum(weight[tuple(sorted(p))] for p in solved) == sum(weight[tuple(sorted(p))] for p in reference)


def test_it_pairs_everyone_where_the_pruned_graph_left_a_triangle():
    # Four in a row, 10 km apart: the best pairs are (0,1) and (2,3), although 1-2 fits best.
    km = np.abs(np.subtract.outer(np.arange(4), np.arange(4))) * 10.0
    fit = np.full((4, 4), 0.1)
    fit[1, 2] = fit[2, 1] = 0.9
    result = M.fallback_pairs(km, fit, 5, 15)
    assert sorted(g.members for g in result.groups) == [(0, 1), (2, 3)]
