# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings

from goedebuur.municipalities.models import Council
from tests.factories import RHENEN, VEENENDAAL, make_cooperation

from .helpers import assert_problem, documented_responses, invalid_names, openapi


def test_it_lists_all_342_municipalities_paginated(api_client):
    response = api_client.get("/api/v1/gemeenten")
    assert response.status_code == 200
    assert response["API-Version"] == settings.API_VERSION
    body = response.json()
    assert body["count"] == 342
    assert len(body["results"]) == 50
    assert body["next"].endswith("/api/v1/gemeenten?page=2")
    first = body["results"][0]
    assert set(first) == {
        "url",
        "code",
        "naam",
        "provincie",
        "inwoners",
        "inwonersPeiljaar",
        "aantalSamenwerkingen",
    }


def test_it_honours_page_and_page_size(api_client):
    body = api_client.get("/api/v1/gemeenten?pageSize=10&page=3").json()
    assert body["count"] == 342
    assert len(body["results"]) == 10
    everything = api_client.get("/api/v1/gemeenten?pageSize=500").json()
    assert len(everything["results"]) == 342
    assert [m["code"] for m in everything["results"][20:30]] == [m["code"] for m in body["results"]]


def test_it_filters_by_province(api_client):
    body = api_client.get("/api/v1/gemeenten?provincie=PV26&pageSize=100").json()
    assert body["count"] == 26
    assert {m["provincie"]["code"] for m in body["results"]} == {"PV26"}
    assert {m["provincie"]["naam"] for m in body["results"]} == {"Utrecht"}


def test_it_filters_by_region(api_client):
    body = api_client.get("/api/v1/gemeenten?regio=arbeidsmarktregio:AM38&pageSize=100").json()
    codes = {m["code"] for m in body["results"]}
    assert {VEENENDAAL, RHENEN} <= codes
    assert body["count"] == len(codes) < 20


def test_it_searches_by_name_fragment_and_code(api_client):
    by_name = api_client.get("/api/v1/gemeenten?zoek=veenen").json()
    assert [m["code"] for m in by_name["results"]] == [VEENENDAAL]
    by_code = api_client.get("/api/v1/gemeenten?zoek=GM0340").json()
    assert [m["naam"] for m in by_code["results"]] == ["Rhenen"]


def test_it_searches_by_common_former_and_region_names(api_client):
    by_alias = api_client.get("/api/v1/gemeenten?zoek=Den%20Haag").json()
    assert [m["naam"] for m in by_alias["results"]] == ["'s-Gravenhage"]
    by_region = api_client.get("/api/v1/gemeenten?zoek=FoodValley").json()
    assert {"Rhenen", "Veenendaal", "Ede"} <= {m["naam"] for m in by_region["results"]}


def test_it_rejects_malformed_filters_with_a_problem(api_client):
    response = api_client.get("/api/v1/gemeenten?regio=AM38&provincie=Utrecht")
    assert invalid_names(response) == {"regio", "provincie"}


def test_it_shows_one_municipality_in_detail(api_client, editor_a):
    cooperation = make_cooperation(user=editor_a, members=(VEENENDAAL, RHENEN))
    response = api_client.get(f"/api/v1/gemeenten/{RHENEN}")
    assert response.status_code == 200
    assert response["API-Version"] == settings.API_VERSION
    body = response.json()
    assert body["code"] == RHENEN and body["naam"] == "Rhenen"
    assert body["provincie"] == {"code": "PV26", "naam": "Utrecht"}
    assert body["inwoners"] == 20235 and body["inwonersPeiljaar"] == 2024
    assert VEENENDAAL in body["buren"]
    assert isinstance(body["puntcontacten"], list)
    assert set(body["centroide"]) == {"lat", "lon"} and set(body["binnenpunt"]) == {"lat", "lon"}
    assert 51.8 < body["binnenpunt"]["lat"] < 52.1
    assert isinstance(body["oppervlakteKm2"], float) and body["oppervlakteKm2"] > 0
    assert len(body["regios"]) == 7
    assert {
        "regioIndeling": "arbeidsmarktregio",
        "code": "AM38",
        "naam": "FoodValley",
        "sleutel": "arbeidsmarktregio:AM38",
    } in body["regios"]
    assert body["aantalSamenwerkingen"] == 1
    [membership] = body["samenwerkingen"]
    assert membership["slug"] == cooperation.slug
    assert membership["url"].endswith(f"/api/v1/samenwerkingen/{cooperation.slug}")
    assert membership["rol"] == "deelnemer" and membership["uitgetredenOp"] is None
    assert body["webpagina"].endswith(f"/gemeenten/{RHENEN}")


def test_it_gives_the_council_and_the_institutional_contact_data(api_client):
    body = api_client.get(f"/api/v1/gemeenten/{VEENENDAAL}").json()
    council = body["gemeenteraad"]
    assert council["totaalZetels"] == 35 and council["zetelsZonderPartij"] == 0
    assert council["partijen"][0] == {"naam": "ChristenUnie", "zetels": 6}
    assert sum(party["zetels"] for party in council["partijen"]) == 35
    assert council["bron"] == "Register van Overheidsorganisaties (KOOP), via polder"
    assert council["peildatum"] == "2026-05-16"
    assert body["website"].startswith("https://") and body["email"].endswith("@veenendaal.nl")


def test_it_gives_null_for_an_unknown_council_and_email(api_client):
    Council.objects.filter(municipality__code="GM0503").delete()
    body = api_client.get("/api/v1/gemeenten/GM0503").json()  # Delft: no e-mail in the source
    assert body["gemeenteraad"] is None and body["email"] is None
    assert body["website"] == "https://www.delft.nl"


def test_it_accepts_a_lower_case_code(api_client):
    assert api_client.get("/api/v1/gemeenten/gm0340").json()["naam"] == "Rhenen"


def test_it_answers_404_as_problem_for_an_unknown_municipality(api_client):
    response = api_client.get("/api/v1/gemeenten/GM9999")
    assert_problem(response, 404)
    assert response["API-Version"] == settings.API_VERSION


def test_it_gives_a_geojson_feature_collection_by_accept_header(api_client):
    response = api_client.get("/api/v1/gemeenten?provincie=PV26", HTTP_ACCEPT="application/geo+json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    assert response["API-Version"] == settings.API_VERSION
    body = response.json()
    assert body["type"] == "FeatureCollection"
    assert len(body["features"]) == 26  # all matching, not paginated
    feature = next(f for f in body["features"] if f["id"] == RHENEN)
    assert feature["type"] == "Feature"
    assert feature["geometry"]["type"] in {"Polygon", "MultiPolygon"}
    assert feature["properties"] == {
        "code": RHENEN,
        "naam": "Rhenen",
        "provincie": "Utrecht",
        "provincieCode": "PV26",
        "inwoners": 20235,
        "aantalSamenwerkingen": 0,
        "url": "http://testserver/api/v1/gemeenten/GM0340",  # without ?format
    }


def test_it_gives_geojson_for_all_342_with_the_format_parameter(api_client):
    response = api_client.get("/api/v1/gemeenten?format=geojson")
    assert response["Content-Type"] == "application/geo+json"
    assert len(response.json()["features"]) == 342


def test_it_gives_a_geojson_feature_for_one_municipality(api_client):
    response = api_client.get(f"/api/v1/gemeenten/{VEENENDAAL}?format=geojson")
    assert response["Content-Type"] == "application/geo+json"
    body = response.json()
    assert body["type"] == "Feature" and body["id"] == VEENENDAAL
    assert body["properties"]["naam"] == "Veenendaal"
    assert body["properties"]["url"] == f"http://testserver/api/v1/gemeenten/{VEENENDAAL}"


def test_it_answers_404_problem_json_in_geojson_requests_too(api_client):
    response = api_client.get("/api/v1/gemeenten/GM9999", HTTP_ACCEPT="application/geo+json")
    assert_problem(response, 404)


def test_it_refuses_writes_with_405_problem(admin_api):
    response = admin_api.post("/api/v1/gemeenten", {"code": "GM9999"}, format="json")
    assert_problem(response, 405)


def test_it_loads_all_boundaries_of_the_geojson_list_in_a_few_queries(api_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = api_client.get("/api/v1/gemeenten?format=geojson")
    assert len(response.json()["features"]) == 342
    # the answer's own queries; the shared cache's reads and writes (goedebuur.common.cache) aside
    own = [q["sql"] for q in queries.captured_queries if "goedebuur_cache" not in q["sql"]]
    assert len([sql for sql in own if sql.lstrip().upper().startswith("SELECT")]) <= 5


def test_it_answers_400_for_a_page_that_is_not_a_whole_number_from_1(api_client):
    for page in ("abc", "0", "-2", "1.5"):
        response = api_client.get(f"/api/v1/gemeenten?page={page}")
        assert invalid_names(response) == {"page"}, page


def test_it_answers_404_for_a_page_beyond_the_last(api_client):
    assert api_client.get("/api/v1/gemeenten?page=last").status_code == 200
    assert_problem(api_client.get("/api/v1/gemeenten?page=99"), 404)


def test_it_documents_400_and_404_on_every_paginated_list():
    listed = {
        (method, path)
        for path, operations in openapi()["paths"].items()
        for method, operation in operations.items()
        if any(parameter["name"] == "page" for parameter in operation.get("parameters", []))
        and path != "/zoeken"  # pages its own search results: a page beyond the last is empty
    }
    assert ("get", "/businesscases") in listed and len(listed) > 8
    for method, path in listed:
        assert {"400", "404"} <= set(documented_responses(method, path)), f"{method} {path}"
