# SPDX-License-Identifier: EUPL-1.2
"""Pure finance rules of a business case (no Django): net present value, simple and discounted
payback, the cumulative position and cost allocation keys (verdeelsleutels) with whole-euro
shares that add up exactly to the total.

Conventions, used everywhere in the business case:
- A cash-flow list holds one amount per year of the horizon; index 0 is year 1 of the cooperation.
- Year 1 is not discounted (it is the year of the decision, price level of that year); year t is
  divided by (1 + rate) ** (t - 1). This is the convention of `numpy_financial.npv`.
- Positive amounts are net savings, negative amounts net costs, in euros (constant prices)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction

# The real discount rate the Dutch government prescribes for social cost-benefit analyses
# (Rapport Werkgroep discontovoet 2020, adopted by the cabinet in 2020): 2.25 %.
DEFAULT_DISCOUNT_RATE = 0.0225
DISCOUNT_RATE_SOURCE = (
    "Werkgroep discontovoet (2020): reële discontovoet van 2,25 % voor maatschappelijke kosten-batenanalyses"
)
MIN_DISCOUNT_RATE = -0.05
MAX_DISCOUNT_RATE = 0.5

# Allocation keys (codes; the app names them: BusinessCase.AllocationKey).
ALLOCATION_KEYS = ("inwoners", "ict-uitgaven", "werkplekken", "gelijk", "eigen")
KEY_FIGURES = {"inwoners": "inhabitants", "ict-uitgaven": "ict_spend_eur", "werkplekken": "workplaces"}


class AllocationError(ValueError):
    """An allocation that cannot be made: `code` says why, `values` hold what a sentence about it
    needs (the app phrases it for the user)."""

    def __init__(self, code: str, **values):
        self.code = code
        self.values = values
        super().__init__(f"{code}: {values}" if values else code)


def discount_factors(rate: float, years: int) -> list[float]:
    """1 / (1 + rate) ** t for t = 0 .. years - 1."""
    if rate <= -1:
        raise ValueError("the discount rate must be above -100 %")
    return [1.0 / (1.0 + rate) ** t for t in range(years)]


def npv(flows: Sequence[float], rate: float) -> float:
    """Net present value of yearly flows (year 1 undiscounted)."""
    return sum(f * d for f, d in zip(flows, discount_factors(rate, len(flows)), strict=True))


def cumulative(flows: Sequence[float]) -> list[float]:
    """The cumulative position at the end of each year."""
    total = 0
    out = []
    for flow in flows:
        total += flow
        out.append(total)
    return out


def payback_year(flows: Sequence[float]) -> int | None:
    """The year (1-based) from which the cumulative position is 0 or more and stays so until the
    end of the horizon; None when that never happens. A position that turns positive and later
    negative again (costs that rise after early savings) does not count as paid back."""
    position = cumulative(flows)
    year = None
    for index in range(len(position) - 1, -1, -1):
        if position[index] < 0:
            break
        year = index + 1
    return year


def discounted_payback_year(flows: Sequence[float], rate: float) -> int | None:
    """As `payback_year`, on the discounted flows."""
    factors = discount_factors(rate, len(flows))
    return payback_year([f * d for f, d in zip(flows, factors, strict=True)])


def allocate(total: int, weights: Mapping[str, float | int | Decimal | Fraction]) -> dict[str, int]:
    """Split `total` whole euros over the keys in proportion to their weights, by the largest
    remainder method: every share is the rounded-down exact quota, and the euros left over go one
    by one to the largest remainders (ties in the order of the mapping). The shares always add up
    to `total` exactly. Negative totals are split as the negative of the split of their size."""
    if not isinstance(total, int) or isinstance(total, bool):
        raise TypeError("total must be whole euros (int)")
    if not weights:
        raise AllocationError("no_partners")
    exact = {key: _fraction(value) for key, value in weights.items()}
    if any(value < 0 for value in exact.values()):
        raise AllocationError("negative_weight")
    weight_sum = sum(exact.values())
    if weight_sum == 0:
        raise AllocationError("all_zero")
    if total < 0:
        return {key: -share for key, share in allocate(-total, weights).items()}
    quotas = {key: total * value / weight_sum for key, value in exact.items()}
    shares = {key: int(quota) for key, quota in quotas.items()}  # floor: quotas are >= 0
    left = total - sum(shares.values())
    order = sorted(quotas, key=lambda key: -(quotas[key] - shares[key]))  # stable: mapping order on ties
    for key in order[:left]:
        shares[key] += 1
    return shares


def shares(weights: Mapping[str, float | int | Decimal | Fraction]) -> dict[str, float]:
    """The fractions of a key (summing to 1), for computations in floating point."""
    exact = {key: _fraction(value) for key, value in weights.items()}
    weight_sum = sum(exact.values())
    if not exact or weight_sum <= 0 or any(value < 0 for value in exact.values()):
        raise AllocationError("invalid_weights")
    return {key: float(value / weight_sum) for key, value in exact.items()}


def key_weights(key: str, partners: Sequence, custom: Mapping[str, float] | None = None) -> dict[str, float]:
    """The weights of allocation key `key` for partners (objects with code, name, inhabitants,
    ict_spend_eur, workplaces). Raises AllocationError when a partner lacks the figure."""
    if key not in ALLOCATION_KEYS:
        raise AllocationError("unknown_key", key=key, choices=tuple(ALLOCATION_KEYS))
    if key == "gelijk":
        return {p.code: 1 for p in partners}
    if key == "eigen":
        custom = custom or {}
        missing = [p.name for p in partners if custom.get(p.code) is None]
        if missing:
            raise AllocationError("custom_share_missing", names=tuple(missing))
        return {p.code: custom[p.code] for p in partners}
    attribute = KEY_FIGURES[key]
    missing = [p.name for p in partners if getattr(p, attribute) is None]
    if missing:
        raise AllocationError(f"{attribute}_missing", key=key, names=tuple(missing))
    return {p.code: getattr(p, attribute) for p in partners}


def _fraction(value) -> Fraction:
    if isinstance(value, float):
        return Fraction(Decimal(repr(value)))
    return Fraction(value)
