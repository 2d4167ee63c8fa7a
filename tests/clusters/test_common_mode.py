# SPDX-License-Identifier: EUPL-1.2
"""Common-mode warnings on the suggested achtervang pairs (page, API, command line), per persona:
the safety region for everyone, shared SaaS suppliers only for who may see landscapes."""

import io
import json

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from goedebuur.municipalities.models import Municipality
from goedebuur.profiles import services as profiles

pytestmark = pytest.mark.django_db

URL = "/achtervang-koppels?min_km=5&max_km=40&gebied=PV26"
API = "/api/v1/achtervang-koppels?minKm=5&maxKm=40&gebied=PV26"


def safety_region(code):
    return Municipality.objects.get(code=code).regions.get(region_type__code="veiligheidsregio").code


def first_pair():
    body = APIClient().get(API).json()
    return next(k for k in body["koppels"] if k["soort"] == "paar")


def share_saas(codes):
    for code in codes:
        values = {
            "supplier": "Beemster Digitaal",
            "product": "Burgerbalie",
            "version": "2026.1",
            "hosting": "saas",
            "components": ["Burgerzakencomponent"],
            "beschikbaarheid": 3,
            "integriteit": 2,
            "vertrouwelijkheid": 2,
        }
        profiles.upsert_application(Municipality.objects.get(code=code), values, None)


def test_every_visitor_sees_a_pair_in_one_safety_region(anonymous_client):
    pair = first_pair()
    a, b = (m["code"] for m in pair["gemeenten"])
    assert safety_region(a) == safety_region(b)  # the province of Utrecht is one safety region
    names = " en ".join(m["naam"] for m in pair["gemeenten"])
    html = anonymous_client.get(URL).content.decode()
    assert f"{names} liggen allebei in veiligheidsregio Utrecht" in html
    assert "gedeelde SaaS-leveranciers ziet u na inloggen" in html


def test_shared_saas_suppliers_are_shown_only_to_logged_in_municipal_users(anonymous_client, reader_a_client):
    pair = first_pair()
    share_saas(m["code"] for m in pair["gemeenten"])
    assert "Burgerbalie (Beemster Digitaal)" not in anonymous_client.get(URL).content.decode()
    html = reader_a_client.get(URL).content.decode()
    assert (
        "1 product(en) allebei als SaaS af bij dezelfde leverancier: Burgerbalie (Beemster Digitaal)" in html
    )


def test_the_api_gives_the_warnings_per_pair_by_persona(reader_a):
    pair = first_pair()
    codes = [m["code"] for m in pair["gemeenten"]]
    share_saas(codes)

    def warnings(client):
        body = client.get(API).json()
        found = next(k for k in body["koppels"] if [m["code"] for m in k["gemeenten"]] == codes)
        return {w["reden"]: w for w in found["waarschuwingen"]}

    assert set(warnings(APIClient())) == {"safety_region_same"}
    logged_in = APIClient()
    logged_in.force_authenticate(reader_a)
    found = warnings(logged_in)
    assert set(found) == {"safety_region_same", "suppliers_shared"}
    assert found["suppliers_shared"]["stoplicht"] == "oranje" and found["suppliers_shared"]["oplossing"]


def test_pairs_in_different_safety_regions_get_no_region_warning():
    body = APIClient().get("/api/v1/achtervang-koppels?minKm=5&maxKm=40").json()
    for koppel in body["koppels"]:
        regions = {safety_region(m["code"]) for m in koppel["gemeenten"]}
        reasons = {w["reden"] for w in koppel["waarschuwingen"]}
        if len(regions) == len(koppel["gemeenten"]):
            assert "safety_region_same" not in reasons
        elif len(koppel["gemeenten"]) == 2:
            assert "safety_region_same" in reasons


def test_the_command_line_prints_the_warnings_with_the_suppliers():
    pair = first_pair()
    share_saas(m["code"] for m in pair["gemeenten"])
    out = io.StringIO()
    call_command("achtervang-koppels", "--area", "PV26", stdout=out)
    text = out.getvalue()
    assert "let op (veiligheidsregio):" in text and "let op (leverancier en hosting):" in text
    out = io.StringIO()
    call_command("achtervang-koppels", "--area", "PV26", "--json", stdout=out)
    koppels = json.loads(out.getvalue())["koppels"]
    assert any(w["reden"] == "suppliers_shared" for k in koppels for w in k["waarschuwingen"])
