# SPDX-License-Identifier: EUPL-1.2
import pytest

from goedebuur.core.ledger.uplift import CaseRatio, uplift


def test_it_suggests_lower_savings_from_the_median_shortfall():
    cases = [CaseRatio(realised, 100, 50, 50) for realised in (50, 70, 80, 90, 120)]
    result = uplift(cases, minimum=5)
    assert result.savings_ratio == pytest.approx(0.8)
    assert result.savings_uplift == pytest.approx(0.2)
    assert (result.savings_cases, result.misses, result.usable) == (5, 4, True)


def test_it_suggests_higher_costs_from_the_median_overrun():
    cases = [CaseRatio(100, 100, realised, 100) for realised in (100, 130, 150)]
    result = uplift(cases, minimum=3)
    assert result.cost_uplift == pytest.approx(0.3)


def test_it_never_suggests_a_negative_uplift():
    result = uplift([CaseRatio(200, 100, 50, 100)], minimum=1)
    assert (result.savings_uplift, result.cost_uplift) == (0.0, 0.0)


def test_it_is_not_usable_below_the_minimum_count():
    result = uplift([CaseRatio(50, 100, 0, 0)] * 4, minimum=5)
    assert (result.cases, result.usable) == (4, False)


def test_a_case_without_a_forecast_gives_no_ratio():
    result = uplift([CaseRatio(50, 0, 10, 0)], minimum=1)
    assert (result.savings_cases, result.cost_cases, result.savings_uplift) == (0, 0, None)
