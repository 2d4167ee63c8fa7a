# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/achtervangafspraken per persona: A = Veenendaal (a party), B = Utrecht (outsider)."""

import pytest

from goedebuur.fallback.models import Agreement, Service
from goedebuur.history.models import ChangeRecord

from ..fallback.factories import make_agreement, make_service
from .helpers import assert_problem, invalid_names

pytestmark = pytest.mark.django_db
BASE = "/api/v1/achtervangafspraken"


@pytest.fixture
def agreement():
    agreement = make_agreement(link_mbps=10)
    make_service(agreement, name="Zaaksysteem", daily_change_gb=108, rpo_hours=1)
    return agreement


def paths(agreement):
    service = agreement.services.get()
    base = f"{BASE}/{agreement.pk}"
    return [
        base,
        f"{base}/diensten",
        f"{base}/diensten/{service.pk}",
        f"{base}/haalbaarheid",
        f"{base}/simulatie",
        f"{base}/tests",
    ]


def test_anonymous_gets_401(agreement, api_client):
    assert_problem(api_client.get(BASE), 401)
    for path in paths(agreement):
        assert_problem(api_client.get(path), 401)


def test_an_outsider_gets_404_everywhere(agreement, editor_b_api):
    assert editor_b_api.get(BASE).json() == []
    for path in paths(agreement):
        assert_problem(editor_b_api.get(path), 404)
    assert_problem(editor_b_api.patch(f"{BASE}/{agreement.pk}", {"bandbreedteMbps": 100}, format="json"), 404)


def test_parties_and_admins_read(agreement, reader_api, admin_api):
    for client in (reader_api, admin_api):
        assert [a["id"] for a in client.get(BASE).json()] == [agreement.pk]
        for path in paths(agreement):
            assert client.get(path).status_code == 200


def test_a_reader_may_not_write(agreement, reader_api):
    assert_problem(reader_api.patch(f"{BASE}/{agreement.pk}", {"bandbreedteMbps": 100}, format="json"), 403)
    assert_problem(reader_api.delete(f"{BASE}/{agreement.pk}"), 403)
    assert_problem(reader_api.post(f"{BASE}/{agreement.pk}/tests", {}, format="json"), 403)


def test_the_agreement_shows_its_numbers_and_test_plan(agreement, reader_api):
    data = reader_api.get(f"{BASE}/{agreement.pk}").json()
    assert data["gemeenteA"] == "GM0345" and data["gemeenteB"] == "GM0340"
    assert data["locatieA"]["naam"] == "Gemeentehuis Veenendaal"
    assert 5 < data["afstandKm"] < 15
    assert [t["soort"] for t in data["geplandeTests"]] == ["continuiteitsplan", "hersteltest"]
    assert data["testsActueel"] is False


def test_raising_the_bandwidth_turns_the_replication_green(agreement, editor_a_api):
    url = f"{BASE}/{agreement.pk}/haalbaarheid"
    check = editor_a_api.get(url).json()["richtingen"][0]["toetsen"]
    zaak = next(c for c in check if c["toets"] == "replicatie" and c["onderwerp"] == "Zaaksysteem")
    assert zaak["stoplicht"] == "rood" and zaak["nodig"] == pytest.approx(30.0)
    response = editor_a_api.patch(f"{BASE}/{agreement.pk}", {"bandbreedteMbps": 100}, format="json")
    assert response.status_code == 200 and response.json()["bandbreedteMbps"] == 100
    check = editor_a_api.get(url).json()["richtingen"][0]["toetsen"]
    zaak = next(c for c in check if c["toets"] == "replicatie" and c["onderwerp"] == "Zaaksysteem")
    assert zaak["stoplicht"] == "groen"
    assert ChangeRecord.objects.filter(model="fallback.agreement", action="update").exists()


def test_the_simulation_compares_with_the_naive_order(agreement, reader_api):
    data = reader_api.get(f"{BASE}/{agreement.pk}/simulatie").json()
    direction = data["richtingen"][0]
    assert direction["gast"] == "GM0345"
    assert direction["gepland"]["diensten"][0]["naam"] == "Zaaksysteem"
    assert direction["extraBinnenRto"] == direction["gepland"]["binnenRto"] - direction["naief"]["binnenRto"]
    assert direction["gepland"]["optimaliteit"] == "optimal"
    assert direction["gepland"]["maxBinnenRto"] == direction["gepland"]["binnenRto"]
    assert direction["naief"]["optimaliteit"] is None and direction["naief"]["maxBinnenRto"] is None


def test_an_editor_creates_an_agreement_for_the_own_municipality(editor_a_api):
    body = {
        "gemeenteA": "GM0345",
        "gemeenteB": "GM0340",
        "locatieA": {"naam": "Stadhuis", "soort": "gemeentehuis", "lat": 52.03, "lon": 5.56},
        "locatieB": {"naam": "Datacenter", "soort": "datacenter", "lat": 51.95, "lon": 5.58},
        "verbinding": "donkere-vezel",
        "bandbreedteMbps": 1000,
        "ingangsdatum": "2026-01-01",
    }
    response = editor_a_api.post(BASE, body, format="json")
    assert response.status_code == 201, response.content
    assert response["Location"].endswith(f"{BASE}/{response.json()['id']}")
    other = dict(body, gemeenteA="GM0344")
    assert "gemeenteA" in invalid_names(editor_a_api.post(BASE, other, format="json"))
    same = dict(body, gemeenteB="GM0345")
    assert "gemeenteB" in invalid_names(editor_a_api.post(BASE, same, format="json"))
    assert Agreement.objects.count() == 1


def test_services_are_added_with_dependencies_and_cycles_are_refused(agreement, editor_a_api):
    zaak = agreement.services.get()
    url = f"{BASE}/{agreement.pk}/diensten"
    body = {
        "gemeente": "GM0345",
        "naam": "Identiteit",
        "beschikbaarheid": 3,
        "integriteit": 3,
        "vertrouwelijkheid": 3,
        "rtoUren": 2,
        "rpoUren": 1,
        "dataGb": 50,
        "wijzigingenPerDagGb": "1.0",
    }
    response = editor_a_api.post(url, body, format="json")
    assert response.status_code == 201, response.content
    identity = response.json()["id"]
    patched = editor_a_api.patch(f"{url}/{zaak.pk}", {"hangtAfVan": [identity]}, format="json")
    assert patched.json()["hangtAfVan"] == [identity]
    cycle = editor_a_api.patch(f"{url}/{identity}", {"hangtAfVan": [zaak.pk]}, format="json")
    assert "hangtAfVan" in invalid_names(cycle)
    assert not Service.objects.get(pk=identity).depends_on.exists()


def test_a_service_without_name_or_application_is_refused(agreement, editor_a_api):
    url = f"{BASE}/{agreement.pk}/diensten"
    response = editor_a_api.post(
        url, {"gemeente": "GM0345", "dataGb": 1, "wijzigingenPerDagGb": "1"}, format="json"
    )
    assert {"naam", "rtoUren"} <= invalid_names(response)
    wrong_guest = editor_a_api.post(
        url, {"gemeente": "GM0344", "dataGb": 1, "wijzigingenPerDagGb": "1"}, format="json"
    )
    assert "gemeente" in invalid_names(wrong_guest)


def test_a_restore_test_is_logged_with_results(agreement, editor_a_api):
    zaak = agreement.services.get()
    body = {
        "soort": "hersteltest",
        "datum": "2026-01-05",
        "scenario": "Uitval Veenendaal",
        "geslaagd": True,
        "zwaarte": "gedeeltelijk",
        "resultaten": [{"dienst": zaak.pk, "hersteltijdUren": "3.00", "gegevensverliesUren": "2.00"}],
    }
    response = editor_a_api.post(f"{BASE}/{agreement.pk}/tests", body, format="json")
    assert response.status_code == 201, response.content
    result = response.json()["resultaten"][0]
    assert result["binnenRto"] is True and result["binnenRpo"] is False
    log = editor_a_api.get(f"{BASE}/{agreement.pk}/tests").json()
    assert [(r["scenario"], r["zwaarte"], r["geldigTot"]) for r in log] == [
        ("Uitval Veenendaal", "gedeeltelijk", "2027-01-05")
    ]


def test_an_editor_deletes_an_agreement(agreement, editor_a_api):
    assert editor_a_api.delete(f"{BASE}/{agreement.pk}").status_code == 204
    assert not Agreement.objects.exists()


def test_sites_left_out_become_the_town_halls(editor_a_api):
    body = {
        "gemeenteA": "GM0345",
        "gemeenteB": "GM0340",
        "verbinding": "huurlijn",
        "bandbreedteMbps": 500,
        "ingangsdatum": "2026-01-01",
    }
    response = editor_a_api.post(BASE, body, format="json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert (
        data["locatieA"]["naam"] == "Gemeentehuis Veenendaal" and data["locatieA"]["soort"] == "gemeentehuis"
    )
    assert data["locatieB"]["naam"] == "Gemeentehuis Rhenen"
    assert 5 < data["afstandKm"] < 15


def test_it_gives_the_revision_as_etag_and_refuses_a_stale_if_match(agreement, editor_a_api):
    url = f"{BASE}/{agreement.pk}"
    read = editor_a_api.get(url)
    etag = read["ETag"]
    assert etag == f'"{read.json()["revisie"]}"'
    changed = editor_a_api.patch(url, {"bandbreedteMbps": 100}, format="json", HTTP_IF_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    stale = editor_a_api.patch(url, {"bandbreedteMbps": 5}, format="json", HTTP_IF_MATCH=etag)
    assert_problem(stale, 412)
    assert_problem(editor_a_api.delete(url, HTTP_IF_MATCH=etag), 412)
    assert Agreement.objects.get(pk=agreement.pk).link_mbps == 100
    assert editor_a_api.delete(url, HTTP_IF_MATCH=changed["ETag"]).status_code == 204


def test_it_checks_the_revision_of_a_service(agreement, editor_a_api):
    service = agreement.services.get()
    url = f"{BASE}/{agreement.pk}/diensten/{service.pk}"
    etag = editor_a_api.get(url)["ETag"]
    assert etag == f'"{service.revision}"'
    changed = editor_a_api.patch(url, {"rtoUren": 12}, format="json", HTTP_IF_MATCH=etag)
    assert changed.status_code == 200 and changed.json()["revisie"] == service.revision + 1
    assert_problem(editor_a_api.patch(url, {"rtoUren": 99}, format="json", HTTP_IF_MATCH=etag), 412)
    assert_problem(editor_a_api.delete(url, HTTP_IF_MATCH=etag), 412)
    assert Service.objects.get(pk=service.pk).rto_hours == 12


def test_it_answers_409_when_another_save_wins_the_race(agreement, editor_a_api, monkeypatch):
    from goedebuur.fallback import services

    original = services.save_agreement

    def someone_saves_first(instance, user, **kwargs):
        Agreement.objects.get(pk=instance.pk).save()
        return original(instance, user, **kwargs)

    monkeypatch.setattr(services, "save_agreement", someone_saves_first)
    response = editor_a_api.patch(f"{BASE}/{agreement.pk}", {"bandbreedteMbps": 77}, format="json")
    assert_problem(response, 409)
    assert Agreement.objects.get(pk=agreement.pk).link_mbps == 10


def test_it_answers_409_when_a_service_is_saved_by_someone_else_first(agreement, editor_a_api, monkeypatch):
    from goedebuur.fallback import services

    service = agreement.services.get()
    original = services.save_service

    def someone_saves_first(instance, user, *args, **kwargs):
        Service.objects.get(pk=instance.pk).save()
        return original(instance, user, *args, **kwargs)

    monkeypatch.setattr(services, "save_service", someone_saves_first)
    url = f"{BASE}/{agreement.pk}/diensten/{service.pk}"
    assert_problem(editor_a_api.patch(url, {"rtoUren": 77}, format="json"), 409)
    assert Service.objects.get(pk=service.pk).rto_hours != 77


def test_it_answers_400_for_a_dependency_or_application_id_beyond_any_id(agreement, editor_a_api):
    """They were looked up as given: SQLite cannot bind an integer beyond 64 bits (a 500)."""
    url = f"{BASE}/{agreement.pk}/diensten/{agreement.services.get().pk}"
    assert invalid_names(editor_a_api.patch(url, {"hangtAfVan": [1, 2**70]}, format="json")) == {
        "hangtAfVan.1"
    }
    assert invalid_names(editor_a_api.patch(url, {"applicatie": 2**70}, format="json")) == {"applicatie"}
