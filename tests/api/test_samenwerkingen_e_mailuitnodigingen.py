# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/samenwerkingen/{slug}/e-mailuitnodigingen: who was reached of a municipality invited into a
cooperation, inviting a contact by e-mail (over a real SMTP server), sending again and withdrawing;
per persona; bad input changes nothing."""

import pytest

from goedebuur.accounts.models import Invitation
from goedebuur.cooperations import services
from goedebuur.municipalities.models import Municipality

from ..factories import RHENEN, VEENENDAAL, make_cooperation
from .helpers import assert_problem, invalid_names

EDE = "GM0228"


@pytest.fixture
def cooperation(editor_a):
    entry = make_cooperation(editor_a, members=(VEENENDAAL, RHENEN))
    values = services.input_from(entry)
    values.members.append(services.MemberInput(Municipality.objects.get(code=EDE)))
    services.save_cooperation(values, editor_a, instance=entry)
    return entry


def url(cooperation, rest=""):
    return f"/api/v1/samenwerkingen/{cooperation.slug}/e-mailuitnodigingen{rest}"


def test_a_member_invites_a_contact_sends_again_and_withdraws(editor_a_api, cooperation, smtp_server):
    assert editor_a_api.get(url(cooperation)).json() == []
    created = editor_a_api.post(url(cooperation), {"gemeente": EDE, "email": "ict@ede.nl"}, format="json")
    assert created.status_code == 201, created.content
    body = created.json()
    assert (body["gemeente"], body["status"]) == (EDE, "verstuurd")
    assert smtp_server.collector.wait_for(1)[0].recipients == ["ict@ede.nl"]
    again = editor_a_api.post(url(cooperation, f"/{body['id']}/opnieuw-versturen")).json()
    assert again["keerVerstuurd"] == 2
    withdrawn = editor_a_api.post(url(cooperation, f"/{body['id']}/intrekken")).json()
    assert withdrawn["status"] == "ingetrokken"
    assert [i["status"] for i in editor_a_api.get(url(cooperation)).json()] == ["ingetrokken"]


def test_bad_input_is_refused_and_invites_nobody(editor_a_api, cooperation):
    assert invalid_names(
        editor_a_api.post(url(cooperation), {"gemeente": "GM9999", "email": "geen"}, format="json")
    ) == {"gemeente", "email"}
    assert "gemeente" in invalid_names(
        editor_a_api.post(url(cooperation), {"gemeente": "GM0344", "email": "x@utrecht.nl"}, format="json")
    )
    assert not Invitation.objects.exists()


def test_who_may_not_change_the_cooperation_may_not_see_or_invite(
    api_client, reader_api, editor_b_api, editor_a_api, cooperation, smtp_server
):
    created = editor_a_api.post(
        url(cooperation), {"gemeente": EDE, "email": "ict@ede.nl"}, format="json"
    ).json()
    assert_problem(reader_api.get(url(cooperation)), 403)
    assert_problem(editor_b_api.get(url(cooperation)), 403)
    assert_problem(editor_b_api.post(url(cooperation, f"/{created['id']}/intrekken")), 403)
    assert api_client.get(url(cooperation)).status_code in (401, 403)
    assert Invitation.objects.get().status == Invitation.Status.SENT


def test_an_unknown_cooperation_or_invitation_is_not_found(editor_a_api, cooperation):
    assert_problem(editor_a_api.get("/api/v1/samenwerkingen/bestaat-niet/e-mailuitnodigingen"), 404)
    assert_problem(editor_a_api.post(url(cooperation, "/999999/intrekken")), 404)
