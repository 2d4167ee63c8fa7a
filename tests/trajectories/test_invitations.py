# SPDX-License-Identifier: EUPL-1.2
"""Invitations by e-mail of a trajectory: a municipality without an editor is reached through a
contact's address, the mail goes over a real SMTP server (aiosmtpd), the link creates an editor
account and accepts the trajectory; who may invite, send again and withdraw."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from goedebuur.accounts.models import Invitation, User
from goedebuur.trajectories import services
from goedebuur.trajectories.models import Participant

from ..factories import make_user
from .factories import make_trajectory, municipality

EDE = "GM0228"


@pytest.fixture
def trajectory(db):
    """Veenendaal (editor-a's municipality) invites Ede, which has no editor on the platform."""
    return make_trajectory(invitees=(EDE,), accept=False)


def ede():
    return municipality(EDE)


def ede_address(name="ict"):
    domain = sorted(ede().mail_domains)[0]
    return f"{name}@{domain}"


def accept_link(client, link, username="ict.ede"):
    path = link.split("8000", 1)[1] if "8000" in link else link
    return client.post(
        path,
        {
            "answer": "aannemen",
            "first_name": "Ineke",
            "last_name": "de Vries",
            "username": username,
            "password": "lange-zin-als-wachtwoord-7",
            "password_again": "lange-zin-als-wachtwoord-7",
        },
    )


def test_a_municipality_without_editors_is_reported_as_reached_by_nobody(trajectory):
    (row,) = services.reach(trajectory)
    assert row.municipality == ede() and row.state == "nobody" and row.invitations == []


def test_the_mail_to_a_contact_arrives_over_smtp_with_an_absolute_link_from_the_configured_sender(
    trajectory, editor_a, smtp_server, settings
):
    settings.DEFAULT_FROM_EMAIL = "Goede Buur <uitnodigingen@goedebuur.example>"
    settings.GOEDEBUUR_BASE_URL = "https://goedebuur.example"
    invitation = services.invite_contact(trajectory, ede(), ede_address(), editor_a)

    (received,) = smtp_server.collector.wait_for(1)
    assert invitation.status == Invitation.Status.SENT
    assert received.recipients == [ede_address()]
    assert received.sender == "uitnodigingen@goedebuur.example"
    assert "Uitnodiging voor het samenwerkingstraject" in received.subject
    assert "Veenendaal nodigt Ede uit" in received.text
    assert received.link().startswith("https://goedebuur.example/uitnodiging/")
    assert f'href="{received.link()}"' in received.html
    assert services.reach(trajectory)[0].state == "reached"


def test_following_the_link_creates_an_editor_account_and_accepts_the_trajectory(
    trajectory, editor_a, smtp_server, anonymous_client
):
    services.invite_contact(trajectory, ede(), ede_address(), editor_a)
    (received,) = smtp_server.collector.wait_for(1)

    response = accept_link(anonymous_client, received.link())

    assert response.status_code == 302 and response["Location"] == trajectory.get_absolute_url()
    user = User.objects.get(username="ict.ede")
    assert (user.municipality, user.role, user.email) == (ede(), User.Role.EDITOR, ede_address())
    assert trajectory.participants.get(municipality=ede()).status == Participant.Status.ACCEPTED
    assert Invitation.objects.get().status == Invitation.Status.ACCEPTED
    assert anonymous_client.get(trajectory.get_absolute_url()).status_code == 200  # logged in


def test_the_link_works_once(trajectory, editor_a, smtp_server, anonymous_client):
    services.invite_contact(trajectory, ede(), ede_address(), editor_a)
    link = smtp_server.collector.wait_for(1)[0].link()
    accept_link(anonymous_client, link)
    anonymous_client.logout()

    again = accept_link(anonymous_client, link, username="iemand.anders")
    assert again.status_code == 410
    assert "al aangenomen" in again.content.decode()
    assert not User.objects.filter(username="iemand.anders").exists()


def test_an_expired_link_is_refused_and_sending_again_gives_a_new_one(
    trajectory, editor_a, smtp_server, anonymous_client
):
    invitation = services.invite_contact(trajectory, ede(), ede_address(), editor_a)
    old_link = smtp_server.collector.wait_for(1)[0].link()
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    assert accept_link(anonymous_client, old_link).status_code == 410

    services.resend_invitation(trajectory, invitation, editor_a)
    new_link = smtp_server.collector.wait_for(2)[1].link()
    assert new_link != old_link
    assert accept_link(anonymous_client, old_link).status_code == 404  # the old token is gone
    assert accept_link(anonymous_client, new_link).status_code == 302


def test_a_withdrawn_invitation_no_longer_works(trajectory, editor_a, smtp_server, anonymous_client):
    invitation = services.invite_contact(trajectory, ede(), ede_address(), editor_a)
    link = smtp_server.collector.wait_for(1)[0].link()
    services.withdraw_invitation(trajectory, invitation, editor_a)
    response = accept_link(anonymous_client, link)
    assert response.status_code == 410 and "ingetrokken" in response.content.decode()
    assert trajectory.participants.get(municipality=ede()).status == Participant.Status.INVITED


def test_an_address_outside_the_municipalitys_domains_waits_for_an_administrator(
    trajectory, editor_a, admin_user, smtp_server
):
    from goedebuur.accounts import services as accounts

    invitation = services.invite_contact(trajectory, ede(), "ede@gmail.example", editor_a)
    assert invitation.status == Invitation.Status.AWAITING_APPROVAL
    assert smtp_server.received == []
    assert services.reach(trajectory)[0].state == "awaiting"
    with pytest.raises(PermissionDenied):
        accounts.approve_invitation(invitation, editor_a)

    accounts.approve_invitation(invitation, admin_user)
    assert smtp_server.collector.wait_for(1)[0].recipients == ["ede@gmail.example"]


def test_a_refusing_mail_server_marks_the_invitation_failed_never_sent(trajectory, editor_a, smtp_server):
    smtp_server.collector.refuse = True
    invitation = services.invite_contact(trajectory, ede(), ede_address(), editor_a)
    assert invitation.status == Invitation.Status.FAILED
    assert "554" in invitation.send_error
    assert services.reach(trajectory)[0].state == "failed"


def test_without_a_mail_server_the_invitation_is_only_logged_not_sent(trajectory, editor_a, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.GOEDEBUUR_EMAIL_DELIVERS = False
    invitation = services.invite_contact(trajectory, ede(), ede_address(), editor_a)
    assert invitation.status == Invitation.Status.NOT_SENT
    assert services.reach(trajectory)[0].state == "logged"


def test_the_same_address_is_not_invited_twice_while_under_way(trajectory, editor_a, smtp_server):
    services.invite_contact(trajectory, ede(), ede_address(), editor_a)
    with pytest.raises(ValidationError, match="al uitgenodigd"):
        services.invite_contact(trajectory, ede(), ede_address().upper(), editor_a)


def test_only_a_municipality_that_is_still_invited_can_be_reached(trajectory, editor_a):
    with pytest.raises(ValidationError):
        services.invite_contact(trajectory, municipality("GM0344"), "ict@utrecht.nl", editor_a)


@pytest.mark.parametrize("persona", ["editor_b", "reader_a", "invitee_editor"])
def test_who_does_not_take_part_may_not_invite_send_again_or_withdraw(
    trajectory, editor_a, smtp_server, persona, request
):
    if persona == "invitee_editor":
        user = make_user(EDE, username="ede-editor")
    else:
        user = request.getfixturevalue(persona)
    invitation = services.invite_contact(trajectory, ede(), ede_address(), editor_a)
    with pytest.raises(PermissionDenied):
        services.invite_contact(trajectory, ede(), ede_address("ander"), user)
    with pytest.raises(PermissionDenied):
        services.resend_invitation(trajectory, invitation, user)
    with pytest.raises(PermissionDenied):
        services.withdraw_invitation(trajectory, invitation, user)


def test_an_administrator_may_invite_any_address_at_once(trajectory, admin_user, smtp_server):
    invitation = services.invite_contact(trajectory, ede(), "ict@elders.example", admin_user)
    assert invitation.status == Invitation.Status.SENT


def test_the_editors_of_an_invited_municipality_get_a_link_of_their_own(
    db, smtp_server, django_capture_on_commit_callbacks
):
    editor = make_user(EDE, username="ede-editor")
    editor.email = "redactie@ede.example"
    editor.save()
    with django_capture_on_commit_callbacks(execute=True):
        trajectory = make_trajectory(invitees=(EDE,), accept=False)
    (received,) = smtp_server.collector.wait_for(1)
    assert received.recipients == ["redactie@ede.example"]  # an editor's own address needs no approval
    assert services.reach(trajectory)[0].state == "reached"


def test_a_logged_in_editor_of_the_municipality_accepts_with_the_link(
    trajectory, editor_a, smtp_server, client
):
    services.invite_contact(trajectory, ede(), ede_address(), editor_a)
    link = smtp_server.collector.wait_for(1)[0].link()
    client.force_login(make_user(EDE, username="ede-editor"))
    response = client.post(link.split("8000", 1)[1], {"answer": "aannemen"})
    assert response.status_code == 302
    assert trajectory.participants.get(municipality=ede()).status == Participant.Status.ACCEPTED


def test_an_editor_of_another_municipality_cannot_accept_for_ede(trajectory, editor_a, smtp_server, client):
    services.invite_contact(trajectory, ede(), ede_address(), editor_a)
    link = smtp_server.collector.wait_for(1)[0].link()
    client.force_login(make_user("GM0344", username="utrecht-editor"))
    response = client.post(link.split("8000", 1)[1], {"answer": "aannemen"})
    assert response.status_code == 400
    assert trajectory.participants.get(municipality=ede()).status == Participant.Status.INVITED


def test_a_weak_password_creates_no_account_and_says_why(trajectory, editor_a, smtp_server, anonymous_client):
    services.invite_contact(trajectory, ede(), ede_address(), editor_a)
    path = smtp_server.collector.wait_for(1)[0].link().split("8000", 1)[1]
    response = anonymous_client.post(
        path, {"answer": "aannemen", "username": "ict.ede", "password": "kort", "password_again": "kort"}
    )
    assert response.status_code == 400
    assert not User.objects.filter(username="ict.ede").exists()
    assert Invitation.objects.get().status == Invitation.Status.SENT


def test_declining_the_link_tells_the_inviter(trajectory, editor_a, smtp_server, anonymous_client):
    services.invite_contact(trajectory, ede(), ede_address(), editor_a)
    path = smtp_server.collector.wait_for(1)[0].link().split("8000", 1)[1]
    assert anonymous_client.post(path, {"answer": "afwijzen"}).status_code == 302
    assert Invitation.objects.get().status == Invitation.Status.DECLINED
    assert trajectory.participants.get(municipality=ede()).status == Participant.Status.INVITED


def test_a_username_with_spaces_creates_no_account(trajectory, editor_a, smtp_server, anonymous_client):
    services.invite_contact(trajectory, ede(), ede_address(), editor_a)
    response = accept_link(
        anonymous_client, smtp_server.collector.wait_for(1)[0].link(), username="ineke de vries"
    )
    assert response.status_code == 400
    assert "geen spaties" in response.content.decode()
    assert not User.objects.filter(email=ede_address()).exists()
