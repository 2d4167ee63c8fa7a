# SPDX-License-Identifier: EUPL-1.2
"""Known cases and invariants of the partner scoring core (no database)."""

import numpy as np
import pytest

from goedebuur.core.partners import scoring
from goedebuur.core.partners.features import Features, Regeling


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
    assert "landscape" in candidate.missing
    assert candidate.confidence < 1
    assert candidate.criteria["landscape"].reason == scoring.Reason("no_source", {"criterion": "landscape"})


def test_it_says_a_criterion_is_hidden_when_the_viewer_may_not_see_its_data():
    features = line(hidden=frozenset({"landscape", "contract_window"}))
    candidate = scoring.rank(features, "GM0000", top=1).candidates[0]
    assert candidate.criteria["landscape"].reason == scoring.Reason("hidden", {"criterion": "landscape"})
    assert not candidate.criteria["landscape"].has_data
    assert scoring.rank(features, "GM0000").hidden == frozenset({"landscape", "contract_window"})


def test_it_refuses_to_rank_when_all_weight_is_on_criteria_without_data():
    only_landscape = {k: 0.0 for k in scoring.CRITERIA} | {"landscape": 1.0}
    ranking = scoring.rank(line(), "GM0000", only_landscape)
    assert ranking.candidates == []
    assert ranking.unranked == scoring.Reason("no_data", {"criteria": ["landscape"]})
    assert np.isnan(ranking.scores).all()


def test_it_refuses_to_rank_without_any_weight_or_candidate():
    assert scoring.rank(line(), "GM0000", dict.fromkeys(scoring.CRITERIA, 0)).unranked.code == "no_weight"
    far = scoring.rank(line(), "GM0000", filters=scoring.Filters(max_distance_km=1))
    assert far.unranked.code == "no_candidates" and far.considered == 0


def test_its_confidence_differs_per_candidate_with_the_data_behind_it():
    features = line(landscape=[frozenset({"a"}), frozenset({"a"}), None, frozenset({"b"}), None])
    by_code = {c.code: c for c in scoring.rank(features, "GM0000").candidates}
    assert by_code["GM0001"].confidence > by_code["GM0002"].confidence
    assert by_code["GM0001"].confidence == by_code["GM0003"].confidence
    assert "landscape" in by_code["GM0002"].missing and "landscape" not in by_code["GM0001"].missing


def test_a_small_shared_regeling_weighs_more_than_a_large_one():
    big = Regeling("Provinciebrede regeling", (0, 1, 2, 3, 4), since=2000)
    small = Regeling("Belastingsamenwerking", (0, 3), since=2011)
    features = line(regelingen=[big, small])
    only = {k: 0.0 for k in scoring.CRITERIA} | {"shared_regelingen": 1.0}
    ranking = scoring.rank(features, "GM0000", only)
    assert ranking.candidates[0].code == "GM0003"
    assert ranking.candidates[0].cooperating and ranking.candidates[1].cooperating
    strength = 1 + 1 / 4  # 1/(m-1) per shared regeling
    assert ranking.candidates[0].score == pytest.approx(strength / (strength + scoring.REGELING_HALF))


def test_it_marks_cooperation_in_the_requested_ict_domain():
    features = line(regelingen=[Regeling("Werkplek", (0, 4), ict_domains=frozenset({"werkplek"}))])
    by_code = {c.code: c for c in scoring.rank(features, "GM0000", domain="werkplek").candidates}
    assert by_code["GM0004"].cooperating_in_domain and by_code["GM0004"].cooperation_domains == {"werkplek"}
    assert not by_code["GM0001"].cooperating


def test_similar_councils_score_higher_and_an_unknown_council_is_unknown():
    shares = np.array([[0.5, 0.5, 0.0], [0.5, 0.4, 0.1], [0.0, 0.1, 0.9], [np.nan] * 3, [0.2, 0.2, 0.6]])
    features = line(council_shares=shares, parties=["VVD", "CDA", "Lokaal"])
    only = {k: 0.0 for k in scoring.CRITERIA} | {"council": 1.0}
    ranking = scoring.rank(features, "GM0000", only)
    assert ranking.candidates[0].code == "GM0001"
    assert ranking.candidates[0].criteria["council"].score == pytest.approx(0.9)
    unknown = next(c for c in ranking.candidates if c.code == "GM0003")
    assert not unknown.criteria["council"].has_data
    assert unknown.criteria["council"].reason == scoring.Reason("council_unknown", {"names": ["Gemeente 3"]})


def test_it_uses_profiles_when_they_exist():
    features = line(
        landscape=[frozenset({"a", "b"}), frozenset({"x"}), frozenset({"a", "b"}), None, frozenset({"a"})],
        contract_ends=[{"zaak": 2027}, {"zaak": 2030}, {"zaak": 2028}, None, None],
        ambitions=np.array([[1, 1, 0, 0], [0, 0, 1, 1], [1, 1, 0, 0], [np.nan] * 4, [1, 0, np.nan, np.nan]]),
    )
    ranking = scoring.rank(features, "GM0000")
    by_code = {c.code: c for c in ranking.candidates}
    assert by_code["GM0002"].criteria["landscape"].score == 1.0
    assert by_code["GM0001"].criteria["landscape"].score == 0.0
    assert by_code["GM0002"].criteria["contract_window"].score == 1.0
    assert by_code["GM0001"].criteria["contract_window"].score == 0.0
    assert by_code["GM0002"].criteria["ambitions"].score == 1.0
    assert not by_code["GM0003"].criteria["landscape"].has_data
    assert not by_code["GM0004"].criteria["contract_window"].has_data


def test_it_notes_when_the_municipality_itself_has_no_profile():
    features = line(landscape=[None, frozenset({"a"}), frozenset({"a"}), None, None])
    ranking = scoring.rank(features, "GM0000")
    assert scoring.Reason("origin_no_data", {"name": "Gemeente 0", "criterion": "landscape"}) in ranking.notes
    assert all(not c.criteria["landscape"].has_data for c in ranking.candidates)


def test_its_pairwise_fit_is_symmetric_with_zero_diagonal_and_matches_rank_on_full_data():
    features = line(regelingen=[Regeling("R", (1, 3))], council_shares=np.full((5, 2), 0.5))
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


def test_its_matrices_for_many_origins_match_those_for_one():
    rng = np.random.default_rng(3)
    shares = rng.random((5, 4)) * (rng.random((5, 4)) > 0.4)
    shares[2] = np.nan
    features = line(
        regelingen=[Regeling("A", (0, 1, 2)), Regeling("B", (1, 3)), Regeling("C", (0, 3, 4))],
        council_shares=shares / np.nansum(shares, axis=1, keepdims=True).clip(min=1e-9),
    )
    everyone = np.arange(5)
    many = scoring.criterion_matrices(features, everyone, everyone)
    for i in range(5):
        one = scoring.criterion_matrices(features, [i], everyone)
        for key in ("shared_regelingen", "council"):
            assert np.allclose(many[key][0][i], one[key][0][0]), key
            assert (many[key][1][i] == one[key][1][0]).all(), key
