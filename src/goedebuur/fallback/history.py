# SPDX-License-Identifier: EUPL-1.2
"""How the achtervang records enter the history (`goedebuur.history.services`): an agreement, its
services, planned tests, test log and follow-up actions, each as a `Tracker` (stored labels and
snapshot keys as they have always been, so older history stays valid), registered from
`FallbackConfig.ready()`.

Restores: an agreement or a service goes back to one of its versions; a deleted agreement comes
back with its old id and everything it held when it was deleted (services, dependencies, test
plan, test log with results, follow-up actions; each from its own history). A removed service
comes back through `history.restore_removed`."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from goedebuur.cooperations.models import Cooperation
from goedebuur.history import services as history
from goedebuur.municipalities.models import Municipality
from goedebuur.profiles import services as profiles

from . import agreements, scope, testplan
from .models import Agreement, FollowUpAction, PlannedTest, Service, ServiceResult, TestRecord

# Fields a restore never takes from a snapshot: the key, the revision, who saved last, demo flag.
RESTORE_SKIP = {"id", "revision", "updated_by_id", "is_demo", "agreement_id", "guest_id"}


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


def apply_snapshot(instance, snapshot: dict, skip=RESTORE_SKIP) -> None:
    """Set the concrete fields of `instance` to the values of a history snapshot (plain JSON)."""
    for field in instance._meta.concrete_fields:
        if field.attname in snapshot and field.attname not in skip:
            setattr(instance, field.attname, field.to_python(snapshot[field.attname]))


def _date(value):
    return dt.date.fromisoformat(value) if value else None


def _without_missing_cooperation(state: dict) -> dict:
    state = dict(state)
    if state.get("cooperation_id") and not Cooperation.objects.filter(pk=state["cooperation_id"]).exists():
        state["cooperation_id"] = None
    return state


def _without_missing_application(state: dict, guest) -> dict:
    state = dict(state)
    if (
        state.get("application_id")
        and not profiles.landscape(guest).filter(pk=state["application_id"]).exists()
    ):
        state["application_id"] = None
    return state


@history.register
class AgreementTracker(history.Tracker):
    model = Agreement
    label = "fallback.agreement"

    def snapshot(self, agreement):
        return _snapshot(agreement, exclude=("created_at", "updated_at", "calendar_token", "revision"))

    def apply(self, agreement, state, *, user, object_id):
        state = _without_missing_cooperation(state)
        if agreement is None:
            return self._recreate(int(object_id), state, user)
        apply_snapshot(agreement, state)
        return agreements.write_agreement(agreement, user)

    def _recreate(self, pk: int, state: dict, user) -> Agreement:
        """A deleted agreement back with its old id, with its services, test plan, test log and
        follow-up actions as they were when it was deleted."""
        deletion = history.latest(self.label, pk)
        parties = [state.get("party_a_id"), state.get("party_b_id")]
        if Municipality.objects.filter(pk__in=[p for p in parties if p]).count() != len(set(parties)):
            raise ValidationError(_("Een van beide gemeenten bestaat niet meer; de afspraak kan niet terug."))
        agreement = Agreement(pk=pk, is_demo=bool(deletion.snapshot.get("is_demo")))
        apply_snapshot(agreement, state)
        try:
            with transaction.atomic():
                agreements.write_agreement(agreement, user, insert=True)
        except IntegrityError:
            raise ValidationError(_("Deze achtervangafspraak is al hersteld.")) from None
        note = self.restore_note(deletion)
        restored = restore_services(agreement, deletion.pk, user, note)
        restore_test_plan(agreement, deletion.pk, restored, user, note)
        return agreement


@history.register
class ServiceTracker(history.Tracker):
    model = Service
    label = "fallback.service"

    def describe(self, service):
        return f"{service.name} ({service.agreement})"

    def snapshot(self, service):
        data = _snapshot(service, exclude=("revision",))
        data["depends_on"] = sorted(service.depends_on.values_list("pk", flat=True)) if service.pk else []
        return data

    def apply(self, service, state, *, user, object_id):
        if service is None:  # a removed service comes back with its old id
            agreement = Agreement.objects.get(pk=state["agreement_id"])
            service = Service(pk=int(object_id), agreement=agreement, guest_id=state["guest_id"])
        elif state.get("agreement_id") != service.agreement_id:
            raise ValidationError(_("Deze versie bestaat niet."))
        state = _without_missing_application(state, service.guest)
        apply_snapshot(service, state)
        deps = service.agreement.services.filter(
            pk__in=state.get("depends_on", []), guest_id=service.guest_id
        ).exclude(pk=service.pk)
        return scope.write_service(service, deps)


@history.register
class PlannedTestTracker(history.Tracker):
    """Planned tests come back only with their agreement (`AgreementTracker`)."""

    model = PlannedTest
    label = "fallback.plannedtest"

    def snapshot(self, planned):
        return {
            "agreement": planned.agreement_id,
            "kind": planned.kind,
            "planned_date": planned.planned_date.isoformat(),
            "record": planned.record_id,
        }


@history.register
class TestRecordTracker(history.Tracker):
    """Test log entries come back only with their agreement (`AgreementTracker`)."""

    model = TestRecord
    label = "fallback.testrecord"

    def snapshot(self, record):
        return {
            "agreement": record.agreement_id,
            "kind": record.kind,
            "date": record.date.isoformat(),
            "scenario": record.scenario,
            "passed": record.passed,
            "grade": record.grade,
            "findings": record.findings,
            "results": [
                {
                    "service": r.service_id,
                    "restore_hours": str(r.restore_hours),
                    "data_loss_hours": str(r.data_loss_hours),
                }
                for r in record.results.all()
            ],
        }


@history.register
class FollowUpActionTracker(history.Tracker):
    model = FollowUpAction
    label = "fallback.followupaction"

    def snapshot(self, action):
        return {
            "agreement": action.agreement_id,
            "record": action.record_id,
            "description": action.description,
            "owner": action.owner,
            "owner_municipality": action.owner_municipality_id,
            "due_date": action.due_date.isoformat() if action.due_date else None,
            "done_on": action.done_on.isoformat() if action.done_on else None,
        }

    def apply(self, action, state, *, user, object_id):
        self.set_state(action, state)
        exists = TestRecord.objects.filter(pk=state["record"], agreement_id=action.agreement_id).exists()
        action.record_id = state["record"] if state["record"] and exists else None
        return testplan.write_action(action)

    @staticmethod
    def set_state(action, state) -> None:
        action.description = state["description"]
        action.owner = state["owner"]
        action.owner_municipality_id = state["owner_municipality"]
        action.due_date = _date(state["due_date"])
        action.done_on = _date(state["done_on"])


# --- the children of a deleted agreement -----------------------------------------------------------


def restore_services(agreement: Agreement, before_id: int, user, note: str) -> dict:
    """The agreement's services as they were before history record `before_id`; old id -> service."""
    guests = {m.pk: m for m in agreement.guests()}
    restored, snapshots = {}, {}
    lookup = {"snapshot__agreement_id": agreement.pk}
    for record in history.latest_before(ServiceTracker.label, lookup, before_id):
        state = dict(record.snapshot)
        if state.get("guest_id") not in guests:
            continue
        state = _without_missing_application(state, guests[state["guest_id"]])
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
        scope.write_service(service, deps)
        history.record(service, history.Action.RESTORE, user, note)
    return restored


def restore_test_plan(agreement: Agreement, before_id: int, services: dict, user, note: str) -> None:
    """Recreate the test log, planned tests and follow-up actions of a deleted agreement as they were
    before history record `before_id` (its deletion), with their old ids where free. `services` maps
    the old service ids to the restored services; results of services that did not come back are
    left out. Each recreated row gets a "restore" history record."""
    lookup = {"snapshot__agreement": agreement.pk}
    records = {}
    for version in history.latest_before(TestRecordTracker.label, lookup, before_id):
        state = version.snapshot
        old_pk = int(version.object_id)
        first = (
            history.versions_of(TestRecordTracker.label, old_pk)
            .filter(action=history.Action.CREATE)
            .order_by("id")
            .first()
        )
        record = TestRecord(
            agreement=agreement,
            kind=state["kind"],
            date=_date(state["date"]),
            scenario=state["scenario"],
            passed=state["passed"],
            grade=state.get("grade", ""),
            findings=state.get("findings", ""),
            recorded_by=first.user if first is not None else None,
        )
        if not TestRecord.objects.filter(pk=old_pk).exists():
            record.pk = old_pk
        record.full_clean()
        record.save(force_insert=True)
        if first is not None:
            TestRecord.objects.filter(pk=record.pk).update(created_at=first.at)
        for row in state.get("results", []):
            if row["service"] in services:
                ServiceResult.objects.create(
                    record=record,
                    service=services[row["service"]],
                    restore_hours=row["restore_hours"],
                    data_loss_hours=row["data_loss_hours"],
                )
        records[old_pk] = record
        history.record(record, history.Action.RESTORE, user, note)
    for version in history.latest_before(PlannedTestTracker.label, lookup, before_id):
        state = version.snapshot
        old_pk = int(version.object_id)
        planned = PlannedTest(
            agreement=agreement,
            kind=state["kind"],
            planned_date=_date(state["planned_date"]),
            record=records.get(state.get("record")),
        )
        if not PlannedTest.objects.filter(pk=old_pk).exists():
            planned.pk = old_pk
        planned.save(force_insert=True)
        history.record(planned, history.Action.RESTORE, user, note)
    for version in history.latest_before(FollowUpActionTracker.label, lookup, before_id):
        state = version.snapshot
        if state.get("owner_municipality") not in agreement.party_ids:
            continue
        old_pk = int(version.object_id)
        action = FollowUpAction(agreement=agreement, record=records.get(state.get("record")))
        FollowUpActionTracker.set_state(action, state)
        if not FollowUpAction.objects.filter(pk=old_pk).exists():
            action.pk = old_pk
        action.save(force_insert=True)
        testplan.write_action(action)
        history.record(action, history.Action.RESTORE, user, note)
