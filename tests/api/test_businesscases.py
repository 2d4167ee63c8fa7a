# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/businesscases: CRUD, the calculation, bad input and visibility per persona."""

import pytest

from goedebuur.businesscases import services
from goedebuur.businesscases.models import BusinessCase

from ..businesscases.factories import counting_simulations, current_fingerprint, make_case, stored_row
from ..factories import RHENEN, UTRECHT, VEENENDAAL

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(editor_a):
    return make_case(editor_a, name="API-case")


def test_an_editor_creates_a_case_with_inputs_in_one_request(editor_a_api):
    response = editor_a_api.post(
        "/api/v1/businesscases",
        {
            "naam": "Via de API",
            "scenario": "zwaar",
            "gemeenten": [RHENEN, VEENENDAAL],
            "domeinen": ["werkplek"],
            "horizonJaren": 6,
            "basislijn": {RHENEN: {"eur": 2_000_000, "bron": "begroting 2026"}},
            "besparingen": [{"domein": "werkplek", "laag": 1, "waarschijnlijk": 4, "hoog": 9}],
            "verborgenKosten": [
                {"sleutel": "exit", "laag": 0, "waarschijnlijk": 0, "hoog": 0, "bevestigd": True}
            ],
            "verdeelsleutel": "gelijk",
            "seed": 5,
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert response["Location"].endswith(f"/api/v1/businesscases/{body['id']}")
    assert body["eigenaar"] == VEENENDAAL and body["horizonJaren"] == 6 and body["seed"] == 5
    assert body["basislijn"][RHENEN] == {
        "eur": 2_000_000,
        "bron": "begroting 2026",
        "inwoners": body["basislijn"][RHENEN]["inwoners"],
        "ictUitgavenEur": None,
        "werkplekken": None,
        "auteur": "editor-a",
    }
    assert body["besparingen"][0]["waarschijnlijk"] == 4
    exit_cost = next(c for c in body["verborgenKosten"] if c["sleutel"] == "exit")
    assert exit_cost["bevestigd"] is True and exit_cost["hoog"] == 0
    assert body["status"] == "concept"  # the other hidden costs are not confirmed yet


@pytest.mark.parametrize(
    ("payload", "name", "reason"),
    [
        (
            {"basislijn": {RHENEN: {"inwoners": -3}}},
            "gemeenten.0.inwoners",
            "Het aantal inwoners van Rhenen kan niet negatief zijn.",
        ),
        (
            {"verborgenKosten": [{"sleutel": "migratie", "laag": 9, "waarschijnlijk": 5, "hoog": 1}]},
            "verborgenKosten.2.bedrag",
            "Migratie en dataconversie: de laagste waarde is hoger dan de hoogste.",
        ),
        ({"horizonJaren": 0}, "horizonJaren", None),
        ({"gemeenten": [VEENENDAAL, "GM9999"]}, "gemeenten", "Onbekende gemeente: GM9999."),
        (
            {"verborgenKosten": [{"sleutel": "koffie"}]},
            "verborgenKosten",
            "Onbekende verborgen kostenpost: koffie.",
        ),
    ],
)
def test_bad_input_is_a_400_problem_and_changes_nothing(case, editor_a_api, payload, name, reason):
    before = editor_a_api.get(f"/api/v1/businesscases/{case.pk}").json()
    response = editor_a_api.patch(f"/api/v1/businesscases/{case.pk}", payload, format="json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    params = response.json()["invalidParams"]
    assert any(p["name"] == name and (reason is None or p["reason"] == reason) for p in params), params
    after = editor_a_api.get(f"/api/v1/businesscases/{case.pk}").json()
    assert {k: v for k, v in after.items() if k != "gewijzigdOp"} == {
        k: v for k, v in before.items() if k != "gewijzigdOp"
    }


def test_patch_changes_only_what_is_given(case, editor_a_api):
    response = editor_a_api.patch(
        f"/api/v1/businesscases/{case.pk}", {"naam": "Nieuwe naam", "trekkingen": 3000}, format="json"
    )
    assert response.status_code == 200
    case.refresh_from_db()
    assert (case.name, case.draws, case.scenario) == ("Nieuwe naam", 3000, "licht")


def test_the_calculation_is_reproducible_and_has_every_part(case, reader_api):
    url = f"/api/v1/businesscases/{case.pk}/berekening"
    first = reader_api.post(url, {"trekkingen": 2000, "seed": 3}, format="json")
    assert first.status_code == 200
    body = first.json()
    assert body == reader_api.post(url, {"trekkingen": 2000, "seed": 3}, format="json").json()
    assert body["trekkingen"] == 2000 and body["seed"] == 3
    assert [m["code"] for m in body["gemeenten"]] == [RHENEN, VEENENDAAL]
    total = body["totaal"]
    assert total["ncwP10"] <= total["ncwP50"] <= total["ncwP90"]
    assert len(total["kasstromen"]) == case.horizon
    assert any(bar["sleutel"] == "discontovoet" for bar in body["tornado"])
    assert reader_api.post(url, {"trekkingen": 0}, format="json").status_code == 400


def test_visibility_per_persona(case, api_client, reader_api, editor_b_api, admin_api, editor_a_api):
    url = f"/api/v1/businesscases/{case.pk}"
    assert api_client.get(url).status_code == 401
    assert api_client.get("/api/v1/businesscases").status_code == 401
    assert editor_b_api.get(url).status_code == 404
    assert editor_b_api.post(f"{url}/berekening", {}, format="json").status_code == 404
    assert editor_b_api.get("/api/v1/businesscases").json()["count"] == 0
    assert reader_api.get(url).status_code == 200
    assert reader_api.get("/api/v1/businesscases").json()["count"] == 1
    assert reader_api.patch(url, {"naam": "x"}, format="json").status_code == 403
    assert reader_api.delete(url).status_code == 403
    assert (
        reader_api.post(
            "/api/v1/businesscases", {"naam": "x", "gemeenten": [RHENEN, VEENENDAAL]}, format="json"
        ).status_code
        == 403
    )
    assert admin_api.get(url).status_code == 200
    assert admin_api.patch(url, {"scenario": "zwaar"}, format="json").status_code == 200
    assert editor_a_api.delete(url).status_code == 204
    assert not BusinessCase.objects.exists()


def test_an_editor_cannot_create_a_case_for_other_municipalities_only(editor_a_api):
    response = editor_a_api.post(
        "/api/v1/businesscases", {"naam": "x", "gemeenten": [RHENEN, UTRECHT]}, format="json"
    )
    assert response.status_code == 400
    assert "Veenendaal" in response.json()["invalidParams"][0]["reason"]


def test_it_gives_the_revision_as_etag_and_refuses_a_stale_if_match(case, editor_a_api):
    url = f"/api/v1/businesscases/{case.pk}"
    read = editor_a_api.get(url)
    etag = read["ETag"]
    assert etag == f'"{read.json()["revisie"]}"'
    changed = editor_a_api.patch(url, {"seed": 7}, format="json", HTTP_IF_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    stale = editor_a_api.patch(url, {"seed": 8}, format="json", HTTP_IF_MATCH=etag)
    assert stale.status_code == 412 and stale["Content-Type"] == "application/problem+json"
    assert editor_a_api.delete(url, HTTP_IF_MATCH=etag).status_code == 412
    assert BusinessCase.objects.get(pk=case.pk).seed == 7
    assert editor_a_api.delete(url, HTTP_IF_MATCH=changed["ETag"]).status_code == 204


def test_it_answers_409_when_another_save_wins_the_race(case, editor_a_api, monkeypatch):

    original_check = services._check

    def someone_saves_first(draft, partners):
        BusinessCase.objects.get(pk=draft.pk).save()
        return original_check(draft, partners)

    monkeypatch.setattr(services, "_check", someone_saves_first)
    response = editor_a_api.patch(f"/api/v1/businesscases/{case.pk}", {"seed": 9}, format="json")
    assert response.status_code == 409 and response["Content-Type"] == "application/problem+json"
    assert BusinessCase.objects.get(pk=case.pk).seed == 1


# --- the stored result (tests/businesscases/test_stored.py for the pages) --------------------------


@pytest.fixture
def stored_case(editor_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return make_case(editor_a, name="API-case")


@pytest.fixture
def simulations():
    with counting_simulations() as counted:
        yield counted


def test_the_calculation_reads_the_stored_result(stored_case, reader_api, simulations):
    response = reader_api.post(f"/api/v1/businesscases/{stored_case.pk}/berekening", {}, format="json")
    assert response.status_code == 200 and response.json()["trekkingen"] == stored_case.draws
    assert simulations.call_count == 0


def test_an_edit_through_the_api_changes_the_stored_result(
    stored_case, editor_a_api, django_capture_on_commit_callbacks
):
    before = stored_row(stored_case).data
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_a_api.patch(
            f"/api/v1/businesscases/{stored_case.pk}", {"seed": 42, "discontovoet": "0.04"}, format="json"
        )
    assert response.status_code == 200
    assert stored_row(stored_case).fingerprint == current_fingerprint(stored_case)
    assert stored_row(stored_case).data["simulation"]["seed"] == 42 and stored_row(stored_case).data != before


def test_several_changes_in_one_request_compute_once(
    stored_case, editor_a_api, simulations, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_a_api.patch(
            f"/api/v1/businesscases/{stored_case.pk}",
            {"naam": "Anders", "seed": 5, "horizonJaren": 8},
            format="json",
        )
    assert response.status_code == 200
    assert simulations.call_count == 1


def test_a_change_that_is_rolled_back_computes_nothing(
    stored_case, editor_a_api, simulations, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_a_api.patch(
            f"/api/v1/businesscases/{stored_case.pk}",
            {"naam": "Anders", "basislijn": {"GM9999": {"eur": 1}}},
            format="json",
        )
    assert response.status_code == 400
    assert BusinessCase.objects.get(pk=stored_case.pk).name == "API-case"
    assert simulations.call_count == 0


def test_the_api_computes_other_draws_without_storing_them(stored_case, reader_api, simulations):
    before = stored_row(stored_case).data
    url = f"/api/v1/businesscases/{stored_case.pk}/berekening"
    response = reader_api.post(url, {"trekkingen": 700, "seed": 9}, format="json")
    assert response.status_code == 200 and response.json()["trekkingen"] == 700
    assert simulations.call_count == 1
    assert stored_row(stored_case).data == before
