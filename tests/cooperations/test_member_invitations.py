# SPDX-License-Identifier: EUPL-1.2
"""Invitations by e-mail of a municipality invited into a platform entry: the same mechanism as for
trajectories (accounts). Veenendaal's editor (editor_a) adds Ede, which has no editor: nobody is
reached until a contact is invited; the mail arrives over SMTP; the link creates an editor account of
Ede, whose consent then counts; who may invite, send again and withdraw."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from goedebuur.accounts.models import Invitation, User
from goedebuur.cooperations import services
from goedebuur.cooperations.models import MemberChange, Membership
from goedebuur.municipalities.models import Municipality

from ..factories import RHENEN, VEENENDAAL, make_cooperation, make_user
from .conftest import EDE, ede


@pytest.fixture
def cooperation(inviting_ede):
    return inviting_ede


def accept(client, link):
    return client.post(
        link.split("8000", 1)[1],
        {
            "answer": "aannemen",
            "username": "ict.ede",
            "password": "lange-zin-als-wachtwoord-7",
            "password_again": "lange-zin-als-wachtwoord-7",
        },
    )


def test_an_invited_municipality_without_editors_is_reached_by_nobody(cooperation):
    assert services.member_invitation_reach(cooperation) == {ede().pk: ("nobody", [])}


def test_the_editors_of_the_invited_municipality_get_a_link_when_it_is_invited(
    editor_a, smtp_server, django_capture_on_commit_callbacks
):
    editor = make_user(EDE, username="ede-editor")
    editor.email = "redactie@ede.example"
    editor.save()
    entry = make_cooperation(editor_a, members=(VEENENDAAL, RHENEN))
    values = services.input_from(entry)
    values.members.append(services.MemberInput(ede()))
    with django_capture_on_commit_callbacks(execute=True):
        services.save_cooperation(values, editor_a, instance=entry)
    (received,) = smtp_server.collector.wait_for(1)
    assert received.recipients == ["redactie@ede.example"]
    assert "Uitnodiging voor het samenwerkingsverband" in received.subject
    assert services.member_invitation_reach(entry)[ede().pk][0] == "reached"


def test_a_contact_follows_the_link_and_ede_joins(cooperation, editor_a, smtp_server, anonymous_client):
    services.answer_member_change(cooperation, ede(), make_user(RHENEN, username="rhenen-editor"), True)
    invitation = services.invite_member_contact(cooperation, ede(), "ict@ede.nl", editor_a)
    assert invitation.status == Invitation.Status.SENT
    (received,) = smtp_server.collector.wait_for(1)
    assert "Veenendaal nodigt Ede uit voor het samenwerkingsverband" in received.text

    response = accept(anonymous_client, received.link())

    assert response.status_code == 302
    assert response["Location"] == cooperation.get_absolute_url() + "#deelnemerswijzigingen"
    user = User.objects.get(username="ict.ede")
    assert (user.municipality, user.role) == (ede(), User.Role.EDITOR)
    # Veenendaal (the proposer) agreed by inviting, Rhenen agreed; Ede's yes completes the join
    assert Membership.objects.filter(cooperation=cooperation, municipality=ede()).exists()
    assert not cooperation.member_changes.filter(status=MemberChange.Status.OPEN).exists()


def test_the_link_no_longer_works_once_the_invitation_was_withdrawn_in_the_register(
    cooperation, editor_a, smtp_server, anonymous_client
):
    services.invite_member_contact(cooperation, ede(), "ict@ede.nl", editor_a)
    link = smtp_server.collector.wait_for(1)[0].link()
    services.answer_member_change(cooperation, ede(), editor_a, False)  # the proposer withdraws
    assert accept(anonymous_client, link).status_code == 410
    assert not User.objects.filter(username="ict.ede").exists()


def test_only_a_municipality_with_an_open_invitation_can_be_reached(cooperation, editor_a):
    with pytest.raises(ValidationError):
        services.invite_member_contact(
            cooperation, Municipality.objects.get(code="GM0344"), "x@utrecht.nl", editor_a
        )


@pytest.mark.parametrize("persona", ["editor_b", "reader_a", "invitee_editor"])
def test_who_may_not_change_the_entry_may_not_invite_send_again_or_withdraw(
    cooperation, editor_a, smtp_server, persona, request
):
    user = (
        make_user(EDE, username="ede-editor")
        if persona == "invitee_editor"
        else request.getfixturevalue(persona)
    )
    invitation = services.invite_member_contact(cooperation, ede(), "ict@ede.nl", editor_a)
    with pytest.raises(PermissionDenied):
        services.invite_member_contact(cooperation, ede(), "ander@ede.nl", user)
    with pytest.raises(PermissionDenied):
        services.resend_member_invitation(cooperation, invitation, user)
    with pytest.raises(PermissionDenied):
        services.withdraw_member_invitation(cooperation, invitation, user)


def test_the_cooperation_page_shows_who_was_reached_and_invites_a_contact(
    cooperation, editor_a_client, editor_b_client, smtp_server
):
    page = editor_a_client.get(cooperation.get_absolute_url()).content.decode()
    assert "Ede — nog niemand bereikt" in page
    assert (
        "Ede — nog niemand bereikt"
        not in editor_b_client.get(cooperation.get_absolute_url()).content.decode()
    )

    response = editor_a_client.post(
        f"/samenwerkingen/{cooperation.slug}/deelnemers/{EDE}/e-mailuitnodigingen",
        {"email": "ict@ede.nl"},
        follow=True,
    )
    page = response.content.decode()
    assert "De uitnodiging aan ict@ede.nl (Ede) is verstuurd." in page
    assert "Ede — bereikt" in page
    invitation = Invitation.objects.get()

    editor_a_client.post(f"/samenwerkingen/{cooperation.slug}/e-mailuitnodigingen/{invitation.pk}/intrekken")
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.WITHDRAWN
