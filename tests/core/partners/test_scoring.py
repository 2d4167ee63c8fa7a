# SPDX-License-Identifier: EUPL-1.2
"""Known cases and invariants of the partner scoring core (no database)."""

import numpy as np
import pytest

from goedebuur.core.partners import scoring
from goedebuur.core.partners.features import Features


def line(n=5, **extra):
    """n municipalities on a west-east line 10 km apart, each bordering the next."""
    values = dict(
        codes=[f"GM{i:04d}" for i in range(n)],
        names=[f"Gemeente {i}" for i in range(n)],
        lat=np.full(n, 52.0),
        lon=4.5 + np.arange(n) * 10 / 68.5,
        population=np.array([20_000.0 * (1 + i) for i in range(n)]),
        regions={"arbeidsmarktregio": np.array([0] * (n // 2) + [1] * (n - n // 2))},
        neighbours=[frozenset(j for j in (i - 1, i + 1) if 0 <= j < n) for i in range(n)],
    )
    values.update(extra)
    return Features(**values)


def test_it_never_ranks_the_municipality_itself():
    ranking = scoring.rank(line(), "GM0002")
    assert "GM0002" not in [c.code for c in ranking.candidates]
    assert len(ranking.candidates) == 4
    assert np.isnan(ranking.scores[2])


def test_it_puts_the_nearest_neighbour_in_the_same_region_first():
    ranking = scoring.rank(line(), "GM0000")
    assert ranking.candidates[0].code == "GM0001"
    assert [c.rank for c in ranking.candidates] == [1, 2, 3, 4]


def test_it_estimates_road_distance_with_the_stated_detour_factor():
    candidate = scoring.rank(line(), "GM0000", top=1).candidates[0]
    assert candidate.distance_km == pytest.approx(10, rel=0.02)
    assert candidate.road_km == pytest.approx(candidate.distance_km * scoring.DETOUR_FACTOR)
    reason = candidate.criteria["distance"].reason
    assert reason.code == "distance"
    assert reason.values["factor"] == scoring.DETOUR_FACTOR
    assert reason.values["road_km"] == pytest.approx(candidate.road_km)


def test_it_lowers_confidence_and_says_so_when_population_is_unknown():
    features = line(population=np.array([20_000.0, np.nan, 40_000.0, 50_000.0, 60_000.0]))
    ranking = scoring.rank(features, "GM0000")
    by_code = {c.code: c for c in ranking.candidates}
    assert by_code["GM0001"].confidence < by_code["GM0002"].confidence
    size = by_code["GM0001"].criteria["size"]
    assert not size.has_data
    assert size.reason == scoring.Reason("size_unknown", {"names": ["Gemeente 1"]})
    assert size.score > 0  # the mean of the others, not a silent zero


def test_it_answers_for_a_municipality_without_neighbours_with_an_explanation():
    features = line(
        neighbours=[frozenset()] + [frozenset(j for j in (i - 1, i + 1) if 1 <= j < 5) for i in range(1, 5)]
    )
    ranking = scoring.rank(features, "GM0000")
    assert len(ranking.candidates) == 4
    assert ranking.notes and ranking.notes[0] == scoring.Reason("origin_island", {"name": "Gemeente 0"})
    assert all(not c.criteria["shared_border"].has_data for c in ranking.candidates)


def test_it_applies_filters():
    features = line()
    ranking = scoring.rank(features, "GM0000", filters=scoring.Filters(max_distance_km=25))
    assert [c.code for c in ranking.candidates] == ["GM0001", "GM0002"]
    ranking = scoring.rank(features, "GM0000", filters=scoring.Filters(shared_regions=("arbeidsmarktregio",)))
    assert [c.code for c in ranking.candidates] == ["GM0001"]
    ranking = scoring.rank(features, "GM0000", filters=scoring.Filters(min_population=50_000))
    assert {c.code for c in ranking.candidates} == {"GM0002", "GM0003", "GM0004"}
    assert ranking.considered == 3


def test_it_rejects_unknown_or_negative_weights():
    with pytest.raises(ValueError):
        scoring.rank(line(), "GM0000", {"charm": 1})
    with pytest.raises(ValueError):
        scoring.rank(line(), "GM0000", {"distance": -1})


def test_it_counts_criteria_without_any_data_source_as_missing():
    candidate = scoring.rank(line(), "GM0000", top=1).candidates[0]
    assert not candidate.criteria["landscape"].has_data
    assert "applicatielandschap" in candidate.missing
    assert candidate.confidence < 1


def test_it_uses_profiles_when_they_exist():
    n = 5
    features = line(
        landscape=[frozenset({"a", "b"}), frozenset({"x"}), frozenset({"a", "b"}), None, frozenset({"a"})],
        contract_years=[frozenset({2027}), frozenset({2030}), frozenset({2028}), None, None],
        ambitions=np.array([[1, 1, 0, 0], [0, 0, 1, 1], [1, 1, 0, 0], [np.nan] * 4, [1, 0, np.nan, np.nan]]),
        cooperating=[frozenset({4}), frozenset(), frozenset(), frozenset(), frozenset({0})],
        cooperation_domains={(0, 4): frozenset({"werkplek"})},
    )
    ranking = scoring.rank(features, "GM0000", domain="werkplek")
    by_code = {c.code: c for c in ranking.candidates}
    assert by_code["GM0002"].criteria["landscape"].score == 1.0
    assert by_code["GM0001"].criteria["landscape"].score == 0.0
    assert by_code["GM0002"].criteria["contract_window"].score == 1.0
    assert by_code["GM0002"].criteria["ambitions"].score == 1.0
    assert not by_code["GM0003"].criteria["landscape"].has_data
    assert by_code["GM0004"].cooperating_in_domain
    assert by_code["GM0004"].criteria["existing_cooperation"].reason == scoring.Reason(
        "cooperating", {"domains": ["werkplek"]}
    )
    assert len(features.codes) == n


def test_its_pairwise_fit_is_symmetric_with_zero_diagonal_and_matches_rank_on_full_data():
    features = line(cooperating=[frozenset()] * 5)
    fit = scoring.pairwise_fit(features)
    assert fit.shape == (5, 5)
    assert np.allclose(fit, fit.T)
    assert np.all(np.diag(fit) == 0)
    assert fit.min() >= 0 and fit.max() <= 1
    ranking = scoring.rank(features, 1)
    for c in ranking.candidates:
        assert fit[1, c.index] == pytest.approx(c.score)
    sub = scoring.pairwise_fit(features, indices=[3, 1])
    assert sub[0, 1] == pytest.approx(fit[3, 1])
