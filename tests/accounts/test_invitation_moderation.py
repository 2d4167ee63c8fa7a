# SPDX-License-Identifier: EUPL-1.2
"""A platform administrator approves or refuses, on the moderation page, an invitation to an address
outside the municipality's mail domains; nobody else can, and a decided invitation stays decided."""

import pytest

from goedebuur.accounts.models import Invitation
from goedebuur.trajectories import services

from ..trajectories.factories import make_trajectory, municipality

pytestmark = pytest.mark.django_db


def _waiting(editor):
    trajectory = make_trajectory(invitees=("GM0228",), accept=False)
    return services.invite_contact(trajectory, municipality("GM0228"), "ede@elders.example", editor)


def test_the_moderation_page_lists_the_waiting_invitation_with_who_invited_whom(editor_a, admin_client):
    invitation = _waiting(editor_a)
    page = admin_client.get("/ervaringen/moderatie").content.decode()
    assert "ede@elders.example" in page and "Ede" in page
    assert f"/uitnodigingen/{invitation.pk}/beoordelen" in page


def test_the_moderation_page_says_when_no_invitation_waits(admin_client):
    assert (
        "Er wacht geen uitnodiging op goedkeuring."
        in admin_client.get("/ervaringen/moderatie").content.decode()
    )


def test_approving_sends_the_mail_over_smtp(editor_a, admin_client, smtp_server):
    invitation = _waiting(editor_a)
    response = admin_client.post(f"/uitnodigingen/{invitation.pk}/beoordelen", {"besluit": "goedkeuren"})
    assert response.status_code == 302 and response["Location"].endswith(
        "/ervaringen/moderatie#uitnodigingen-goedkeuren"
    )
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.SENT
    assert smtp_server.collector.wait_for(1)[0].recipients == ["ede@elders.example"]
    page = admin_client.get("/ervaringen/moderatie").content.decode()
    assert "De uitnodiging aan ede@elders.example is goedgekeurd: verstuurd." in page
    assert "Er wacht geen uitnodiging op goedkeuring." in page


def test_refusing_withdraws_it_without_a_mail(editor_a, admin_client, smtp_server):
    invitation = _waiting(editor_a)
    admin_client.post(f"/uitnodigingen/{invitation.pk}/beoordelen", {"besluit": "weigeren"})
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.WITHDRAWN and invitation.send_count == 0
    assert smtp_server.received == []


def test_an_editor_may_not_approve_and_nothing_changes(editor_a, editor_a_client):
    invitation = _waiting(editor_a)
    response = editor_a_client.post(f"/uitnodigingen/{invitation.pk}/beoordelen", {"besluit": "goedkeuren"})
    assert response.status_code == 403
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.AWAITING_APPROVAL


def test_a_visitor_is_sent_to_the_login_page(editor_a, anonymous_client):
    invitation = _waiting(editor_a)
    response = anonymous_client.post(f"/uitnodigingen/{invitation.pk}/beoordelen", {"besluit": "goedkeuren"})
    assert response.status_code == 302 and "/inloggen" in response["Location"]
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.AWAITING_APPROVAL


@pytest.mark.parametrize("decision", ["", "verwijderen"])
def test_an_unknown_decision_changes_nothing_and_says_so(editor_a, admin_client, decision):
    invitation = _waiting(editor_a)
    response = admin_client.post(
        f"/uitnodigingen/{invitation.pk}/beoordelen", {"besluit": decision}, follow=True
    )
    assert "Kies goedkeuren of weigeren." in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.AWAITING_APPROVAL


def test_an_invitation_decided_already_is_not_decided_again(editor_a, admin_client, smtp_server):
    invitation = _waiting(editor_a)
    admin_client.post(f"/uitnodigingen/{invitation.pk}/beoordelen", {"besluit": "weigeren"})
    response = admin_client.post(
        f"/uitnodigingen/{invitation.pk}/beoordelen", {"besluit": "goedkeuren"}, follow=True
    )
    assert "Deze uitnodiging wacht niet op goedkeuring." in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.WITHDRAWN and smtp_server.received == []


def test_an_unknown_invitation_is_not_found(admin_client):
    assert admin_client.post("/uitnodigingen/999999/beoordelen", {"besluit": "goedkeuren"}).status_code == 404
