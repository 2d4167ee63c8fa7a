# SPDX-License-Identifier: EUPL-1.2
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goedebuur.core.partners.councils import (
    council_similarity,
    normalise_party,
    seat_shares,
    share_matrix,
    similarities_to,
)

VEENENDAAL = {"ChristenUnie": 6, "ProVeenendaal": 6, "Lokaal Veenendaal": 6, "SGP": 6, "CDA": 3, "VVD": 3,
              "GroenLinks-PvdA": 2, "D66": 2, "SP": 1}  # fmt: skip


def test_it_gives_one_for_the_same_shares_of_the_same_parties():
    assert council_similarity({"VVD": 4, "CDA": 2}, {"vvd": 8, "CDA": 4}) == pytest.approx(1.0)


def test_it_gives_zero_without_a_party_in_common():
    assert council_similarity({"VVD": 4}, {"CDA": 2, "D66": 1}) == 0.0


def test_it_is_one_minus_the_total_variation_distance():
    # shares a: VVD .5, CDA .5; b: VVD .25, D66 .75 -> distance (.25 + .5 + .75) / 2 = .75
    assert council_similarity({"VVD": 2, "CDA": 2}, {"VVD": 1, "D66": 3}) == pytest.approx(0.25)


def test_it_normalises_case_and_white_space():
    assert (
        normalise_party("  Gemeente  Belangen ") == normalise_party("GemeenteBelangen") == "gemeentebelangen"
    )
    assert council_similarity({"Gemeente Belangen": 3}, {"gemeentebelangen": 5}) == pytest.approx(1.0)


def test_it_treats_a_joint_list_in_any_order_and_spelling_as_one_party():
    names = ["GroenLinks-PvdA", "PvdA/GroenLinks", "PvdA - GroenLinks", "groenlinks + pvda"]
    assert {normalise_party(name) for name in names} == {"groenlinks/pvda"}
    assert normalise_party("ChristenUnie-SGP") == normalise_party("SGP/ChristenUnie")


def test_it_never_matches_different_local_parties():
    assert council_similarity({"Lokaal Veenendaal": 6}, {"Lokaal Rhenen": 6}) == 0.0
    assert normalise_party("GroenLinks-PvdA") != normalise_party("GroenLinks")


def test_it_sums_a_party_listed_under_two_spellings():
    assert seat_shares({"KIES Lokaal": 3, "kies lokaal": 1, "VVD": 4}) == {"kieslokaal": 0.5, "vvd": 0.5}


def test_it_is_unknown_not_zero_without_seats():
    assert council_similarity({}, VEENENDAAL) is None
    assert council_similarity(VEENENDAAL, {"VVD": 0}) is None


def test_it_ranks_many_councils_at_once_like_one_by_one():
    councils = [VEENENDAAL, {"ChristenUnie": 5, "SGP": 4, "VVD": 2}, None, {"VVD": 3, "D66": 3}, {}]
    shares, parties = share_matrix(councils)
    assert shares.shape == (5, len(parties)) and "christenunie" in parties
    row = similarities_to(shares, 0)
    for j, other in enumerate(councils):
        expected = council_similarity(VEENENDAAL, other or {})
        assert (math.isnan(row[j]) and expected is None) or row[j] == pytest.approx(expected)
    assert np.isnan(similarities_to(shares, 2)).all()  # an unknown council is unknown to everyone


def test_it_answers_nan_for_every_council_when_none_is_known():
    shares, parties = share_matrix([None, {}])
    assert parties == [] and np.isnan(similarities_to(shares, 0)).all()


councils = st.dictionaries(
    st.sampled_from(["VVD", "CDA", "D66", "SGP", "Lokaal A", "Lokaal B"]), st.integers(0, 12), max_size=6
)


@settings(max_examples=75)
@given(councils, councils)
def test_it_is_symmetric_and_between_zero_and_one(a, b):
    ab, ba = council_similarity(a, b), council_similarity(b, a)
    assert ab == ba or ab == pytest.approx(ba)
    if ab is not None:
        assert 0.0 <= ab <= 1.0
        assert council_similarity(a, a) == pytest.approx(1.0)
