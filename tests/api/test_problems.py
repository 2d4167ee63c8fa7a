# SPDX-License-Identifier: EUPL-1.2
"""Errors are application/problem+json (RFC 9457); a bad payload names its fields in
`invalidParams` (lowerCamelCase, dotted for nested fields) and changes nothing."""

import json

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from rest_framework import serializers

from goedebuur.api.problems import problem_exception_handler
from goedebuur.cooperations.models import Cooperation
from goedebuur.history.models import ChangeRecord
from tests.factories import RHENEN, UTRECHT, VEENENDAAL, make_cooperation

from .helpers import assert_problem, invalid_names, openapi
from .test_samenwerkingen import payload


@pytest.fixture
def counts(db):
    def snapshot():
        return Cooperation.objects.count(), ChangeRecord.objects.count()

    return snapshot


def test_it_names_every_missing_required_field(editor_a_api, counts):
    before = counts()
    response = editor_a_api.post("/api/v1/samenwerkingen", {}, format="json")
    assert invalid_names(response) == {"naam", "vorm", "domeinen", "deelnemers"}
    body = response.json()
    assert body["title"] == "Bad Request"
    assert body["type"] == "https://developer.overheid.nl/kennisbank/apis/problem-details/400"
    assert body["instance"] == "/api/v1/samenwerkingen"
    assert {p["code"] for p in body["invalidParams"]} == {"required"}
    assert response["API-Version"] == settings.API_VERSION
    assert counts() == before


@pytest.mark.parametrize(
    "overrides, names",
    [
        ({"vorm": "bestaat-niet"}, {"vorm"}),
        ({"domeinen": ["werkplek", "bestaat-niet"]}, {"domeinen"}),
        ({"status": "bijna"}, {"status"}),
        ({"startdatum": "1 januari 2019"}, {"startdatum"}),
        ({"startPrecisie": "maand"}, {"startPrecisie"}),
        ({"naam": ""}, {"naam"}),
        ({"naam": "x" * 201}, {"naam"}),
        ({"deelnemers": [{"gemeente": VEENENDAAL}, {"gemeente": "GM9999"}]}, {"deelnemers.1.gemeente"}),
        (
            {"deelnemers": [{"gemeente": VEENENDAAL}, {"gemeente": RHENEN, "rol": "baas"}]},
            {"deelnemers.1.rol"},
        ),
        ({"bronnen": [{"url": "geen url"}]}, {"bronnen.0.url"}),
        ({"bronnen": [{}]}, {"bronnen.0.nonFieldErrors"}),
    ],
)
def test_it_names_the_invalid_fields(editor_a_api, counts, overrides, names):
    before = counts()
    response = editor_a_api.post("/api/v1/samenwerkingen", payload(**overrides), format="json")
    assert invalid_names(response) == names
    assert counts() == before


@pytest.mark.parametrize(
    "overrides, names",
    [
        ({"domeinen": []}, {"domeinen"}),
        ({"deelnemers": [{"gemeente": VEENENDAAL}]}, {"deelnemers"}),
        ({"deelnemers": [{"gemeente": VEENENDAAL}, {"gemeente": VEENENDAAL}]}, {"deelnemers"}),
        ({"deelnemers": [{"gemeente": RHENEN}, {"gemeente": UTRECHT}]}, {"deelnemers"}),
        ({"startdatum": "2020-01-01", "einddatum": "2019-01-01"}, {"einddatum"}),
    ],
    ids=["no-domain", "one-member", "duplicate-member", "own-municipality-missing", "end-before-start"],
)
def test_it_maps_register_rules_to_api_field_names(editor_a_api, counts, overrides, names):
    before = counts()
    response = editor_a_api.post("/api/v1/samenwerkingen", payload(**overrides), format="json")
    assert invalid_names(response) == names
    reasons = [p["reason"] for p in response.json()["invalidParams"]]
    assert all(reasons)
    assert counts() == before


def test_it_changes_nothing_on_an_invalid_update(editor_a_api, editor_a, counts):
    cooperation = make_cooperation(user=editor_a, name="Ongewijzigd")
    before = counts()
    response = editor_a_api.patch(
        f"/api/v1/samenwerkingen/{cooperation.slug}",
        {"naam": "Nieuw", "deelnemers": [{"gemeente": RHENEN}, {"gemeente": UTRECHT}]},
        format="json",
    )
    assert invalid_names(response) == {"deelnemers"}
    cooperation.refresh_from_db()
    assert cooperation.name == "Ongewijzigd"
    assert {m.municipality.code for m in cooperation.memberships.all()} == {VEENENDAAL, RHENEN}
    assert counts() == before


def test_it_answers_malformed_json_with_a_problem(editor_a_api):
    response = editor_a_api.generic(
        "POST", "/api/v1/samenwerkingen", "{niet: json", content_type="application/json"
    )
    assert_problem(response, 400)


def test_it_answers_an_unsupported_content_type_with_415(editor_a_api):
    response = editor_a_api.post("/api/v1/samenwerkingen", {"naam": "x"}, format="multipart")
    assert_problem(response, 415)


def test_it_answers_an_unsupported_format_with_406(api_client):
    assert_problem(api_client.get("/api/v1/samenwerkingen", HTTP_ACCEPT="text/csv"), 406)


def test_it_answers_405_as_problem(api_client):
    response = api_client.delete("/api/v1/gemeenten")
    assert_problem(response, 405)
    assert response["API-Version"] == settings.API_VERSION


@pytest.mark.parametrize(
    "path",
    ["/api/v1/bestaat-niet", "/api/v1/gemeenten/", "/api/v1/samenwerkingen/x/y/z", "/api/v1/"],
)
def test_it_answers_unknown_paths_and_trailing_slashes_with_404_problem(api_client, path):
    response = api_client.get(path)
    body = assert_problem(response, 404)
    assert body["instance"] == path
    assert response["API-Version"] == settings.API_VERSION
    assert_problem(api_client.post(path, {}, format="json"), 404)


def test_it_answers_405_as_json_problem_on_the_openapi_document(api_client):
    response = api_client.post("/api/v1/openapi.yaml")
    assert_problem(response, 405)


def test_it_does_not_leak_model_names_in_404_details(api_client):
    body = assert_problem(api_client.get("/api/v1/samenwerkingen/bestaat-niet"), 404)
    assert "matches the given query" not in body["detail"]
    assert "Cooperation" not in body["detail"]


def test_it_answers_a_path_with_a_newline_with_a_404_problem(api_client):
    """Not Django's HTML page: the API's catch-all also matches paths with a (percent-encoded) newline."""
    assert_problem(api_client.get("/api/v1/businesscases/1%0A"), 404)
    assert_problem(api_client.patch("/api/v1/onbekend%0Apad", {}, format="json"), 404)


def test_it_documents_every_error_response_as_problem_json():
    for path, operations in openapi()["paths"].items():
        for method, operation in operations.items():
            for code, response in operation["responses"].items():
                if code[0] in "45" and "content" in response:
                    assert list(response["content"]) == ["application/problem+json"], (
                        f"{method} {path} {code}"
                    )


def test_it_answers_400_naming_the_field_for_text_with_a_nul_character(editor_a_api, counts):
    """PostgreSQL cannot store or compare text with U+0000: it was a database error (500) there."""
    before = counts()
    response = editor_a_api.post(
        "/api/v1/samenwerkingen", payload(naam="Samen\x00werking", domeinen=["x\x00"]), format="json"
    )
    assert invalid_names(response) == {"naam", "domeinen.0"}
    assert counts() == before


def test_it_answers_400_for_a_value_the_database_cannot_hold():
    """The last line of defence behind validation: PostgreSQL's out-of-range errors, SQLite's overflow."""
    for error in (DataError("integer out of range"), OverflowError("Python int too large")):
        response = problem_exception_handler(error, {"request": None})
        response.render()
        assert response.status_code == 400
        assert json.loads(response.content)["invalidParams"][0]["name"] == "nonFieldErrors"


def test_it_names_a_service_refusal_with_the_api_field_names_of_the_views_serializer():
    """Services name fields as the models do; the view's serializer (`source=`) gives the API's names."""

    class EntrySerializer(serializers.Serializer):
        naam = serializers.CharField(source="name")

    class View:
        def get_serializer_class(self):
            return EntrySerializer

    error = DjangoValidationError({"name": ["Geef een naam."], "__all__": ["Zo niet."], "other": ["Anders."]})
    response = problem_exception_handler(error, {"request": None, "view": View()})
    response.render()
    params = {p["name"]: p["reason"] for p in json.loads(response.content)["invalidParams"]}
    assert params == {"naam": "Geef een naam.", "nonFieldErrors": "Zo niet.", "other": "Anders."}
