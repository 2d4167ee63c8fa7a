# SPDX-License-Identifier: EUPL-1.2
"""POST /api/v1/clusters."""

from .helpers import assert_problem, invalid_names


def test_it_answers_a_proposal(api_client):
    response = api_client.post(
        "/api/v1/clusters",
        {"gebied": "PV26", "minGemeenten": 2, "maxGemeenten": 8, "vergelijkMet": "veiligheidsregio"},
        format="json",
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["gebied"] == {"code": "PV26", "naam": "Utrecht"}
    assert body["aantalGemeenten"] == 26 == sum(g["aantalGemeenten"] for g in body["groepen"])
    assert all(2 <= g["aantalGemeenten"] <= 8 for g in body["groepen"])
    assert body["waarschuwingen"] == []
    assert body["vergelijking"]["regioIndeling"] == "veiligheidsregio"


def test_it_accepts_inhabitant_bounds_and_a_region(api_client):
    response = api_client.post(
        "/api/v1/clusters",
        {"gebied": "veiligheidsregio:VR09", "minGemeenten": 1, "maxGemeenten": None, "maxInwoners": 400000},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert all(g["inwoners"] <= 400000 for g in response.json()["groepen"])


def test_it_names_the_field_of_infeasible_bounds(api_client):
    response = api_client.post("/api/v1/clusters", {"gebied": "PV27", "maxInwoners": 500000}, format="json")
    body = assert_problem(response, 400)
    assert body["invalidParams"][0]["name"] == "maxInwoners"
    assert "Amsterdam" in body["invalidParams"][0]["reason"]


def test_it_validates_the_body(api_client):
    response = api_client.post(
        "/api/v1/clusters", {"minGemeenten": 0, "vergelijkMet": "onzin", "gebied": "PV99"}, format="json"
    )
    assert {"minGemeenten", "vergelijkMet"} <= invalid_names(response)
    assert invalid_names(api_client.post("/api/v1/clusters", {"gebied": "PV99"}, format="json")) == {"gebied"}
