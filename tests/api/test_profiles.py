# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/gemeenten/{code}/profiel, /applicaties, /leveranciers, /producten: visibility per
persona, writes with the permissions of the pages, problem+json with Dutch reasons."""

import pytest
from rest_framework.test import APIClient

from goedebuur.history.models import ChangeRecord
from goedebuur.profiles.models import Application, Profile

from ..profiles.conftest import (  # noqa: F401  (fixtures)
    application_values,
    partner_reader,
    rhenen,
    shared_cooperation,
    veenendaal,
    veenendaal_app,
)
from .helpers import assert_problem, invalid_names, openapi

BASE = "/api/v1/gemeenten/GM0345"


@pytest.fixture
def partner_api(partner_reader):  # noqa: F811
    client = APIClient()
    client.force_authenticate(partner_reader)
    return client


APIS = {
    "reader_a": "reader_api",
    "editor_a": "editor_a_api",
    "editor_b": "editor_b_api",
    "admin": "admin_api",
    "partner": "partner_api",
}
# persona -> sees contracts and costs of Veenendaal
SEES_CONTRACTS = {"reader_a": True, "editor_a": True, "editor_b": False, "admin": True, "partner": True}


def test_anonymous_gets_401_everywhere(api_client, veenendaal_app):  # noqa: F811
    for url in (
        f"{BASE}/profiel",
        f"{BASE}/applicaties",
        f"{BASE}/applicaties/{veenendaal_app.pk}",
        "/api/v1/leveranciers",
        "/api/v1/producten",
    ):
        assert_problem(api_client.get(url), 401)


@pytest.mark.parametrize("persona", list(APIS))
def test_visibility_matrix(request, persona, veenendaal_app, shared_cooperation):  # noqa: F811
    client = request.getfixturevalue(APIS[persona])
    sees = SEES_CONTRACTS[persona]
    listing = client.get(f"{BASE}/applicaties")
    assert listing.status_code == 200
    (item,) = listing.json()["results"]
    assert item["product"] == "Key2Zaken" and item["componenten"][0]["naam"] == "Zaakregistratiecomponent"
    assert ("contract" in item) is sees
    if sees:
        assert item["contract"]["kostenPerJaarEur"] == 48123 and item["contract"]["einddatum"] == "2028-03-31"
    detail = client.get(f"{BASE}/applicaties/{veenendaal_app.pk}").json()
    assert ("contract" in detail) is sees
    profile = client.get(f"{BASE}/profiel").json()
    assert ("ictUitgavenEur" in profile) is sees
    assert "inwoners" in profile and "ambitieKwaliteit" in profile


@pytest.mark.parametrize("persona", list(APIS))
def test_every_persona_gets_each_field_the_description_calls_required(request, persona, veenendaal_app):  # noqa: F811
    """Also who may not see the costs: `ictUitgavenPerInwonerEur` was required yet left out for them."""
    client = request.getfixturevalue(APIS[persona])
    schemas = openapi()["components"]["schemas"]
    for url, schema in (
        (f"{BASE}/profiel", "IctProfiel"),
        (f"{BASE}/applicaties/{veenendaal_app.pk}", "Applicatie"),
    ):
        answer = client.get(url).json()
        missing = set(schemas[schema].get("required", [])) - set(answer)
        assert not missing, (persona, url, missing)


def test_the_application_list_is_paginated(editor_a_api, veenendaal, editor_a):  # noqa: F811
    """Issue 18: the whole landscape in one answer; now pages of `pageSize` (the export has it all)."""
    from goedebuur.profiles import services

    for product in ("Alpha", "Beta", "Gamma"):
        services.upsert_application(veenendaal, application_values(product=product), editor_a)
    body = editor_a_api.get(f"{BASE}/applicaties?pageSize=2").json()
    assert body["count"] == 3 and [a["product"] for a in body["results"]] == ["Alpha", "Beta"]
    assert body["next"].endswith("page=2&pageSize=2")
    assert [a["product"] for a in editor_a_api.get(body["next"]).json()["results"]] == ["Gamma"]


def test_a_user_without_municipality_gets_403(db, veenendaal_app):  # noqa: F811
    from ..factories import make_user

    client = APIClient()
    client.force_authenticate(make_user(None, username="zonder-gemeente"))
    assert_problem(client.get(f"{BASE}/applicaties"), 403)


def test_editor_creates_patches_replaces_and_deletes(editor_a_api, veenendaal, editor_a):  # noqa: F811
    response = editor_a_api.post(
        f"{BASE}/applicaties",
        {
            "leverancier": "Centric B.V.",
            "product": "Key2Zaken",
            "componenten": ["Zaakregistratiecomponent"],
            "hosting": "saas",
            "contract": {"einddatum": "2027-12-31", "kostenPerJaarEur": 1000},
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert response["Location"].endswith(f"/applicaties/{body['id']}")
    assert (body["beschikbaarheid"], body["rtoUren"], body["rpoUren"]) == (2, 24, 4)
    url = f"{BASE}/applicaties/{body['id']}"
    patched = editor_a_api.patch(
        url, {"beschikbaarheid": 3, "leverancier": "CENTRIC nederland"}, format="json"
    ).json()
    assert patched["beschikbaarheid"] == 3 and patched["leverancier"] == "Centric B.V."
    assert patched["contract"]["kostenPerJaarEur"] == 1000  # untouched by PATCH
    replaced = editor_a_api.put(
        url,
        {
            "leverancier": "Centric",
            "product": "Key2Zaken",
            "componenten": ["Zaakregistratiecomponent"],
            "hosting": "on-premises",
        },
        format="json",
    ).json()
    assert replaced["contract"] is None and replaced["hosting"] == "on-premises"
    assert ChangeRecord.objects.filter(model="profiles.application", object_id=str(body["id"])).count() == 3
    assert editor_a_api.delete(url).status_code == 204
    assert not Application.objects.filter(pk=body["id"]).exists()


def test_bad_input_answers_400_with_dutch_reasons_and_saves_nothing(editor_a_api, veenendaal):  # noqa: F811
    response = editor_a_api.post(
        f"{BASE}/applicaties",
        {
            "leverancier": "Centric",
            "product": "Key2Zaken",
            "componenten": ["Bestaat-niet"],
            "hosting": "saas",
            "contract": {"startdatum": "2026-01-01", "einddatum": "2025-01-01"},
        },
        format="json",
    )
    body = assert_problem(response, 400)
    reasons = {p["name"]: p["reason"] for p in body["invalidParams"]}
    assert "Onbekende GEMMA-referentiecomponent" in reasons["componenten"]
    assert reasons["contract.einddatum"] == "De einddatum ligt vóór de startdatum."
    assert not Application.objects.filter(municipality=veenendaal).exists()
    names = invalid_names(editor_a_api.post(f"{BASE}/applicaties", {"kostenPerJaarEur": -1}, format="json"))
    assert {"leverancier", "product", "componenten", "hosting"} <= names


@pytest.mark.parametrize("persona,status", [("reader_a", 403), ("editor_b", 403)])
def test_only_own_editors_and_admins_write(request, persona, status, veenendaal_app):  # noqa: F811
    client = request.getfixturevalue(APIS[persona])
    url = f"{BASE}/applicaties/{veenendaal_app.pk}"
    assert_problem(client.patch(url, {"versie": "x"}, format="json"), status)
    assert_problem(client.delete(url), status)
    assert_problem(client.put(f"{BASE}/profiel", {}, format="json"), status)
    assert Application.objects.filter(pk=veenendaal_app.pk).exists()


def test_admin_may_write(admin_api, veenendaal_app):  # noqa: F811
    response = admin_api.patch(f"{BASE}/applicaties/{veenendaal_app.pk}", {"versie": "6.0"}, format="json")
    assert response.status_code == 200 and response.json()["versie"] == "6.0"


def test_put_profile(editor_a_api, veenendaal, shared_cooperation):  # noqa: F811
    response = editor_a_api.put(
        f"{BASE}/profiel",
        {
            "inwoners": 67000,
            "inwonersPeiljaar": 2024,
            "ictUitgavenEur": 6700000,
            "ictUitgavenJaar": 2025,
            "ictFte": "31.50",
            "hostingmodel": "mix",
            "ambitieKwetsbaarheid": 5,
            "ambitieKwetsbaarheidMotivatie": "Achtervang",
            "openDomeinen": ["achtervang-uitwijk"],
            "contractenDelenMet": [shared_cooperation.slug],
        },
        format="json",
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["ictUitgavenPerInwonerEur"] == 100.0 and body["ambitieKwetsbaarheid"] == 5
    assert body["contractenDelenMet"] == [shared_cooperation.slug]
    profile = Profile.objects.get(municipality=veenendaal)
    assert profile.ambition_kwetsbaarheid_motivation == "Achtervang"
    assert ChangeRecord.objects.filter(model="profiles.profile", object_id=str(profile.pk)).exists()


def test_put_profile_rejects_bad_values(editor_a_api, veenendaal):  # noqa: F811
    from goedebuur.cooperations.models import Cooperation

    from ..factories import make_cooperation

    other = make_cooperation(members=("GM0344", "GM0340"))
    names = invalid_names(
        editor_a_api.put(f"{BASE}/profiel", {"ambitieKosten": 6, "werkplekken": -1}, format="json")
    )
    assert names == {"ambitieKosten", "werkplekken"}
    names = invalid_names(
        editor_a_api.put(f"{BASE}/profiel", {"contractenDelenMet": [other.slug]}, format="json")
    )
    assert names == {"contractenDelenMet"}
    assert Cooperation.objects.filter(pk=other.pk).exists()
    assert not Profile.objects.filter(municipality=veenendaal).exists()


def test_suppliers_and_products(reader_api, veenendaal_app):  # noqa: F811
    suppliers = reader_api.get("/api/v1/leveranciers?zoek=centric nederland").json()
    assert suppliers["count"] == 1 and suppliers["results"][0]["naam"] == "Centric B.V."
    products = reader_api.get("/api/v1/producten").json()
    assert products["results"][0] == {
        "id": veenendaal_app.product_id,
        "naam": "Key2Zaken",
        "leverancier": "Centric B.V.",
        "leverancierId": veenendaal_app.product.supplier_id,
        "aantalGemeenten": 1,
    }


def test_unknown_municipality_and_application_are_404(reader_api, veenendaal_app):  # noqa: F811
    assert_problem(reader_api.get("/api/v1/gemeenten/GM9999/profiel"), 404)
    assert_problem(reader_api.get(f"/api/v1/gemeenten/GM0344/applicaties/{veenendaal_app.pk}"), 404)


def test_it_gives_the_application_revision_as_etag_and_refuses_a_stale_if_match(
    editor_a_api,
    veenendaal_app,  # noqa: F811
):
    url = f"{BASE}/applicaties/{veenendaal_app.pk}"
    read = editor_a_api.get(url)
    etag = read["ETag"]
    assert etag == f'"{read.json()["revisie"]}"'
    changed = editor_a_api.patch(url, {"versie": "6.0"}, format="json", HTTP_IF_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert_problem(editor_a_api.patch(url, {"versie": "7.0"}, format="json", HTTP_IF_MATCH=etag), 412)
    assert_problem(editor_a_api.delete(url, HTTP_IF_MATCH=etag), 412)
    assert Application.objects.get(pk=veenendaal_app.pk).version == "6.0"
    assert editor_a_api.delete(url, HTTP_IF_MATCH=changed["ETag"]).status_code == 204


def test_it_answers_409_when_another_application_save_wins_the_race(
    editor_a_api,
    veenendaal_app,  # noqa: F811
    monkeypatch,
):
    from goedebuur.profiles import landscape

    original = landscape.clean_application_values

    def someone_saves_first(values, **kwargs):
        Application.objects.get(pk=veenendaal_app.pk).save()
        return original(values, **kwargs)

    monkeypatch.setattr(landscape, "clean_application_values", someone_saves_first)
    url = f"{BASE}/applicaties/{veenendaal_app.pk}"
    assert_problem(editor_a_api.patch(url, {"versie": "verloren"}, format="json"), 409)
    assert Application.objects.get(pk=veenendaal_app.pk).version == "5.1"


def test_it_gives_the_profile_revision_as_etag_and_refuses_a_stale_if_match(editor_a_api, veenendaal):  # noqa: F811
    url = f"{BASE}/profiel"
    first = editor_a_api.put(url, {"contactNaam": "Eerste"}, format="json")
    etag = first["ETag"]
    assert etag == f'"{first.json()["revisie"]}"' and editor_a_api.get(url)["ETag"] == etag
    second = editor_a_api.put(url, {"contactNaam": "Tweede"}, format="json", HTTP_IF_MATCH=etag)
    assert second.status_code == 200 and second["ETag"] != etag
    assert_problem(editor_a_api.put(url, {"contactNaam": "Verloren"}, format="json", HTTP_IF_MATCH=etag), 412)
    assert Profile.objects.get(municipality=veenendaal).contact_name == "Tweede"


def test_it_answers_409_when_another_profile_save_wins_the_race(editor_a_api, veenendaal, monkeypatch):  # noqa: F811
    url = f"{BASE}/profiel"
    editor_a_api.put(url, {"contactNaam": "Eerste"}, format="json")
    original = Profile.full_clean

    def someone_saves_first(self, *args, **kwargs):
        Profile.objects.get(pk=self.pk).save()
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Profile, "full_clean", someone_saves_first)
    assert_problem(editor_a_api.put(url, {"contactNaam": "Verloren"}, format="json"), 409)
    assert Profile.objects.get(municipality=veenendaal).contact_name == "Eerste"


def test_it_describes_components_as_names_in_requests_and_objects_in_answers():
    schemas = openapi()["components"]["schemas"]
    assert schemas["ApplicatieRequest"]["properties"]["componenten"]["items"] == {
        "type": "string",
        "maxLength": 200,
    }
    answered = schemas["Applicatie"]["properties"]["componenten"]["items"]
    assert answered == {"$ref": "#/components/schemas/ApplicatieComponent"}
    assert set(schemas["ApplicatieComponent"]["properties"]) == {"gemmaId", "naam"}
