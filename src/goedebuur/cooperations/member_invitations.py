# SPDX-License-Identifier: EUPL-1.2
"""Invitations by e-mail for a municipality invited into a platform entry (an open `MemberChange` of
kind join), reached through `services`. The mechanism is accounts' (accounts/invitations.py), the same
as for trajectories: the editors of the invited municipality get a link when the invitation is
proposed, and whoever may change the entry can invite a contact person at a municipality that has no
editor yet, send an invitation again or withdraw it. Following the link creates an editor account of
the municipality and gives its consent to joining (the other members' consent still counts)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from goedebuur.accounts import services as accounts

from . import consent, permissions
from .models import Cooperation, MemberChange, MemberConsent

KIND = "cooperation"


def _open_invitation(cooperation_id, municipality_id) -> MemberChange | None:
    return MemberChange.objects.filter(
        cooperation_id=cooperation_id,
        cooperation__deleted_at__isnull=True,
        municipality_id=municipality_id,
        kind=MemberChange.Kind.JOIN,
        status=MemberChange.Status.OPEN,
    ).first()


def _waits_for_invitee(invitation) -> bool:
    change = _open_invitation(invitation.subject_id, invitation.municipality_id)
    return (
        change is not None
        and change.consents.filter(
            municipality_id=invitation.municipality_id, answer=MemberConsent.Answer.OPEN
        ).exists()
    )


def _accepted(invitation, user) -> None:
    cooperation = Cooperation.objects.get(pk=invitation.subject_id)
    consent.answer(cooperation, invitation.municipality, user, True)


def _landing(invitation) -> str:
    return Cooperation.objects.get(pk=invitation.subject_id).get_absolute_url() + "#deelnemerswijzigingen"


def invitation_kind():
    """Registered with accounts by the app config."""
    return accounts.InvitationKind(
        code=KIND,
        what=lambda: _("het samenwerkingsverband"),
        accept=_accepted,
        landing=_landing,
        is_open=_waits_for_invitee,
    )


def _inviter_name(user) -> str:
    if user is not None and user.is_authenticated and user.municipality_id:
        return user.municipality.name
    return _("Goede Buur")


def notify_invited(cooperation: Cooperation, changes, user) -> None:
    """E-mail a link to the editors of each municipality newly invited by `changes` (their own
    addresses: sent at once). Called after the commit that opened the changes."""
    for change in changes:
        if change.kind != MemberChange.Kind.JOIN:
            continue
        for email in accounts.editor_emails(change.municipality):
            try:
                accounts.invite_by_email(
                    email=email,
                    municipality=change.municipality,
                    kind=KIND,
                    subject_id=cooperation.pk,
                    subject_name=cooperation.name,
                    inviter_name=_inviter_name(user),
                    user=None,
                )
            except ValidationError:
                continue  # an earlier invitation of this editor is still under way


def _check_may_invite(user, cooperation: Cooperation) -> None:
    if user is not None and not permissions.can_edit(user, cooperation):
        raise PermissionDenied(_("U mag dit samenwerkingsverband niet wijzigen."))


def invite_contact(cooperation: Cooperation, municipality, email: str, user):
    """Invite a person at a municipality with an open invitation into the entry, by e-mail."""
    _check_may_invite(user, cooperation)
    if municipality is None or _open_invitation(cooperation.pk, municipality.pk) is None:
        raise ValidationError(
            {
                "municipality": [
                    _("Alleen een gemeente met een openstaande uitnodiging kan per e-mail worden bereikt.")
                ]
            }
        )
    return accounts.invite_by_email(
        email=email,
        municipality=municipality,
        kind=KIND,
        subject_id=cooperation.pk,
        subject_name=cooperation.name,
        inviter_name=_inviter_name(user),
        user=user,
    )


def invitation_of(cooperation: Cooperation, invitation_id):
    """An e-mail invitation into the entry, or a ValidationError (code `not_found`)."""
    return accounts.invitation_of_subject(KIND, cooperation.pk, invitation_id)


def of_cooperation(cooperation: Cooperation) -> list:
    """Every e-mail invitation into the entry, newest first (for who may change it)."""
    return list(accounts.invitations_of(KIND, cooperation.pk))


def change(cooperation: Cooperation, invitation, how: str, user):
    """Send again (`how` "resend") or withdraw ("withdraw") an e-mail invitation into the entry
    (accounts' one way of doing it, for who may change the entry)."""
    _check_may_invite(user, cooperation)
    return accounts.change_invitation(KIND, cooperation.pk, invitation.pk, how)


def resend(cooperation: Cooperation, invitation, user):
    return change(cooperation, invitation, "resend", user)


def withdraw(cooperation: Cooperation, invitation, user):
    return change(cooperation, invitation, "withdraw", user)


def reach(cooperation: Cooperation) -> dict[int, tuple[str, list]]:
    """{municipality id: (state, invitations)} for every municipality with an open invitation into the
    entry (state: `accounts.services.reach_state`)."""
    invited = [
        c.municipality_id for c in consent.open_changes(cooperation) if c.kind == MemberChange.Kind.JOIN
    ]
    every = list(accounts.invitations_of(KIND, cooperation.pk))
    result = {}
    for municipality_id in invited:
        own = [i for i in every if i.municipality_id == municipality_id]
        result[municipality_id] = (accounts.reach_state(own), accounts.annotate_invitations(own))
    return result
