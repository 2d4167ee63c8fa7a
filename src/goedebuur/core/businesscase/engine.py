# SPDX-License-Identifier: EUPL-1.2
"""The business-case engine: a case as arrays, its cash flows, draws of its inputs and percentiles."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from goedebuur.core.businesscase.finance import key_weights, shares
from goedebuur.core.businesscase.model import Case, check

PERCENTILES = (10, 50, 90)


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
