# SPDX-License-Identifier: EUPL-1.2
"""Example business cases for the core tests (plain functions, no database)."""

from dataclasses import replace

from goedebuur.core.businesscase.defaults import default_saving, hidden_cost_checklist
from goedebuur.core.businesscase.model import Case, HiddenCost, Partner, Range, Saving

RHENEN = Partner("GM0340", "Rhenen", 20_000, 1_920_000, "benchmark", ict_spend_eur=1_700_000, workplaces=250)
VEENENDAAL = Partner(
    "GM0345", "Veenendaal", 68_000, 6_528_000, "profiel", ict_spend_eur=6_900_000, workplaces=800
)


def confirmed_checklist(partners, horizon):
    return tuple(replace(cost, confirmed=True) for cost in hidden_cost_checklist(partners, horizon))


def example_case(horizon=10, partners=(RHENEN, VEENENDAAL), **changes) -> Case:
    savings = tuple(
        default_saving(domain, domain, horizon)
        for domain in ("applicaties", "werkplek", "infrastructuur-beheer")
    )
    case = Case(
        name="Voorbeeld",
        partners=tuple(partners),
        savings=savings,
        hidden_costs=confirmed_checklist(partners, horizon),
        horizon=horizon,
    )
    return replace(case, **changes)


def collapsed(case: Case) -> Case:
    """The case with every range collapsed to its most likely value."""
    return replace(
        case,
        savings=tuple(replace(s, percent=Range.point(s.percent.likely)) for s in case.savings),
        hidden_costs=tuple(replace(c, amount=Range.point(c.amount.likely)) for c in case.hidden_costs),
        baseline_uncertainty_pct=0.0,
    )


def simple_case() -> Case:
    """A case small enough to compute by hand: baselines 1,000,000 and 3,000,000; one domain that
    is 50 % of the cost with a 10 % saving from year 2 (no ramp); a one-off cost of 400,000 in
    year 1; split by inhabitants 1:3; horizon 3; discount rate 0."""
    return Case(
        name="Hand",
        partners=(
            Partner("A", "A", 10_000, 1_000_000),
            Partner("B", "B", 30_000, 3_000_000),
        ),
        savings=(Saving("applicaties", "Applicaties", 50.0, Range.point(10.0), start_year=2, ramp_years=1),),
        hidden_costs=(
            HiddenCost("migratie", "Migratie", "eenmalig", Range.point(400_000), 1, confirmed=True),
        ),
        horizon=3,
        discount_rate=0.0,
        baseline_uncertainty_pct=0.0,
    )
