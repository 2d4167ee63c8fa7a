# SPDX-License-Identifier: EUPL-1.2
"""The services in scope of an agreement: the applications of a guest that the host takes over.

Rules: the guest is a guest of the agreement; an application comes from the guest's landscape; a
name is unique per guest; a service depends only on services of the same guest, never on itself,
and the dependencies contain no cycle (the cycle is named). Every change is recorded in the
history (`fallback.history.ServiceTracker`)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from goedebuur.core.fallback import restore_schedule as rs
from goedebuur.core.landscape.rules import default_recovery
from goedebuur.history import services as history

from .models import Service
from .phrases import schedule_error


def application_defaults(application) -> dict:
    """Values for a new service picked from the guest's application landscape."""
    rto, rpo = default_recovery(application.beschikbaarheid)
    return {
        "name": application.product.name,
        "application": application,
        "beschikbaarheid": application.beschikbaarheid,
        "integriteit": application.integriteit,
        "vertrouwelijkheid": application.vertrouwelijkheid,
        "rto_hours": application.rto_hours if application.rto_hours is not None else rto,
        "rpo_hours": application.rpo_hours if application.rpo_hours is not None else rpo,
    }


def claim(instance) -> None:
    """A checked save of only the revision, before a delete: a stale copy raises EditConflict."""
    instance.save(update_fields=["revision"])


def restore_jobs(services, rate_mbps: float) -> list[rs.RestoreJob]:
    services = list(
        services.prefetch_related("depends_on") if hasattr(services, "prefetch_related") else services
    )
    return [
        rs.RestoreJob(
            str(s.pk),
            s.name,
            rs.restore_hours(s.data_gb, rate_mbps),
            s.rto_hours,
            s.beschikbaarheid,
            tuple(str(d.pk) for d in s.depends_on.all()),
        )
        for s in services
    ]


def write_service(service: Service, depends_on=None) -> Service:
    """Validate and save a service (no history record); `depends_on` (services of the same guest in
    the same agreement) replaces the dependencies when given. A cycle is refused with the names in it."""
    agreement = service.agreement
    if service.guest_id not in {m.pk for m in agreement.guests()}:
        raise ValidationError({"guest": _("Deze gemeente is in deze afspraak geen gast.")})
    if service.application_id and service.application.municipality_id != service.guest_id:
        raise ValidationError(
            {"application": _("Kies een applicatie uit het landschap van de gastgemeente.")}
        )
    if (
        agreement.services.filter(guest_id=service.guest_id, name=service.name)
        .exclude(pk=service.pk)
        .exists()
    ):
        raise ValidationError({"name": _("Er is al een dienst met deze naam.")})
    service.full_clean(validate_unique=False)
    deps = list(depends_on) if depends_on is not None else None
    if deps is not None:
        for dep in deps:
            if dep.agreement_id != agreement.pk or dep.guest_id != service.guest_id:
                raise ValidationError(
                    {"depends_on": _("Een dienst hangt alleen af van diensten van dezelfde gemeente.")}
                )
            if service.pk and dep.pk == service.pk:
                raise ValidationError({"depends_on": _("Een dienst kan niet van zichzelf afhangen.")})
    service.save()
    if deps is not None:
        service.depends_on.set(deps)
        try:
            rs.topological_order(restore_jobs(agreement.services.filter(guest_id=service.guest_id), 1.0))
        except rs.ScheduleError as error:
            raise ValidationError({"depends_on": schedule_error(error)}) from None
    return service


@transaction.atomic
def save_service(service: Service, user, depends_on=None, note="") -> Service:
    """Validate, save and record a service (see `write_service`)."""
    created = service.pk is None
    write_service(service, depends_on)
    history.record(service, history.Action.CREATE if created else history.Action.UPDATE, user, note)
    return service


@transaction.atomic
def delete_service(service: Service, user, note="") -> None:
    history.record(service, history.Action.DELETE, user, note)
    claim(service)
    service.delete()
