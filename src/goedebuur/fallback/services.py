# SPDX-License-Identifier: EUPL-1.2
"""Public API of the fallback app: agreements and services in scope, and the feasibility check
and restore simulation built on the pure core (`goedebuur.core.fallback.feasibility`,
`goedebuur.core.fallback.restore_schedule`). Tests, test log and actions live in `testplan.py`.

Every change validates first (Dutch messages, nothing saved on error) and records a snapshot in
the history. Callers wrap calls in a transaction."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from goedebuur.core.fallback import feasibility as ff
from goedebuur.core.fallback import restore_schedule as rs
from goedebuur.core.geo import haversine_km
from goedebuur.core.landscape.rules import default_recovery
from goedebuur.history import services as history
from goedebuur.history.models import ChangeRecord

from .models import Agreement, Service

AGREEMENT_HISTORY_MODEL = "fallback.agreement"
SERVICE_HISTORY_MODEL = "fallback.service"


def _snapshot(instance, exclude=()) -> dict:
    data = {}
    for f in instance._meta.concrete_fields:
        if f.name in exclude:
            continue
        value = getattr(instance, f.attname)
        if isinstance(value, dt.date | dt.datetime):
            value = value.isoformat()
        elif value is not None and not isinstance(value, bool | int | float | str):
            value = str(value)
        data[f.attname] = value
    return data


def agreement_snapshot(agreement: Agreement) -> dict:
    return _snapshot(agreement, exclude=("created_at", "updated_at", "calendar_token", "revision"))


def service_snapshot(service: Service) -> dict:
    data = _snapshot(service, exclude=("revision",))
    data["depends_on"] = sorted(service.depends_on.values_list("pk", flat=True)) if service.pk else []
    return data


# --- agreements ----------------------------------------------------------------------------------


def distance_km(agreement: Agreement) -> float:
    return haversine_km(
        agreement.site_a_lat, agreement.site_a_lon, agreement.site_b_lat, agreement.site_b_lon
    )


def site_defaults(municipality) -> dict:
    """Pre-filled site: the municipality's inside point (town halls are not in the reference data)."""
    return {
        "name": _("Gemeentehuis %(name)s") % {"name": municipality.name},
        "lat": municipality.point_lat,
        "lon": municipality.point_lon,
    }


# Fields a restore never takes from a snapshot: the key, the revision, who saved last, demo flag.
RESTORE_SKIP = {"id", "revision", "updated_by_id", "is_demo", "agreement_id", "guest_id"}


def apply_snapshot(instance, snapshot: dict, skip=RESTORE_SKIP) -> None:
    """Set the concrete fields of `instance` to the values of a history snapshot (plain JSON)."""
    for field in instance._meta.concrete_fields:
        if field.attname in snapshot and field.attname not in skip:
            setattr(instance, field.attname, field.to_python(snapshot[field.attname]))


def claim(instance) -> None:
    """A checked save of only the revision, before a delete: a stale copy raises EditConflict."""
    instance.save(update_fields=["revision"])


def _version(model: str, object_id, record_id: int):
    record = history.version(model, object_id, record_id)
    if record is None:
        raise ValidationError(_("Deze versie bestaat niet."))
    return record


def _restored_note(record) -> str:
    return _("hersteld naar de versie van %(at)s") % {"at": f"{record.at:%d-%m-%Y %H:%M}"}


@transaction.atomic
def restore_agreement_version(agreement: Agreement, record_id: int, user) -> Agreement:
    """Bring the agreement back to one of its recorded versions; the restore is itself recorded."""
    record = _version(AGREEMENT_HISTORY_MODEL, agreement.pk, record_id)
    state = dict(record.snapshot)
    from goedebuur.cooperations.models import Cooperation

    if state.get("cooperation_id") and not Cooperation.objects.filter(pk=state["cooperation_id"]).exists():
        state["cooperation_id"] = None
    apply_snapshot(agreement, state)
    return save_agreement(agreement, user, note=_restored_note(record), action="restore")


@transaction.atomic
def save_agreement(agreement: Agreement, user, note="", action=None, insert=False) -> Agreement:
    """`insert`: put a deleted agreement back with its old id (a restore); never overwrites a row."""
    created = agreement.pk is None
    if agreement.party_a_id and agreement.party_a_id == agreement.party_b_id:
        raise ValidationError({"party_b": _("Kies twee verschillende gemeenten.")})
    if agreement.review_date and agreement.start_date and agreement.review_date < agreement.start_date:
        raise ValidationError({"review_date": _("De evaluatiedatum ligt voor de ingangsdatum.")})
    if agreement.max_km is not None and agreement.min_km is not None and agreement.max_km < agreement.min_km:
        raise ValidationError({"max_km": _("De maximale afstand is kleiner dan de minimale.")})
    agreement.updated_by = user if user is not None and user.is_authenticated else None
    agreement.full_clean()
    agreement.save(force_insert=insert)
    if not created:
        # A one-way agreement has no services of party B; a changed direction drops them.
        stray = agreement.services.exclude(guest_id__in=[m.pk for m in agreement.guests()])
        for service in stray:
            delete_service(service, user, note=_("afspraak is eenzijdig geworden"))
    history.record_change(
        model=AGREEMENT_HISTORY_MODEL,
        object_id=agreement.pk,
        object_repr=str(agreement),
        action=action or ("create" if created else "update"),
        user=user,
        snapshot=agreement_snapshot(agreement),
        note=note,
    )
    if created:
        from .testplan import plan_first_tests

        plan_first_tests(agreement, user)
    return agreement


@transaction.atomic
def delete_agreement(agreement: Agreement, user) -> None:
    history.record_change(
        model=AGREEMENT_HISTORY_MODEL,
        object_id=agreement.pk,
        object_repr=str(agreement),
        action="delete",
        user=user,
        snapshot=agreement_snapshot(agreement),
    )
    claim(agreement)
    agreement.delete()


# --- deleted agreements ---------------------------------------------------------------------------


def _party_ids(record) -> set:
    return {record.snapshot.get("party_a_id"), record.snapshot.get("party_b_id")}


def may_see_deleted(user, record) -> bool:
    """Administrators and users of either municipality of a deleted agreement see its history."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return bool(user.is_platform_admin or user.municipality_id in _party_ids(record))


def may_restore_deleted(user, record) -> bool:
    """Whoever may delete the agreement may put it back: its editors and administrators."""
    if not may_see_deleted(user, record):
        return False
    return bool(user.is_platform_admin or user.is_editor)


def deleted_agreements(user) -> list:
    """The last "delete" record of each agreement that is gone (not restored since), newest first,
    limited to administrators and users of either of its two municipalities."""
    if user is None or not user.is_authenticated or not user.is_active:
        return []
    records = ChangeRecord.objects.filter(model=AGREEMENT_HISTORY_MODEL, action="delete")
    if not user.is_platform_admin:
        if user.municipality_id is None:
            return []
        mine = user.municipality_id
        records = records.filter(Q(snapshot__party_a_id=mine) | Q(snapshot__party_b_id=mine))
    records = list(records.select_related("user").order_by("-at", "-id"))
    ids = {int(r.object_id) for r in records if r.object_id.isdigit()}
    live = {str(pk) for pk in Agreement.objects.filter(pk__in=ids).values_list("pk", flat=True)}
    seen, found = set(), []
    for record in records:
        if record.object_id not in live and record.object_id not in seen:
            seen.add(record.object_id)
            found.append(record)
    return found


def deleted_agreement(user, pk):
    """The "delete" record of agreement `pk` if it is gone and `user` may see it, else None."""
    return next((r for r in deleted_agreements(user) if r.object_id == str(pk)), None)


def _latest_before(model: str, lookup: dict, before_id: int) -> list:
    """Per object, its newest history record older than `before_id`, unless that one is a delete."""
    records = ChangeRecord.objects.filter(model=model, id__lt=before_id, **lookup).order_by("-id")
    seen, found = set(), []
    for record in records:
        if record.object_id in seen:
            continue
        seen.add(record.object_id)
        if record.action != "delete" and record.object_id.isdigit():
            found.append(record)
    return sorted(found, key=lambda r: int(r.object_id))


@transaction.atomic
def restore_deleted_agreement(pk: int, user, record_id: int | None = None) -> Agreement:
    """Put a deleted agreement back with its old id: the agreement as in version `record_id` (default:
    as it was when deleted), its services, test plan, test log and follow-up actions as they were
    when it was deleted (from their history; dependencies and test results where both ends are
    back). Everything is recorded as a restore; nothing is saved when any part fails."""
    deletion = deleted_agreement(user, pk)
    if deletion is None:
        raise ValidationError(_("Deze achtervangafspraak is niet verwijderd of is al hersteld."))
    if not may_restore_deleted(user, deletion):
        raise PermissionDenied(_("Alleen redacteuren van beide gemeenten mogen deze afspraak herstellen."))
    source = deletion if record_id is None else _version(AGREEMENT_HISTORY_MODEL, pk, record_id)
    state = dict(source.snapshot)
    from goedebuur.cooperations.models import Cooperation
    from goedebuur.municipalities.models import Municipality

    parties = [state.get("party_a_id"), state.get("party_b_id")]
    if Municipality.objects.filter(pk__in=[p for p in parties if p]).count() != len(set(parties)):
        raise ValidationError(_("Een van beide gemeenten bestaat niet meer; de afspraak kan niet terug."))
    if state.get("cooperation_id") and not Cooperation.objects.filter(pk=state["cooperation_id"]).exists():
        state["cooperation_id"] = None
    agreement = Agreement(pk=pk, is_demo=bool(deletion.snapshot.get("is_demo")))
    apply_snapshot(agreement, state)
    note = _restored_note(source)
    try:
        with transaction.atomic():
            save_agreement(agreement, user, note=note, action="restore", insert=True)
    except IntegrityError:
        raise ValidationError(_("Deze achtervangafspraak is al hersteld.")) from None
    restored = _restore_services(agreement, deletion.pk, user, note)
    from .testplan import restore_test_plan

    restore_test_plan(agreement, deletion.pk, restored, user, note)
    return agreement


def _restore_services(agreement: Agreement, before_id: int, user, note: str) -> dict:
    """The agreement's services as they were before history record `before_id`; old id -> service."""
    from goedebuur.profiles.services import Application

    guests = {m.pk for m in agreement.guests()}
    restored, snapshots = {}, {}
    lookup = {"snapshot__agreement_id": agreement.pk}
    for record in _latest_before(SERVICE_HISTORY_MODEL, lookup, before_id):
        state = dict(record.snapshot)
        if state.get("guest_id") not in guests:
            continue
        if (
            state.get("application_id")
            and not Application.objects.filter(pk=state["application_id"]).exists()
        ):
            state["application_id"] = None
        old_pk = int(record.object_id)
        service = Service(agreement=agreement, guest_id=state["guest_id"])
        if not Service.objects.filter(pk=old_pk).exists():
            service.pk = old_pk
        apply_snapshot(service, state)
        service.save(force_insert=True)
        restored[old_pk], snapshots[old_pk] = service, state
    for old_pk, service in restored.items():
        deps = [
            restored[dep]
            for dep in snapshots[old_pk].get("depends_on", [])
            if dep in restored and restored[dep].guest_id == service.guest_id and dep != old_pk
        ]
        save_service(service, user, depends_on=deps, note=note, action="restore")
    return restored


# --- services ------------------------------------------------------------------------------------


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


@transaction.atomic
def restore_service_version(service: Service, record_id: int, user) -> Service:
    """Bring a service back to one of its recorded versions (dependencies that still exist)."""
    record = _version(SERVICE_HISTORY_MODEL, service.pk, record_id)
    if record.snapshot.get("agreement_id") != service.agreement_id:
        raise ValidationError(_("Deze versie bestaat niet."))
    state = dict(record.snapshot)
    from goedebuur.profiles.services import Application

    if state.get("application_id") and not Application.objects.filter(pk=state["application_id"]).exists():
        state["application_id"] = None
    apply_snapshot(service, state)
    deps = service.agreement.services.filter(
        pk__in=state.get("depends_on", []), guest_id=service.guest_id
    ).exclude(pk=service.pk)
    return save_service(service, user, depends_on=deps, note=_restored_note(record), action="restore")


def deleted_services(agreement: Agreement) -> list:
    """The last version of each service removed from the agreement and not restored since."""
    records = ChangeRecord.objects.filter(
        model=SERVICE_HISTORY_MODEL, action="delete", snapshot__agreement_id=agreement.pk
    ).order_by("-at", "-id")
    live = {str(pk) for pk in agreement.services.values_list("pk", flat=True)}
    seen, found = set(), []
    for record in records:
        if record.object_id not in live and record.object_id not in seen:
            seen.add(record.object_id)
            found.append(record)
    return found


def deleted_service(agreement: Agreement, service_pk: int) -> Service | None:
    """A removed service of the agreement as it was when removed (unsaved), or None."""
    record = next((r for r in deleted_services(agreement) if r.object_id == str(service_pk)), None)
    if record is None:
        return None
    service = Service(pk=service_pk, agreement=agreement, guest_id=record.snapshot["guest_id"])
    apply_snapshot(service, record.snapshot)
    return service


@transaction.atomic
def restore_deleted_service(agreement: Agreement, service_pk: int, record_id: int, user) -> Service:
    """Put a removed service back (same id) as it was in one of its recorded versions."""
    service = deleted_service(agreement, service_pk)
    if service is None:
        raise ValidationError(_("Deze versie bestaat niet."))
    return restore_service_version(service, record_id, user)


@transaction.atomic
def save_service(service: Service, user, depends_on=None, note="", action=None) -> Service:
    """Validate and save a service; `depends_on` (services of the same guest in the same agreement)
    replaces the dependencies when given. A cycle is refused with the names in it."""
    agreement = service.agreement
    created = service.pk is None
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
            rs.topological_order(_jobs(agreement.services.filter(guest_id=service.guest_id), 1.0))
        except rs.ScheduleError as error:
            raise ValidationError({"depends_on": str(error)}) from None
    history.record_change(
        model=SERVICE_HISTORY_MODEL,
        object_id=service.pk,
        object_repr=f"{service.name} ({agreement})",
        action=action or ("create" if created else "update"),
        user=user,
        snapshot=service_snapshot(service),
        note=note,
    )
    return service


@transaction.atomic
def delete_service(service: Service, user, note="") -> None:
    history.record_change(
        model=SERVICE_HISTORY_MODEL,
        object_id=service.pk,
        object_repr=f"{service.name} ({service.agreement})",
        action="delete",
        user=user,
        snapshot=service_snapshot(service),
        note=note,
    )
    claim(service)
    service.delete()


# --- feasibility and simulation --------------------------------------------------------------------


def _jobs(services, rate_mbps: float) -> list[rs.RestoreJob]:
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


def direction_for(agreement: Agreement, guest, *, link_mbps: float | None = None) -> ff.Direction:
    """The core input for `guest`'s services hosted by the other party."""
    host = agreement.other(guest)
    suffix = "a" if host.pk == agreement.party_a_id else "b"
    services = agreement.services.filter(guest=guest).prefetch_related("depends_on")
    return ff.Direction(
        guest=guest.name,
        host=host.name,
        services=tuple(
            ff.ServiceSpec(
                str(s.pk),
                s.name,
                s.beschikbaarheid,
                float(s.rto_hours),
                float(s.rpo_hours),
                float(s.data_gb),
                float(s.daily_change_gb),
                float(s.vcpu),
                float(s.ram_gb),
                s.workplaces,
                tuple(str(d.pk) for d in s.depends_on.all()),
            )
            for s in services
        ),
        reservation=ff.Reservation(
            vcpu=getattr(agreement, f"reserved_vcpu_{suffix}"),
            ram_gb=getattr(agreement, f"reserved_ram_gb_{suffix}"),
            storage_gb=getattr(agreement, f"reserved_storage_gb_{suffix}"),
            workplaces=getattr(agreement, f"reserved_workplaces_{suffix}"),
        ),
        link_mbps=float(agreement.link_mbps if link_mbps is None else link_mbps),
        restore_mbps=float(agreement.restore_mbps),
        restore_slots=agreement.restore_slots,
        distance_km=distance_km(agreement),
        min_km=float(agreement.min_km),
        max_km=float(agreement.max_km),
        peak_factor=float(agreement.peak_factor),
    )


@dataclass
class DirectionResult:
    guest: object  # Municipality
    host: object
    feasibility: ff.Feasibility
    naive: rs.Schedule

    @property
    def best(self) -> rs.Schedule:
        return self.feasibility.schedule

    @property
    def gain(self) -> int:
        return self.best.met_count - self.naive.met_count


def assess(agreement: Agreement) -> list[DirectionResult]:
    """Feasibility, planned restore order and naive order, per guest of the agreement."""
    results = []
    for guest in agreement.guests():
        direction = direction_for(agreement, guest)
        feasibility = ff.assess(direction)
        naive = rs.naive_schedule(ff.restore_jobs(direction), direction.restore_slots)
        results.append(DirectionResult(guest, agreement.other(guest), feasibility, naive))
    return results


def overall_status(results: list[DirectionResult]) -> str:
    return ff.worst(r.feasibility.status for r in results)


def rate_per_slot(agreement: Agreement) -> float:
    return rs.slot_rate_mbps(agreement.link_mbps, agreement.restore_mbps, agreement.restore_slots)


def is_finite(value: float) -> bool:
    return not math.isinf(value)
