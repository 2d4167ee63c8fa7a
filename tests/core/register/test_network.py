# SPDX-License-Identifier: EUPL-1.2
import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goedebuur.core.register.network import (
    Participation,
    Shared,
    partners_from_pairs,
    rank,
    regeling_weight,
    ring,
    shared_by_pair,
    shared_with,
    widths,
)

D = dt.date


def takes_part(regeling, *codes, since=None):
    since = since or D(2020, 1, 1)
    return [Participation(regeling, code, since) for code in codes]


def test_a_small_regeling_weighs_more_than_a_large_one():
    assert regeling_weight(2) == 1
    assert regeling_weight(30) == Fraction(1, 29)
    with pytest.raises(ValueError):
        regeling_weight(1)


def test_it_lists_what_a_municipality_shares_with_each_partner():
    participations = (
        takes_part("ggd", "A", "B", "C", "D") + takes_part("ict", "A", "B") + takes_part("afval", "C", "D")
    )
    shared = shared_with("A", participations)
    assert set(shared) == {"B", "C", "D"}
    assert [s.regeling for s in shared["B"]] == ["ict", "ggd"]  # the smallest (heaviest) first
    assert shared["C"] == [Shared("ggd", D(2020, 1, 1), 4)]


def test_the_shared_date_is_the_later_of_the_two_joins():
    participations = [
        Participation("r", "A", D(2010, 1, 1)),
        Participation("r", "B", D(2018, 5, 1)),
        Participation("r", "C", None),
    ]
    shared = shared_with("A", participations)
    assert shared["B"][0].since == D(2018, 5, 1)
    assert shared["C"][0].since is None  # unknown for one of them: unknown


def test_a_municipality_listed_twice_counts_once_with_its_earliest_date():
    participations = [
        Participation("r", "A", D(2015, 1, 1)),
        Participation("r", "A", D(2012, 1, 1)),
        Participation("r", "B", D(2010, 1, 1)),
    ]
    assert shared_with("A", participations) == {"B": [Shared("r", D(2012, 1, 1), 2)]}


def test_a_regeling_with_one_municipality_gives_no_partners():
    assert shared_with("A", takes_part("r", "A")) == {}
    assert shared_by_pair(takes_part("r", "A")) == {}


def test_it_ranks_by_weight_then_by_count_then_by_code():
    participations = (
        takes_part("pair", "A", "B")  # B: 1
        + takes_part("big1", "A", "C", "D", "E", "F")  # C, D, E, F: 1/4 each
        + takes_part("big2", "A", "C", "D", "E", "F")
        + takes_part("big3", "A", "C", "D", "E", "F")
        + takes_part("trio", "A", "E", "G")  # E: 3/4 + 1/2; G: 1/2
    )
    ranked = rank(shared_with("A", participations))
    assert [p.code for p in ranked] == ["E", "B", "C", "D", "F", "G"]
    e = ranked[0]
    assert (e.count, e.weight) == (4, Fraction(5, 4))
    assert ranked[2].weight == Fraction(3, 4) and ranked[2].count == 3


def test_a_partner_works_together_since_its_earliest_shared_regeling():
    participations = takes_part("r1", "A", "B", since=D(2019, 1, 1)) + takes_part(
        "r2", "A", "B", since=D(2001, 1, 1)
    )
    (partner,) = rank(shared_with("A", participations))
    assert partner.since == D(2001, 1, 1)


def test_pairs_are_ordered_and_complete():
    participations = takes_part("r", "C", "A", "B")
    pairs = shared_by_pair(participations)
    assert set(pairs) == {("A", "B"), ("A", "C"), ("B", "C")}
    assert pairs[("A", "C")] == [Shared("r", D(2020, 1, 1), 3)]


codes = st.sampled_from(["A", "B", "C", "D", "E"])
regelingen = st.sampled_from(["r1", "r2", "r3", "r4"])
dates = st.one_of(st.none(), st.dates(min_value=D(1990, 1, 1), max_value=D(2026, 1, 1)))
participation_lists = st.lists(st.builds(Participation, regelingen, codes, dates), max_size=30)


@settings(max_examples=75)
@given(participation_lists)
def test_the_bulk_form_agrees_with_the_form_for_one_municipality(participations):
    pairs = shared_by_pair(participations)
    for code in ("A", "B", "C", "D", "E"):
        assert partners_from_pairs(code, pairs) == shared_with(code, participations)


@settings(max_examples=75)
@given(participation_lists)
def test_each_regeling_weighs_one_in_total_for_each_of_its_members(participations):
    shared = shared_with("A", participations)
    by_regeling: dict = {}
    for items in shared.values():
        for s in items:
            by_regeling[s.regeling] = by_regeling.get(s.regeling, 0) + s.weight
    assert all(total == 1 for total in by_regeling.values())


def test_it_places_points_clockwise_from_the_top():
    points = ring(4, 10, (50, 50))
    assert [(round(x), round(y)) for x, y in points] == [(50, 40), (60, 50), (50, 60), (40, 50)]
    assert ring(0, 10) == []


def test_line_widths_follow_the_values_with_a_floor():
    assert widths([10, 5, 1], thinnest=1, thickest=8) == [8, 4, 1]
    assert widths([0, 0]) == [1.0, 1.0]
    assert widths([]) == []
