# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/trajecten: list, create, read and update, per persona. The trajectory is Veenendaal's
(editor_a, reader_a) with Rhenen; Utrecht (editor_b) is an outsider."""

import pytest
from django.core import mail

from goedebuur.accounts.models import User
from goedebuur.trajectories import services
from goedebuur.trajectories.models import Trajectory

from ..factories import RHENEN
from ..trajectories.factories import make_trajectory, municipality
from .helpers import assert_problem, invalid_names


@pytest.fixture
def trajectory(db):
    return make_trajectory()


def test_a_partner_lists_and_reads_it_in_full(reader_api, trajectory):
    (item,) = reader_api.get("/api/v1/trajecten").json()["results"]
    assert (item["naam"], item["volledig"], item["fase"]) == (trajectory.name, True, "verkennen")
    body = reader_api.get(f"/api/v1/trajecten/{trajectory.pk}").json()
    assert [p["gemeente"] for p in body["deelnemers"]] == ["GM0340", "GM0345"]
    assert "volgende-fase" not in body["volgendeStap"]["toegestaneActies"]
    assert any("go-besluit" in b["reden"] for b in body["volgendeStap"]["blokkades"])


def test_outsiders_and_anonymous_callers_get_a_404(api_client, editor_b_api, trajectory):
    assert editor_b_api.get("/api/v1/trajecten").json()["results"] == []
    assert_problem(editor_b_api.get(f"/api/v1/trajecten/{trajectory.pk}"), 404)
    assert_problem(api_client.get(f"/api/v1/trajecten/{trajectory.pk}"), 404)
    assert_problem(
        editor_b_api.patch(f"/api/v1/trajecten/{trajectory.pk}", {"naam": "x"}, format="json"), 404
    )


def test_a_public_summary_shows_only_summary_fields(api_client, trajectory):
    services.update_trajectory(trajectory, None, public_summary=True)
    body = api_client.get(f"/api/v1/trajecten/{trajectory.pk}").json()
    assert body["volledig"] is False
    assert "volgendeStap" not in body and "omschrijving" not in body
    assert api_client.get("/api/v1/trajecten").json()["count"] == 1


def test_an_editor_starts_one_and_the_invitee_gets_an_e_mail(
    editor_a_api, django_capture_on_commit_callbacks
):
    User.objects.create_user(
        "r", email="ict@rhenen.example", municipality=municipality(RHENEN), role=User.Role.EDITOR
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_a_api.post(
            "/api/v1/trajecten",
            {
                "naam": "Samen hosten",
                "uitgenodigd": ["gm0340"],
                "domeinen": ["hosting-datacenter"],
                "beoogdeVorm": "dvo",
            },
            format="json",
        )
    assert response.status_code == 201, response.content
    trajectory = Trajectory.objects.get(name="Samen hosten")
    assert response["Location"].endswith(f"/api/v1/trajecten/{trajectory.pk}")
    assert response.json()["initiatiefnemer"] == "GM0345"
    assert mail.outbox[0].to == ["ict@rhenen.example"]


def test_it_refuses_a_trajectory_without_invitees_and_saves_nothing(editor_a_api):
    response = editor_a_api.post("/api/v1/trajecten", {"naam": "Alleen"}, format="json")
    assert invalid_names(response) == {"uitgenodigd"}
    assert not Trajectory.objects.exists()


def test_readers_and_anonymous_callers_cannot_start_one(reader_api, api_client):
    assert_problem(
        reader_api.post("/api/v1/trajecten", {"naam": "x", "uitgenodigd": ["GM0340"]}, format="json"), 403
    )
    assert_problem(
        api_client.post("/api/v1/trajecten", {"naam": "x", "uitgenodigd": ["GM0340"]}, format="json"), 401
    )


def test_an_administrator_names_the_initiator(admin_api):
    response = admin_api.post(
        "/api/v1/trajecten", {"naam": "Beheer", "uitgenodigd": ["GM0340"]}, format="json"
    )
    assert invalid_names(response) == {"initiatiefnemerCode"}
    response = admin_api.post(
        "/api/v1/trajecten",
        {"naam": "Beheer", "uitgenodigd": ["GM0340"], "initiatiefnemerCode": "GM0345"},
        format="json",
    )
    assert response.status_code == 201


def test_a_partner_editor_updates_the_details(editor_a_api, reader_api, trajectory):
    url = f"/api/v1/trajecten/{trajectory.pk}"
    assert_problem(reader_api.patch(url, {"openbareSamenvatting": True}, format="json"), 403)
    body = editor_a_api.patch(
        url, {"openbareSamenvatting": True, "domeinen": ["werkplek"]}, format="json"
    ).json()
    assert (body["openbareSamenvatting"], body["domeinen"]) == (True, ["werkplek"])
    body = editor_a_api.put(url, {"naam": "Nieuw"}, format="json").json()
    assert (body["naam"], body["domeinen"], body["openbareSamenvatting"], body["beoogdeVorm"]) == (
        "Nieuw",
        [],
        False,
        None,
    )
    assert invalid_names(editor_a_api.patch(url, {"naam": ""}, format="json")) == {"naam"}


def test_it_gives_the_revision_as_etag_and_refuses_a_stale_if_match(editor_a_api, trajectory):
    path = f"/api/v1/trajecten/{trajectory.pk}"
    read = editor_a_api.get(path)
    etag = read["ETag"]
    assert etag == f'"{read.json()["revisie"]}"'
    changed = editor_a_api.patch(path, {"naam": "Eerst"}, format="json", HTTP_IF_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert_problem(editor_a_api.patch(path, {"naam": "Later"}, format="json", HTTP_IF_MATCH=etag), 412)
    assert Trajectory.objects.get(pk=trajectory.pk).name == "Eerst"


def test_it_answers_409_when_another_save_wins_the_race(editor_a_api, trajectory, monkeypatch):
    original = services.update_trajectory

    def someone_saves_first(trajectory_, user, **kwargs):
        Trajectory.objects.get(pk=trajectory_.pk).save()
        return original(trajectory_, user, **kwargs)

    monkeypatch.setattr(services, "update_trajectory", someone_saves_first)
    response = editor_a_api.patch(f"/api/v1/trajecten/{trajectory.pk}", {"naam": "Verloren"}, format="json")
    assert_problem(response, 409)
    assert Trajectory.objects.get(pk=trajectory.pk).name != "Verloren"
