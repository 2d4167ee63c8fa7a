# SPDX-License-Identifier: EUPL-1.2
"""goedebuur.core.businesscase.model and its defaults: validation as problem codes, the checklist."""

from dataclasses import replace

import pytest

from goedebuur.core.businesscase.defaults import (
    CHECKLIST_KEYS,
    PREPARATION_SOURCE,
    checklist_with_calculations,
    default_saving,
    hidden_cost_checklist,
)
from goedebuur.core.businesscase.model import (
    BENCHMARK_EUR,
    CaseError,
    Problem,
    Range,
    benchmark_baseline,
    check,
    unconfirmed,
    validate,
)
from goedebuur.core.businesscase.montecarlo import simulate

from .businesscase_examples import RHENEN, VEENENDAAL, example_case


def codes(case):
    return [problem.code for problem in validate(case)]


def test_a_complete_example_is_valid():
    assert validate(example_case()) == []


def test_it_rejects_negative_inhabitants_naming_the_partner():
    case = example_case(partners=(replace(RHENEN, inhabitants=-5), VEENENDAAL))
    assert Problem("partners.0.inhabitants", "inhabitants_negative", {"name": "Rhenen"}) in validate(case)


def test_it_rejects_a_low_value_above_the_high_value():
    case = example_case()
    bad = replace(case.hidden_costs[1], amount=Range(500, 400, 300))
    case = replace(case, hidden_costs=(case.hidden_costs[0], bad, *case.hidden_costs[2:]))
    problems = validate(case)
    assert (
        Problem("hidden_costs.1.amount", "range_order", {"label": "Projectorganisatie", "saving": False})
        in problems
    )


def test_it_rejects_a_horizon_of_zero_and_one_partner():
    assert Problem("horizon", "horizon_range", {"max": 30}) in validate(example_case(horizon=0))
    assert "partners_too_few" in codes(example_case(partners=(RHENEN,)))
    with pytest.raises(CaseError, match="horizon"):
        check(example_case(horizon=0))


def test_it_rejects_savings_outside_zero_to_hundred_percent_and_domains_above_the_whole():
    case = example_case()
    too_much = replace(case.savings[0], percent=Range(10, 20, 120))
    assert "range_too_high" in codes(replace(case, savings=(too_much,)))
    wide = tuple(replace(s, domain_share_pct=60) for s in case.savings)
    assert "saving_shares_above_whole" in codes(replace(case, savings=wide))


def test_it_says_which_partner_lacks_the_figure_of_the_allocation_key():
    case = example_case(partners=(replace(RHENEN, workplaces=None), VEENENDAAL), allocation_key="werkplekken")
    assert Problem(
        "allocation_key", "allocation_workplaces_missing", {"key": "werkplekken", "names": ("Rhenen",)}
    ) in validate(case)


def test_the_checklist_has_every_hidden_cost_unconfirmed_with_a_source():
    checklist = hidden_cost_checklist((RHENEN, VEENENDAAL), 10)
    assert [c.key for c in checklist] == list(CHECKLIST_KEYS)
    assert {
        "voorbereiding",
        "projectorganisatie",
        "migratie",
        "harmonisatie",
        "netwerk",
        "personeel",
        "governance",
        "exit",
    } == set(CHECKLIST_KEYS)
    assert all(c.source and not c.confirmed for c in checklist)
    assert all(c.amount.low <= c.amount.likely <= c.amount.high for c in checklist)
    preparation = checklist[0]
    assert preparation.amount.likely == 42_000  # 2 x 21,000 (Regio Nijmegen: 190,000 for nine)
    assert "190.000" in preparation.source
    assert next(c for c in checklist if c.key == "governance").kind == "jaarlijks"
    assert unconfirmed(replace(example_case(), hidden_costs=tuple(checklist))) == checklist


def test_defaults_cite_the_benchmark_and_the_evidence():
    assert benchmark_baseline(1000) == 1000 * BENCHMARK_EUR == 96_000
    saving = default_saving("applicaties", "Applicaties", 10)
    assert saving.domain_share_pct == 34.0 and "€ 33 van € 96" in saving.source
    assert "COELO" in saving.source


def _by_key(checklist):
    return {c.key: c for c in checklist}


def test_hidden_costs_scale_with_the_ict_cost_of_the_chosen_domains_not_the_whole_ict():
    baseline = RHENEN.baseline_eur + VEENENDAAL.baseline_eur
    whole = _by_key(hidden_cost_checklist((RHENEN, VEENENDAAL), 10))
    applications = _by_key(hidden_cost_checklist((RHENEN, VEENENDAAL), 10, [("applicaties", 34.0)]))
    assert whole["migratie"].amount.likely == round(baseline * 0.08 / 100) * 100
    assert applications["migratie"].amount.likely == round(baseline * 0.34 * 0.08 / 100) * 100
    calculations = dict(
        (cost.key, calculation)
        for cost, calculation in checklist_with_calculations(
            (RHENEN, VEENENDAAL), 10, [("applicaties", 34.0)]
        )
    )
    assert calculations["migratie"].share_pct == 34.0
    assert calculations["migratie"].in_scope_eur == baseline * 0.34
    assert applications["governance"].amount.likely < whole["governance"].amount.likely / 2


def test_the_network_and_a_broad_business_plan_are_only_likely_when_the_scope_needs_them():
    applications = _by_key(hidden_cost_checklist((RHENEN, VEENENDAAL), 10, [("applicaties", 34.0)]))
    infrastructure = _by_key(
        hidden_cost_checklist((RHENEN, VEENENDAAL), 10, [("infrastructuur-beheer", 25.0), ("werkplek", 30.0)])
    )
    assert applications["netwerk"].amount.likely == 0 < applications["netwerk"].amount.high
    assert infrastructure["netwerk"].amount.likely == 25_000  # one connection between two sites
    assert applications["voorbereiding"].amount.likely == 2 * 10_500  # half of Regio Nijmegen's figure
    assert infrastructure["voorbereiding"].amount.likely == 2 * 21_000


def test_costs_per_partner_and_per_connection_grow_with_the_number_of_partners():
    third = replace(RHENEN, code="GM0000", name="Derde")
    two = _by_key(hidden_cost_checklist((RHENEN, VEENENDAAL), 10, [("werkplek", 15.0)]))
    three = _by_key(hidden_cost_checklist((RHENEN, VEENENDAAL, third), 10, [("werkplek", 15.0)]))
    assert three["voorbereiding"].amount.likely == 3 / 2 * two["voorbereiding"].amount.likely
    assert three["netwerk"].amount.likely == 2 * two["netwerk"].amount.likely


def test_every_default_cites_its_source_or_is_labelled_an_assumption_with_its_reasoning():
    for cost in hidden_cost_checklist((RHENEN, VEENENDAAL), 10, [("applicaties", 34.0)]):
        cited = f"Bron: {PREPARATION_SOURCE}. Toelichting: "
        assert cost.source.startswith(("Aanname Goede Buur: ", cited)), cost.key
        assert len(cost.source) > 60 and cost.source.endswith("."), cost.key
        assert len(cost.source) <= 400  # with the app's calculation sentence it fits the source field whole


def test_the_core_gives_each_default_cost_its_calculation_as_values_not_words():
    found = dict(
        (cost.key, calculation)
        for cost, calculation in checklist_with_calculations(
            (RHENEN, VEENENDAAL), 10, [("applicaties", 34.0)]
        )
    )
    assert found["voorbereiding"].basis == "partner" and found["voorbereiding"].partners == 2
    assert found["netwerk"].basis == "link" and found["netwerk"].links == 1
    assert not found["netwerk"].network_needed
    assert found["migratie"].values == Range(3, 8, 15)
    assert all("Berekening" not in cost.source for cost in hidden_cost_checklist((RHENEN, VEENENDAAL), 10))


def test_a_two_partner_case_on_defaults_is_not_a_foregone_loss():
    partners = (RHENEN, VEENENDAAL)
    case = example_case(
        savings=(default_saving("applicaties", "Applicaties", 10),),
        hidden_costs=tuple(
            replace(c, confirmed=True) for c in hidden_cost_checklist(partners, 10, [("applicaties", 34.0)])
        ),
    )
    total = simulate(case, draws=4_000, seed=1).outcome("totaal")
    assert 0.1 < total.p_negative < 0.9
    assert total.npv[0] < 0 < total.npv[2]
