# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings

from tests.factories import RHENEN, VEENENDAAL

from .helpers import assert_problem


def test_it_lists_the_seven_region_divisions_with_their_region_counts(api_client):
    response = api_client.get("/api/v1/regio-indelingen")
    assert response.status_code == 200
    assert response["API-Version"] == settings.API_VERSION
    body = response.json()
    assert [t["code"] for t in body][:2] == ["provincie", "corop"]
    assert len(body) == 7
    provinces = body[0]
    assert provinces["naam"] == "Provincie"
    assert provinces["aantalRegios"] == 12
    assert provinces["jaar"] == 2026
    assert provinces["bron"]
    assert provinces["url"] == "http://testserver/api/v1/regio-indelingen/provincie"


def test_it_shows_a_region_division_with_its_regions_and_members(api_client):
    body = api_client.get("/api/v1/regio-indelingen/arbeidsmarktregio").json()
    assert body["code"] == "arbeidsmarktregio"
    assert body["aantalRegios"] == len(body["regios"])
    food_valley = next(r for r in body["regios"] if r["code"] == "AM38")
    assert food_valley["naam"] == "FoodValley"
    assert food_valley["sleutel"] == "arbeidsmarktregio:AM38"
    assert {VEENENDAAL, RHENEN} <= set(food_valley["gemeenten"])
    assert food_valley["aantalGemeenten"] == len(food_valley["gemeenten"])
    assert sum(r["aantalGemeenten"] for r in body["regios"]) == 342


def test_it_lists_the_regions_of_a_division(api_client):
    response = api_client.get("/api/v1/regio-indelingen/provincie/regios")
    assert response.status_code == 200
    regions = response.json()
    assert len(regions) == 12
    utrecht = next(r for r in regions if r["code"] == "PV26")
    assert utrecht["naam"] == "Utrecht" and utrecht["aantalGemeenten"] == 26


def test_it_answers_404_problem_for_an_unknown_division(api_client):
    assert_problem(api_client.get("/api/v1/regio-indelingen/bestaat-niet"), 404)
    assert_problem(api_client.get("/api/v1/regio-indelingen/bestaat-niet/regios"), 404)


def test_it_lists_the_ict_domains(api_client):
    domains = api_client.get("/api/v1/ict-domeinen").json()
    assert domains[0] == {
        "url": "http://testserver/api/v1/ict-domeinen/infrastructuur-beheer",
        "slug": "infrastructuur-beheer",
        "naam": "Infrastructuur en beheer",
        "korteNaam": "Infra & beheer",
        "omschrijving": "Netwerk, servers, opslag en het technisch beheer daarvan.",
    }
    assert "achtervang-uitwijk" in {d["slug"] for d in domains}
    assert api_client.get("/api/v1/ict-domeinen/werkplek").json()["naam"] == "Werkplek"


def test_it_lists_the_cooperation_forms(api_client):
    forms = api_client.get("/api/v1/samenwerkingsvormen").json()
    assert forms[0]["code"] == "wgr-openbaar-lichaam"
    assert forms[0]["soort"] == "Publiekrecht (Wgr)"
    detail = api_client.get("/api/v1/samenwerkingsvormen/samenwerkingsovereenkomst")
    assert detail.status_code == 200 and detail.json()["code"] == "samenwerkingsovereenkomst"
    assert_problem(api_client.get("/api/v1/samenwerkingsvormen/bestaat-niet"), 404)
