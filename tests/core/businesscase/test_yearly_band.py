# SPDX-License-Identifier: EUPL-1.2
"""The per-year percentiles the savings ledger compares realised figures with."""

import pytest

from goedebuur.core.businesscase.montecarlo import TOTAL, deterministic, simulate, yearly_band

from .businesscase_examples import collapsed, example_case


def test_collapsed_ranges_give_the_deterministic_schedule_every_year():
    case = collapsed(example_case())
    band = yearly_band(case, draws=200, seed=3)
    schedule = deterministic(case).schedule
    # the schedule rounds savings, cost shares and double contracts one by one (a few euros a year)
    for code, rows in schedule.items():
        for k in range(3):
            assert band.net[code][k] == pytest.approx([r.net for r in rows], abs=3)
            assert band.cumulative[code][k] == pytest.approx([r.cumulative for r in rows], abs=3 * len(rows))
        assert band.savings_p50[code] == pytest.approx([r.savings for r in rows], abs=3)
        costs = [r.cost_share + r.double_contracts for r in rows]
        assert band.costs_p50[code] == pytest.approx(costs, abs=3)


def test_the_cumulative_band_is_the_reports_band_from_the_same_seed():
    case = example_case()
    band = yearly_band(case, draws=2_000, seed=5)
    report = simulate(case, draws=2_000, seed=5).band
    for k in range(3):
        # the report keeps its band in float32: equal to a few euros
        assert band.cumulative[TOTAL][k] == pytest.approx(report[TOTAL][k], rel=1e-5, abs=5)


def test_each_year_is_ordered_p10_p50_p90():
    band = yearly_band(example_case(), draws=1_000, seed=1)
    for code in band.net:
        for low, mid, high in zip(*band.net[code], strict=True):
            assert low <= mid <= high


def test_it_refuses_a_draw_count_out_of_range():
    with pytest.raises(ValueError):
        yearly_band(example_case(), draws=0)
