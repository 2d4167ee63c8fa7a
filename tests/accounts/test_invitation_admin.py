# SPDX-License-Identifier: EUPL-1.2
"""A platform administrator approves an invitation to an address outside the municipality's mail
domains in the Django admin; the mail then goes out over SMTP."""

from goedebuur.accounts.models import Invitation
from goedebuur.trajectories import services

from ..trajectories.factories import make_trajectory, municipality


def test_an_administrator_approves_a_waiting_invitation_and_it_is_sent(admin_client, editor_a, smtp_server):
    trajectory = make_trajectory(invitees=("GM0228",), accept=False)
    invitation = services.invite_contact(trajectory, municipality("GM0228"), "ede@elders.example", editor_a)
    assert admin_client.get("/beheer/accounts/invitation/").status_code == 200
    response = admin_client.post(
        "/beheer/accounts/invitation/", {"action": "approve_and_send", "_selected_action": [invitation.pk]}
    )
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.SENT
    assert smtp_server.collector.wait_for(1)[0].recipients == ["ede@elders.example"]


def test_an_invitation_that_waits_for_nobody_is_not_sent_again_by_approving(
    admin_client, editor_a, smtp_server
):
    trajectory = make_trajectory(invitees=("GM0228",), accept=False)
    invitation = services.invite_contact(trajectory, municipality("GM0228"), "ict@ede.nl", editor_a)
    admin_client.post(
        "/beheer/accounts/invitation/", {"action": "approve_and_send", "_selected_action": [invitation.pk]}
    )
    assert len(smtp_server.collector.wait_for(1)) == 1
    invitation.refresh_from_db()
    assert invitation.send_count == 1
