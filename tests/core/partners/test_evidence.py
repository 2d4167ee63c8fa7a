# SPDX-License-Identifier: EUPL-1.2
"""The reasons name the evidence: which regelingen (since when), which packages, which contracts,
which parties, which of the four K's — as codes and values, never sentences (no database)."""

import numpy as np

from goedebuur.core.partners import scoring
from goedebuur.core.partners.features import Features, Regeling


def pair(**extra):
    """Two municipalities 5 km apart (and a third far away), bordering each other."""
    values = dict(
        codes=["GM0001", "GM0002", "GM0003"],
        names=["Rhenen", "Veenendaal", "Vaals"],
        lat=np.array([51.96, 52.0, 50.77]),
        lon=np.array([5.57, 5.56, 6.02]),
        population=np.array([20_000.0, 68_000.0, 10_000.0]),
        regions={"arbeidsmarktregio": np.array([0, 0, 1])},
        neighbours=[frozenset({1}), frozenset({0}), frozenset()],
    )
    values.update(extra)
    return Features(**values)


def reason(features, key, origin="GM0001", candidate="GM0002"):
    ranking = scoring.rank(features, origin)
    return next(c for c in ranking.candidates if c.code == candidate).criteria[key].reason


def test_it_names_the_shared_regelingen_smallest_first_with_the_year_both_took_part():
    features = pair(
        regelingen=[
            Regeling("Regio Foodvalley", (0, 1, 2), since=1999, domains=("Bestuur en regio",)),
            Regeling(
                "ICT-samenwerking", (0, 1), since=2011, domains=("Bedrijfsvoering",), joined=(2011, 2013)
            ),
            Regeling("Afvalschap", (0, 1, 2), since=2005, domains=("Afval en reiniging",)),
        ]
    )
    found = reason(features, "shared_regelingen")
    assert found.code == "regelingen_shared"
    assert found.values["count"] == 3
    assert found.values["examples"] == [("ICT-samenwerking", 2013), ("Regio Foodvalley", 1999)]
    assert found.values["since"] == 1999
    assert set(found.values["domains"]) == {"Bestuur en regio", "Bedrijfsvoering", "Afval en reiniging"}
    assert reason(pair(regelingen=[]), "shared_regelingen") == scoring.Reason("regelingen_none")


def test_it_names_the_same_packages_with_their_reference_components():
    zaak = {("Zaakregistratiecomponent", "ZaakStroom"), ("Zaakafhandelcomponent", "ZaakStroom")}
    features = pair(
        landscape=[
            frozenset(zaak | {("Burgerzakencomponent", "Burgerbalie"), ("Financieel component", "Kasboek")}),
            frozenset(zaak | {("Burgerzakencomponent", "Burgerbalie"), ("Financieel component", "Begroot")}),
            None,
        ]
    )
    found = reason(features, "landscape")
    assert found.code == "landscape_overlap"
    assert found.values["common"] == 3 and found.values["products"] == 2
    assert found.values["examples"][0] == (
        "ZaakStroom",
        ["Zaakafhandelcomponent", "Zaakregistratiecomponent"],
    )
    assert found.values["examples"][1] == ("Burgerbalie", ["Burgerzakencomponent"])
    assert reason(features, "landscape", candidate="GM0003") == scoring.Reason(
        "landscape_unknown", {"names": ["Vaals"]}
    )


def test_it_names_the_shared_suppliers_rarest_first():
    features = pair(
        suppliers=[
            frozenset({"Centric", "Niche BV"}),
            frozenset({"Centric", "Niche BV"}),
            frozenset({"Centric"}),
        ]
    )
    found = reason(features, "suppliers")
    assert found.values["examples"] == ["Niche BV", "Centric"]
    assert found.values["common"] == 2


def test_it_names_contracts_for_the_same_component_that_end_together_and_why_they_are_visible():
    features = pair(
        contract_ends=[
            {"Zaakregistratiecomponent": 2027, "Burgerzakencomponent": 2027, "Financieel component": 2030},
            {"Zaakregistratiecomponent": 2027, "Burgerzakencomponent": 2028, "Financieel component": 2026},
            None,
        ],
        contract_access=["own", "shared", None],
    )
    found = reason(features, "contract_window")
    assert found.code == "contracts_window"
    assert found.values["aligned"] == 2 and found.values["common"] == 3
    assert found.values["examples"] == [
        ("Burgerzakencomponent", 2027, 2028),
        ("Zaakregistratiecomponent", 2027, 2027),
    ]
    assert found.values["access"] == "shared"


def test_it_names_the_parties_the_councils_share_and_the_ks_both_rank_high():
    features = pair(
        council_shares=np.array([[0.6, 0.4, 0.0], [0.3, 0.3, 0.4], [0.0, 0.0, 1.0]]),
        parties=["VVD", "SGP", "Lokaal Belang"],
        ambitions=np.array([[1.0, 0.8, 0.2, np.nan], [0.8, 1.0, 0.2, 0.4], [np.nan] * 4]),
    )
    council = reason(features, "council")
    assert council.values["parties"] == ["VVD", "SGP"]
    assert council.values["percent"] == 60
    ambitions = reason(features, "ambitions")
    assert ambitions.values["both_high"] == ["kwaliteit", "kosten"]
    assert ambitions.values["compared"] == 3
