# SPDX-License-Identifier: EUPL-1.2
"""Properties of the partner scoring (hypothesis): bounds, order invariance, no self-ranking,
and monotonicity in a criterion's weight."""

import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from goedebuur.core.partners import scoring
from goedebuur.core.partners.features import Features, Regeling

CRITERIA = list(scoring.CRITERIA)


@st.composite
def features(draw, min_size=2, max_size=10):
    n = draw(st.integers(min_size, max_size))
    coord = st.floats(0, 1, allow_nan=False)
    lat = np.array([50.8 + 2.6 * draw(coord) for _ in range(n)])
    lon = np.array([3.4 + 3.8 * draw(coord) for _ in range(n)])
    population = np.array(
        [draw(st.one_of(st.just(np.nan), st.floats(900, 1_000_000, allow_nan=False))) for _ in range(n)]
    )
    regions = {
        key: np.array([draw(st.integers(-1, 2)) for _ in range(n)])
        for key in draw(st.sets(st.sampled_from(list(scoring.REGION_WEIGHTS)), max_size=3))
    }
    edges = draw(st.sets(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=2 * n))
    neighbours = [set() for _ in range(n)]
    for a, b in edges:
        if a != b:
            neighbours[a].add(b)
            neighbours[b].add(a)
    items = st.frozensets(st.sampled_from("abcdef"), max_size=4)
    landscape = draw(st.one_of(st.none(), st.lists(st.one_of(st.none(), items), min_size=n, max_size=n)))
    regelingen = None
    if draw(st.booleans()):
        groups = draw(st.lists(st.sets(st.integers(0, n - 1), min_size=1, max_size=n), max_size=n))
        regelingen = [Regeling(f"R{k}", tuple(sorted(g))) for k, g in enumerate(groups)]
    council = None
    if draw(st.booleans()):
        raw = np.array([[draw(st.floats(0, 1)) for _ in range(3)] for _ in range(n)])
        sums = raw.sum(axis=1, keepdims=True)
        council = np.where(sums > 0, raw / np.where(sums > 0, sums, 1), np.nan)
    return Features(
        codes=[f"GM{i:04d}" for i in range(n)],
        names=[f"G{i}" for i in range(n)],
        lat=lat,
        lon=lon,
        population=population,
        regions=regions,
        neighbours=[frozenset(s) for s in neighbours],
        landscape=landscape,
        regelingen=regelingen,
        council_shares=council,
    )


weights_strategy = st.dictionaries(st.sampled_from(CRITERIA), st.floats(0, 5, allow_nan=False), max_size=9)


@settings(max_examples=40, deadline=None)
@given(features(), weights_strategy, st.data())
def test_it_keeps_scores_and_confidence_in_zero_to_one(f, weights, data):
    origin = data.draw(st.integers(0, f.n - 1))
    ranking = scoring.rank(f, origin, weights)
    for c in ranking.candidates:
        assert 0 <= c.score <= 1
        assert 0 <= c.confidence <= 1
        assert all(0 <= s.score <= 1 for s in s_values(c))
    fit = scoring.pairwise_fit(f, weights)
    assert fit.min() >= 0 and fit.max() <= 1
    assert np.allclose(fit, fit.T)


def s_values(candidate):
    return candidate.criteria.values()


@settings(max_examples=40, deadline=None)
@given(features(), weights_strategy, st.data())
def test_it_never_ranks_a_municipality_itself(f, weights, data):
    origin = data.draw(st.integers(0, f.n - 1))
    ranking = scoring.rank(f, origin, weights)
    assert origin not in [c.index for c in ranking.candidates]
    if ranking.unranked is None:
        assert len(ranking.candidates) == f.n - 1
    else:  # nothing to rank: no candidate at all, never an arbitrary order
        assert ranking.candidates == [] and ranking.unranked.code in ("no_weight", "no_data")


@settings(max_examples=40, deadline=None)
@given(features(min_size=3), weights_strategy, st.data())
def test_it_is_invariant_to_the_order_of_the_input(f, weights, data):
    origin = data.draw(st.integers(0, f.n - 1))
    permutation = data.draw(st.permutations(range(f.n)))
    shuffled = f.subset(permutation)
    a = scoring.rank(f, f.codes[origin], weights)
    b = scoring.rank(shuffled, f.codes[origin], weights)
    assert [c.code for c in a.candidates] == [c.code for c in b.candidates]
    assert np.allclose([c.score for c in a.candidates], [c.score for c in b.candidates])


@settings(max_examples=60, deadline=None)
@given(features(min_size=3), weights_strategy, st.sampled_from(CRITERIA), st.floats(0.01, 10), st.data())
def test_raising_a_weight_never_lowers_the_best_candidate_on_that_criterion(f, weights, key, extra, data):
    origin = data.draw(st.integers(0, f.n - 1))
    alone = {k: 0.0 for k in CRITERIA} | {key: 1.0}
    only = scoring.rank(f, origin, alone, top=1)
    assume(only.unranked is None)
    best = only.candidates[0].code
    base = scoring.normalise_weights(weights)
    raised = base | {key: base[key] + extra}
    ranked = scoring.rank(f, origin, base)
    assume(ranked.unranked is None)  # nothing to rank before: nothing to lower
    before = [c.code for c in ranked.candidates].index(best)
    after = [c.code for c in scoring.rank(f, origin, raised).candidates].index(best)
    assert after <= before
