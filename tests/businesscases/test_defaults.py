# SPDX-License-Identifier: EUPL-1.2
"""The default inputs of a stored case: each default hidden cost says how it was computed, in the
numbers of the reader's language (the core gives the values, the app the words)."""

from dataclasses import replace

from django.utils import translation

from goedebuur.businesscases import defaults
from goedebuur.core.businesscase.defaults import hidden_cost_checklist

from ..core.businesscase.businesscase_examples import RHENEN, VEENENDAAL, example_case


def _by_key(costs):
    return {cost.key: cost for cost in costs}


def test_each_default_cost_ends_with_its_calculation_in_dutch_numbers():
    costs = _by_key(defaults.checklist((RHENEN, VEENENDAAL), 10, [("applicaties", 34.0)]))
    in_scope = (RHENEN.baseline_eur + VEENENDAAL.baseline_eur) * 0.34
    assert costs["migratie"].source.endswith(
        "Berekening: 3 tot 15 % (waarschijnlijk 8 %) van € "
        + f"{round(in_scope):,}".replace(",", ".")
        + ", de ICT-kosten per jaar van de gekozen domeinen (34 % van het totaal)."
    )
    assert "Berekening: 0,5 tot 3 % (waarschijnlijk 1,5 %)" in costs["governance"].source
    assert costs["voorbereiding"].source.endswith("Berekening: 2 gemeenten × € 10.500.")
    assert costs["netwerk"].source.endswith("Berekening: 1 verbinding(en); niet nodig voor deze domeinen.")
    assert all(len(cost.source) <= 500 for cost in costs.values())  # fits the source field whole


def test_the_whole_ict_and_a_needed_network_are_said_so():
    costs = _by_key(defaults.checklist((RHENEN, VEENENDAAL), 10, None))
    assert costs["migratie"].source.endswith("de ICT-kosten per jaar van de hele ICT.")
    assert costs["netwerk"].source.endswith("Berekening: 1 verbinding(en).")


def test_the_calculation_follows_the_language():
    with translation.override("en"):
        costs = _by_key(defaults.checklist((RHENEN, VEENENDAAL), 10, [("applicaties", 34.5)]))
    assert "34.5 %" in costs["migratie"].source and "Calculation" in costs["migratie"].source


def test_a_case_from_a_file_gets_the_calculation_of_its_default_costs_only():
    checklist = hidden_cost_checklist((RHENEN, VEENENDAAL), 10)
    own = replace(checklist[1], source="eigen offerte")
    case = example_case(hidden_costs=(checklist[0], own, *checklist[2:]))
    described = defaults.with_calculations(case).hidden_costs
    assert "Berekening: " in described[0].source and described[1].source == "eigen offerte"
