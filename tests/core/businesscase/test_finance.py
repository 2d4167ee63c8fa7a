# SPDX-License-Identifier: EUPL-1.2
"""goedebuur.core.businesscase.finance: NPV, payback and allocation against hand-computed cases,
numpy-financial and properties."""

from decimal import Decimal

import numpy_financial as npf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goedebuur.core.businesscase.finance import (
    DEFAULT_DISCOUNT_RATE,
    DISCOUNT_RATE_SOURCE,
    AllocationError,
    allocate,
    cumulative,
    discounted_payback_year,
    key_weights,
    npv,
    payback_year,
    shares,
)
from goedebuur.core.businesscase.model import Partner


def test_the_default_discount_rate_is_the_prescribed_real_rate_with_its_source():
    assert DEFAULT_DISCOUNT_RATE == 0.0225
    assert "Werkgroep discontovoet" in DISCOUNT_RATE_SOURCE and "2,25 %" in DISCOUNT_RATE_SOURCE


def test_it_computes_the_npv_of_known_flows_by_hand():
    # -1000 now, then 500, 500, 500 at 10 %: -1000 + 454.545 + 413.223 + 375.657 = 243.426
    assert npv([-1000, 500, 500, 500], 0.10) == pytest.approx(243.4260, abs=1e-3)


def test_a_zero_rate_npv_is_the_plain_sum():
    assert npv([-300, 100, 250], 0.0) == 50


@given(
    st.lists(st.integers(-(10**7), 10**7), min_size=1, max_size=15),
    st.floats(min_value=-0.04, max_value=0.3),
)
def test_it_agrees_with_numpy_financial(flows, rate):
    assert npv(flows, rate) == pytest.approx(npf.npv(rate, flows), rel=1e-9, abs=1e-6)


def test_it_finds_the_payback_year_of_a_known_case():
    flows = [-100, 30, 40, 50]  # cumulative -100, -70, -30, 20
    assert cumulative(flows) == [-100, -70, -30, 20]
    assert payback_year(flows) == 4


def test_payback_counts_only_a_position_that_stays_positive():
    assert payback_year([-100, 150, -100, 10]) is None  # back below zero in year 3
    assert payback_year([-100, 150, -40, 20]) == 2  # -100, 50, 10, 30
    assert payback_year([10, 10]) == 1
    assert payback_year([-10, 5]) is None


def test_discounted_payback_is_never_earlier_than_simple_payback():
    flows = [-1000, 400, 400, 400]
    assert payback_year(flows) == 4  # -1000, -600, -200, 200
    # discounted at 10 %: -1000, 363.6, 330.6, 300.5 -> -5.3 after year 4: not within the horizon
    assert discounted_payback_year(flows, 0.10) is None
    assert discounted_payback_year(flows, 0.0) == 4


def test_it_allocates_by_largest_remainder_to_the_euro():
    # 100 over three equal shares: 33.33 each, the one euro left goes to the first
    assert allocate(100, {"a": 1, "b": 1, "c": 1}) == {"a": 34, "b": 33, "c": 33}
    # 10 by 1:2:3 -> quotas 1.667, 3.333, 5 -> floors 1, 3, 5; one euro to the largest remainder (a)
    assert allocate(10, {"a": 1, "b": 2, "c": 3}) == {"a": 2, "b": 3, "c": 5}


def test_it_allocates_negative_totals_symmetrically():
    assert allocate(-100, {"a": 1, "b": 1, "c": 1}) == {"a": -34, "b": -33, "c": -33}


@settings(max_examples=50)
@given(
    st.integers(-(10**10), 10**10),
    st.dictionaries(
        st.text(min_size=1, max_size=4),
        st.one_of(st.integers(0, 10**7), st.floats(0, 1e7, allow_nan=False), st.decimals(0, 10**6, places=2)),
        min_size=1,
        max_size=12,
    ),
)
def test_allocation_shares_always_sum_to_the_total(total, weights):
    if sum(Decimal(str(w)) for w in weights.values()) == 0:
        with pytest.raises(AllocationError):
            allocate(total, weights)
        return
    result = allocate(total, weights)
    assert sum(result.values()) == total
    assert set(result) == set(weights)
    assert all(isinstance(v, int) for v in result.values())


def test_it_rejects_negative_or_empty_weights():
    with pytest.raises(AllocationError, match="negative_weight"):
        allocate(10, {"a": -1, "b": 2})
    with pytest.raises(AllocationError, match="all_zero"):
        allocate(10, {"a": 0})
    with pytest.raises(AllocationError):
        shares({})


def test_key_weights_use_the_named_figure_and_say_what_is_missing():
    partners = [
        Partner("GM0340", "Rhenen", 20000, 1_920_000, ict_spend_eur=1_800_000, workplaces=None),
        Partner("GM0345", "Veenendaal", 68000, 6_528_000, ict_spend_eur=6_000_000, workplaces=700),
    ]
    assert key_weights("inwoners", partners) == {"GM0340": 20000, "GM0345": 68000}
    assert key_weights("ict-uitgaven", partners) == {"GM0340": 1_800_000, "GM0345": 6_000_000}
    assert key_weights("gelijk", partners) == {"GM0340": 1, "GM0345": 1}
    assert key_weights("eigen", partners, {"GM0340": 40, "GM0345": 60}) == {"GM0340": 40, "GM0345": 60}
    with pytest.raises(AllocationError) as error:
        key_weights("werkplekken", partners)
    assert (error.value.code, error.value.values["names"]) == ("workplaces_missing", ("Rhenen",))
    with pytest.raises(AllocationError) as error:
        key_weights("eigen", partners, {"GM0340": 1})
    assert (error.value.code, error.value.values["names"]) == ("custom_share_missing", ("Veenendaal",))
    with pytest.raises(AllocationError, match="unknown_key"):
        key_weights("loting", partners)
