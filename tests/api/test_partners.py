# SPDX-License-Identifier: EUPL-1.2
import pytest

pytestmark = pytest.mark.django_db


def test_it_ranks_partners_with_criteria(anonymous_client):
    response = anonymous_client.get("/api/v1/partners/GM0340", {"top": 5})
    assert response.status_code == 200
    data = response.json()
    assert data["gemeente"] == {"code": "GM0340", "naam": "Rhenen"}
    assert data["aantalKandidaten"] == 341
    assert len(data["kandidaten"]) == 5
    first = data["kandidaten"][0]
    assert first["rang"] == 1 and 0 <= first["score"] <= 1 and 0 <= first["betrouwbaarheid"] <= 1
    assert "GM0345" in [c["code"] for c in data["kandidaten"][:3]]
    keys = {c["criterium"] for c in first["criteria"]}
    assert {"shared_border", "distance", "shared_regions", "size"} <= keys
    landscape = next(c for c in first["criteria"] if c["criterium"] == "landscape")
    assert landscape["score"] is None and not landscape["gegevensAanwezig"]
    assert first["url"].endswith("/api/v1/gemeenten/" + first["code"])


def test_it_takes_weights_and_filters_as_lower_camel_case(anonymous_client):
    response = anonymous_client.get(
        "/api/v1/partners/gm0340",
        {
            "gewichtAfstand": 100,
            "gewichtRegios": 0,
            "maxAfstandKm": 12,
            "regio": "veiligheidsregio",
            "top": 50,
        },
    )
    data = response.json()
    assert data["gewichten"]["gewichtAfstand"] == 100
    assert data["gewichten"]["gewichtRegios"] == 0
    assert all(c["afstandKm"] <= 12 for c in data["kandidaten"])
    assert data["aantalKandidaten"] == len(data["kandidaten"])


def test_it_explains_an_island(anonymous_client):
    data = anonymous_client.get("/api/v1/partners/GM0088", {"top": 3}).json()
    assert len(data["kandidaten"]) == 3
    assert any("eiland" in note for note in data["opmerkingen"])


@pytest.mark.parametrize(
    "params,name",
    [
        ({"gewichtGrens": -1}, "gewichtGrens"),
        ({"gewichtAfstand": "veel"}, "gewichtAfstand"),
        ({"top": 0}, "top"),
        ({"regio": "wijk"}, "regio"),
        ({"omvang": "reusachtig"}, "omvang"),
        ({"domein": "bestaat-niet"}, "domein"),
        ({"minInwoners": 5000, "maxInwoners": 100}, "maxInwoners"),
    ],
)
def test_it_answers_400_problem_json_for_bad_parameters(anonymous_client, params, name):
    response = anonymous_client.get("/api/v1/partners/GM0340", params)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert name in [p["name"] for p in response.json()["invalidParams"]]


def test_it_answers_404_for_an_unknown_code(anonymous_client):
    response = anonymous_client.get("/api/v1/partners/GM9999")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/problem+json")


def test_it_flags_cooperation_in_the_requested_domain(anonymous_client, editor_a):
    from tests.factories import make_cooperation

    make_cooperation(members=("GM0345", "GM0340"), domains=("werkplek",))
    data = anonymous_client.get("/api/v1/partners/GM0340", {"domein": "werkplek", "top": 3}).json()
    veenendaal = next(c for c in data["kandidaten"] if c["code"] == "GM0345")
    assert veenendaal["samenwerktAl"] and veenendaal["samenwerktInDomein"]
    data = anonymous_client.get(
        "/api/v1/partners/GM0340", {"domein": "werkplek", "metRegister": "false"}
    ).json()
    assert not any(c["samenwerktAl"] for c in data["kandidaten"])
