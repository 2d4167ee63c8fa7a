# SPDX-License-Identifier: EUPL-1.2
from goedebuur.core.ledger.verdict import (
    ABOVE,
    BELOW,
    NO_FIGURES,
    NO_FORECAST,
    WITHIN,
    Realised,
    compare,
    forecast_years,
    sum_realised,
)


def _forecast():
    # three years; each year's net band 80..120 (P50 100), cumulative bands accordingly
    return forecast_years(
        [2027, 2028, 2029],
        net=[[80, 80, 80], [100, 100, 100], [120, 120, 120]],
        cumulative=[[80, 170, 260], [100, 200, 300], [120, 230, 340]],
        savings_p50=[150, 150, 150],
        costs_p50=[50, 50, 50],
    )


def test_it_finds_a_year_within_the_band():
    result = compare([Realised(2027, savings=150, one_off_costs=30, yearly_costs=20)], _forecast())
    assert [(v.code, v.cumulative_code) for v in result.years] == [(WITHIN, WITHIN)]
    assert (result.code, result.year) == (WITHIN, 2027)


def test_it_names_the_first_year_the_cumulative_position_falls_below_p10():
    rows = [
        Realised(2027, 150, 0, 50),  # net 100, cumulative 100: within
        Realised(2028, 100, 0, 50),  # net 50 (below), cumulative 150 < 170: below
        Realised(2029, 300, 0, 0),  # net 300 (above), cumulative 450 > 340: above
    ]
    result = compare(rows, _forecast())
    assert [v.code for v in result.years] == [WITHIN, BELOW, ABOVE]
    assert [v.cumulative_net for v in result.years] == [100, 150, 450]
    assert [v.cumulative_code for v in result.years] == [WITHIN, BELOW, ABOVE]
    assert (result.code, result.year) == (BELOW, 2028)


def test_it_says_above_when_the_last_cumulative_position_is_above_p90():
    result = compare([Realised(2027, 400, 0, 0)], _forecast())
    assert (result.code, result.year) == (ABOVE, 2027)


def test_a_year_outside_the_horizon_has_no_forecast_and_no_totals():
    result = compare([Realised(2031, 100, 0, 0)], _forecast())
    assert result.years[0].code == NO_FORECAST
    assert (result.code, result.realised_savings, result.forecast_savings_p50) == (NO_FORECAST, 0, 0)


def test_without_figures_there_is_no_verdict():
    assert compare([], _forecast()).code == NO_FIGURES


def test_it_adds_savings_and_costs_over_the_compared_years_only():
    rows = [Realised(2027, 120, 10, 30), Realised(2028, 140, 0, 40), Realised(2035, 999, 0, 0)]
    result = compare(rows, _forecast())
    assert (result.realised_savings, result.realised_costs) == (260, 80)
    assert (result.forecast_savings_p50, result.forecast_costs_p50) == (300, 100)


def test_it_adds_up_municipalities_per_year():
    rows = [Realised(2028, 10, 1, 2), Realised(2027, 5, 0, 0), Realised(2028, 20, 3, 4)]
    assert sum_realised(rows) == [Realised(2027, 5, 0, 0), Realised(2028, 30, 4, 6)]


def test_a_band_given_in_the_wrong_order_is_still_low_to_high():
    forecast = forecast_years([2027], [[120], [100], [80]], [[120], [100], [80]], [0], [0])
    assert (forecast[2027].net.p10, forecast[2027].net.p90) == (80, 120)
