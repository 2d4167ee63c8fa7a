# SPDX-License-Identifier: EUPL-1.2
"""The partner finder's reasons as sentences, in Dutch and in English."""

import pytest
from django.utils import translation

from goedebuur.core.partners.evidence import Reason
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
            Reason(
                "landscape_overlap",
                {
                    "common": 4,
                    "products": 2,
                    "percent": 42.5,
                    "examples": [
                        (
                            "ZaakStroom",
                            ["Zaakafhandelcomponent", "Zaakregistratiecomponent", "Zaaktypecomponent"],
                        ),
                        ("Burgerbalie", ["Burgerzakencomponent"]),
                    ],
                },
            ),
            "Zelfde 2 pakketten, waaronder ZaakStroom (Zaakafhandelcomponent, Zaakregistratiecomponent, …) "
            "en Burgerbalie (Burgerzakencomponent) (overlap 42%).",
        ),
        (
            Reason(
                "regelingen_shared",
                {
                    "count": 7,
                    "examples": [("Belastingsamenwerking West-Brabant", 2011), ("Regio West-Brabant", None)],
                    "domains": ["Belastingen en WOZ"],
                    "since": 1998,
                },
            ),
            "Delen 7 regelingen, waaronder Belastingsamenwerking West-Brabant (sinds 2011) en Regio West-Brabant. "
            "Domeinen: Belastingen en WOZ.",
        ),
        (
            Reason(
                "regelingen_shared",
                {"count": 1, "examples": [("ICT Rhenen-Veenendaal", 2011)], "domains": []},
            ),
            "Delen 1 regeling: ICT Rhenen-Veenendaal (sinds 2011).",
        ),
        (
            Reason(
                "contracts_window",
                {
                    "aligned": 1,
                    "common": 3,
                    "percent": 33.3,
                    "years": 1,
                    "examples": [("Zaakregistratiecomponent", 2027, 2027)],
                    "access": "shared",
                },
            ),
            "Contract voor Zaakregistratiecomponent loopt bij beide af in 2027: kans om samen aan te besteden "
            "(zichtbaar omdat de contracten gedeeld zijn).",
        ),
        (
            Reason("council_similar", {"percent": 62.4, "parties": ["VVD", "CDA"]}),
            "De zetelverdeling van de raden lijkt 62% op elkaar; gedeelde partijen: VVD, CDA.",
        ),
        (
            Reason("ambitions_similar", {"percent": 90, "compared": 4, "both_high": ["kwetsbaarheid"]}),
            "Ambities lijken 90% op elkaar (op 4 van de vier K's vergeleken). Beide hoog op Kwetsbaarheid verlagen.",
        ),
        (
            Reason("no_source", {"criterion": "suppliers"}),
            "Nog geen applicatielandschappen ingevuld: leveranciers tellen niet mee.",
        ),
        (
            Reason("hidden", {"criterion": "landscape"}),
            "Applicatielandschappen zijn alleen zichtbaar voor ingelogde medewerkers van gemeenten: telt hier niet mee.",
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
        assert phrase(
            Reason("regelingen_shared", {"count": 2, "examples": [("GR Sociaal", 2015)], "domains": []})
        ) == ("Share 2 regelingen, including GR Sociaal (since 2015).")
