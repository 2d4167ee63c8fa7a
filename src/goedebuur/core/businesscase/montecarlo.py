# SPDX-License-Identifier: EUPL-1.2
"""The computation of a business case (no Django), vectorised with NumPy.

One engine serves the deterministic result (every uncertain input at its most likely value), the
Monte Carlo simulation (triangular or PERT draws with an explicit seed) and the one-at-a-time
sensitivity (tornado), so that with every range collapsed to a point the three agree exactly.

Per municipality m and year y the net cash flow is
    savings   = baseline_m x baseline factor x sum over domains (domain share x saving % x ramp-up_y)
    - share_m x joint hidden costs_y       (allocation key)
    - double contracts_m,y                  (own contracts running to their end dates)
Amounts are euros in floating point inside the engine and whole euros at the boundary.

The engine and its numerical helpers live in `montecarlo_engine`; this module holds the three analyses."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from goedebuur.core.businesscase.engine import (
    PERCENTILES,
    Engine,
    Input,
    _year_or_none,
    payback_from_cumulative,
    payback_index,
    percentiles_in_place,
    sample,
)
from goedebuur.core.businesscase.finance import allocate
from goedebuur.core.businesscase.model import Case

__all__ = [
    "CHUNK",
    "MAX_DRAWS",
    "PERCENTILES",
    "RATE_SENSITIVITY",
    "TOTAL",
    "Deterministic",
    "Engine",
    "Input",
    "Outcome",
    "Simulation",
    "TornadoBar",
    "YearRow",
    "deterministic",
    "payback_from_cumulative",
    "payback_index",
    "percentiles_in_place",
    "sample",
    "simulate",
    "tornado",
]

CHUNK = 4_096  # draws per pass: small enough for the temporaries to stay in the CPU cache
TOTAL = "totaal"
MAX_DRAWS = 1_000_000
RATE_SENSITIVITY = 0.01  # the tornado moves the discount rate one percentage point each way


@dataclass(frozen=True)
class Outcome:
    code: str
    name: str
    npv: tuple[int, int, int]  # P10, P50, P90
    p_negative: float
    payback: tuple[int | None, int | None, int | None]


@dataclass(frozen=True)
class Simulation:
    draws: int
    seed: int
    distribution: str
    outcomes: tuple[Outcome, ...]  # one per municipality, then the total
    band: dict[str, tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]]  # cumulative P10/P50/P90

    def outcome(self, code: str) -> Outcome:
        return next(o for o in self.outcomes if o.code == code)


def simulate(case: Case, draws: int = 10_000, seed: int = 1) -> Simulation:
    """Monte Carlo over every uncertain input of the case, with an explicit seed."""
    if not 1 <= draws <= MAX_DRAWS:
        raise ValueError(f"Het aantal trekkingen moet 1 tot en met {MAX_DRAWS:,} zijn.".replace(",", "."))
    engine = Engine(case)
    rng = np.random.default_rng(seed)
    m, years = len(engine.codes), case.horizon
    # draws on the last axis: percentiles partition contiguous rows, much faster than axis 0; the
    # band (for the chart) is kept in float32, which is exact to a few euros at these amounts
    npv = np.empty((m + 1, draws))
    payback = np.empty((m + 1, draws))
    cum = np.empty((m + 1, years, draws), dtype=np.float32)
    for start in range(0, draws, CHUNK):
        stop = min(draws, start + CHUNK)
        theta = sample(engine, stop - start, rng, case.distribution)
        values, plain, _disc = engine.evaluate(theta, discounted=False)
        npv[:, start:stop] = values.T
        payback[:, start:stop] = payback_from_cumulative(plain).T
        cum[:, :, start:stop] = plain.transpose(1, 2, 0)
    npv_p = percentiles_in_place(npv)
    pay_p = percentiles_in_place(payback, linear=False)
    band_p = percentiles_in_place(cum)  # [3, M+1, Y]
    negative = (npv < 0).mean(axis=-1)
    codes = (*engine.codes, TOTAL)
    names = {**engine.names, TOTAL: "Alle gemeenten samen"}
    outcomes = tuple(
        Outcome(
            code=code,
            name=names[code],
            npv=tuple(int(round(v)) for v in npv_p[:, j]),
            p_negative=float(negative[j]),
            payback=tuple(_year_or_none(v) for v in pay_p[:, j]),
        )
        for j, code in enumerate(codes)
    )
    band = {
        code: tuple(tuple(int(round(v)) for v in band_p[k, j]) for k in range(3))
        for j, code in enumerate(codes)
    }
    return Simulation(draws=draws, seed=seed, distribution=case.distribution, outcomes=outcomes, band=band)


@dataclass(frozen=True)
class YearRow:
    year: int  # 1-based year of the horizon
    calendar_year: int
    savings: int
    cost_share: int
    double_contracts: int
    net: int
    cumulative: int


@dataclass(frozen=True)
class Deterministic:
    """The case at its most likely values: whole-euro schedule per municipality and the total."""

    npv: dict[str, int]
    payback: dict[str, int | None]
    discounted_payback: dict[str, int | None]
    schedule: dict[str, tuple[YearRow, ...]]
    joint_costs: tuple[int, ...]  # per year, all partners together
    allocation: dict[str, int]  # each municipality's share of the joint hidden costs over the horizon


def deterministic(case: Case) -> Deterministic:
    """The case with every uncertain input at its most likely value. Cost shares per year are
    split with the largest-remainder method, so they add up to the joint costs to the euro; the
    NPV is computed before rounding (it differs from the NPV of the rounded rows by a few euros
    at most)."""
    engine = Engine(case)
    theta = engine.likely[None, :]
    savings = engine.savings(theta)[0]
    joint = engine.joint_costs(theta)[0]
    joint_int = [int(round(v)) for v in joint]
    yearly_shares = [allocate(amount, engine.weights_exact) for amount in joint_int]
    schedule: dict[str, tuple[YearRow, ...]] = {}
    totals = {"savings": [0] * case.horizon, "double": [0] * case.horizon}
    for i, code in enumerate(engine.codes):
        rows, running = [], 0
        for y in range(case.horizon):
            saving = int(round(savings[i, y]))
            double = int(round(engine.double[i, y]))
            share = yearly_shares[y][code]
            net = saving - share - double
            running += net
            totals["savings"][y] += saving
            totals["double"][y] += double
            rows.append(YearRow(y + 1, case.start_year + y, saving, share, double, net, running))
        schedule[code] = tuple(rows)
    rows, running = [], 0
    for y in range(case.horizon):
        net = totals["savings"][y] - joint_int[y] - totals["double"][y]
        running += net
        rows.append(
            YearRow(
                y + 1,
                case.start_year + y,
                totals["savings"][y],
                joint_int[y],
                totals["double"][y],
                net,
                running,
            )
        )
    schedule[TOTAL] = tuple(rows)
    values, plain, disc = engine.evaluate(theta)
    codes = (*engine.codes, TOTAL)
    return Deterministic(
        npv={c: int(round(float(values[0, j]))) for j, c in enumerate(codes)},
        payback={c: _year_or_none(v) for c, v in zip(codes, payback_from_cumulative(plain)[0], strict=True)},
        discounted_payback={
            c: _year_or_none(v) for c, v in zip(codes, payback_from_cumulative(disc)[0], strict=True)
        },
        schedule=schedule,
        joint_costs=tuple(joint_int),
        allocation=allocate(sum(joint_int), engine.weights_exact),
    )


@dataclass(frozen=True)
class TornadoBar:
    key: str
    label: str
    low: float
    high: float
    npv_low: int  # total NPV with this input at its low value, all others at their likely value
    npv_high: int

    @property
    def swing(self) -> int:
        return abs(self.npv_high - self.npv_low)


def tornado(case: Case) -> tuple[int, tuple[TornadoBar, ...]]:
    """(total NPV at the likely values, one bar per input that has a range), largest swing first.
    The discount rate is included, moved one percentage point each way."""
    engine = Engine(case)
    k = len(engine.inputs)
    theta = np.repeat(engine.likely[None, :], 2 * k + 1, axis=0)
    theta[np.arange(k), np.arange(k)] = engine.low
    theta[k + np.arange(k), np.arange(k)] = engine.high
    npv = engine.evaluate(theta)[0][:, -1]
    base = int(round(npv[-1]))
    totals = engine.flows(theta[-1:]).sum(axis=1)[0]  # [Y], for the discount-rate bar
    bars = [
        TornadoBar(item.key, item.label, item.low, item.high, int(round(npv[i])), int(round(npv[k + i])))
        for i, item in enumerate(engine.inputs)
        if item.high != item.low
    ]
    rate = case.discount_rate
    low_rate, high_rate = max(rate - RATE_SENSITIVITY, 0.0), rate + RATE_SENSITIVITY
    years = np.arange(case.horizon)
    bars.append(
        TornadoBar(
            "discontovoet",
            "Discontovoet",
            low_rate,
            high_rate,
            int(round(float(totals @ (1.0 / (1.0 + low_rate) ** years)))),
            int(round(float(totals @ (1.0 / (1.0 + high_rate) ** years)))),
        )
    )
    bars.sort(key=lambda bar: (-bar.swing, bar.key))
    return base, tuple(bars)
