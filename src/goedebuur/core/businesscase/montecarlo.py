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

Below: the engine (a case as arrays and its cash flows), draws of its inputs and percentiles, then
the three analyses."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from goedebuur.core.businesscase.finance import allocate, key_weights, shares
from goedebuur.core.businesscase.model import Case, check

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
    "YearlyBand",
    "deterministic",
    "payback_from_cumulative",
    "payback_index",
    "percentiles_in_place",
    "sample",
    "simulate",
    "tornado",
    "yearly_band",
]

PERCENTILES = (10, 50, 90)
CHUNK = 4_096  # draws per pass: small enough for the temporaries to stay in the CPU cache
TOTAL = "totaal"
MAX_DRAWS = 1_000_000
RATE_SENSITIVITY = 0.01  # the tornado moves the discount rate one percentage point each way


@dataclass(frozen=True)
class Input:
    """One uncertain input of the engine (a column of the draw matrix). `label` is the saving's or
    hidden cost's own label ("" for the baseline factor); the app phrases the tornado's bars."""

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
            *(Input(f"besparing:{s.domain}", s.label, *_range(s.percent)) for s in case.savings),
            *(Input(f"kosten:{c.key}", c.label, *_range(c.amount)) for c in case.hidden_costs),
            Input("basislijn", "", 1.0 - spread, 1.0, 1.0 + spread),
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

    def evaluate(self, theta: np.ndarray, *, discounted: bool = True):
        """theta [draws, inputs] -> (NPV [D, M+1], cumulative position [D, M+1, Y], discounted
        cumulative position [D, M+1, Y] or None); the last municipality column is the total. The
        sums run over [D, Y] arrays and are combined per municipality once: the same algebra as
        `flows`, several times faster for 100,000 draws."""
        s = self.savings_count
        effect = theta[:, :s] @ self.saving_curve
        joint = theta[:, s : s + len(self.case.hidden_costs)] @ self.cost_timing
        factor = theta[:, -1]
        d = self.discount
        scaled = factor[:, None] * self.baseline[None, :]  # [D, M]
        npv = np.empty((len(factor), len(self.codes) + 1))
        npv[:, :-1] = scaled * (effect @ d)[:, None] - self.weights[None, :] * (joint @ d)[:, None]
        npv[:, :-1] -= (self.double @ d)[None, :]
        npv[:, -1] = (
            factor * self.baseline.sum() * (effect @ d)
            - self.weights.sum() * (joint @ d)
            - (self.double @ d).sum()
        )
        plain = self._cumulative(factor, effect, joint, self.double)
        disc = self._cumulative(factor, effect * d, joint * d, self.double * d) if discounted else None
        return npv, plain, disc

    def _cumulative(self, factor, effect, joint, double) -> np.ndarray:
        cum_effect = np.cumsum(effect, axis=1)  # [D, Y]
        cum_joint = np.cumsum(joint, axis=1)
        cum_double = np.cumsum(double, axis=1)  # [M, Y]
        scaled = factor[:, None] * self.baseline[None, :]  # [D, M]
        out = np.empty((len(factor), len(self.codes) + 1, effect.shape[1]))
        municipalities = out[:, :-1, :]
        np.multiply(scaled[:, :, None], cum_effect[:, None, :], out=municipalities)
        municipalities -= self.weights[None, :, None] * cum_joint[:, None, :]
        municipalities -= cum_double[None, :, :]
        out[:, -1, :] = (
            (factor * self.baseline.sum())[:, None] * cum_effect
            - self.weights.sum() * cum_joint
            - cum_double.sum(axis=0)[None, :]
        )
        return out


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
    return payback_from_cumulative(np.cumsum(flows, axis=-1))


def payback_from_cumulative(cum: np.ndarray) -> np.ndarray:
    """As `payback_index`, from the cumulative positions: the year after the last negative one."""
    years = cum.shape[-1]
    negative = cum < 0
    last_negative = years - 1 - np.argmax(negative[..., ::-1], axis=-1)  # 0-based
    year = np.where(negative.any(axis=-1), last_negative + 2, 1).astype(float)
    year[year > years] = np.inf
    return year


def _year_or_none(value: float) -> int | None:
    return None if not np.isfinite(value) else int(value)


def percentiles_in_place(values: np.ndarray, *, linear: bool = True) -> np.ndarray:
    """P10, P50 and P90 along the last axis, as np.percentile's "linear" (or, with linear=False,
    "inverted_cdf": always one of the values) method, but partitioning `values` in place instead of
    sorting a copy. Returns [3, ...]."""
    n = values.shape[-1]
    if linear:
        positions = [p / 100 * (n - 1) for p in PERCENTILES]
        low = [int(np.floor(x)) for x in positions]
        high = [min(i + 1, n - 1) for i in low]
        values.partition(sorted(set(low + high)), axis=-1)
        return np.stack(
            [
                values[..., a] + (values[..., b] - values[..., a]) * (x - a)
                for x, a, b in zip(positions, low, high, strict=True)
            ]
        )
    ranks = [max(int(np.ceil(p / 100 * n)) - 1, 0) for p in PERCENTILES]
    values.partition(sorted(set(ranks)), axis=-1)
    return np.stack([values[..., r] for r in ranks])


# --- the three analyses ---------------------------------------------------------------------------


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
        raise ValueError(f"draws must be 1 to {MAX_DRAWS}, not {draws}")
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
    names = {**engine.names, TOTAL: ""}  # the app names the total in the user's language
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
            "",
            low_rate,
            high_rate,
            int(round(float(totals @ (1.0 / (1.0 + low_rate) ** years)))),
            int(round(float(totals @ (1.0 / (1.0 + high_rate) ** years)))),
        )
    )
    bars.sort(key=lambda bar: (-bar.swing, bar.key))
    return base, tuple(bars)


# --- per-year percentiles (the savings ledger draws realised figures against them) ---------------


@dataclass(frozen=True)
class YearlyBand:
    """Per municipality code (and TOTAL): P10/P50/P90 of each year's net cash flow and of the
    cumulative position, and the P50 of each year's savings and costs (whole euros, horizon order)."""

    start_year: int
    net: dict[str, tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]]
    cumulative: dict[str, tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]]
    savings_p50: dict[str, tuple[int, ...]]
    costs_p50: dict[str, tuple[int, ...]]


def yearly_band(case: Case, draws: int = 10_000, seed: int = 1) -> YearlyBand:
    """The same draws as `simulate` (same seed), summarised per year instead of over the horizon."""
    if not 1 <= draws <= MAX_DRAWS:
        raise ValueError(f"draws must be 1 to {MAX_DRAWS}, not {draws}")
    engine = Engine(case)
    rng = np.random.default_rng(seed)
    m, years = len(engine.codes), case.horizon
    net = np.empty((m + 1, years, draws))
    saved = np.empty((m + 1, years, draws))
    for start in range(0, draws, CHUNK):
        stop = min(draws, start + CHUNK)
        theta = sample(engine, stop - start, rng, case.distribution)
        flows = engine.flows(theta)  # [D, M, Y]
        savings = engine.savings(theta)
        net[:m, :, start:stop] = flows.transpose(1, 2, 0)
        net[m, :, start:stop] = flows.sum(axis=1).T
        saved[:m, :, start:stop] = savings.transpose(1, 2, 0)
        saved[m, :, start:stop] = savings.sum(axis=1).T
    costs = saved - net
    cum = np.cumsum(net, axis=1)
    net_p = percentiles_in_place(net)
    cum_p = percentiles_in_place(cum)
    saved_p = percentiles_in_place(saved)[1]
    costs_p = percentiles_in_place(costs)[1]
    codes = (*engine.codes, TOTAL)

    def rounded(values) -> tuple[int, ...]:
        return tuple(int(round(float(v))) for v in values)

    return YearlyBand(
        start_year=case.start_year,
        net={c: tuple(rounded(net_p[k, j]) for k in range(3)) for j, c in enumerate(codes)},
        cumulative={c: tuple(rounded(cum_p[k, j]) for k in range(3)) for j, c in enumerate(codes)},
        savings_p50={c: rounded(saved_p[j]) for j, c in enumerate(codes)},
        costs_p50={c: rounded(costs_p[j]) for j, c in enumerate(codes)},
    )
