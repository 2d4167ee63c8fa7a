# SPDX-License-Identifier: EUPL-1.2
"""The definition of a business case for ICT cooperation (no Django): partners with their
baseline ICT cost, expected savings per ICT domain as ranges with a start year and ramp-up, the
hidden costs of cooperating as a checklist of ranges, double contracts, the allocation key.

`validate(case)` returns every problem as (field, Dutch message); `check(case)` raises them as a
`CaseError`. The computation itself lives in `goedebuur.core.businesscase.montecarlo`."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

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
DISTRIBUTIONS = {"driehoek": "driehoeksverdeling", "pert": "PERT-verdeling"}
KINDS = {"eenmalig": "eenmalig", "jaarlijks": "jaarlijks"}

BENCHMARK_YEAR = max(BENCHMARK_PER_INHABITANT)
BENCHMARK_EUR = BENCHMARK_PER_INHABITANT[BENCHMARK_YEAR]
BENCHMARK_NOTE = f"{BENCHMARK_SOURCE} ({BENCHMARK_YEAR}): € {BENCHMARK_EUR} per inwoner"

EVIDENCE_NOTE = (
    "Wat het onderzoek zegt: over 2005-2013 leidde intergemeentelijke samenwerking gemiddeld niet tot "
    "lagere totale uitgaven; alleen belastingheffing was ongeveer 15 % goedkoper (COELO, Allers & De "
    "Greef, 2017). Servicepunt71 bespaarde in de eerste drie jaar € 3 miljoen, daarna daalde de "
    "kwaliteit en stegen de kosten. Alleen al het businessplan voor negen gemeenten in de regio "
    "Nijmegen kostte € 190.000. Reken daarom met bandbreedtes en neem de verborgen kosten serieus."
)


class CaseError(ValueError):
    """Invalid case input; `problems` is a list of (field, Dutch message)."""

    def __init__(self, problems: list[tuple[str, str]]):
        self.problems = problems
        super().__init__("; ".join(message for _field, message in problems))


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


def validate(case: Case) -> list[tuple[str, str]]:
    """Every problem with the case, as (field, Dutch message); empty when the case can be computed."""
    problems: list[tuple[str, str]] = []
    add = problems.append
    if not str(case.name).strip():
        add(("name", "Geef de businesscase een naam."))
    if not isinstance(case.horizon, int) or not 1 <= case.horizon <= MAX_HORIZON:
        add(("horizon", f"De horizon moet 1 tot en met {MAX_HORIZON} jaar zijn."))
    if not MIN_DISCOUNT_RATE <= case.discount_rate <= MAX_DISCOUNT_RATE:
        add(("discount_rate", "De discontovoet moet tussen -5 % en 50 % liggen."))
    if case.distribution not in DISTRIBUTIONS:
        add(("distribution", "Kies als verdeling 'driehoek' of 'pert'."))
    if not 0 <= case.baseline_uncertainty_pct <= 100:
        add(("baseline_uncertainty_pct", "De onzekerheid van de basislijn moet 0 tot en met 100 % zijn."))
    _validate_partners(case, add)
    horizon = case.horizon if isinstance(case.horizon, int) and case.horizon >= 1 else MAX_HORIZON
    for index, saving in enumerate(case.savings):
        where = f"savings.{index}"
        label = saving.label or saving.domain
        _validate_range(saving.percent, f"{where}.percent", f"besparing {label}", add, upper=100)
        if not 0 <= saving.domain_share_pct <= 100:
            add((f"{where}.domain_share_pct", f"Het aandeel van {label} in de ICT-kosten moet 0-100 % zijn."))
        if not 1 <= saving.start_year <= horizon:
            add((f"{where}.start_year", f"Het startjaar van de besparing op {label} valt buiten de horizon."))
        if saving.ramp_years < 1:
            add((f"{where}.ramp_years", f"De ingroei van de besparing op {label} is minstens 1 jaar."))
    share_total = sum(s.domain_share_pct for s in case.savings)
    if share_total > 100.000001:
        add(("savings", f"De domeinen beslaan samen {share_total:g} % van de ICT-kosten: meer dan 100 %."))
    keys = [c.key for c in case.hidden_costs]
    if len(set(keys)) != len(keys):
        add(("hidden_costs", "Elke verborgen kostenpost mag maar één keer voorkomen."))
    for index, cost in enumerate(case.hidden_costs):
        where = f"hidden_costs.{index}"
        _validate_range(cost.amount, f"{where}.amount", cost.label, add, upper=MAX_AMOUNT)
        if cost.kind not in KINDS:
            add((f"{where}.kind", f"{cost.label}: kies 'eenmalig' of 'jaarlijks'."))
        if not 0 <= cost.year <= horizon:
            add((f"{where}.year", f"{cost.label}: het jaar valt buiten de horizon."))
    for index, contract in enumerate(case.double_contracts):
        if len(contract.amounts) != horizon or any(a < 0 for a in contract.amounts):
            add((f"double_contracts.{index}", f"Dubbel contract {contract.label}: ongeldige bedragen."))
    return problems


def _validate_partners(case: Case, add) -> None:
    codes = [p.code for p in case.partners]
    if len(set(codes)) < 2:
        add(("partners", "Kies ten minste twee verschillende gemeenten."))
    if len(set(codes)) != len(codes):
        add(("partners", "Elke gemeente mag maar één keer meedoen."))
    for index, partner in enumerate(case.partners):
        where = f"partners.{index}"
        for attribute, what in (
            ("inhabitants", "Het aantal inwoners"),
            ("baseline_eur", "De ICT-kosten (basislijn)"),
            ("ict_spend_eur", "De eerdere ICT-uitgaven"),
            ("workplaces", "Het aantal werkplekken"),
        ):
            value = getattr(partner, attribute)
            if value is not None and value < 0:
                add((f"{where}.{attribute}", f"{what} van {partner.name} kan niet negatief zijn."))
            elif value is not None and value > MAX_AMOUNT:
                add((f"{where}.{attribute}", f"{what} van {partner.name} is onwaarschijnlijk groot."))
    if case.allocation_key not in ALLOCATION_KEYS:
        add(("allocation_key", f"Onbekende verdeelsleutel. Kies uit: {', '.join(ALLOCATION_KEYS)}."))
    elif case.partners and not any(msg for _f, msg in _partner_problems(case)):
        try:
            weights = key_weights(case.allocation_key, case.partners, case.custom_weights)
            if any(w < 0 for w in weights.values()):
                add(("custom_weights", "Een aandeel in de eigen verdeling kan niet negatief zijn."))
            elif sum(weights.values()) <= 0:
                add(("allocation_key", "De verdeelsleutel is voor alle gemeenten 0: kies een andere."))
        except AllocationError as error:
            add(("allocation_key", str(error)))


def _partner_problems(case: Case) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for partner in case.partners:
        for attribute in ("inhabitants", "ict_spend_eur", "workplaces"):
            value = getattr(partner, attribute)
            if value is not None and value < 0:
                found.append((attribute, "negative"))
    return found


def _validate_range(value: Range, where: str, label: str, add, *, upper: float) -> None:
    if value.low < 0:
        add((where, f"{label}: de laagste waarde kan niet negatief zijn."))
    if value.low > value.high:
        add((where, f"{label}: de laagste waarde is hoger dan de hoogste."))
    elif not value.low <= value.likely <= value.high:
        add((where, f"{label}: de meest waarschijnlijke waarde moet tussen de laagste en de hoogste liggen."))
    if value.high > upper:
        add((where, f"{label}: de hoogste waarde is te groot (hooguit {upper:,.0f}).".replace(",", ".")))


def check(case: Case) -> Case:
    problems = validate(case)
    if problems:
        raise CaseError(problems)
    return case


def unconfirmed(case: Case) -> list[HiddenCost]:
    """The hidden costs the user has not yet confirmed (or explicitly set to zero)."""
    return [cost for cost in case.hidden_costs if not cost.confirmed]
