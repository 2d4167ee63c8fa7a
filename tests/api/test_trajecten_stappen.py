# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/trajecten/{id}/...: checklist, decisions, ambitions, acknowledgement, actions, the
answer to an invitation and the move into the register, with the rules of the pages."""

import pytest

from goedebuur.cooperations.models import Cooperation
from goedebuur.trajectories import services

from ..factories import UTRECHT, VEENENDAAL
from ..trajectories.factories import advance, align, make_trajectory, municipality
from .helpers import assert_problem, invalid_names

AMBITION = {"kwaliteit": 4, "kosten": 1, "kwetsbaarheid": 5, "personeel": 3, "motief": "verbeteren"}


@pytest.fixture
def trajectory(db):
    return make_trajectory()


def url(trajectory, rest=""):
    return f"/api/v1/trajecten/{trajectory.pk}{rest}"


def test_the_whole_first_step_through_the_api(editor_a_api, trajectory):
    rows = editor_a_api.get(url(trajectory, "/checklist")).json()
    assert rows[0]["code"] == "gedeeld-belang" and rows[0]["verplicht"] and rows[0]["status"] == "open"
    response = editor_a_api.post(url(trajectory, "/acties"), {"actie": "volgende-fase"}, format="json")
    assert invalid_names(response) == {"actie"}
    body = editor_a_api.put(
        url(trajectory, "/checklist/gedeeld-belang"), {"status": "gedaan", "notitie": "ok"}, format="json"
    ).json()
    assert (body["status"], body["door"]) == ("gedaan", "editor-a")
    response = editor_a_api.post(
        url(trajectory, "/besluiten"),
        {"besluit": "go", "datum": "2026-11-02", "genomenDoor": "colleges"},
        format="json",
    )
    assert response.status_code == 201 and response.json()["fase"] == "verkennen"
    body = editor_a_api.post(url(trajectory, "/acties"), {"actie": "volgende-fase"}, format="json").json()
    assert body["fase"] == "intentie"
    assert [d["besluit"] for d in editor_a_api.get(url(trajectory, "/besluiten")).json()] == ["go"]


def test_bad_input_changes_nothing(editor_a_api, trajectory):
    assert invalid_names(
        editor_a_api.put(url(trajectory, "/checklist/nulmeting"), {"status": "klaar"}, format="json")
    ) == {"status"}
    assert invalid_names(
        editor_a_api.post(
            url(trajectory, "/besluiten"),
            {"besluit": "misschien", "datum": "2026-11-02", "genomenDoor": "colleges"},
            format="json",
        )
    ) == {"besluit"}
    assert invalid_names(
        editor_a_api.post(
            url(trajectory, "/besluiten"),
            {"besluit": "go", "datum": "2099-01-01", "genomenDoor": "colleges"},
            format="json",
        )
    ) == {"datum"}
    assert invalid_names(
        editor_a_api.post(url(trajectory, "/acties"), {"actie": "stoppen"}, format="json")
    ) == {"actie"}
    assert_problem(
        editor_a_api.put(url(trajectory, "/checklist/bestaat-niet"), {"status": "gedaan"}, format="json"), 404
    )
    assert not trajectory.decisions.exists() and not trajectory.checklist.exists()


def test_readers_outsiders_and_anonymous_callers_cannot_write(
    reader_api, editor_b_api, api_client, trajectory
):
    decision = {"besluit": "go", "datum": "2026-11-02", "genomenDoor": "colleges"}
    assert_problem(reader_api.post(url(trajectory, "/besluiten"), decision, format="json"), 403)
    assert_problem(editor_b_api.post(url(trajectory, "/besluiten"), decision, format="json"), 404)
    assert_problem(api_client.post(url(trajectory, "/besluiten"), decision, format="json"), 401)
    assert_problem(editor_b_api.get(url(trajectory, "/checklist")), 404)
    assert not trajectory.decisions.exists()


def test_ambitions_divergences_and_acknowledgement(editor_a_api, admin_api, trajectory):
    assert_problem(editor_a_api.put(url(trajectory, "/ambities/GM0340"), AMBITION, format="json"), 403)
    assert invalid_names(
        editor_a_api.put(url(trajectory, "/ambities/GM0345"), AMBITION | {"kosten": 6}, format="json")
    ) == {"kosten"}
    editor_a_api.put(url(trajectory, "/ambities/GM0345"), AMBITION, format="json")
    body = admin_api.put(
        url(trajectory, "/ambities/GM0340"), AMBITION | {"kosten": 5, "motief": "vermijden"}, format="json"
    ).json()
    assert [(d["soort"], d["verschil"]) for d in body["verschillen"]] == [("score", 4), ("motief", 3)]
    assert body["blokkades"][0]["aanZet"] == ["Rhenen", "Veenendaal"]
    body = editor_a_api.post(url(trajectory, "/ambities/GM0345/bevestiging")).json()
    assert body["bevestigdDoor"] == ["GM0345"]
    assert body["blokkades"][0]["aanZet"] == ["Rhenen"]


def test_an_invitee_answers_through_the_api(editor_b_api, editor_a_api, trajectory):
    services.invite(trajectory, [municipality(UTRECHT)], None)
    assert_problem(
        editor_a_api.post(url(trajectory, "/uitnodiging"), {"antwoord": "aannemen"}, format="json"), 403
    )
    body = editor_b_api.post(url(trajectory, "/uitnodiging"), {"antwoord": "aannemen"}, format="json").json()
    assert {"gemeente": "GM0344", "gemeenteNaam": "Utrecht", "status": "deelnemer"} in body["deelnemers"]


def test_a_trajectory_past_overeenkomen_enters_the_register(editor_a_api, editor_a, trajectory):
    trajectory = advance(trajectory, editor_a)
    align(trajectory, editor_a)
    trajectory = advance(trajectory, editor_a)
    assert invalid_names(editor_a_api.post(url(trajectory, "/naar-register"))) == {"nonFieldErrors"}
    trajectory = advance(trajectory, editor_a)
    assert editor_a_api.get(url(trajectory)).json()["volgendeStap"]["naarRegisterMogelijk"] is True
    response = editor_a_api.post(url(trajectory, "/naar-register"))
    assert response.status_code == 201
    assert Cooperation.objects.get(slug=response.json()["slug"]).name == trajectory.name
    assert editor_a_api.get(url(trajectory)).json()["registervermelding"] == response.json()["slug"]


def test_a_partner_invites_more_municipalities(editor_a_api, reader_api, trajectory):
    assert_problem(
        reader_api.post(url(trajectory, "/uitnodigingen"), {"gemeenten": ["GM0344"]}, format="json"), 403
    )
    body = editor_a_api.post(
        url(trajectory, "/uitnodigingen"), {"gemeenten": ["gm0344"]}, format="json"
    ).json()
    assert {"gemeente": "GM0344", "gemeenteNaam": "Utrecht", "status": "uitgenodigd"} in body["deelnemers"]
    response = editor_a_api.post(url(trajectory, "/uitnodigingen"), {"gemeenten": ["GM0344"]}, format="json")
    assert invalid_names(response) == {"gemeenten"}
    assert invalid_names(
        editor_a_api.post(url(trajectory, "/uitnodigingen"), {"gemeenten": []}, format="json")
    ) == {"gemeenten"}


def test_it_checks_the_revision_of_a_checklist_item(editor_a_api, trajectory):
    path = url(trajectory, "/checklist/gedeeld-belang")
    first = editor_a_api.put(path, {"status": "gedaan", "notitie": "ok"}, format="json")
    etag = first["ETag"]
    assert etag == f'"{first.json()["revisie"]}"'
    second = editor_a_api.put(path, {"status": "nvt"}, format="json", HTTP_IF_MATCH=etag)
    assert second.status_code == 200 and second["ETag"] != etag
    stale = editor_a_api.put(path, {"status": "open"}, format="json", HTTP_IF_MATCH=etag)
    assert_problem(stale, 412)
    assert trajectory.checklist.get().status == "nvt"


def test_it_checks_the_revision_of_an_ambition(editor_a_api, trajectory):
    path = url(trajectory, "/ambities/GM0345")
    etag = editor_a_api.put(path, AMBITION, format="json")["ETag"]
    assert (
        editor_a_api.put(path, AMBITION | {"kosten": 2}, format="json", HTTP_IF_MATCH=etag).status_code == 200
    )
    assert_problem(editor_a_api.put(path, AMBITION | {"kosten": 5}, format="json", HTTP_IF_MATCH=etag), 412)
    assert trajectory.ambitions.get().kosten == 2


def test_it_refuses_a_step_with_a_stale_if_match(editor_a_api, trajectory):
    etag = editor_a_api.get(url(trajectory))["ETag"]
    services.update_trajectory(trajectory, None, name="Intussen gewijzigd")
    response = editor_a_api.post(
        url(trajectory, "/acties"),
        {"actie": "pauzeren", "reden": "even niet"},
        format="json",
        HTTP_IF_MATCH=etag,
    )
    assert_problem(response, 412)
    trajectory.refresh_from_db()
    assert trajectory.state == "actief"


def test_it_refuses_an_invitation_or_register_entry_with_a_stale_if_match(editor_a_api, trajectory):
    from goedebuur.cooperations.models import Cooperation

    etag = editor_a_api.get(url(trajectory))["ETag"]
    services.update_trajectory(trajectory, None, name="Intussen gewijzigd")
    invite = editor_a_api.post(
        url(trajectory, "/uitnodigingen"), {"gemeenten": ["GM0344"]}, format="json", HTTP_IF_MATCH=etag
    )
    assert_problem(invite, 412)
    assert not trajectory.participants.filter(municipality__code="GM0344").exists()
    before = Cooperation.objects.count()
    assert_problem(editor_a_api.post(url(trajectory, "/naar-register"), HTTP_IF_MATCH=etag), 412)
    assert Cooperation.objects.count() == before


def test_an_ambition_saved_by_someone_else_first_answers_409(editor_a_api, trajectory, monkeypatch):
    from goedebuur.trajectories.models import Ambition

    path = url(trajectory, "/ambities/GM0345")
    editor_a_api.put(path, AMBITION, format="json")
    original = services.save_ambition

    def someone_saves_first(trajectory_, municipality_, values, user, **kwargs):
        Ambition.objects.get(trajectory=trajectory_, municipality=municipality_).save()
        return original(trajectory_, municipality_, values, user, **kwargs)

    monkeypatch.setattr(services, "save_ambition", someone_saves_first)
    assert_problem(editor_a_api.put(path, AMBITION | {"kosten": 0}, format="json"), 409)
    assert trajectory.ambitions.get().kosten == 1


def test_it_answers_options_on_the_views_with_put_without_a_server_error(
    editor_a_api, api_client, trajectory
):
    for rest in ("", f"/ambities/{VEENENDAAL}", "/checklist/gedeeld-belang"):
        described = editor_a_api.options(url(trajectory, rest))
        assert described.status_code == 200, (rest, described.content)
        assert "PUT" in described.json()["actions"], rest
        anonymous = api_client.options(url(trajectory, rest))
        assert anonymous.status_code == 200, (rest, anonymous.content)
        assert "actions" not in anonymous.json(), rest
