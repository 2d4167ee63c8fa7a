# SPDX-License-Identifier: EUPL-1.2
"""The joint-purchasing finder (goedebuur.core.procurement.opportunities): known cases and properties."""

import random
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goedebuur.core.procurement.opportunities import (
    ContractRecord,
    ProcurementError,
    add_months,
    find_opportunities,
    mean_distance_km,
)

# (lat, lon) of a few municipalities' inside points, roughly
PLACES = {
    "GM0340": (51.95, 5.57),  # Rhenen
    "GM0345": (52.02, 5.56),  # Veenendaal
    "GM0279": (52.08, 5.55),  # Renswoude
    "GM0228": (52.05, 5.72),  # Ede
    "GM0289": (51.97, 5.66),  # Wageningen
    "GM0344": (52.09, 5.12),  # Utrecht
}


def rec(id, code, end, cost=None, components=("zaak",), supplier="acme", product="p", visible=True):
    lat, lon = PLACES.get(code, (52.0, 5.0))
    return ContractRecord(
        id=id,
        municipality=code,
        lat=lat,
        lon=lon,
        components=tuple(components),
        supplier=supplier,
        product=product,
        end_date=end,
        yearly_cost=cost,
        visible=visible,
    )


def test_it_adds_months_clamping_the_day():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2026, 11, 15), 18) == date(2028, 5, 15)
    assert add_months(date(2026, 3, 1), -3) == date(2025, 12, 1)


def test_it_groups_contracts_ending_within_the_window():
    records = [
        rec(1, "GM0340", date(2027, 1, 1), 10_000),
        rec(2, "GM0345", date(2027, 12, 1), 20_000),
        rec(3, "GM0279", date(2028, 6, 30)),  # 17 months 29 days after the first
        rec(4, "GM0228", date(2030, 1, 1), 50_000),  # too late
    ]
    (group,) = find_opportunities(records, months=18)
    assert group.municipalities == ("GM0279", "GM0340", "GM0345")
    assert group.keys == ("zaak",)
    assert group.known_value == 30_000
    assert group.unknown_value == 1
    assert group.window_start == date(2027, 1, 1)
    assert group.window_end == date(2028, 7, 1)
    assert 0 < group.mean_distance_km < 15


def test_it_needs_two_municipalities():
    records = [rec(1, "GM0340", date(2027, 1, 1)), rec(2, "GM0340", date(2027, 2, 1), components=("zaak",))]
    assert find_opportunities(records) == []


def test_it_counts_a_municipality_once_but_keeps_all_its_contracts():
    records = [
        rec(1, "GM0340", date(2027, 1, 1), 1),
        rec(2, "GM0340", date(2027, 2, 1), 2, product="q"),
        rec(3, "GM0345", date(2027, 3, 1), 4),
    ]
    (group,) = find_opportunities(records)
    assert group.size == 2
    assert [c.id for c in group.contracts] == [1, 2, 3]
    assert group.known_value == 7


def test_it_chooses_the_window_start_with_the_most_municipalities():
    # windows starting at A cover A, B; starting at B cover B, C, D: the second is taken, A is left alone
    records = [
        rec(1, "GM0340", date(2026, 1, 1)),
        rec(2, "GM0345", date(2027, 6, 1)),
        rec(3, "GM0279", date(2028, 1, 1)),
        rec(4, "GM0228", date(2028, 11, 1)),
    ]
    (group,) = find_opportunities(records, months=18)
    assert group.municipalities == ("GM0228", "GM0279", "GM0345")


def test_it_reports_disjoint_groups_for_one_key():
    records = [
        rec(1, "GM0340", date(2026, 1, 1)),
        rec(2, "GM0345", date(2026, 2, 1)),
        rec(3, "GM0279", date(2029, 1, 1)),
        rec(4, "GM0228", date(2029, 2, 1)),
    ]
    groups = find_opportunities(records, months=6)
    assert {g.municipalities for g in groups} == {("GM0340", "GM0345"), ("GM0228", "GM0279")}


def test_it_merges_components_with_the_same_contracts():
    records = [
        rec(1, "GM0340", date(2027, 1, 1), components=("zaak", "dms")),
        rec(2, "GM0345", date(2027, 2, 1), components=("zaak", "dms")),
        rec(3, "GM0279", date(2027, 3, 1), components=("dms",)),
    ]
    groups = find_opportunities(records)
    assert [(g.keys, g.municipalities) for g in groups] == [
        (("dms",), ("GM0279", "GM0340", "GM0345")),
        (("zaak",), ("GM0340", "GM0345")),
    ]


def test_it_groups_by_supplier():
    records = [
        rec(1, "GM0340", date(2027, 1, 1), components=("zaak",), supplier="centric"),
        rec(2, "GM0345", date(2027, 2, 1), components=("belasting",), supplier="centric"),
        rec(3, "GM0279", date(2027, 3, 1), components=("zaak",), supplier="pink"),
    ]
    (group,) = find_opportunities(records, mode="leverancier")
    assert group.keys == ("centric",)
    assert group.municipalities == ("GM0340", "GM0345")


def test_it_filters_on_today_and_horizon_and_skips_unknown_end_dates():
    records = [
        rec(1, "GM0340", date(2025, 12, 31)),
        rec(2, "GM0345", date(2026, 2, 1)),
        rec(3, "GM0279", date(2026, 3, 1)),
        rec(4, "GM0228", None),
        rec(5, "GM0289", date(2026, 5, 1)),
    ]
    (group,) = find_opportunities(records, today=date(2026, 1, 1), horizon=date(2026, 4, 1))
    assert group.municipalities == ("GM0279", "GM0345")


def test_it_ranks_by_size_then_value_then_distance():
    records = [
        # two municipalities, worth more
        rec(1, "GM0340", date(2027, 1, 1), 900, components=("a",)),
        rec(2, "GM0344", date(2027, 1, 1), 900, components=("a",)),
        # three municipalities
        rec(3, "GM0340", date(2027, 1, 1), 1, components=("b",)),
        rec(4, "GM0345", date(2027, 1, 1), 1, components=("b",)),
        rec(5, "GM0279", date(2027, 1, 1), 1, components=("b",)),
        # two, same value as c2 but far apart (Rhenen - Utrecht) vs close (Rhenen - Veenendaal)
        rec(6, "GM0340", date(2027, 1, 1), 5, components=("c",)),
        rec(7, "GM0344", date(2027, 1, 1), 5, components=("c",)),
        rec(8, "GM0340", date(2027, 1, 1), 5, components=("d",)),
        rec(9, "GM0345", date(2027, 1, 1), 5, components=("d",)),
    ]
    assert [g.keys for g in find_opportunities(records)] == [("b",), ("a",), ("d",), ("c",)]


def test_it_does_not_add_up_hidden_costs_but_counts_the_municipality():
    records = [
        rec(1, "GM0345", date(2027, 1, 1), 1000),
        rec(2, "GM0344", date(2027, 2, 1), 99_999, visible=False),
    ]
    (group,) = find_opportunities(records)
    assert group.size == 2
    assert group.known_value == 1000
    assert group.hidden == 1
    assert group.unknown_value == 0


def test_it_keeps_only_groups_with_the_focus_municipality():
    records = [
        rec(1, "GM0340", date(2027, 1, 1), components=("a",)),
        rec(2, "GM0345", date(2027, 1, 1), components=("a",)),
        rec(3, "GM0279", date(2027, 1, 1), components=("b",)),
        rec(4, "GM0228", date(2027, 1, 1), components=("b",)),
        # the biggest window for "c" leaves Rhenen out; the focus picks the window with Rhenen
        rec(5, "GM0340", date(2026, 1, 1), components=("c",)),
        rec(6, "GM0345", date(2026, 6, 1), components=("c",)),
        rec(7, "GM0279", date(2027, 9, 1), components=("c",)),
        rec(8, "GM0228", date(2027, 10, 1), components=("c",)),
        rec(9, "GM0289", date(2027, 11, 1), components=("c",)),
    ]
    assert [g.municipalities for g in find_opportunities(records, months=12) if g.keys == ("c",)] == [
        ("GM0228", "GM0279", "GM0289"),
        ("GM0340", "GM0345"),
    ]
    groups = find_opportunities(records, focus=["GM0340"], months=12)
    assert [(g.keys, g.municipalities) for g in groups] == [
        (("c",), ("GM0340", "GM0345")),  # same size, value and distance: the earlier window first
        (("a",), ("GM0340", "GM0345")),
    ]


def test_it_rejects_bad_input():
    with pytest.raises(ProcurementError) as error:
        find_opportunities([], mode="product")
    assert error.value.field == "mode"
    with pytest.raises(ProcurementError):
        find_opportunities([], months=0)
    with pytest.raises(ProcurementError):
        find_opportunities([], today=date(2026, 1, 1), horizon=date(2025, 1, 1))
    with pytest.raises(ProcurementError):
        find_opportunities([rec(1, "GM0340", date(2027, 1, 1)), rec(1, "GM0345", date(2027, 1, 1))])


def test_mean_distance_is_zero_for_one_point_and_symmetric():
    assert mean_distance_km([(52.0, 5.0)]) == 0.0
    a, b = (52.0, 5.0), (51.0, 4.0)
    assert mean_distance_km([a, b]) == pytest.approx(mean_distance_km([b, a]))
    assert 120 < mean_distance_km([a, b]) < 140


# --- properties ----------------------------------------------------------------------------

CODES = [f"GM{i:04d}" for i in range(8)]
START = date(2026, 1, 1)


@st.composite
def record_lists(draw):
    n = draw(st.integers(0, 30))
    records = []
    for i in range(n):
        code = draw(st.sampled_from(CODES))
        records.append(
            ContractRecord(
                id=i,
                municipality=code,
                lat=52.0 + CODES.index(code) * 0.1,
                lon=5.0 + CODES.index(code) * 0.05,
                components=tuple(draw(st.sets(st.sampled_from("abcd"), max_size=3))),
                supplier=draw(st.sampled_from(["s1", "s2", "s3"])),
                product="p",
                end_date=draw(st.one_of(st.none(), st.integers(0, 2000).map(lambda d: START + timedelta(d)))),
                yearly_cost=draw(st.one_of(st.none(), st.integers(0, 100_000))),
                visible=draw(st.booleans()),
            )
        )
    return records


@settings(max_examples=40, deadline=None)
@given(records=record_lists(), months=st.integers(1, 36), mode=st.sampled_from(["component", "leverancier"]))
def test_property_every_group_lies_within_its_window(records, months, mode):
    for group in find_opportunities(records, months=months, mode=mode):
        ends = [c.end_date for c in group.contracts]
        assert group.window_start == min(ends)
        assert max(ends) <= add_months(min(ends), months) == group.window_end
        assert len({c.municipality for c in group.contracts}) >= 2
        assert group.size == len(group.municipalities) >= 2
        for contract in group.contracts:
            keys = contract.components if mode == "component" else (contract.supplier,)
            assert set(group.keys) <= set(keys)


@settings(max_examples=40, deadline=None)
@given(records=record_lists(), months=st.integers(1, 36), seed=st.integers(0, 1000))
def test_property_ranking_does_not_depend_on_input_order(records, months, seed):
    shuffled = list(records)
    random.Random(seed).shuffle(shuffled)
    assert find_opportunities(records, months=months) == find_opportunities(shuffled, months=months)


@settings(max_examples=40, deadline=None)
@given(records=record_lists(), months=st.integers(1, 36))
def test_property_no_duplicate_or_nested_groups_and_each_contract_once_per_key(records, months):
    groups = find_opportunities(records, months=months)
    contract_sets = [frozenset(c.id for c in g.contracts) for g in groups]
    per_key: dict[str, set[int]] = {}
    for group, ids in zip(groups, contract_sets, strict=True):
        for key in group.keys:
            assert not per_key.setdefault(key, set()) & ids
            per_key[key] |= ids
    assert len(set(contract_sets)) == len(contract_sets)


@settings(max_examples=30, deadline=None)
@given(records=record_lists(), months=st.integers(1, 36))
def test_property_ranked_by_size_then_value(records, months):
    groups = find_opportunities(records, months=months)
    keys = [(-g.size, -g.known_value) for g in groups]
    assert keys == sorted(keys)
    for group in groups:
        assert group.known_value == sum(
            c.yearly_cost for c in group.contracts if c.visible and c.yearly_cost is not None
        )


@settings(max_examples=30, deadline=None)
@given(records=record_lists(), months=st.integers(1, 36), code=st.sampled_from(CODES))
def test_property_focus_keeps_groups_with_the_municipality(records, months, code):
    for group in find_opportunities(records, months=months, focus=[code]):
        assert code in group.municipalities
