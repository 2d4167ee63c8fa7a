# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/samenwerkingen/{slug}/resultaten and /api/v1/resultaten per persona, with the same bad
input as the page."""

import pytest

from goedebuur.ledger import services
from goedebuur.ledger.models import Ledger

from ..factories import RHENEN, VEENENDAAL, make_cooperation
from ..ledger.factories import START, make_ledger, make_started_case, record

pytestmark = pytest.mark.django_db


@pytest.fixture
def ledger(editor_a):
    ledger = make_ledger(editor_a)
    record(ledger, editor_a, VEENENDAAL, START, savings=1000)
    record(ledger, editor_a, RHENEN, START, savings=500)
    return ledger


def _api(ledger, rest=""):
    return f"/api/v1/samenwerkingen/{ledger.cooperation.slug}/resultaten{rest}"


def _put(client, path, data, **headers):
    return client.put(path, data, format="json", **headers)


def test_a_member_reads_the_verdict_years_and_sources(ledger, reader_api):
    response = reader_api.get(_api(ledger))
    assert response.status_code == 200 and response["ETag"] == f'"{ledger.revision}"'
    data = response.json()
    assert data["oordeel"]["code"] in ("below", "within", "above")
    assert data["jaren"][0]["besparing"] == 1500
    assert set(data["jaren"][0]["prognoseJaar"]) == {"p10", "p50", "p90"}
    assert {m["gemeenteCode"] for m in data["gemeenten"]} == {VEENENDAAL, RHENEN}
    assert data["cijfers"][0]["bron"] == "Jaarrekening"


def test_a_private_ledger_is_404_for_outsiders(ledger, editor_b_api, api_client):
    for client in (editor_b_api, api_client):
        assert client.get(_api(ledger)).status_code == 404
        assert client.get(_api(ledger, "/versies")).status_code == 404


def test_an_editor_records_and_removes_a_year(ledger, editor_a_api):
    path = _api(ledger, f"/cijfers/{VEENENDAAL}/{START + 1}")
    response = _put(
        editor_a_api,
        path,
        {"besparing": 700, "jaarlijkseKosten": 100, "bronLink": "https://example.org/j"},
    )
    assert response.status_code == 200
    assert services.entries(ledger).get(year=START + 1).savings == 700
    assert editor_a_api.delete(path).status_code == 204
    assert not services.entries(ledger).filter(year=START + 1).exists()


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ({"besparing": -1, "bron": "x"}, "besparing"),
        ({"besparing": 1}, "bron"),
        ({"besparing": 1, "bron": "x", "bronLink": "ftp://x"}, "bronLink"),
    ],
)
def test_bad_figures_get_a_problem_and_change_nothing(ledger, editor_a_api, body, name):
    response = _put(editor_a_api, _api(ledger, f"/cijfers/{VEENENDAAL}/{START + 1}"), body)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert name in [p["name"] for p in response.json()["invalidParams"]]
    assert not services.entries(ledger).filter(year=START + 1).exists()


def test_a_future_year_and_a_non_member_are_refused(ledger, editor_a_api):
    response = _put(editor_a_api, _api(ledger, f"/cijfers/{VEENENDAAL}/2099"), {"besparing": 1, "bron": "x"})
    assert [p["name"] for p in response.json()["invalidParams"]] == ["jaar"]
    response = _put(editor_a_api, _api(ledger, f"/cijfers/GM0344/{START}"), {"besparing": 1, "bron": "x"})
    assert [p["name"] for p in response.json()["invalidParams"]] == ["gemeenteCode"]


def test_readers_and_other_municipalities_may_not_write(ledger, reader_api, editor_b_api, api_client):
    path = _api(ledger, f"/cijfers/{VEENENDAAL}/{START}")
    assert _put(reader_api, path, {"besparing": 1, "bron": "x"}).status_code == 403
    assert _put(editor_b_api, path, {"besparing": 1, "bron": "x"}).status_code == 404  # private: unseen
    assert _put(api_client, path, {"besparing": 1, "bron": "x"}).status_code in (401, 403)


def test_an_editor_starts_a_ledger_and_a_stale_if_match_is_refused(editor_a, editor_a_api):
    cooperation = make_cooperation(editor_a)
    case = make_started_case(editor_a)
    path = f"/api/v1/samenwerkingen/{cooperation.slug}/resultaten"
    body = {
        "zichtbaarheid": "openbaar",
        "startjaar": START,
        "businesscase": case.pk,
        "basislijnen": [{"gemeenteCode": VEENENDAAL, "eur": 5000, "bron": "begroting"}],
    }
    response = _put(editor_a_api, path, body)
    assert response.status_code == 201
    assert response.json()["prognose"]["businesscase"] == case.pk
    stale = _put(editor_a_api, path, body | {"zichtbaarheid": "prive"}, HTTP_IF_MATCH='"0"')
    assert stale.status_code == 412
    assert services.ledger_of(cooperation).visibility == "openbaar"


def test_an_unseen_business_case_is_refused(editor_a, editor_b, editor_a_api):
    cooperation = make_cooperation(editor_a)
    other = make_started_case(editor_b, partners=("GM0344", RHENEN))
    body = {"zichtbaarheid": "prive", "startjaar": START, "businesscase": other.pk}
    response = _put(editor_a_api, f"/api/v1/samenwerkingen/{cooperation.slug}/resultaten", body)
    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalidParams"]] == ["businesscase"]
    assert services.ledger_of(cooperation) is None


def test_versions_and_restore(ledger, editor_a_api, reader_api):
    versions = reader_api.get(_api(ledger, "/versies")).json()["results"]
    first = versions[-1]["id"]
    assert reader_api.post(_api(ledger, f"/versies/{first}/herstellen")).status_code == 403
    response = editor_a_api.post(_api(ledger, f"/versies/{first}/herstellen"))
    assert response.status_code == 200 and response.json()["cijfers"] == []


def test_the_overview_lists_shared_ledgers_with_the_uplift(ledger, editor_a, api_client):
    for code in (VEENENDAAL, RHENEN):  # the first year forecasts no savings yet: add the second
        record(ledger, editor_a, code, START + 1, savings=800)
    assert api_client.get("/api/v1/resultaten").json()["samenwerkingen"] == []
    ledger.visibility = Ledger.Visibility.PUBLIC
    ledger.save()
    data = api_client.get("/api/v1/resultaten").json()
    assert [r["samenwerking"] for r in data["samenwerkingen"]] == [ledger.cooperation.slug]
    assert data["opslag"]["aantalBesparing"] == 1 and data["opslag"]["bruikbaar"] is False
    assert data["perDomein"][0]["sleutel"] == "infrastructuur-beheer"


def test_the_overview_refuses_an_unknown_domain(api_client):
    response = api_client.get("/api/v1/resultaten?domein=bestaat-niet")
    assert response.status_code == 400 and response.json()["invalidParams"][0]["name"] == "domein"
