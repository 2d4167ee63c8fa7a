# SPDX-License-Identifier: EUPL-1.2
"""The definition of a business case for ICT cooperation (no Django): partners with their
baseline ICT cost, expected savings per ICT domain as ranges with a start year and ramp-up, the
hidden costs of cooperating as a checklist of ranges, double contracts, the allocation key.

`validate(case)` returns every problem as a `Problem` (the input it is about, a code and the values
a message needs; the app phrases it in the user's language); `check(case)` raises them as a
`CaseError`. The computation itself lives in `goedebuur.core.businesscase.montecarlo`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any, NamedTuple

from goedebuur.core.businesscase.finance import (
    ALLOCATION_KEYS,
    DEFAULT_DISCOUNT_RATE,
    MAX_DISCOUNT_RATE,
    MIN_DISCOUNT_RATE,
    AllocationError,
    key_weights,
)
from goedebuur.core.landscape.rules import BENCHMARK_PER_INHABITANT, BENCHMARK_SOURCE

MAX_HORIZON = 30
MAX_AMOUNT = 10_000_000_000  # ten billion euros: larger is a typing error
DISTRIBUTIONS = ("driehoek", "pert")  # codes; the app names them (BusinessCase.Distribution)
KINDS = ("eenmalig", "jaarlijks")  # a hidden cost once or every year

BENCHMARK_YEAR = max(BENCHMARK_PER_INHABITANT)
BENCHMARK_EUR = BENCHMARK_PER_INHABITANT[BENCHMARK_YEAR]
BENCHMARK_NOTE = f"{BENCHMARK_SOURCE} ({BENCHMARK_YEAR}): € {BENCHMARK_EUR} per inwoner"


class Problem(NamedTuple):
    """One problem with a case: the input it is about (`hidden_costs.2.amount`), what is wrong
    (`range_order`) and the values a sentence about it needs (`{"label": "Migratie"}`)."""

    field: str
    code: str
    values: Mapping[str, Any] = MappingProxyType({})


class CaseError(ValueError):
    """Invalid case input; `problems` is a list of `Problem`s."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(f"{p.field}: {p.code}" for p in problems))


@dataclass(frozen=True)
class Range:
    """An uncertain amount: lowest, most likely and highest value."""

    low: float
    likely: float
    high: float

    @classmethod
    def point(cls, value: float) -> Range:
        return cls(value, value, value)

    @property
    def is_point(self) -> bool:
        return self.low == self.high


@dataclass(frozen=True)
class Partner:
    code: str
    name: str
    inhabitants: int | None
    baseline_eur: int  # yearly ICT cost before the cooperation
    baseline_source: str = ""
    ict_spend_eur: int | None = None  # prior ICT spend, for the allocation key
    workplaces: int | None = None


@dataclass(frozen=True)
class Saving:
    """Expected saving on one ICT domain: `percent` of the part of the baseline that domain takes
    (`domain_share_pct`), reached `ramp_years` after `start_year` (linear ramp-up)."""

    domain: str
    label: str
    domain_share_pct: float
    percent: Range
    start_year: int = 2
    ramp_years: int = 1
    source: str = ""


@dataclass(frozen=True)
class HiddenCost:
    """A cost of cooperating itself, in euros for the partners together. One-off costs fall in
    `year` (1-based; 0 = the last year of the horizon); yearly costs run from `year` to the end."""

    key: str
    label: str
    kind: str
    amount: Range
    year: int = 1
    source: str = ""
    confirmed: bool = False


@dataclass(frozen=True)
class DoubleContract:
    """A contract that keeps running after the switch to the joint application (double costs),
    for one municipality: the amount per year of the horizon is computed beforehand."""

    municipality: str
    label: str
    yearly_cost_eur: int
    end_date: str  # ISO date, for display
    amounts: tuple[int, ...]


@dataclass(frozen=True)
class Case:
    name: str
    partners: tuple[Partner, ...]
    savings: tuple[Saving, ...]
    hidden_costs: tuple[HiddenCost, ...]
    horizon: int = 10
    start_year: int = 2027
    discount_rate: float = DEFAULT_DISCOUNT_RATE
    allocation_key: str = "inwoners"
    custom_weights: dict[str, float] = field(default_factory=dict)
    double_contracts: tuple[DoubleContract, ...] = ()
    distribution: str = "pert"
    baseline_uncertainty_pct: float = 10.0
    scenario: str = ""

    def with_(self, **changes) -> Case:
        return replace(self, **changes)


def benchmark_baseline(inhabitants: int) -> int:
    """The default yearly ICT cost of a municipality: the latest benchmark € per inhabitant."""
    return int(inhabitants) * BENCHMARK_EUR


def validate(case: Case) -> list[Problem]:
    """Every problem with the case; empty when the case can be computed."""
    problems: list[Problem] = []

    def add(field_name: str, code: str, /, **values) -> None:
        problems.append(Problem(field_name, code, values))

    if not str(case.name).strip():
        add("name", "name_missing")
    if not isinstance(case.horizon, int) or not 1 <= case.horizon <= MAX_HORIZON:
        add("horizon", "horizon_range", max=MAX_HORIZON)
    if not MIN_DISCOUNT_RATE <= case.discount_rate <= MAX_DISCOUNT_RATE:
        add("discount_rate", "discount_rate_range", low=MIN_DISCOUNT_RATE, high=MAX_DISCOUNT_RATE)
    if case.distribution not in DISTRIBUTIONS:
        add("distribution", "distribution_unknown", choices=tuple(DISTRIBUTIONS))
    if not 0 <= case.baseline_uncertainty_pct <= 100:
        add("baseline_uncertainty_pct", "baseline_uncertainty_range")
    _validate_partners(case, add)
    horizon = case.horizon if isinstance(case.horizon, int) and case.horizon >= 1 else MAX_HORIZON
    for index, saving in enumerate(case.savings):
        where = f"savings.{index}"
        label = saving.label or saving.domain
        _validate_range(saving.percent, f"{where}.percent", add, label=label, saving=True, upper=100)
        if not 0 <= saving.domain_share_pct <= 100:
            add(f"{where}.domain_share_pct", "saving_share_range", label=label)
        if not 1 <= saving.start_year <= horizon:
            add(f"{where}.start_year", "saving_start_outside_horizon", label=label)
        if saving.ramp_years < 1:
            add(f"{where}.ramp_years", "saving_ramp_too_short", label=label)
    share_total = sum(s.domain_share_pct for s in case.savings)
    if share_total > 100.000001:
        add("savings", "saving_shares_above_whole", total=share_total)
    keys = [c.key for c in case.hidden_costs]
    if len(set(keys)) != len(keys):
        add("hidden_costs", "hidden_cost_twice")
    for index, cost in enumerate(case.hidden_costs):
        where = f"hidden_costs.{index}"
        _validate_range(cost.amount, f"{where}.amount", add, label=cost.label, saving=False, upper=MAX_AMOUNT)
        if cost.kind not in KINDS:
            add(f"{where}.kind", "hidden_cost_kind", label=cost.label, choices=tuple(KINDS))
        if not 0 <= cost.year <= horizon:
            add(f"{where}.year", "hidden_cost_year_outside_horizon", label=cost.label)
    for index, contract in enumerate(case.double_contracts):
        if len(contract.amounts) != horizon or any(a < 0 for a in contract.amounts):
            add(f"double_contracts.{index}", "double_contract_amounts", label=contract.label)
    return problems


def _validate_partners(case: Case, add) -> None:
    codes = [p.code for p in case.partners]
    if len(set(codes)) < 2:
        add("partners", "partners_too_few")
    if len(set(codes)) != len(codes):
        add("partners", "partner_twice")
    for index, partner in enumerate(case.partners):
        where = f"partners.{index}"
        for attribute in ("inhabitants", "baseline_eur", "ict_spend_eur", "workplaces"):
            value = getattr(partner, attribute)
            if value is not None and value < 0:
                add(f"{where}.{attribute}", f"{attribute}_negative", name=partner.name)
            elif value is not None and value > MAX_AMOUNT:
                add(f"{where}.{attribute}", f"{attribute}_too_large", name=partner.name)
    if case.allocation_key not in ALLOCATION_KEYS:
        add("allocation_key", "allocation_key_unknown", choices=tuple(ALLOCATION_KEYS))
    elif case.partners and not _has_negative_figures(case):
        try:
            weights = key_weights(case.allocation_key, case.partners, case.custom_weights)
            if any(w < 0 for w in weights.values()):
                add("custom_weights", "custom_weight_negative")
            elif sum(weights.values()) <= 0:
                add("allocation_key", "allocation_key_all_zero")
        except AllocationError as error:
            add("allocation_key", f"allocation_{error.code}", **error.values)


def _has_negative_figures(case: Case) -> bool:
    return any(
        getattr(partner, attribute) is not None and getattr(partner, attribute) < 0
        for partner in case.partners
        for attribute in ("inhabitants", "ict_spend_eur", "workplaces")
    )


def _validate_range(value: Range, where: str, add, *, label: str, saving: bool, upper: float) -> None:
    if value.low < 0:
        add(where, "range_negative", label=label, saving=saving)
    if value.low > value.high:
        add(where, "range_order", label=label, saving=saving)
    elif not value.low <= value.likely <= value.high:
        add(where, "range_likely_outside", label=label, saving=saving)
    if value.high > upper:
        add(where, "range_too_high", label=label, saving=saving, upper=upper)


def check(case: Case) -> Case:
    problems = validate(case)
    if problems:
        raise CaseError(problems)
    return case


def unconfirmed(case: Case) -> list[HiddenCost]:
    """The hidden costs the user has not yet confirmed (or explicitly set to zero)."""
    return [cost for cost in case.hidden_costs if not cost.confirmed]
