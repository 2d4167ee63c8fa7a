# SPDX-License-Identifier: EUPL-1.2
"""Who may see and change achtervang agreements. Used by pages, API, exports, calendar and map.

- An agreement, its services, test plan, test log and actions: only users of the two
  municipalities and platform administrators. Everyone else gets a 404 (not a 403), so that the
  existence of an agreement between two municipalities does not leak through its URL.
- Changing: editors of either municipality and administrators; readers only read.
- Creating: editors (for their own municipality as one of the parties) and administrators.
- Country view (/achtervang/kaart): anonymous visitors see the map without any agreement data and
  with a login prompt. Logged-in municipal users and administrators see which municipalities have
  an agreement, with whom, and whether its tests are current (yes/no); no services, capacities,
  links, contacts or test details. Reasoning: which municipality backs up which is useful for
  peers looking for a partner, but publicly it tells an attacker which pair to hit at once."""

from django.db.models import Q

from .models import Agreement


def _active(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def can_view(user, agreement: Agreement) -> bool:
    if not _active(user):
        return False
    return bool(user.is_platform_admin or user.municipality_id in agreement.party_ids)


def can_edit(user, agreement: Agreement) -> bool:
    if not _active(user):
        return False
    if user.is_platform_admin:
        return True
    return bool(user.is_editor and user.municipality_id in agreement.party_ids)


def can_create(user) -> bool:
    return _active(user) and bool(user.is_platform_admin or user.is_editor)


def can_view_country_status(user) -> bool:
    return _active(user) and bool(user.is_platform_admin or user.municipality_id is not None)


def visible_agreements(user):
    qs = Agreement.objects.select_related("party_a", "party_b", "cooperation")
    if not _active(user):
        return qs.none()
    if user.is_platform_admin:
        return qs
    if user.municipality_id is None:
        return qs.none()
    return qs.filter(Q(party_a_id=user.municipality_id) | Q(party_b_id=user.municipality_id))
