# SPDX-License-Identifier: EUPL-1.2
"""Who may see and change ICT profiles, landscapes, contracts and costs. Used by pages and API.

- The landscape (which packages a municipality uses) and the non-cost part of a profile: every
  logged-in municipal user of any municipality, and administrators; never anonymous visitors.
- Contracts and costs: administrators, the owning municipality's users, and users of a
  municipality that is a current member of a cooperation the owner shares its contracts with
  (`Profile.share_contracts_with`).
- Editing: the municipality's own editors and administrators."""

from goedebuur.cooperations.services import current_memberships


def _active(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def can_view_landscape(user) -> bool:
    if not _active(user):
        return False
    return bool(user.is_platform_admin or user.municipality_id is not None)


can_view_profile = can_view_landscape


def can_view_contracts(user, municipality) -> bool:
    if not _active(user):
        return False
    if user.is_platform_admin:
        return True
    if user.municipality_id is None:
        return False
    if user.municipality_id == municipality.pk:
        return True
    return (
        current_memberships()
        .filter(
            municipality_id=user.municipality_id,
            cooperation__shared_profiles__municipality_id=municipality.pk,
        )
        .exists()
    )


def contract_visible_municipality_ids(user) -> set[int] | None:
    """The ids of the municipalities whose contracts and costs `user` may see, in one query;
    None means all of them (administrators). Same rule as `can_view_contracts`, for lists."""
    if not _active(user):
        return set()
    if user.is_platform_admin:
        return None
    if user.municipality_id is None:
        return set()
    shared = current_memberships().filter(municipality_id=user.municipality_id)
    ids = set(
        shared.filter(cooperation__shared_profiles__isnull=False).values_list(
            "cooperation__shared_profiles__municipality_id", flat=True
        )
    )
    ids.add(user.municipality_id)
    return ids


def can_edit_profile(user, municipality) -> bool:
    if not _active(user):
        return False
    if user.is_platform_admin:
        return True
    return bool(user.is_editor and user.municipality_id == municipality.pk)


can_edit_landscape = can_edit_profile
