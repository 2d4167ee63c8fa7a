# SPDX-License-Identifier: EUPL-1.2
"""The optimism-bias uplift suggested for new business cases, from the recorded misses.

Per cooperation (one `CaseRatio`: its realised savings and costs over the years it has figures for,
against the business case's P50 for the same years) two ratios: realised / forecast savings and
realised / forecast costs. Over all cooperations the medians give the suggestion:

    savings uplift = max(0, 1 - median(savings ratio))   lower the expected savings by this share
    cost uplift    = max(0, median(cost ratio) - 1)      raise the expected costs by this share

The median, not the mean: one cooperation with a tiny forecast would otherwise dominate. A case
without a forecast saving (or cost) gives no ratio for it. The suggestion is `usable` only when it
rests on at least `minimum` cooperations (the UK Green Book asks for an organisation's own evidence
before its default uplifts are replaced; a handful of cases is no evidence)."""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass

MIN_CASES = 5


@dataclass(frozen=True)
class CaseRatio:
    realised_savings: int
    forecast_savings: int
    realised_costs: int
    forecast_costs: int

    @property
    def savings_ratio(self) -> float | None:
        return self.realised_savings / self.forecast_savings if self.forecast_savings > 0 else None

    @property
    def cost_ratio(self) -> float | None:
        return self.realised_costs / self.forecast_costs if self.forecast_costs > 0 else None


@dataclass(frozen=True)
class Uplift:
    savings_cases: int  # how many cooperations the savings uplift rests on
    cost_cases: int
    savings_ratio: float | None  # median realised / forecast savings
    cost_ratio: float | None
    savings_uplift: float | None  # share, e.g. 0.2 = expect 20 % less savings
    cost_uplift: float | None  # share, e.g. 0.15 = expect 15 % more costs
    minimum: int
    misses: int  # cooperations that saved less than forecast

    @property
    def usable(self) -> bool:
        return self.savings_cases >= self.minimum or self.cost_cases >= self.minimum

    @property
    def cases(self) -> int:
        return max(self.savings_cases, self.cost_cases)


def uplift(cases: Iterable[CaseRatio], minimum: int = MIN_CASES) -> Uplift:
    cases = list(cases)
    savings = [c.savings_ratio for c in cases if c.savings_ratio is not None]
    costs = [c.cost_ratio for c in cases if c.cost_ratio is not None]
    savings_ratio = statistics.median(savings) if savings else None
    cost_ratio = statistics.median(costs) if costs else None
    return Uplift(
        savings_cases=len(savings),
        cost_cases=len(costs),
        savings_ratio=savings_ratio,
        cost_ratio=cost_ratio,
        savings_uplift=None if savings_ratio is None else max(0.0, 1.0 - savings_ratio),
        cost_uplift=None if cost_ratio is None else max(0.0, cost_ratio - 1.0),
        minimum=minimum,
        misses=sum(1 for r in savings if r < 1.0),
    )
