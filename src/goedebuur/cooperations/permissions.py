# SPDX-License-Identifier: EUPL-1.2
"""Who may do what with register entries. Used by pages and API alike."""

from .models import Cooperation


def can_create(user) -> bool:
    return bool(user and user.is_authenticated and (user.is_platform_admin or user.is_editor))


def can_edit(user, cooperation: Cooperation) -> bool:
    """Administrators edit everything; an editor edits the cooperations its municipality is a
    current member of (memberships are accepted ones only; an invited municipality is no member)."""
    if not (user and user.is_authenticated):
        return False
    if user.is_platform_admin:
        return True
    if not user.is_editor:
        return False
    return cooperation.memberships.filter(municipality_id=user.municipality_id, left_on__isnull=True).exists()


can_delete = can_edit
can_restore = can_edit
