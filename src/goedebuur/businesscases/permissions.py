# SPDX-License-Identifier: EUPL-1.2
"""Who may see and change business cases. Used by pages, exports, API and CLI-free services.

- A case belongs to the municipality of the user who made it (its owner) and is shared with the
  partner municipalities: their users (readers and editors) may read it. Nobody else sees it:
  not anonymous visitors, not other municipalities. Administrators see every case.
- Creating: editors of a municipality. Changing and deleting: editors of the owner, and
  administrators."""

from django.db.models import Q

from .models import BusinessCase


def _active(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def visible_cases(user):
    """The cases `user` may see, as a queryset."""
    if not _active(user):
        return BusinessCase.objects.none()
    if user.is_platform_admin:
        return BusinessCase.objects.all()
    if user.municipality_id is None:
        return BusinessCase.objects.none()
    return BusinessCase.objects.filter(
        Q(owner_id=user.municipality_id) | Q(partners__id=user.municipality_id)
    ).distinct()


def can_view(user, case: BusinessCase) -> bool:
    if not _active(user):
        return False
    if user.is_platform_admin:
        return True
    if user.municipality_id is None:
        return False
    return case.owner_id == user.municipality_id or case.partners.filter(pk=user.municipality_id).exists()


def can_create(user) -> bool:
    return bool(_active(user) and user.is_editor)


def can_edit(user, case: BusinessCase) -> bool:
    if not _active(user):
        return False
    if user.is_platform_admin:
        return True
    return bool(user.is_editor and user.municipality_id == case.owner_id)


def can_restore_deleted(user, state: dict) -> bool:
    """Who may see the history of a deleted case and bring it back (`state`: its last snapshot):
    administrators and the editors of its owner. For everyone else a deleted case does not exist."""
    if not _active(user):
        return False
    if user.is_platform_admin:
        return True
    return bool(
        user.is_editor and user.municipality_id is not None and user.municipality.code == state.get("owner")
    )
