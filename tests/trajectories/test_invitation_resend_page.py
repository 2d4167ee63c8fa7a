# SPDX-License-Identifier: EUPL-1.2
"""Sending an e-mail invitation again (POST /trajecten/{id}/e-mailuitnodigingen/{n}/opnieuw): a
refusal comes back in the card of its municipality with the reason in the error summary; nothing
is sent. Sending again redirects to "Wie is bereikt?"."""

from django.core import mail

from goedebuur.accounts.models import Invitation
from goedebuur.trajectories import services

from .factories import EDE, ede_invitation, make_trajectory


def test_a_withdrawn_invitation_is_not_sent_again_and_the_card_says_why(editor_a_client, editor_a):
    trajectory, invitation = ede_invitation(editor_a)
    services.withdraw_invitation(trajectory, invitation, editor_a)
    sent = len(mail.outbox)
    response = editor_a_client.post(f"/trajecten/{trajectory.pk}/e-mailuitnodigingen/{invitation.pk}/opnieuw")
    body = response.content.decode()
    assert response.status_code == 400 and len(mail.outbox) == sent
    assert Invitation.objects.get().status == Invitation.Status.WITHDRAWN
    summary = body.split('id="error-summary"')[1].split("</div>")[0]
    assert "Deze uitnodiging kan niet opnieuw worden verstuurd: ingetrokken." in summary
    card = body.split('class="invitation-reach"')[1]
    assert card.index('id="error-summary"') < card.index("Uitnodiging per e-mail sturen")


def test_sending_again_makes_a_new_mail_and_redirects_to_the_section(editor_a_client, editor_a):
    trajectory, invitation = ede_invitation(editor_a)
    sent = len(mail.outbox)
    response = editor_a_client.post(f"/trajecten/{trajectory.pk}/e-mailuitnodigingen/{invitation.pk}/opnieuw")
    assert response.status_code == 302 and response["Location"].endswith("#bereik")
    assert len(mail.outbox) == sent + 1 and Invitation.objects.get().send_count == 2


def test_an_invitation_of_another_trajectory_is_not_found(editor_a_client, editor_a):
    _trajectory, invitation = ede_invitation(editor_a)
    other = make_trajectory(invitees=(EDE,), accept=False, name="Ander traject")
    response = editor_a_client.post(f"/trajecten/{other.pk}/e-mailuitnodigingen/{invitation.pk}/opnieuw")
    assert response.status_code == 404
