# SPDX-License-Identifier: EUPL-1.2
"""GET /api/v1/achtervang-koppels."""

from .helpers import documented_responses, invalid_names


def test_it_answers_pairs_within_the_band(api_client):
    response = api_client.get("/api/v1/achtervang-koppels?minKm=5&maxKm=40&gebied=PV29")
    assert response.status_code == 200, response.content
    body = response.json()
    for koppel in body["koppels"]:
        assert koppel["soort"] in ("paar", "driehoek")
        assert all(5 <= km <= 40 for km in koppel["afstandKm"])
    counted = sum(len(k["gemeenten"]) for k in body["koppels"]) + len(body["nietGekoppeld"])
    assert counted == 13


def test_it_explains_municipalities_without_achtervang(api_client):
    body = api_client.get("/api/v1/achtervang-koppels?minKm=0&maxKm=15&gebied=PV21").json()
    reasons = {item["gemeente"]["code"]: item["reden"] for item in body["nietGekoppeld"]}
    assert reasons.get("GM0093") == "no_partner_in_band"  # Terschelling


def test_it_rejects_a_band_upside_down(api_client):
    assert invalid_names(api_client.get("/api/v1/achtervang-koppels?minKm=50&maxKm=10")) == {"maxKm"}
    assert invalid_names(api_client.get("/api/v1/achtervang-koppels?minKm=-1")) == {"minKm"}


def test_it_answers_400_for_an_absurd_population_ratio(api_client):
    response = api_client.get("/api/v1/achtervang-koppels?maxVerhoudingInwoners=1.5e308")
    assert invalid_names(response) == {"maxVerhoudingInwoners"}


def test_it_documents_its_400_answer():
    assert "400" in documented_responses("get", "/api/v1/achtervang-koppels")
    assert "400" in documented_responses("get", "/api/v1/partners/{code}")
