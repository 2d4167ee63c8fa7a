# SPDX-License-Identifier: EUPL-1.2
"""goedebuur.core.businesscase.montecarlo: the deterministic schedule by hand, Monte Carlo properties and the
tornado."""

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goedebuur.core.businesscase.model import CaseError, DoubleContract, Range
from goedebuur.core.businesscase.montecarlo import TOTAL, Engine, deterministic, sample, simulate, tornado

from .businesscase_examples import collapsed, example_case, simple_case


def test_it_computes_a_small_case_by_hand():
    result = deterministic(simple_case())
    # savings per year: A 1,000,000 x 50 % x 10 % = 50,000 from year 2; B 150,000
    # costs: 400,000 in year 1 split 1:3 -> A 100,000, B 300,000
    a = result.schedule["A"]
    assert [row.savings for row in a] == [0, 50_000, 50_000]
    assert [row.cost_share for row in a] == [100_000, 0, 0]
    assert [row.net for row in a] == [-100_000, 50_000, 50_000]
    assert [row.cumulative for row in a] == [-100_000, -50_000, 0]
    assert result.npv == {"A": 0, "B": 0, TOTAL: 0}
    assert result.payback == {"A": 3, "B": 3, TOTAL: 3}
    assert result.allocation == {"A": 100_000, "B": 300_000}
    assert [row.calendar_year for row in result.schedule[TOTAL]] == [2027, 2028, 2029]


def test_the_ramp_up_reaches_the_full_saving_after_the_ramp_years():
    case = simple_case()
    case = replace(case, horizon=4, savings=(replace(case.savings[0], ramp_years=2),))
    rows = deterministic(case).schedule["A"]
    assert [row.savings for row in rows] == [0, 25_000, 50_000, 50_000]


def test_double_contracts_are_charged_to_their_own_municipality():
    case = replace(
        simple_case(),
        double_contracts=(DoubleContract("B", "Oud pakket", 12_000, "2028-06-30", (0, 6_000, 0)),),
    )
    result = deterministic(case)
    assert [row.double_contracts for row in result.schedule["B"]] == [0, 6_000, 0]
    assert [row.double_contracts for row in result.schedule["A"]] == [0, 0, 0]
    assert result.npv["B"] == -6_000


def test_yearly_cost_shares_add_up_to_the_joint_costs_to_the_euro():
    case = example_case(allocation_key="gelijk")
    case = replace(case, partners=case.partners)
    result = deterministic(case)
    for year in range(case.horizon):
        shares = sum(result.schedule[p.code][year].cost_share for p in case.partners)
        assert shares == result.joint_costs[year] == result.schedule[TOTAL][year].cost_share


def test_collapsed_ranges_give_the_deterministic_result_at_every_percentile():
    case = collapsed(example_case())
    expected = deterministic(case)
    simulation = simulate(case, draws=2_000, seed=7)
    for outcome in simulation.outcomes:
        assert outcome.npv == (expected.npv[outcome.code],) * 3
        assert outcome.payback == (expected.payback[outcome.code],) * 3
        assert outcome.p_negative in (0.0, 1.0)


@pytest.mark.parametrize("distribution", ["driehoek", "pert"])
def test_the_same_seed_gives_the_same_result(distribution):
    case = example_case(distribution=distribution)
    assert simulate(case, draws=3_000, seed=42) == simulate(case, draws=3_000, seed=42)
    assert simulate(case, draws=3_000, seed=42) != simulate(case, draws=3_000, seed=43)


def test_percentiles_are_ordered_and_bracket_the_median_case():
    simulation = simulate(example_case(), draws=20_000, seed=1)
    for outcome in simulation.outcomes:
        p10, p50, p90 = outcome.npv
        assert p10 < p50 < p90
        assert 0.0 < outcome.p_negative < 1.0
    low, mid, high = simulation.band[TOTAL]
    assert all(a <= b <= c for a, b, c in zip(low, mid, high, strict=True))


@pytest.mark.parametrize("distribution", ["driehoek", "pert"])
def test_draws_stay_within_their_ranges_and_centre_on_the_mode(distribution):
    engine = Engine(example_case(distribution=distribution))
    draws = sample(engine, 50_000, np.random.default_rng(3), distribution)
    assert (draws >= engine.low - 1e-9).all() and (draws <= engine.high + 1e-9).all()
    # the mean of a triangular distribution is (a + c + b) / 3, of PERT (a + 4c + b) / 6
    weight = 1 if distribution == "driehoek" else 4
    expected = (engine.low + weight * engine.likely + engine.high) / (weight + 2)
    assert np.allclose(draws.mean(axis=0), expected, rtol=0.02, atol=1e-6)


@settings(max_examples=40, deadline=None)
@given(st.floats(0, 50), st.floats(0, 50))
def test_higher_savings_never_lower_the_npv(first, extra):
    case = example_case()
    lower = replace(case, savings=tuple(replace(s, percent=Range.point(first)) for s in case.savings))
    higher = replace(
        case, savings=tuple(replace(s, percent=Range.point(first + extra)) for s in case.savings)
    )
    low, high = deterministic(lower), deterministic(higher)
    for code in low.npv:
        assert high.npv[code] >= low.npv[code]


def test_the_tornado_puts_the_widest_input_first_and_includes_the_discount_rate():
    base, bars = tornado(example_case())
    assert base == deterministic(example_case()).npv[TOTAL]
    swings = [bar.swing for bar in bars]
    assert swings == sorted(swings, reverse=True)
    keys = {bar.key for bar in bars}
    assert "discontovoet" in keys and "kosten:migratie" in keys and "besparing:applicaties" in keys
    migration = next(bar for bar in bars if bar.key == "kosten:migratie")
    assert migration.npv_low > base > migration.npv_high  # more cost, lower NPV


def test_it_refuses_an_invalid_case_or_draw_count():
    with pytest.raises(CaseError):
        simulate(example_case(horizon=0))
    with pytest.raises(ValueError, match="draws must be"):
        simulate(example_case(), draws=0)


def test_the_fast_evaluation_agrees_with_the_plain_cash_flows():
    case = example_case(
        double_contracts=(
            DoubleContract("GM0340", "Oud", 10_000, "2029-12-31", (0, 10_000, 10_000) + (0,) * 7),
        ),
    )
    engine = Engine(case)
    theta = sample(engine, 500, np.random.default_rng(5), "pert")
    flows = engine.flows(theta)
    flows = np.concatenate([flows, flows.sum(axis=1, keepdims=True)], axis=1)
    npv, cumulative, discounted = engine.evaluate(theta)
    assert np.allclose(cumulative, np.cumsum(flows, axis=-1), atol=1e-6)
    assert np.allclose(npv, flows @ engine.discount, atol=1e-6)
    assert np.allclose(discounted[..., -1], npv, atol=1e-6)
