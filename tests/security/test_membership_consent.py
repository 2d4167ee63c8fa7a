# SPDX-License-Identifier: EUPL-1.2
"""The attack of issue 18 item 1, reproduced through the API and through the pages: the editor of
Rhenen adds Utrecht to the Rhenen–Veenendaal cooperation, after which Utrecht could read Veenendaal's
contract costs and a members-only lesson, and remove Veenendaal. With consent, Utrecht is only invited:
it sees nothing private and cannot remove anyone; removing Veenendaal waits for Veenendaal.

Written against the public surfaces only (pages, API, kernel models), so that the same file fails on
the code before the fix."""

import json

import pytest
from rest_framework.test import APIClient

from goedebuur.cooperations.models import Cooperation, Membership
from goedebuur.experiences.models import Visibility
from goedebuur.municipalities.models import Municipality
from goedebuur.profiles import services as profiles

from ..conftest import _client_for
from ..experiences.factories import make_lesson
from ..factories import RHENEN, UTRECHT, VEENENDAAL, make_cooperation, make_user
from ..profiles.conftest import application_values

LANDSCAPE = f"/api/v1/gemeenten/{VEENENDAAL}/applicaties"
COST = 48123


@pytest.fixture
def world(editor_a):
    """The Rhenen–Veenendaal cooperation (as the seed loads it); Veenendaal shares its contracts with
    it and wrote a lesson for its members only."""
    veenendaal = Municipality.objects.get(code=VEENENDAAL)
    cooperation = make_cooperation(user=None, members=(RHENEN, VEENENDAAL), name="ICT Rhenen-Veenendaal")
    profiles.upsert_application(veenendaal, application_values(), editor_a)
    profiles.save_profile(profiles.profile_for(veenendaal), None, share_contracts_with=[cooperation])
    lesson = make_lesson(
        editor_a,
        title="Alleen voor de leden",
        body="Wat de aanbesteding echt kostte.",
        visibility=Visibility.MEMBERS,
        cooperation=cooperation,
    )
    return cooperation, lesson


@pytest.fixture
def editor_rhenen(db):
    return make_user(RHENEN, username="editor-rhenen")


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def _member_codes(cooperation):
    return sorted(
        Membership.objects.filter(cooperation=cooperation, left_on__isnull=True).values_list(
            "municipality__code", flat=True
        )
    )


def _patch_members(client, cooperation, codes):
    url = f"/api/v1/samenwerkingen/{cooperation.slug}"
    etag = client.get(url)["ETag"]
    return client.patch(
        url, {"deelnemers": [{"gemeente": c} for c in codes]}, format="json", HTTP_IF_MATCH=etag
    )


def test_the_api_attack_leaves_utrecht_invited_without_access(world, editor_rhenen, editor_a, editor_b):
    cooperation, lesson = world
    rhenen, utrecht, veenendaal = _api(editor_rhenen), _api(editor_b), _api(editor_a)

    response = _patch_members(rhenen, cooperation, [RHENEN, VEENENDAAL, UTRECHT])
    assert response.status_code == 200

    # Utrecht reads no contract costs and no members-only lesson
    (application,) = utrecht.get(LANDSCAPE).json()["results"]
    assert "contract" not in application and str(COST) not in json.dumps(application)
    assert utrecht.get(f"/api/v1/ervaringen/{lesson.pk}").status_code == 404
    # because it is only invited
    listed = {m["gemeente"]: m.get("status") for m in response.json()["deelnemers"]}
    assert listed == {RHENEN: "geaccepteerd", VEENENDAAL: "geaccepteerd", UTRECHT: "uitgenodigd"}
    assert _member_codes(cooperation) == [RHENEN, VEENENDAAL]
    # ... and cannot remove Veenendaal
    assert _patch_members(utrecht, cooperation, [RHENEN, UTRECHT]).status_code == 403
    assert _member_codes(cooperation) == [RHENEN, VEENENDAAL]

    # Rhenen cannot remove Veenendaal alone either: it is proposed, Veenendaal stays a member
    assert _patch_members(rhenen, cooperation, [RHENEN, UTRECHT]).status_code == 200
    assert _member_codes(cooperation) == [RHENEN, VEENENDAAL]
    renamed = veenendaal.patch(
        f"/api/v1/samenwerkingen/{cooperation.slug}", {"naam": "Nog steeds van ons"}, format="json"
    )
    assert renamed.status_code == 200
    (own,) = veenendaal.get(LANDSCAPE).json()["results"]
    assert own["contract"]["kostenPerJaarEur"] == COST


def test_the_page_attack_leaves_utrecht_invited_without_access(world, editor_rhenen, editor_a, editor_b):
    cooperation, lesson = world
    rhenen, utrecht, veenendaal = _client_for(editor_rhenen), _client_for(editor_b), _client_for(editor_a)
    edit = f"/samenwerkingen/{cooperation.slug}/bewerken"

    response = rhenen.post(edit, _edit_form(cooperation, [RHENEN, VEENENDAAL, UTRECHT]))
    assert response.status_code == 302

    landscape = utrecht.get(f"/gemeenten/{VEENENDAAL}/landschap.json")
    assert json.loads(landscape.content)["metContracten"] is False
    assert str(COST) not in landscape.content.decode()
    assert utrecht.get(f"/ervaringen/{lesson.pk}").status_code == 404
    assert utrecht.get(edit).status_code == 403
    # because it is only invited, and sees the invitation with its buttons
    assert _member_codes(cooperation) == [RHENEN, VEENENDAAL]
    page = utrecht.get(cooperation.get_absolute_url()).content.decode()
    assert "Utrecht is uitgenodigd" in page and "Uitnodiging aannemen" in page

    # Rhenen proposes to remove Veenendaal; Veenendaal stays a member and keeps its rights
    assert rhenen.post(edit, _edit_form(cooperation, [RHENEN, UTRECHT])).status_code == 302
    assert _member_codes(cooperation) == [RHENEN, VEENENDAAL]
    assert veenendaal.get(edit).status_code == 200
    page = veenendaal.get(cooperation.get_absolute_url()).content.decode()
    assert "Voorstel: Veenendaal verwijderen" in page


def _edit_form(cooperation, codes):
    cooperation = Cooperation.objects.get(pk=cooperation.pk)
    ids = {m.code: m.pk for m in Municipality.objects.filter(code__in=codes)}
    data = {
        "revision": cooperation.revision,
        "name": cooperation.name,
        "description": cooperation.description,
        "domains": [d.pk for d in cooperation.domains.all()],
        "form": cooperation.form.pk,
        "status": cooperation.status,
        "form_text": "",
        "start_date": "",
        "end_date": "",
        "sources": "",
        "leden-TOTAL_FORMS": str(len(codes)),
        "leden-INITIAL_FORMS": "0",
        "leden-MIN_NUM_FORMS": "0",
        "leden-MAX_NUM_FORMS": "100",
    }
    for i, code in enumerate(codes):
        data[f"leden-{i}-municipality"] = ids[code]
        data[f"leden-{i}-role"] = "deelnemer"
    return data
