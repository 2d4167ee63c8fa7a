# SPDX-License-Identifier: EUPL-1.2
"""POST /api/v1/samenwerkingen/{slug}/deelnemers/{gemeente}/accepteren and /weigeren: consent to an
invitation or a removal, per persona, with problem+json for refusals; the members' `status` and the
open `wijzigingenDeelnemers` in every answer."""

import pytest
from rest_framework.test import APIClient

from goedebuur.cooperations.models import Membership

from ..factories import RENSWOUDE, RHENEN, UTRECHT, VEENENDAAL, make_cooperation, make_user
from .helpers import assert_problem, documented_responses, openapi


def _client(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def rhenen_api(db):
    return _client(make_user(RHENEN, username="editor-rhenen"))


@pytest.fixture
def invited(rhenen_api):
    """Rhenen and Veenendaal are members; Rhenen's editor has invited Utrecht."""
    cooperation = make_cooperation(user=None, members=(RHENEN, VEENENDAAL), name="ICT Rhenen-Veenendaal")
    members = [{"gemeente": c} for c in (RHENEN, VEENENDAAL, UTRECHT)]
    response = rhenen_api.patch(
        f"/api/v1/samenwerkingen/{cooperation.slug}", {"deelnemers": members}, format="json"
    )
    assert response.status_code == 200, response.content
    return cooperation


def _url(cooperation, code=UTRECHT, answer="accepteren"):
    return f"/api/v1/samenwerkingen/{cooperation.slug}/deelnemers/{code}/{answer}"


def _members(cooperation):
    return sorted(
        Membership.objects.filter(cooperation=cooperation).values_list("municipality__code", flat=True)
    )


def test_the_invitation_and_who_it_waits_for_are_in_the_answer(api_client, invited):
    body = api_client.get(f"/api/v1/samenwerkingen/{invited.slug}").json()
    utrecht = next(m for m in body["deelnemers"] if m["gemeente"] == UTRECHT)
    assert utrecht["status"] == "uitgenodigd"
    (change,) = body["wijzigingenDeelnemers"]
    assert change["soort"] == "toetreden" and change["voorgesteldNamens"] == RHENEN
    assert change["wachtOp"] == [UTRECHT, VEENENDAAL] and change["ingestemd"] == []
    assert change["accepteren"] == f"http://testserver{_url(invited)}"
    assert change["weigeren"] == f"http://testserver{_url(invited, answer='weigeren')}"


def test_utrecht_accepts_and_joins_once_veenendaal_agrees(invited, editor_b_api, editor_a_api):
    first = editor_b_api.post(_url(invited))
    assert first.status_code == 200, first.content
    assert first.json()["wijzigingenDeelnemers"][0]["wachtOp"] == [VEENENDAAL]
    assert first.json()["wijzigingenDeelnemers"][0]["ingestemd"] == [UTRECHT]
    assert _members(invited) == [RHENEN, VEENENDAAL]
    second = editor_a_api.post(first.json()["wijzigingenDeelnemers"][0]["accepteren"])
    assert second.status_code == 200
    assert {m["gemeente"]: m["status"] for m in second.json()["deelnemers"]}[UTRECHT] == "geaccepteerd"
    assert second.json()["wijzigingenDeelnemers"] == []
    assert _members(invited) == [RHENEN, UTRECHT, VEENENDAAL]


def test_one_refusal_declines_and_the_invitation_is_gone(invited, editor_a_api, editor_b_api):
    assert editor_a_api.post(_url(invited, answer="weigeren")).status_code == 200
    body = editor_b_api.get(f"/api/v1/samenwerkingen/{invited.slug}").json()
    assert UTRECHT not in {m["gemeente"] for m in body["deelnemers"]}
    problem = assert_problem(editor_b_api.post(_url(invited)), 400)
    assert "Utrecht" in problem["invalidParams"][0]["reason"]


def test_the_proposer_withdraws_with_weigeren(invited, rhenen_api):
    assert_problem(rhenen_api.post(_url(invited)), 403)
    assert rhenen_api.post(_url(invited, answer="weigeren")).json()["wijzigingenDeelnemers"] == []


def test_an_administrator_applies_the_invitation_at_once(invited, admin_api):
    assert admin_api.post(_url(invited)).status_code == 200
    assert _members(invited) == [RHENEN, UTRECHT, VEENENDAAL]


def test_outsiders_readers_and_anonymous_callers_are_refused(invited, api_client, reader_api):
    assert_problem(api_client.post(_url(invited)), 401)
    assert_problem(reader_api.post(_url(invited)), 403)
    assert_problem(_client(make_user(RENSWOUDE, username="editor-renswoude")).post(_url(invited)), 403)
    assert _members(invited) == [RHENEN, VEENENDAAL]


def test_unknown_entries_and_municipalities_are_404(invited, editor_b_api):
    assert_problem(editor_b_api.post(_url(invited, code="GM9999")), 404)
    assert_problem(editor_b_api.post("/api/v1/samenwerkingen/bestaat-niet/deelnemers/GM0344/accepteren"), 404)


def test_a_removal_waits_for_the_member_concerned(invited, rhenen_api, editor_a_api):
    members = [{"gemeente": RHENEN}, {"gemeente": UTRECHT}]
    body = rhenen_api.patch(
        f"/api/v1/samenwerkingen/{invited.slug}", {"deelnemers": members}, format="json"
    ).json()
    removal = next(c for c in body["wijzigingenDeelnemers"] if c["soort"] == "uittreden")
    assert removal["gemeente"] == VEENENDAAL and removal["wachtOp"] == [VEENENDAAL]
    assert _members(invited) == [RHENEN, VEENENDAAL]
    assert editor_a_api.post(_url(invited, code=VEENENDAAL, answer="weigeren")).status_code == 200
    assert _members(invited) == [RHENEN, VEENENDAAL]


def test_the_endpoints_and_the_status_are_documented():
    for answer in ("accepteren", "weigeren"):
        responses = documented_responses("post", f"/samenwerkingen/{{slug}}/deelnemers/{{gemeente}}/{answer}")
        assert {"200", "400", "401", "403", "404"} <= set(responses)
    schemas = openapi()["components"]["schemas"]
    assert "status" in schemas["Deelnemer"]["properties"]
    assert "wijzigingenDeelnemers" in schemas["Samenwerking"]["properties"]
