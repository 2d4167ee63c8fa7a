# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/trajecten/{id}/e-mailuitnodigingen: who was reached, inviting a contact by e-mail (over a
real SMTP server), sending again and withdrawing, per persona; bad input changes nothing."""

import pytest

from goedebuur.accounts.models import Invitation

from ..trajectories.factories import make_trajectory
from .helpers import assert_problem, invalid_names

EDE = "GM0228"


@pytest.fixture
def trajectory(db):
    return make_trajectory(invitees=(EDE,), accept=False)


def url(trajectory, rest=""):
    return f"/api/v1/trajecten/{trajectory.pk}/e-mailuitnodigingen{rest}"


def test_a_partner_invites_a_contact_and_sees_it_delivered(editor_a_api, trajectory, smtp_server):
    assert editor_a_api.get(url(trajectory)).json() == []
    response = editor_a_api.post(
        url(trajectory), {"gemeente": "gm0228", "email": "ict@ede.nl"}, format="json"
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["gemeente"], body["email"], body["status"], body["keerVerstuurd"]) == (
        EDE,
        "ict@ede.nl",
        "verstuurd",
        1,
    )
    assert smtp_server.collector.wait_for(1)[0].recipients == ["ict@ede.nl"]
    assert [i["id"] for i in editor_a_api.get(url(trajectory)).json()] == [body["id"]]


def test_sending_again_and_withdrawing(editor_a_api, trajectory, smtp_server):
    created = editor_a_api.post(
        url(trajectory), {"gemeente": EDE, "email": "ict@ede.nl"}, format="json"
    ).json()
    again = editor_a_api.post(url(trajectory, f"/{created['id']}/opnieuw-versturen"))
    assert again.status_code == 200 and again.json()["keerVerstuurd"] == 2
    withdrawn = editor_a_api.post(url(trajectory, f"/{created['id']}/intrekken"))
    assert withdrawn.json()["status"] == "ingetrokken"
    problem = assert_problem(editor_a_api.post(url(trajectory, f"/{created['id']}/opnieuw-versturen")), 400)
    assert "kan niet opnieuw worden verstuurd" in str(problem)
    assert len(smtp_server.collector.wait_for(2)) == 2


def test_without_a_mail_server_the_status_says_not_sent(editor_a_api, trajectory, settings):
    settings.GOEDEBUUR_EMAIL_DELIVERS = False
    body = editor_a_api.post(url(trajectory), {"gemeente": EDE, "email": "ict@ede.nl"}, format="json").json()
    assert body["status"] == "niet-verstuurd"
    assert "maillogboek" in body["statusOmschrijving"]


def test_bad_input_is_refused_and_invites_nobody(editor_a_api, trajectory):
    assert invalid_names(
        editor_a_api.post(url(trajectory), {"gemeente": "GM9999", "email": "geen-adres"}, format="json")
    ) == {"gemeente", "email"}
    assert "gemeente" in invalid_names(
        editor_a_api.post(url(trajectory), {"gemeente": "GM0344", "email": "ict@utrecht.nl"}, format="json")
    )
    assert not Invitation.objects.exists()


def test_readers_outsiders_and_anonymous_callers_may_not(
    api_client, reader_api, editor_b_api, editor_a_api, trajectory, smtp_server
):
    created = editor_a_api.post(
        url(trajectory), {"gemeente": EDE, "email": "ict@ede.nl"}, format="json"
    ).json()
    assert_problem(reader_api.get(url(trajectory)), 403)
    assert_problem(reader_api.post(url(trajectory, f"/{created['id']}/intrekken")), 403)
    assert_problem(editor_b_api.get(url(trajectory)), 404)
    assert_problem(editor_b_api.post(url(trajectory, f"/{created['id']}/opnieuw-versturen")), 404)
    assert api_client.post(
        url(trajectory), {"gemeente": EDE, "email": "x@ede.nl"}, format="json"
    ).status_code in (
        401,
        403,
    )
    assert Invitation.objects.get().status == Invitation.Status.SENT


def test_an_invitation_of_another_trajectory_is_not_found(editor_a_api, trajectory, smtp_server):
    other = make_trajectory(invitees=(EDE,), accept=False, name="Ander traject")
    created = editor_a_api.post(url(other), {"gemeente": EDE, "email": "ict@ede.nl"}, format="json").json()
    assert_problem(editor_a_api.post(url(trajectory, f"/{created['id']}/intrekken")), 404)


def test_an_administrator_sees_and_invites(admin_api, trajectory, smtp_server):
    body = admin_api.post(url(trajectory), {"gemeente": EDE, "email": "iemand@elders.example"}, format="json")
    assert body.json()["status"] == "verstuurd"
