# SPDX-License-Identifier: EUPL-1.2
"""The partner finder's reasons as sentences, in Dutch and in English."""

import pytest
from django.utils import translation

from goedebuur.core.partners.scoring import Reason
from goedebuur.partners.reasons import phrase


@pytest.mark.parametrize(
    ("reason", "dutch"),
    [
        (
            Reason("distance", {"km": 4.72, "road_km": 6.136, "factor": 1.3}),
            "4,7 km hemelsbreed tussen de middelpunten, ca. 6 km over de weg (schatting: hemelsbreed × 1,3).",
        ),
        (Reason("border_shared", {"a": "Rhenen", "b": "Veenendaal"}), "Veenendaal grenst aan Rhenen."),
        (
            Reason("size_ratio", {"a": 20_000.0, "b": 68_000.0, "bigger": "Veenendaal", "ratio": 3.4}),
            "68.000 tegen 20.000 inwoners: Veenendaal is 3,4× zo groot.",
        ),
        (
            Reason("size_unknown", {"names": ["Rhenen", "Veenendaal"]}),
            "Inwonertal van Rhenen en Veenendaal onbekend; gemiddelde gebruikt.",
        ),
        (
            Reason(
                "regions_shared",
                {"shared": [("arbeidsmarktregio", "FoodValley"), ("provincie", None)], "other": ["corop"]},
            ),
            "Zelfde arbeidsmarktregio FoodValley, provincie. Verschillend: COROP-regio.",
        ),
        (
            Reason("landscape_overlap", {"common": 3, "percent": 42.5}),
            "3 gemeenschappelijke applicaties (overlap 42%).",
        ),
        (Reason("cooperating", {"domains": ["werkplek", "zaak"]}), "Werken al samen (werkplek, zaak)."),
        (Reason("cooperating", {"domains": []}), "Werken al samen."),
        (
            Reason("no_source", {"criterion": "suppliers"}),
            "Nog geen ICT-profielen ingevuld: leveranciers tellen niet mee.",
        ),
        (Reason("no_source", {"criterion": "distance"}), "Geen gegevens."),
        (Reason(""), ""),
    ],
)
def test_it_phrases_each_reason_in_dutch(reason, dutch):
    assert phrase(reason) == dutch


def test_it_phrases_reasons_in_english_on_the_english_interface():
    with translation.override("en"):
        assert phrase(Reason("size_similar", {"a": 12_345.0, "b": 12_000.0})) == (
            "About the same size: 12,000 and 12,345 inhabitants."
        )
        assert phrase(Reason("origin_population_unknown", {"name": "Vlieland"})) == (
            "The population of Vlieland is unknown: size does not count."
        )
