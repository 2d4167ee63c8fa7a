# SPDX-License-Identifier: EUPL-1.2
"""Withdrawing an e-mail invitation (POST /trajecten/{id}/e-mailuitnodigingen/{n}/intrekken): a
refusal comes back in the card of its municipality with the reason in the error summary and changes
nothing; withdrawing redirects to "Wie is bereikt?" and says the link no longer works."""

from django.contrib.messages import get_messages

from goedebuur.accounts.models import Invitation

from .factories import ede_invitation


def url(trajectory, invitation):
    return f"/trajecten/{trajectory.pk}/e-mailuitnodigingen/{invitation.pk}/intrekken"


def test_withdrawing_redirects_to_the_section_and_says_the_link_no_longer_works(editor_a_client, editor_a):
    trajectory, invitation = ede_invitation(editor_a)
    response = editor_a_client.post(url(trajectory, invitation))
    assert response.status_code == 302 and response["Location"].endswith("#bereik")
    assert Invitation.objects.get().status == Invitation.Status.WITHDRAWN
    (said,) = [str(m) for m in get_messages(response.wsgi_request)]
    assert said == f"De uitnodiging aan {invitation.email} is ingetrokken; de link werkt niet meer."


def test_an_invitation_withdrawn_already_comes_back_with_the_reason(editor_a_client, editor_a):
    trajectory, invitation = ede_invitation(editor_a)
    editor_a_client.post(url(trajectory, invitation))
    answered_at = Invitation.objects.get().answered_at
    response = editor_a_client.post(url(trajectory, invitation))
    body = response.content.decode()
    assert response.status_code == 400 and Invitation.objects.get().answered_at == answered_at
    summary = body.split('id="error-summary"')[1].split("</div>")[0]
    assert "Deze uitnodiging kan niet worden ingetrokken: ingetrokken." in summary


def test_a_reader_may_not_withdraw(reader_a_client, editor_a):
    trajectory, invitation = ede_invitation(editor_a)
    assert reader_a_client.post(url(trajectory, invitation)).status_code == 403
    assert Invitation.objects.get().status != Invitation.Status.WITHDRAWN
