# SPDX-License-Identifier: EUPL-1.2
"""The computation of a business case (no Django), vectorised with NumPy.

One engine serves the deterministic result (every uncertain input at its most likely value), the
Monte Carlo simulation (triangular or PERT draws with an explicit seed) and the one-at-a-time
sensitivity (tornado), so that with every range collapsed to a point the three agree exactly.

Per municipality m and year y the net cash flow is
    savings   = baseline_m x baseline factor x sum over domains (domain share x saving % x ramp-up_y)
    - share_m x joint hidden costs_y       (allocation key)
    - double contracts_m,y                  (own contracts running to their end dates)
Amounts are euros in floating point inside the engine and whole euros at the boundary."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .businesscase import Case, check
from .finance import allocate, key_weights, shares

PERCENTILES = (10, 50, 90)
CHUNK = 25_000
TOTAL = "totaal"
MAX_DRAWS = 1_000_000
RATE_SENSITIVITY = 0.01  # the tornado moves the discount rate one percentage point each way


@dataclass(frozen=True)
class Input:
    """One uncertain input of the engine (a column of the draw matrix)."""

    key: str
    label: str
    low: float
    likely: float
    high: float


class Engine:
    """The arrays of a validated case; `flows(theta)` maps draws of the inputs to cash flows."""

    def __init__(self, case: Case):
        check(case)
        self.case = case
        horizon = case.horizon
        self.codes = tuple(p.code for p in case.partners)
        self.names = {p.code: p.name for p in case.partners}
        self.baseline = np.array([p.baseline_eur for p in case.partners], dtype=float)
        weights = key_weights(case.allocation_key, case.partners, case.custom_weights)
        self.weights_exact = weights
        fractions = shares(weights)
        self.weights = np.array([fractions[c] for c in self.codes])
        years = np.arange(1, horizon + 1)
        curve = np.zeros((len(case.savings), horizon))
        for i, saving in enumerate(case.savings):
            ramp = np.clip((years - saving.start_year + 1) / saving.ramp_years, 0.0, 1.0)
            curve[i] = saving.domain_share_pct / 100.0 * ramp / 100.0  # x saving percent
        self.saving_curve = curve
        timing = np.zeros((len(case.hidden_costs), horizon))
        for i, cost in enumerate(case.hidden_costs):
            year = cost.year or horizon
            if cost.kind == "jaarlijks":
                timing[i, year - 1 :] = 1.0
            else:
                timing[i, year - 1] = 1.0
        self.cost_timing = timing
        double = np.zeros((len(self.codes), horizon))
        index = {c: i for i, c in enumerate(self.codes)}
        for contract in case.double_contracts:
            if contract.municipality in index:
                double[index[contract.municipality]] += np.array(contract.amounts, dtype=float)
        self.double = double
        spread = case.baseline_uncertainty_pct / 100.0
        self.inputs = (
            *(
                Input(f"besparing:{s.domain}", f"Besparing {s.label}", *_range(s.percent))
                for s in case.savings
            ),
            *(Input(f"kosten:{c.key}", c.label, *_range(c.amount)) for c in case.hidden_costs),
            Input("basislijn", "ICT-kosten basislijn (factor)", 1.0 - spread, 1.0, 1.0 + spread),
        )
        self.low = np.array([i.low for i in self.inputs])
        self.likely = np.array([i.likely for i in self.inputs])
        self.high = np.array([i.high for i in self.inputs])
        self.discount = 1.0 / (1.0 + case.discount_rate) ** np.arange(horizon)

    @property
    def savings_count(self) -> int:
        return len(self.case.savings)

    def flows(self, theta: np.ndarray) -> np.ndarray:
        """theta [draws, inputs] -> net cash flows [draws, municipalities, years]."""
        s = self.savings_count
        h = len(self.case.hidden_costs)
        effect = theta[:, :s] @ self.saving_curve  # [D, Y]: saved fraction of the baseline
        joint = theta[:, s : s + h] @ self.cost_timing  # [D, Y]
        factor = theta[:, -1]
        savings = (factor[:, None] * self.baseline[None, :])[:, :, None] * effect[:, None, :]
        return savings - self.weights[None, :, None] * joint[:, None, :] - self.double[None, :, :]

    def joint_costs(self, theta: np.ndarray) -> np.ndarray:
        s = self.savings_count
        return theta[:, s : s + len(self.case.hidden_costs)] @ self.cost_timing

    def savings(self, theta: np.ndarray) -> np.ndarray:
        effect = theta[:, : self.savings_count] @ self.saving_curve
        factor = theta[:, -1]
        return (factor[:, None] * self.baseline[None, :])[:, :, None] * effect[:, None, :]


def _range(value) -> tuple[float, float, float]:
    return float(value.low), float(value.likely), float(value.high)


def sample(engine: Engine, draws: int, rng: np.random.Generator, distribution: str) -> np.ndarray:
    """Draws [draws, inputs] from triangular or PERT distributions; a range of width 0 always
    gives exactly its value."""
    a, c, b = engine.low, engine.likely, engine.high
    width = b - a
    safe = np.where(width > 0, width, 1.0)
    if distribution == "pert":
        alpha = np.where(width > 0, 1.0 + 4.0 * (c - a) / safe, 1.0)
        beta = np.where(width > 0, 1.0 + 4.0 * (b - c) / safe, 1.0)
        unit = rng.beta(alpha, beta, size=(draws, len(a)))
        return a + np.where(width > 0, width, 0.0) * unit
    u = rng.random((draws, len(a)))
    mode = np.where(width > 0, (c - a) / safe, 0.0)
    left = a + np.sqrt(u * width * (c - a))
    right = b - np.sqrt((1.0 - u) * width * (b - c))
    return np.where(width > 0, np.where(u < mode, left, right), a)


def payback_index(flows: np.ndarray) -> np.ndarray:
    """Year (1-based) from which the cumulative position stays >= 0, per row of the last axis;
    inf when it never does."""
    cum = np.cumsum(flows, axis=-1)
    stays = np.logical_and.accumulate((cum >= 0)[..., ::-1], axis=-1)[..., ::-1]
    found = stays.any(axis=-1)
    first = np.argmax(stays, axis=-1) + 1
    return np.where(found, first, np.inf)


def _year_or_none(value: float) -> int | None:
    return None if not np.isfinite(value) else int(value)


@dataclass(frozen=True)
class Outcome:
    code: str
    name: str
    npv: tuple[int, int, int]  # P10, P50, P90
    p_negative: float
    payback: tuple[int | None, int | None, int | None]
    discounted_payback: tuple[int | None, int | None, int | None]


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
    npv = np.empty((draws, m + 1))
    payback = np.empty((draws, m + 1))
    discounted = np.empty((draws, m + 1))
    cum = np.empty((draws, m + 1, years), dtype=np.float64)
    for start in range(0, draws, CHUNK):
        stop = min(draws, start + CHUNK)
        theta = sample(engine, stop - start, rng, case.distribution)
        flows = engine.flows(theta)
        flows = np.concatenate([flows, flows.sum(axis=1, keepdims=True)], axis=1)
        npv[start:stop] = flows @ engine.discount
        payback[start:stop] = payback_index(flows)
        discounted[start:stop] = payback_index(flows * engine.discount)
        cum[start:stop] = np.cumsum(flows, axis=-1)
    npv_p = np.percentile(npv, PERCENTILES, axis=0)
    pay_p = np.percentile(payback, PERCENTILES, axis=0, method="inverted_cdf")
    disc_p = np.percentile(discounted, PERCENTILES, axis=0, method="inverted_cdf")
    band_p = np.percentile(cum, PERCENTILES, axis=0)
    negative = (npv < 0).mean(axis=0)
    codes = (*engine.codes, TOTAL)
    names = {**engine.names, TOTAL: "Alle gemeenten samen"}
    outcomes = tuple(
        Outcome(
            code=code,
            name=names[code],
            npv=tuple(int(round(v)) for v in npv_p[:, j]),
            p_negative=float(negative[j]),
            payback=tuple(_year_or_none(v) for v in pay_p[:, j]),
            discounted_payback=tuple(_year_or_none(v) for v in disc_p[:, j]),
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
    flows = engine.flows(theta)[0]
    savings = engine.savings(theta)[0]
    joint = engine.joint_costs(theta)[0]
    joint_int = [int(round(v)) for v in joint]
    yearly_shares = [allocate(amount, engine.weights_exact) for amount in joint_int]
    total_flow = flows.sum(axis=0)
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
    all_flows = {**{c: flows[i] for i, c in enumerate(engine.codes)}, TOTAL: total_flow}
    return Deterministic(
        npv={c: int(round(float(f @ engine.discount))) for c, f in all_flows.items()},
        payback={c: _year_or_none(payback_index(f)) for c, f in all_flows.items()},
        discounted_payback={
            c: _year_or_none(payback_index(f * engine.discount)) for c, f in all_flows.items()
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
    totals = engine.flows(theta).sum(axis=1)  # [rows, Y]
    npv = totals @ engine.discount
    base = int(round(npv[-1]))
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
            int(round(float(totals[-1] @ (1.0 / (1.0 + low_rate) ** years)))),
            int(round(float(totals[-1] @ (1.0 / (1.0 + high_rate) ** years)))),
        )
    )
    bars.sort(key=lambda bar: (-bar.swing, bar.key))
    return base, tuple(bars)
