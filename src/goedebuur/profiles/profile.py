# SPDX-License-Identifier: EUPL-1.2
"""The ICT profile of a municipality: figures, ambitions, contact and with whom it shares its
contracts and costs.

Every change goes through `save_profile` (or `update_profile`) or `restore_profile`, which enforce
the rules for pages, API and import alike (Dutch messages per field, nothing saved on error), write
and record a full snapshot in the history (`history.py`). Profiles are `Versioned`: a save from an
outdated copy raises `EditConflict`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from goedebuur.cooperations.models import Cooperation
from goedebuur.history import services as history
from goedebuur.municipalities.models import Municipality

from .models import Profile


def profile_for(municipality: Municipality) -> Profile:
    """The municipality's profile, or a new unsaved one with inhabitants pre-filled from the
    reference data (CBS) when known."""
    profile = Profile.objects.filter(municipality=municipality).first()
    if profile is None:
        profile = Profile(municipality=municipality)
    if profile.inhabitants is None and municipality.population:
        profile.inhabitants = municipality.population
        profile.inhabitants_year = municipality.population_year
    return profile


def shareable_cooperations(municipality: Municipality):
    """The cooperations a municipality may share its contracts and costs with: those it currently
    takes part in (not left, not deleted)."""
    return (
        Cooperation.objects.filter(
            deleted_at__isnull=True,
            memberships__municipality=municipality,
            memberships__left_on__isnull=True,
        )
        .distinct()
        .order_by("name")
    )


def check_profile(profile: Profile, *, share_contracts_with: Iterable | None = None) -> None:
    """The rules of a profile, for every surface: the model's own checks, a year with each count of
    inhabitants and each ICT spend, and sharing contracts only with the municipality's own
    cooperations. Raises ValidationError with Dutch messages per field."""
    errors: dict[str, list] = {}
    try:
        profile.full_clean(validate_unique=profile.pk is not None)
    except ValidationError as error:
        errors = error.update_error_dict(errors)

    def add(field, message):
        errors.setdefault(field, []).append(message)

    if profile.inhabitants is not None and profile.inhabitants_year is None:
        add("inhabitants_year", _("Vul het peiljaar van het aantal inwoners in."))
    if profile.ict_spend_eur is not None and profile.ict_spend_year is None:
        add("ict_spend_year", _("Vul het jaar van de ICT-uitgaven in."))
    if share_contracts_with is not None:
        own = set(shareable_cooperations(profile.municipality).values_list("pk", flat=True))
        if any(cooperation.pk not in own for cooperation in share_contracts_with):
            add(
                "share_contracts_with",
                _("Deel contracten alleen met samenwerkingsverbanden waarin de gemeente deelneemt."),
            )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def save_profile(profile: Profile, user, *, open_domains=None, share_contracts_with=None, note="") -> Profile:
    """Check and save a profile (and its many-to-many fields when given); record history."""
    created = profile.pk is None
    profile.updated_by = _real(user)
    share_contracts_with = None if share_contracts_with is None else list(share_contracts_with)
    check_profile(profile, share_contracts_with=share_contracts_with)
    if created:
        _create_first_profile(profile)
    else:
        profile.save()
    if open_domains is not None:
        profile.open_domains.set(open_domains)
    if share_contracts_with is not None:
        profile.share_contracts_with.set(share_contracts_with)
    history.record(profile, history.Action.CREATE if created else history.Action.UPDATE, user, note)
    return profile


def update_profile(profile: Profile, values: Mapping, user, *, note="") -> Profile:
    """Set the profile's fields from `values` (model field names; `open_domains` and
    `share_contracts_with` among them when they change) and save it with `save_profile`."""
    values = dict(values)
    open_domains = values.pop("open_domains", None)
    share_contracts_with = values.pop("share_contracts_with", None)
    for name, value in values.items():
        setattr(profile, name, value)
    return save_profile(
        profile, user, open_domains=open_domains, share_contracts_with=share_contracts_with, note=note
    )


def _create_first_profile(profile: Profile) -> None:
    """Two editors who both fill in their municipality's first profile: the second save finds the
    first one stored and gets the same conflict as for any other record, not a database error."""
    try:
        with transaction.atomic():
            profile.save()
    except IntegrityError:
        existing = Profile.objects.filter(municipality=profile.municipality_id).first()
        if existing is None:
            raise
        profile.pk = None
        raise history.EditConflict(Profile, existing.pk, expected=0) from None


def profile_versions(profile: Profile):
    return history.versions(profile)


def restore_profile(profile: Profile, record_id: int, user) -> Profile:
    """Bring the profile back to the state recorded in one of its history records (a "restore"
    change of its own). Cooperations that no longer exist are left out of the sharing."""
    return history.restore(profile, record_id, user)


def _real(user):
    return user if user is not None and user.is_authenticated else None
