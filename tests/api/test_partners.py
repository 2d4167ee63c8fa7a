# SPDX-License-Identifier: EUPL-1.2
import pytest

from goedebuur.cooperations.services import load_seed_cooperations
from goedebuur.profiles.demo import load_demo_profiles
from tests.factories import make_cooperation

pytestmark = pytest.mark.django_db

PUBLIC = (
    "gewichtRegelingen",
    "gewichtRegios",
    "gewichtAfstand",
    "gewichtGrens",
    "gewichtOmvang",
    "gewichtRaad",
)
PROFILES = ("gewichtLandschap", "gewichtLeveranciers", "gewichtContracten", "gewichtAmbities")


def criterion(candidate, key):
    return next(c for c in candidate["criteria"] if c["criterium"] == key)


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
    assert {"shared_regelingen", "shared_regions", "distance", "shared_border", "size", "council"} <= keys
    assert criterion(first, "council")["gegevensAanwezig"] and criterion(first, "council")["naam"]
    assert first["url"].endswith("/api/v1/gemeenten/" + first["code"])
    assert first["webpagina"].endswith("/gemeenten/" + first["code"])
    assert first["belangrijksteRedenen"] and "scores" not in data


def test_it_tells_an_anonymous_caller_which_criteria_it_may_not_see(anonymous_client):
    load_seed_cooperations()
    load_demo_profiles()
    data = anonymous_client.get("/api/v1/partners/GM0345", {"top": 3}).json()
    assert data["verborgenCriteria"] == ["landscape", "suppliers", "contract_window", "ambitions"]
    for candidate in data["kandidaten"]:
        for key in data["verborgenCriteria"]:
            found = criterion(candidate, key)
            assert found["score"] is None and not found["gegevensAanwezig"]
            assert "alleen zichtbaar" in found["toelichting"]


def test_a_logged_in_editor_gets_the_landscape_criteria_through_the_api(editor_a_client):
    load_seed_cooperations()
    load_demo_profiles()
    response = editor_a_client.get("/api/v1/partners/GM0345", {"top": 3})
    data = response.json()
    assert data["verborgenCriteria"] == []
    rhenen = next(c for c in data["kandidaten"] if c["code"] == "GM0340")
    assert criterion(rhenen, "landscape")["gegevensAanwezig"]
    assert "ZaakStroom" in criterion(rhenen, "landscape")["toelichting"]
    # a private answer: never kept by a shared cache or the browser's disk (ops/security.py)
    assert response["Cache-Control"] == "private, no-store" and "Cookie" in response["Vary"]


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


def test_it_returns_every_score_for_a_map_when_asked(anonymous_client):
    data = anonymous_client.get("/api/v1/partners/GM0340", {"top": 1, "alleScores": "true"}).json()
    assert len(data["scores"]) == 341 and "GM0340" not in data["scores"]
    assert data["scores"][data["kandidaten"][0]["code"]] == data["kandidaten"][0]["score"]


def test_it_explains_an_island(anonymous_client):
    data = anonymous_client.get("/api/v1/partners/GM0088", {"top": 3}).json()
    assert len(data["kandidaten"]) == 3
    assert any("eiland" in note for note in data["opmerkingen"])


@pytest.mark.parametrize(
    "params,name",
    [
        ({"gewichtGrens": -1}, "gewichtGrens"),
        ({"gewichtGrens": 101}, "gewichtGrens"),
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


def test_it_answers_400_when_a_filter_leaves_nobody(anonymous_client):
    response = anonymous_client.get("/api/v1/partners/GM0340", {"maxAfstandKm": 0.5})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    params = response.json()["invalidParams"]
    assert [p["name"] for p in params] == ["maxAfstandKm"]
    assert "Geen enkele gemeente voldoet" in params[0]["reason"]


def test_it_answers_400_when_all_weight_is_on_criteria_without_data(anonymous_client):
    response = anonymous_client.get("/api/v1/partners/GM0340", dict.fromkeys(PUBLIC, 0))
    assert response.status_code == 400
    names = [p["name"] for p in response.json()["invalidParams"]]
    assert names == list(PROFILES)
    assert "alleen zichtbaar voor ingelogde" in response.json()["invalidParams"][0]["reason"]
    response = anonymous_client.get("/api/v1/partners/GM0340", dict.fromkeys(PUBLIC + PROFILES, 0))
    assert response.status_code == 400
    assert "Alle gewichten staan op 0" in response.json()["invalidParams"][0]["reason"]


def test_it_answers_404_for_an_unknown_code(anonymous_client):
    response = anonymous_client.get("/api/v1/partners/GM9999")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/problem+json")


def test_it_flags_cooperation_in_the_requested_domain(anonymous_client, editor_a):
    make_cooperation(members=("GM0345", "GM0340"), domains=("werkplek",))
    data = anonymous_client.get("/api/v1/partners/GM0340", {"domein": "werkplek", "top": 3}).json()
    veenendaal = next(c for c in data["kandidaten"] if c["code"] == "GM0345")
    assert veenendaal["samenwerktAl"] and veenendaal["samenwerktInDomein"]
    assert criterion(veenendaal, "shared_regelingen")["score"] > 0
    data = anonymous_client.get(
        "/api/v1/partners/GM0340", {"domein": "werkplek", "metRegister": "false"}
    ).json()
    assert not any(c["samenwerktAl"] for c in data["kandidaten"])
