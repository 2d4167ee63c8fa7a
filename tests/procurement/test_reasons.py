# SPDX-License-Identifier: EUPL-1.2
"""The explanation of an opportunity, in Dutch and in English."""

from django.utils import translation

from goedebuur.procurement.reasons import opportunity_reason

GROUP = {
    "mode": "component",
    "subjects": ["Zaakregistratiecomponent"],
    "names": ["Renswoude", "Rhenen", "Veenendaal"],
    "months": 18,
    "known_value": 30_000,
    "unknown_value": 1,
    "hidden": 0,
    "mean_distance_km": 8.4,
}


def test_it_explains_a_component_group_with_its_value_and_distance():
    assert opportunity_reason(**GROUP) == (
        "Renswoude, Rhenen en Veenendaal: hun contracten voor ‘Zaakregistratiecomponent’ lopen af binnen "
        "18 maanden van elkaar. Samen € 30.000 per jaar (1 zonder bekende kosten). Gemiddeld 8 km uit elkaar."
    )


def test_it_names_several_components_and_a_supplier():
    several = opportunity_reason(**{**GROUP, "subjects": ["DMS", "Zaakregistratiecomponent"]})
    assert "hun contracten voor de componenten ‘DMS’ en ‘Zaakregistratiecomponent’ lopen af" in several
    supplier = opportunity_reason(**{**GROUP, "mode": "leverancier", "subjects": ["Centric"]})
    assert "hun contracten met leverancier Centric lopen af binnen 18 maanden" in supplier


def test_it_does_not_show_hidden_costs_but_counts_them():
    text = opportunity_reason(**{**GROUP, "known_value": 1000, "unknown_value": 0, "hidden": 1})
    assert "Samen € 1.000 per jaar (1 niet gedeeld)." in text
    unknown = opportunity_reason(**{**GROUP, "known_value": 0, "hidden": 1})
    assert "De gezamenlijke waarde is onbekend of niet gedeeld." in unknown


def test_it_speaks_english_on_the_english_interface():
    with translation.override("en"):
        text = opportunity_reason(**{**GROUP, "known_value": 1_234_567, "mean_distance_km": 1234.0})
    assert text.startswith("Renswoude, Rhenen and Veenendaal: their contracts for ‘Zaakregistratiecomponent’")
    assert "€ 1,234,567" in text
    assert "1,234 km" in text
