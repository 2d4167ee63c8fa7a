# SPDX-License-Identifier: EUPL-1.2
"""Who may see and change a savings ledger.

- See: the current (accepted) member municipalities' users and administrators always; with
  visibility "gemeenten" also every user signed in on behalf of a municipality; with "openbaar" everyone.
- Change (figures, baselines, visibility, the linked business case) and restore: editors of a
  current member municipality, and administrators. An invited municipality is no member."""

from django.db.models import Q

from goedebuur.cooperations.models import Cooperation, Membership

from .models import Ledger


def _active(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def is_member(user, cooperation: Cooperation) -> bool:
    if not _active(user) or user.municipality_id is None:
        return False
    return Membership.objects.filter(
        cooperation=cooperation, municipality_id=user.municipality_id, left_on__isnull=True
    ).exists()


def visible_ledgers(user):
    """The ledgers `user` may see, as a queryset."""
    public = Q(visibility=Ledger.Visibility.PUBLIC)
    if not _active(user):
        return Ledger.objects.filter(public)
    if user.is_platform_admin:
        return Ledger.objects.all()
    if user.municipality_id is None:
        return Ledger.objects.filter(public)
    own = Q(
        cooperation__memberships__municipality_id=user.municipality_id,
        cooperation__memberships__left_on__isnull=True,
    )
    return Ledger.objects.filter(public | Q(visibility=Ledger.Visibility.MUNICIPAL) | own).distinct()


def can_view(user, ledger: Ledger) -> bool:
    if ledger.visibility == Ledger.Visibility.PUBLIC:
        return True
    if not _active(user):
        return False
    if user.is_platform_admin:
        return True
    if user.municipality_id is None:
        return False
    return ledger.visibility == Ledger.Visibility.MUNICIPAL or is_member(user, ledger.cooperation)


def can_edit(user, cooperation: Cooperation) -> bool:
    if not _active(user):
        return False
    if user.is_platform_admin:
        return True
    return bool(user.is_editor and is_member(user, cooperation))
