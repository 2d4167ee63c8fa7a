# SPDX-License-Identifier: EUPL-1.2
import datetime as dt
import json

import pytest
from django.conf import settings
from rest_framework.test import APIClient

from goedebuur.accounts.tokens import create_token
from goedebuur.cooperations import services
from goedebuur.cooperations.models import Cooperation
from tests.conftest import CsrfClient
from tests.factories import (
    RENSWOUDE,
    RHENEN,
    UTRECHT,
    VEENENDAAL,
    cooperation_input,
    load_register,
    make_cooperation,
)

from .helpers import assert_problem, invalid_names, openapi


def payload(**overrides):
    data = {
        "naam": "ICT-samenwerking Rhenen-Veenendaal",
        "omschrijving": "Elkaars achtervang, gezamenlijk beheer.",
        "vorm": "samenwerkingsovereenkomst",
        "vormVolgensBronnen": "samenwerkingsovereenkomst voor vijf jaar",
        "status": "actief",
        "startdatum": "2019-01-01",
        "startPrecisie": "jaar",
        "domeinen": ["infrastructuur-beheer", "achtervang-uitwijk"],
        "deelnemers": [
            {"gemeente": VEENENDAAL, "rol": "gastheer", "toegetredenOp": "2019-01-01"},
            {"gemeente": RHENEN},
        ],
        "bronnen": [{"url": "https://www.veenendaal.nl/nieuws", "omschrijving": "persbericht"}],
    }
    return data | overrides


@pytest.fixture
def cooperation(editor_a):
    """Veenendaal (editor A's municipality) and Rhenen; Utrecht (editor B) is not a member."""
    return make_cooperation(user=editor_a, members=(VEENENDAAL, RHENEN), name="Food Valley ICT")


# --- reading -------------------------------------------------------------------------------


def test_it_lists_live_cooperations_for_everyone(api_client, cooperation, editor_a):
    gone = make_cooperation(user=editor_a, name="Verdwenen samenwerking")
    services.delete_cooperation(gone, editor_a)
    response = api_client.get("/api/v1/samenwerkingen")
    assert response.status_code == 200
    assert response["API-Version"] == settings.API_VERSION
    body = response.json()
    assert body["count"] == 1
    assert [c["slug"] for c in body["results"]] == [cooperation.slug]


def test_it_shows_one_cooperation_with_lower_camel_case_fields(api_client, cooperation):
    response = api_client.get(f"/api/v1/samenwerkingen/{cooperation.slug}")
    assert response.status_code == 200
    body = response.json()
    assert body["url"] == f"http://testserver/api/v1/samenwerkingen/{cooperation.slug}"
    assert body["webpagina"] == f"http://testserver/samenwerkingen/{cooperation.slug}"
    assert body["naam"] == "Food Valley ICT"
    assert body["vorm"] == "samenwerkingsovereenkomst"
    assert body["domeinen"] == ["infrastructuur-beheer"]
    assert body["status"] == "onbekend"
    assert body["startPrecisie"] == "dag"
    assert body["verwijderd"] is False and body["demogegevens"] is False
    assert {m["gemeente"] for m in body["deelnemers"]} == {VEENENDAAL, RHENEN}
    assert body["deelnemers"][0] == {
        "gemeente": RHENEN,
        "gemeenteNaam": "Rhenen",
        "rol": "deelnemer",
        "toegetredenOp": None,
        "uitgetredenOp": None,
        "voorheen": [],
        "volgensRegister": False,
        "status": "geaccepteerd",
    }
    assert body["bronnen"] == []
    assert body["herkomst"] == "goede-buur" and body["register"] is None
    assert body["rooSysteemId"] is None and body["tooi"] is None and body["peildatum"] is None
    assert body["beleidsdomeinen"] == [] and body["domeinenBevestigd"] is True
    assert {"aangemaaktOp", "gewijzigdOp"} <= set(body)


def test_it_answers_404_problem_for_unknown_and_deleted_cooperations(api_client, cooperation, editor_a):
    assert_problem(api_client.get("/api/v1/samenwerkingen/bestaat-niet"), 404)
    services.delete_cooperation(cooperation, editor_a)
    assert_problem(api_client.get(f"/api/v1/samenwerkingen/{cooperation.slug}"), 404)


@pytest.mark.parametrize(
    "query, expected",
    [
        ("domein=werkplek", {"werkplek"}),
        ("vorm=wgr-centrumregeling", {"centrum"}),
        ("status=actief", {"werkplek"}),
        ("provincie=PV26", {"food", "werkplek"}),
        ("gemeente=GM0339", {"werkplek"}),
        ("gemeente=gm0340", {"food"}),
        ("zoek=Food", {"food"}),
        ("zoek=renswoude", {"werkplek"}),
        ("domein=werkplek&status=onbekend", set()),
    ],
)
def test_it_filters_the_list(api_client, editor_a, query, expected):
    made = {
        "food": make_cooperation(user=editor_a, members=(VEENENDAAL, RHENEN), name="Food Valley ICT"),
        "werkplek": make_cooperation(
            user=editor_a,
            members=(VEENENDAAL, RENSWOUDE),
            domains=("werkplek",),
            name="Werkplekbeheer",
            status="actief",
        ),
        "centrum": make_cooperation(
            user=None, members=("GM0363", "GM0437"), form="wgr-centrumregeling", name="Amstelland"
        ),
    }
    slugs = {made[key].slug for key in expected}
    body = api_client.get(f"/api/v1/samenwerkingen?{query}").json()
    assert {c["slug"] for c in body["results"]} == slugs


def test_it_rejects_an_unknown_status_filter(api_client):
    assert invalid_names(api_client.get("/api/v1/samenwerkingen?status=bijna")) == {"status"}


# --- writing -------------------------------------------------------------------------------


def test_it_lets_an_editor_create_a_cooperation(editor_a_api, editor_a):
    response = editor_a_api.post("/api/v1/samenwerkingen", payload(), format="json")
    assert response.status_code == 201, response.json()
    assert response["API-Version"] == settings.API_VERSION
    body = response.json()
    assert body["slug"] == "ict-samenwerking-rhenen-veenendaal"
    assert response["Location"] == body["url"]
    assert body["startdatum"] == "2019-01-01" and body["startPrecisie"] == "jaar"
    assert set(body["domeinen"]) == {"infrastructuur-beheer", "achtervang-uitwijk"}
    assert body["bronnen"] == [{"url": "https://www.veenendaal.nl/nieuws", "omschrijving": "persbericht"}]
    host = next(m for m in body["deelnemers"] if m["gemeente"] == VEENENDAAL)
    assert host["rol"] == "gastheer" and host["toegetredenOp"] == "2019-01-01"
    stored = services.get_live(body["slug"], everyone=True)
    assert stored.created_by == editor_a
    assert stored.start_precision == Cooperation.Precision.YEAR
    assert [v.action for v in services.versions(stored)] == ["create"]


def test_it_replaces_a_cooperation_with_put(editor_a_api, cooperation):
    response = editor_a_api.put(
        f"/api/v1/samenwerkingen/{cooperation.slug}",
        {
            "naam": "Food Valley ICT (vernieuwd)",
            "vorm": "convenant-intentieverklaring",
            "domeinen": ["werkplek"],
            "deelnemers": [{"gemeente": VEENENDAAL}, {"gemeente": RENSWOUDE}],
        },
        format="json",
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["slug"] == cooperation.slug  # the slug never changes
    assert body["naam"] == "Food Valley ICT (vernieuwd)"
    assert body["vorm"] == "convenant-intentieverklaring"
    assert body["domeinen"] == ["werkplek"]
    # Renswoude is invited and Rhenen's removal is proposed: both wait for consent
    listed = {m["gemeente"]: m["status"] for m in body["deelnemers"]}
    assert listed == {VEENENDAAL: "geaccepteerd", RHENEN: "geaccepteerd", RENSWOUDE: "uitgenodigd"}
    pending = {(c["soort"], c["gemeente"]) for c in body["wijzigingenDeelnemers"]}
    assert pending == {("toetreden", RENSWOUDE), ("uittreden", RHENEN)}
    assert body["status"] == "onbekend" and body["omschrijving"] == ""


def test_it_changes_only_the_given_fields_with_patch(editor_a_api, editor_a):
    cooperation = services.save_cooperation(
        cooperation_input(
            name="Food Valley ICT",
            description="Gezamenlijk beheer",
            sources=[services.SourceInput(url="https://example.org")],
            status="actief",
        ),
        user=editor_a,
    )
    response = editor_a_api.patch(
        f"/api/v1/samenwerkingen/{cooperation.slug}",
        {"status": "beeindigd", "einddatum": "2025-12-31"},
        format="json",
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["status"] == "beeindigd" and body["einddatum"] == "2025-12-31"
    assert body["naam"] == "Food Valley ICT" and body["omschrijving"] == "Gezamenlijk beheer"
    assert body["bronnen"] == [{"url": "https://example.org", "omschrijving": ""}]
    assert {m["gemeente"] for m in body["deelnemers"]} == {VEENENDAAL, RHENEN}


def test_it_gives_the_revision_as_etag_and_refuses_a_stale_if_match(editor_a_api, cooperation):
    url = f"/api/v1/samenwerkingen/{cooperation.slug}"
    read = editor_a_api.get(url)
    etag = read["ETag"]
    assert etag == f'"{read.json()["revisie"]}"'
    changed = editor_a_api.patch(url, {"status": "actief"}, format="json", HTTP_IF_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    stale = editor_a_api.patch(url, {"status": "beeindigd"}, format="json", HTTP_IF_MATCH=etag)
    assert_problem(stale, 412)
    assert editor_a_api.delete(url, HTTP_IF_MATCH=etag).status_code == 412
    assert Cooperation.objects.get(pk=cooperation.pk).status == "actief"
    assert editor_a_api.delete(url, HTTP_IF_MATCH=changed["ETag"]).status_code == 204


def test_it_answers_409_when_another_save_wins_the_race(editor_a_api, cooperation, monkeypatch):
    original_validate = services.validate

    def someone_saves_first(values, user, instance=None):
        Cooperation.objects.get(pk=cooperation.pk).save()
        return original_validate(values, user, instance)

    monkeypatch.setattr(services, "validate", someone_saves_first)
    url = f"/api/v1/samenwerkingen/{cooperation.slug}"
    response = editor_a_api.patch(url, {"naam": "Verloren wijziging"}, format="json")
    assert_problem(response, 409)
    assert Cooperation.objects.get(pk=cooperation.pk).name == "Food Valley ICT"


def test_it_proposes_a_member_leaving_and_an_administrator_records_it_at_once(
    editor_a_api, admin_api, cooperation
):
    url = f"/api/v1/samenwerkingen/{cooperation.slug}"
    left = {"deelnemers": [{"gemeente": VEENENDAAL}, {"gemeente": RHENEN, "uitgetredenOp": "2024-06-30"}]}
    proposed = editor_a_api.patch(url, left, format="json").json()
    rhenen = next(m for m in proposed["deelnemers"] if m["gemeente"] == RHENEN)
    assert rhenen["uitgetredenOp"] is None
    (change,) = proposed["wijzigingenDeelnemers"]
    assert change["soort"] == "uittreden" and change["uitgetredenOp"] == "2024-06-30"
    assert change["wachtOp"] == [RHENEN] and change["voorgesteldNamens"] == VEENENDAAL
    response = admin_api.patch(
        f"/api/v1/samenwerkingen/{cooperation.slug}",
        {
            "deelnemers": [
                {"gemeente": VEENENDAAL},
                {"gemeente": RHENEN, "uitgetredenOp": "2024-06-30"},
                {"gemeente": RENSWOUDE, "rol": "trekker"},
            ]
        },
        format="json",
    )
    assert response.status_code == 200, response.json()
    rhenen = next(m for m in response.json()["deelnemers"] if m["gemeente"] == RHENEN)
    assert rhenen["uitgetredenOp"] == "2024-06-30"
    assert response.json()["wijzigingenDeelnemers"] == []


def test_it_soft_deletes_with_delete(editor_a_api, api_client, cooperation):
    response = editor_a_api.delete(f"/api/v1/samenwerkingen/{cooperation.slug}")
    assert response.status_code == 204
    assert response["API-Version"] == settings.API_VERSION
    cooperation.refresh_from_db()
    assert cooperation.deleted_at is not None
    assert_problem(api_client.get(f"/api/v1/samenwerkingen/{cooperation.slug}"), 404)
    assert services.versions(cooperation).first().action == "delete"


# --- versions and restore ------------------------------------------------------------------


def test_it_lists_versions_newest_first_with_api_field_names(editor_a_api, api_client, cooperation):
    editor_a_api.patch(f"/api/v1/samenwerkingen/{cooperation.slug}", {"naam": "Nieuwe naam"}, format="json")
    response = editor_a_api.get(f"/api/v1/samenwerkingen/{cooperation.slug}/versies")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    newest, oldest = body["results"]
    assert newest["actie"] == "gewijzigd" and oldest["actie"] == "aangemaakt"
    assert newest["door"] == "editor-a"
    assert newest["wijzigingen"] == [{"veld": "naam", "oud": "Food Valley ICT", "nieuw": "Nieuwe naam"}]
    snapshot = oldest["momentopname"]
    assert snapshot["naam"] == "Food Valley ICT" and snapshot["startPrecisie"] == "dag"
    assert {m["gemeente"] for m in snapshot["deelnemers"]} == {VEENENDAAL, RHENEN}
    assert set(snapshot["deelnemers"][0]) == {"gemeente", "rol", "toegetredenOp", "uitgetredenOp"}
    assert oldest["herstellen"].endswith(
        f"/api/v1/samenwerkingen/{cooperation.slug}/versies/{oldest['id']}/herstellen"
    )
    anonymous = api_client.get(f"/api/v1/samenwerkingen/{cooperation.slug}/versies").json()
    assert anonymous["count"] == 2
    assert {v["door"] for v in anonymous["results"]} == {None}  # usernames only for logged-in users


def test_it_restores_an_earlier_version(editor_a_api, cooperation):
    first = services.versions(cooperation).get()
    editor_a_api.patch(f"/api/v1/samenwerkingen/{cooperation.slug}", {"naam": "Anders"}, format="json")
    response = editor_a_api.post(f"/api/v1/samenwerkingen/{cooperation.slug}/versies/{first.pk}/herstellen")
    assert response.status_code == 200, response.json()
    assert response.json()["naam"] == "Food Valley ICT"
    assert services.versions(cooperation).first().action == "restore"


def test_it_brings_back_a_deleted_cooperation(editor_a_api, api_client, cooperation, editor_a):
    first = services.versions(cooperation).get()
    services.delete_cooperation(cooperation, editor_a)
    assert_problem(api_client.get(f"/api/v1/samenwerkingen/{cooperation.slug}/versies"), 404)
    assert editor_a_api.get(f"/api/v1/samenwerkingen/{cooperation.slug}/versies").json()["count"] == 2
    response = editor_a_api.post(f"/api/v1/samenwerkingen/{cooperation.slug}/versies/{first.pk}/herstellen")
    assert response.status_code == 200
    assert response.json()["verwijderd"] is False
    assert api_client.get(f"/api/v1/samenwerkingen/{cooperation.slug}").status_code == 200


def test_it_answers_404_for_a_version_of_another_cooperation(editor_a_api, cooperation, editor_a):
    other = make_cooperation(user=editor_a)
    record = services.versions(other).get()
    response = editor_a_api.post(f"/api/v1/samenwerkingen/{cooperation.slug}/versies/{record.pk}/herstellen")
    assert_problem(response, 404)


# --- permissions ---------------------------------------------------------------------------

PERSONAS = {
    "anonymous": "api_client",
    "reader": "reader_api",
    "editor A": "editor_a_api",
    "editor B": "editor_b_api",
    "admin": "admin_api",
}


def _create(client, cooperation):
    members = [{"gemeente": code} for code in (VEENENDAAL, RHENEN, UTRECHT)]
    return client.post("/api/v1/samenwerkingen", payload(deelnemers=members), format="json")


def _update(client, cooperation):
    return client.patch(f"/api/v1/samenwerkingen/{cooperation.slug}", {"naam": "Gewijzigd"}, format="json")


def _replace(client, cooperation):
    return client.put(f"/api/v1/samenwerkingen/{cooperation.slug}", payload(), format="json")


def _delete(client, cooperation):
    return client.delete(f"/api/v1/samenwerkingen/{cooperation.slug}")


def _restore(client, cooperation):
    record = services.versions(cooperation).first()
    return client.post(f"/api/v1/samenwerkingen/{cooperation.slug}/versies/{record.pk}/herstellen")


@pytest.mark.parametrize(
    "action, expected",
    [
        (_create, {"anonymous": 401, "reader": 403, "editor A": 201, "editor B": 201, "admin": 201}),
        (_update, {"anonymous": 401, "reader": 403, "editor A": 200, "editor B": 403, "admin": 200}),
        (_replace, {"anonymous": 401, "reader": 403, "editor A": 200, "editor B": 403, "admin": 200}),
        (_delete, {"anonymous": 401, "reader": 403, "editor A": 204, "editor B": 403, "admin": 204}),
        (_restore, {"anonymous": 401, "reader": 403, "editor A": 200, "editor B": 403, "admin": 200}),
    ],
    ids=["create", "update", "replace", "delete", "restore"],
)
@pytest.mark.parametrize("persona", list(PERSONAS))
def test_it_applies_the_permissions_of_the_pages(request, cooperation, persona, action, expected):
    client = request.getfixturevalue(PERSONAS[persona])
    before = Cooperation.objects.get(pk=cooperation.pk)
    response = action(client, cooperation)
    assert response.status_code == expected[persona], response.content
    if expected[persona] >= 400:
        body = assert_problem(response, expected[persona])
        assert "invalidParams" not in body
        after = Cooperation.objects.get(pk=cooperation.pk)
        assert (after.name, after.deleted_at, after.updated_at) == (
            before.name,
            before.deleted_at,
            before.updated_at,
        )
    if expected[persona] == 401:
        assert response["WWW-Authenticate"] == "Token"


def test_it_refuses_an_editor_whose_municipality_has_left(editor_a_api, cooperation):
    values = cooperation_input(members=(VEENENDAAL, RHENEN, RENSWOUDE), name=cooperation.name)
    for member in values.members:
        if member.municipality.code == VEENENDAAL:
            member.left_on = dt.date(2024, 1, 1)
    services.save_cooperation(values, user=None, instance=cooperation)
    assert_problem(_update(editor_a_api, cooperation), 403)


# --- authentication ------------------------------------------------------------------------


def test_it_accepts_a_token(editor_a):
    _, key = create_token(editor_a, "script", "write")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    response = client.post("/api/v1/samenwerkingen", payload(), format="json")
    assert response.status_code == 201
    assert services.get_live(response.json()["slug"], everyone=True).created_by == editor_a


def test_it_refuses_a_wrong_token_with_401(db):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token onzin")
    assert_problem(client.get("/api/v1/samenwerkingen"), 401)


def test_it_requires_csrf_for_session_writes(editor_a):
    client = CsrfClient()
    client.force_login(editor_a)
    without = client.generic(
        "POST", "/api/v1/samenwerkingen", data=_json(payload()), content_type="application/json"
    )
    body = assert_problem(without, 403)
    assert "CSRF" in body["detail"]
    with_token = client.generic(
        "POST",
        "/api/v1/samenwerkingen",
        data=_json(payload()),
        content_type="application/json",
        HTTP_X_CSRFTOKEN=client.csrf_token(),
    )
    assert with_token.status_code == 201, with_token.content


def _json(data):
    return json.dumps(data)


def test_it_describes_old_and_new_values_of_a_change_as_any_json_not_as_a_geometry():
    schemas = openapi()["components"]["schemas"]
    for side in ("oud", "nieuw"):
        assert "coordinates" not in json.dumps(schemas["Wijziging"]["properties"][side])
    assert "coordinates" in json.dumps(schemas["GemeenteFeature"]["properties"]["geometry"])


def test_it_shows_members_and_a_delete_in_versions_with_api_field_names(editor_a_api, admin_api, cooperation):
    members = [{"gemeente": VEENENDAAL}, {"gemeente": RENSWOUDE, "rol": "trekker"}]
    admin_api.patch(f"/api/v1/samenwerkingen/{cooperation.slug}", {"deelnemers": members}, format="json")
    editor_a_api.delete(f"/api/v1/samenwerkingen/{cooperation.slug}")
    deleted, changed, _created = editor_a_api.get(
        f"/api/v1/samenwerkingen/{cooperation.slug}/versies"
    ).json()["results"]
    assert deleted["wijzigingen"] == [{"veld": "verwijderd", "oud": False, "nieuw": True}]
    assert deleted["momentopname"]["verwijderd"] is True
    [change] = changed["wijzigingen"]
    assert change["veld"] == "deelnemers"
    assert {"gemeente": RENSWOUDE, "rol": "trekker", "toegetredenOp": None, "uitgetredenOp": None} in change[
        "nieuw"
    ]


# --- the GR-register -----------------------------------------------------------------------

OFFICIAL = "Dit gegeven komt uit het GR-register en kan hier niet worden gewijzigd."


@pytest.fixture
def vallei(tmp_path):
    """ "ICT Vallei" from a small GR-register (tests/factories.py), with an ended regeling beside it."""
    load_register(tmp_path)
    return Cooperation.objects.get(roo_id="101")


def test_it_shows_a_register_entry_with_the_registers_data(api_client, vallei):
    body = api_client.get(f"/api/v1/samenwerkingen/{vallei.slug}").json()
    assert (body["herkomst"], body["rooSysteemId"], body["peildatum"]) == ("gr-register", "101", "2026-05-16")
    assert body["domeinenBevestigd"] is False and body["domeinen"] == ["infrastructuur-beheer"]
    register = body["register"]
    assert register["titel"] == "Gemeenschappelijke regeling ICT Vallei 2024"
    assert register["vorm"] == "BVO" and register["inWerking"] == {"van": "2024-07-01", "tot": None}
    assert register["instellingsbesluiten"] == ["https://zoek.officielebekendmakingen.nl/gmb-101.html"]
    assert register["rooUrl"] == "https://organisaties.overheid.nl/101/x"
    assert register["bron"] == "Register van Overheidsorganisaties (KOOP)"
    assert register["afgeleideDomeinen"] == {"ict": ["infrastructuur-beheer"], "beleid": []}
    assert {"bron": "titel", "tekst": "ICT"} in register["bewijs"]
    [province] = register["overigeDeelnemers"]
    assert province["naam"] == "Provincie Utrecht" and province["voormaligeGemeente"] is False
    voorne = next(m for m in body["deelnemers"] if m["gemeente"] == "GM1992")
    assert voorne["volgensRegister"] is True
    assert voorne["voorheen"] == [
        {"code": "GM0501", "naam": "Brielle"},
        {"code": "GM0614", "naam": "Westvoorne"},
    ]
    rhenen = next(m for m in body["deelnemers"] if m["gemeente"] == RHENEN)
    assert rhenen["uitgetredenOp"] == "2024-07-01"


def test_it_lists_the_versions_in_the_register_newest_first(api_client, vallei, editor_a):
    response = api_client.get(f"/api/v1/samenwerkingen/{vallei.slug}/versies-register")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    newest, oldest = body["results"]
    assert (newest["rooSysteemId"], oldest["rooSysteemId"]) == ("101", "100")
    assert newest["vorigeTitel"] == "Gemeenschappelijke regeling ICT Vallei" and oldest["vorigeTitel"] is None
    assert newest["toegetreden"] == [f"Gemeente {RENSWOUDE}"] and newest["uitgetreden"] == [
        f"Gemeente {RHENEN}"
    ]
    assert (oldest["geldigVan"], oldest["geldigTot"]) == ("2015-01-01", "2024-07-01")
    assert {p["naam"] for p in oldest["deelnemers"]} >= {"Provincie Utrecht", f"Gemeente {RHENEN}"}
    own = make_cooperation(user=editor_a)
    assert api_client.get(f"/api/v1/samenwerkingen/{own.slug}/versies-register").json()["count"] == 0
    assert_problem(api_client.get("/api/v1/samenwerkingen/bestaat-niet/versies-register"), 404)


@pytest.mark.parametrize(
    "query, expected",
    [
        ("herkomst=gr-register", {"101", "300"}),
        ("herkomst=goede-buur", {"own"}),
        ("beleidsdomein=belastingen", {"300"}),
        ("vorm=wgr-openbaar-lichaam", {"300"}),
        ("rooSysteemId=100", {"101"}),  # an earlier version finds the regeling
        ("rooSysteemId=300", {"300"}),
        ("gemeente=GM1992", {"101"}),
        ("actiefOp=2015-06-01", {"101", "300"}),
        ("actiefOp=2020-01-01", {"101"}),  # the first day without: ended
        ("actiefOp=2009-12-31", set()),  # before either began
        (f"actiefOp=2024-06-30&gemeente={RHENEN}", {"101"}),
        (f"actiefOp=2024-07-01&gemeente={RHENEN}", set()),  # left on that day
        (f"actiefOp=2024-06-30&gemeente={RENSWOUDE}", set()),  # joined the day after
        ("actiefOp=2026-01-01&gemeente=GM1904", set()),
        ("actiefOp=2026-01-01&status=actief", {"101", "own"}),
    ],
)
def test_it_filters_by_the_register(api_client, vallei, editor_a, query, expected):
    own = make_cooperation(user=editor_a, name="Eigen", status="actief", start_date=dt.date(2025, 1, 1))
    keys = {
        c["slug"]: ("own" if c["slug"] == own.slug else c["rooSysteemId"]) for c in _all(api_client, query)
    }
    assert set(keys.values()) == expected


def _all(client, query):
    response = client.get(f"/api/v1/samenwerkingen?{query}")
    assert response.status_code == 200, response.content
    return response.json()["results"]


@pytest.mark.parametrize(
    "query, name",
    [
        ("domein=bestaat-niet", "domein"),
        ("beleidsdomein=bestaat-niet", "beleidsdomein"),
        ("vorm=bestaat-niet", "vorm"),
        ("gemeente=GM9999", "gemeente"),
        ("gemeente=Veenendaal", "gemeente"),
        ("herkomst=elders", "herkomst"),
        ("rooSysteemId=abc", "rooSysteemId"),
        ("actiefOp=2024-13-45", "actiefOp"),
        ("actiefOp=gisteren", "actiefOp"),
        ("provincie=Utrecht", "provincie"),
    ],
)
def test_it_refuses_a_filter_value_that_names_nothing(api_client, query, name):
    assert invalid_names(api_client.get(f"/api/v1/samenwerkingen?{query}")) == {name}


def test_it_accepts_a_municipality_code_in_lower_case(api_client, vallei):
    assert {c["rooSysteemId"] for c in _all(api_client, "gemeente=gm1992")} == {"101"}


def test_members_add_what_the_register_does_not_hold(editor_a_api, vallei):
    members = [
        {k: m[k] for k in ("gemeente", "toegetredenOp", "uitgetredenOp")}
        | {"rol": "gastheer" if m["gemeente"] == VEENENDAAL else m["rol"]}
        for m in editor_a_api.get(f"/api/v1/samenwerkingen/{vallei.slug}").json()["deelnemers"]
    ]
    response = editor_a_api.patch(
        f"/api/v1/samenwerkingen/{vallei.slug}",
        {
            "domeinen": ["werkplek"],
            "beleidsdomeinen": ["afval"],
            "gedeeldeDiensten": "Servicedesk",
            "contact": "ict@vallei.example",
            "omschrijving": "Samen beheer",
            "deelnemers": members,
        },
        format="json",
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["domeinen"] == ["werkplek"] and body["beleidsdomeinen"] == ["afval"]
    assert (body["gedeeldeDiensten"], body["contact"]) == ("Servicedesk", "ict@vallei.example")
    assert body["domeinenBevestigd"] is True
    assert next(m for m in body["deelnemers"] if m["gemeente"] == VEENENDAAL)["rol"] == "gastheer"
    assert body["register"]["titel"] == "Gemeenschappelijke regeling ICT Vallei 2024"


@pytest.mark.parametrize(
    "change, name",
    [
        ({"naam": "Andere naam"}, "naam"),
        ({"vorm": "dvo"}, "vorm"),
        ({"vormVolgensBronnen": "iets anders"}, "vormVolgensBronnen"),
        ({"status": "beeindigd"}, "status"),
        ({"startdatum": "1999-01-01"}, "startdatum"),
        ({"einddatum": "2030-01-01"}, "einddatum"),
        ({"startPrecisie": "jaar"}, "startPrecisie"),
        ({"deelnemers": [{"gemeente": VEENENDAAL}, {"gemeente": RENSWOUDE}]}, "deelnemers"),
    ],
)
def test_it_refuses_a_change_to_the_registers_fields_naming_the_field(editor_a_api, vallei, change, name):
    before = Cooperation.objects.get(pk=vallei.pk)
    response = editor_a_api.patch(f"/api/v1/samenwerkingen/{vallei.slug}", change, format="json")
    body = assert_problem(response, 400)
    reasons = {param["name"]: param["reason"] for param in body["invalidParams"]}
    assert set(reasons) == {name}
    if name != "deelnemers":
        assert reasons[name] == OFFICIAL
    after = Cooperation.objects.get(pk=vallei.pk)
    assert (after.name, after.status, after.updated_at, after.domains_confirmed) == (
        before.name,
        before.status,
        before.updated_at,
        False,
    )


def test_a_regeling_can_be_deleted_only_by_an_administrator(editor_a_api, admin_api, vallei):
    body = assert_problem(editor_a_api.delete(f"/api/v1/samenwerkingen/{vallei.slug}"), 403)
    assert "GR-register" in body["detail"]
    assert Cooperation.objects.get(pk=vallei.pk).deleted_at is None
    assert admin_api.delete(f"/api/v1/samenwerkingen/{vallei.slug}").status_code == 204


def test_it_lists_the_policy_domains(api_client):
    response = api_client.get("/api/v1/beleidsdomeinen")
    assert response.status_code == 200
    slugs = [d["slug"] for d in response.json()]
    assert "afval" in slugs and "belastingen" in slugs and slugs[-1] == "overig"
    one = api_client.get("/api/v1/beleidsdomeinen/afval").json()
    assert one["naam"] == "Afval en reiniging" and one["url"].endswith("/api/v1/beleidsdomeinen/afval")
    assert_problem(api_client.get("/api/v1/beleidsdomeinen/bestaat-niet"), 404)


def test_a_platform_entry_takes_policy_domains_services_and_contact(editor_a_api):
    response = editor_a_api.post(
        "/api/v1/samenwerkingen",
        payload(beleidsdomeinen=["belastingen"], gedeeldeDiensten="WOZ", contact="Team belastingen"),
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["beleidsdomeinen"], body["gedeeldeDiensten"], body["contact"]) == (
        ["belastingen"],
        "WOZ",
        "Team belastingen",
    )
    assert invalid_names(
        editor_a_api.post("/api/v1/samenwerkingen", payload(beleidsdomeinen=["bestaat-niet"]), format="json")
    ) == {"beleidsdomeinen"}


def _json_schema(node):
    """An OpenAPI 3.0 schema as JSON Schema: `nullable` becomes a `null` alternative."""
    if isinstance(node, list):
        return [_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    converted = {key: _json_schema(value) for key, value in node.items() if key != "nullable"}
    if node.get("nullable"):
        return {"anyOf": [converted, {"type": "null"}]}
    return converted


def test_a_register_entry_and_its_versions_match_the_description(api_client, vallei):
    import jsonschema

    document = _json_schema({"components": openapi()["components"]})

    def check(body, schema_name, many=False):
        schema = {"$ref": f"#/components/schemas/{schema_name}"}
        schema = {"type": "array", "items": schema} if many else schema
        jsonschema.validate(body, document | schema)

    check(api_client.get(f"/api/v1/samenwerkingen/{vallei.slug}").json(), "Samenwerking")
    versions = api_client.get(f"/api/v1/samenwerkingen/{vallei.slug}/versies-register").json()
    check(versions["results"], "RegisterVersie", many=True)
    check(api_client.get("/api/v1/beleidsdomeinen").json(), "Beleidsdomein", many=True)
