# SPDX-License-Identifier: EUPL-1.2
"""Achtervang agreements between two municipalities: their rules, sites and distance.

Rules: two different municipalities; the user's own municipality is one of them (administrators
and the system excepted); the review date is not before the start date; the maximum distance is
not below the minimum. A site left empty is the party's town hall at its inside point. Changing a
mutual agreement into a one-way one drops the services of party B. Every change is recorded in
the history (`fallback.history.AgreementTracker`); a new agreement gets its first tests planned."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from goedebuur.common import date_within
from goedebuur.core.geo import haversine_km
from goedebuur.history import services as history

from . import scope, testplan
from .models import Agreement, new_calendar_token


def distance_km(agreement: Agreement) -> float:
    return haversine_km(
        agreement.site_a_lat, agreement.site_a_lon, agreement.site_b_lat, agreement.site_b_lon
    )


def site_defaults(municipality) -> dict:
    """Pre-filled site: the municipality's inside point (town halls are not in the reference data)."""
    return {
        "name": _("Gemeentehuis %(name)s") % {"name": municipality.name},
        "kind": Agreement.SiteKind.TOWN_HALL,
        "lat": municipality.point_lat,
        "lon": municipality.point_lon,
    }


def fill_sites(agreement: Agreement) -> None:
    """A site without a name, kind or coordinates is the party's town hall at its inside point."""
    for side in ("a", "b"):
        if getattr(agreement, f"party_{side}_id") is None:
            continue
        party = getattr(agreement, f"party_{side}")
        default = site_defaults(party)
        if not getattr(agreement, f"site_{side}_name"):
            setattr(agreement, f"site_{side}_name", default["name"])
        if not getattr(agreement, f"site_{side}_kind"):
            setattr(agreement, f"site_{side}_kind", default["kind"])
        if getattr(agreement, f"site_{side}_lat") is None or getattr(agreement, f"site_{side}_lon") is None:
            setattr(agreement, f"site_{side}_lat", default["lat"])
            setattr(agreement, f"site_{side}_lon", default["lon"])


def check_parties(agreement: Agreement, user) -> None:
    """Two different municipalities, one of them the user's own (administrators and the system
    may record any pair)."""
    a, b = agreement.party_a_id, agreement.party_b_id
    errors = {}
    if a and a == b:
        errors["party_b"] = _("Kies twee verschillende gemeenten.")
    own = user is None or not user.is_authenticated or user.is_platform_admin
    if a and b and not own and user.municipality_id not in {a, b}:
        errors["party_a"] = _("Uw eigen gemeente moet een van beide partijen zijn.")
    if errors:
        raise ValidationError(errors)


def write_agreement(agreement: Agreement, user, *, insert: bool = False) -> Agreement:
    """Validate and save an agreement (no history record of the agreement itself). `insert`: put a
    deleted agreement back with its old id (a restore); never overwrites a row."""
    created = agreement.pk is None
    check_parties(agreement, user)
    if agreement.review_date and agreement.start_date and agreement.review_date < agreement.start_date:
        raise ValidationError({"review_date": _("De evaluatiedatum ligt voor de ingangsdatum.")})
    if not date_within(agreement.start_date, ahead=5):
        raise ValidationError(
            {"start_date": _("Kies een ingangsdatum na 1980 en hooguit vijf jaar vooruit.")}
        )
    if agreement.review_date and not date_within(agreement.review_date, ahead=15):
        raise ValidationError({"review_date": _("Kies een evaluatiedatum hooguit vijftien jaar vooruit.")})
    if agreement.max_km is not None and agreement.min_km is not None and agreement.max_km < agreement.min_km:
        raise ValidationError({"max_km": _("De maximale afstand is kleiner dan de minimale.")})
    fill_sites(agreement)
    agreement.updated_by = user if user is not None and user.is_authenticated else None
    agreement.full_clean()
    agreement.save(force_insert=insert)
    if not created:
        # A one-way agreement has no services of party B; a changed direction drops them.
        stray = agreement.services.exclude(guest_id__in=[m.pk for m in agreement.guests()])
        for service in stray:
            scope.delete_service(service, user, note=_("afspraak is eenzijdig geworden"))
    return agreement


@transaction.atomic
def save_agreement(agreement: Agreement, user, note="") -> Agreement:
    """Validate, save and record an agreement; a new one gets both yearly tests planned."""
    created = agreement.pk is None
    write_agreement(agreement, user)
    history.record(agreement, history.Action.CREATE if created else history.Action.UPDATE, user, note)
    if created:
        testplan.plan_first_tests(agreement, user)
    return agreement


@transaction.atomic
def delete_agreement(agreement: Agreement, user) -> None:
    history.record(agreement, history.Action.DELETE, user)
    scope.claim(agreement)
    agreement.delete()


@transaction.atomic
def rotate_calendar(agreement: Agreement, user) -> None:
    """A new calendar key revokes every subscription made with the old URL; the key itself is never
    stored in the history."""
    agreement.calendar_token = new_calendar_token()
    agreement.save(update_fields=["calendar_token"])
    history.record(agreement, history.Action.UPDATE, user, "nieuwe agendasleutel")
