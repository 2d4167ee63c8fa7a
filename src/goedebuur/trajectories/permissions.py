# SPDX-License-Identifier: EUPL-1.2
"""Who may see and change a trajectory. Used by pages, API, dashboard and panels alike.

- Seeing: administrators; users of a municipality that takes part or is invited (an invitee must
  see what it is invited to). A declined municipality no longer sees it.
- The public summary (name, partners, domains, intended form, phase): everyone, when the partners
  switched it on.
- Changing (checklist, decisions, actions, invitations, settings): administrators and editors of a
  municipality that takes part. A partner's ambitions and acknowledgement: that partner's editors.
- Answering an invitation: editors of the invited municipality."""

from django.db.models import Q

from .models import Participant, Trajectory

SEEING = (Participant.Status.INVITED, Participant.Status.ACCEPTED)


def _active(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def _status(user, trajectory) -> str | None:
    if not _active(user) or user.municipality_id is None:
        return None
    return (
        trajectory.participants.filter(municipality_id=user.municipality_id)
        .values_list("status", flat=True)
        .first()
    )


def visible_to(user):
    """The trajectories `user` may see in full."""
    if not _active(user):
        return Trajectory.objects.none()
    if user.is_platform_admin:
        return Trajectory.objects.all()
    if user.municipality_id is None:
        return Trajectory.objects.none()
    return Trajectory.objects.filter(
        participants__municipality_id=user.municipality_id, participants__status__in=SEEING
    ).distinct()


def visible_or_public(user):
    """Trajectories `user` may see in full or as a public summary."""
    if _active(user) and user.is_platform_admin:
        return Trajectory.objects.all()
    ids = visible_to(user).values("pk")
    return Trajectory.objects.filter(Q(pk__in=ids) | Q(public_summary=True))


def can_view(user, trajectory) -> bool:
    if not _active(user):
        return False
    return bool(user.is_platform_admin or _status(user, trajectory) in SEEING)


def can_view_summary(user, trajectory) -> bool:
    return trajectory.public_summary or can_view(user, trajectory)


def can_create(user) -> bool:
    return _active(user) and bool(user.is_platform_admin or user.is_editor)


def can_edit(user, trajectory) -> bool:
    if not _active(user):
        return False
    if user.is_platform_admin:
        return True
    return bool(user.is_editor and _status(user, trajectory) == Participant.Status.ACCEPTED)


def can_respond(user, trajectory) -> bool:
    return bool(_active(user) and user.is_editor and _status(user, trajectory) == Participant.Status.INVITED)


def can_speak_for(user, trajectory, municipality) -> bool:
    """Fill in the ambitions of `municipality` and acknowledge divergences on its behalf."""
    if not _active(user):
        return False
    accepted = trajectory.participants.filter(
        municipality=municipality, status=Participant.Status.ACCEPTED
    ).exists()
    if not accepted:
        return False
    return bool(user.is_platform_admin or (user.is_editor and user.municipality_id == municipality.pk))
