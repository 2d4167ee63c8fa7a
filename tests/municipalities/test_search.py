# SPDX-License-Identifier: EUPL-1.2
"""Finding municipalities by the names people use: the list, the picker's suggestions, the API."""

from goedebuur.municipalities import services


def test_common_names_find_the_official_municipality(db):
    assert [m.code for m in services.find_municipalities("Den Haag")][:1] == ["GM0518"]
    assert [m.code for m in services.find_municipalities("den bosch")][:1] == ["GM0796"]


def test_a_former_municipality_finds_the_one_it_merged_into(db):
    (match, *_rest) = services.find_municipalities("Weesp")
    assert (match.code, match.kind) == ("GM0363", "former")  # Weesp joined Amsterdam in 2022


def test_a_region_name_finds_every_municipality_of_that_region(db):
    found = {m.code for m in services.find_municipalities("FoodValley")}
    assert {
        "GM0203",
        "GM0228",
        "GM0340",
        "GM0345",
        "GM0289",
    } <= found  # Barneveld, Ede, Rhenen, Veenendaal, Wageningen
    assert "GM0344" not in found  # Utrecht


def test_the_municipality_list_searches_aliases_and_regions(anonymous_client):
    body = anonymous_client.get("/gemeenten?q=Den+Haag").content.decode()
    assert "1 gemeente gevonden" in body and "/gemeenten/GM0518" in body
    body = anonymous_client.get("/gemeenten?q=FoodValley").content.decode()
    assert "/gemeenten/GM0340" in body and "/gemeenten/GM0345" in body


def test_the_suggestions_say_why_a_municipality_was_found(anonymous_client):
    response = anonymous_client.get("/gemeenten/suggesties?q=Den Bosch")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    (first, *_rest) = response.json()["results"]
    assert first == {
        "code": "GM0796",
        "name": "'s-Hertogenbosch",
        "province": "Noord-Brabant",
        "hint": "ook bekend als Den Bosch",
    }
    region = anonymous_client.get("/gemeenten/suggesties?q=foodvalley").json()["results"]
    assert {
        "code": "GM0340",
        "name": "Rhenen",
        "province": "Utrecht",
        "hint": "in de regio FoodValley",
    } in region


def test_the_suggestions_are_at_most_twenty_and_empty_for_an_empty_query(anonymous_client):
    assert len(anonymous_client.get("/gemeenten/suggesties?q=e").json()["results"]) == 20
    assert anonymous_client.get("/gemeenten/suggesties?q=").json()["results"] == []
