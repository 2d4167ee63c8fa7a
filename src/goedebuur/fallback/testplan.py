# SPDX-License-Identifier: EUPL-1.2
"""The BIO test plan of an agreement: a yearly test of the continuity plan (BIO2 5.30.01) and a
yearly restore test (8.13.04), planned dates, the test log and follow-up actions.

Rules
- A new agreement gets both tests planned one year after its start date.
- Logging a test closes the earliest open planned test of that kind and plans the next one a year
  after the test date (unless one is already planned after it).
- A planned test is overdue when its date has passed and no test was logged for it.
- An agreement's tests are current when both kinds were logged within the last year and none is
  overdue.
"Today" is `django.utils.timezone.localdate()`, so tests can freeze time."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from goedebuur.history import services as history

from .models import Agreement, FollowUpAction, PlannedTest, ServiceResult, TestKind, TestRecord

PLANNED_HISTORY_MODEL = "fallback.plannedtest"
RECORD_HISTORY_MODEL = "fallback.testrecord"
ACTION_HISTORY_MODEL = "fallback.followupaction"


def today() -> dt.date:
    return timezone.localdate()


def one_year_after(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def _record(model, obj, action, user, snapshot, note=""):
    history.record_change(
        model=model,
        object_id=obj.pk,
        object_repr=str(obj),
        action=action,
        user=user,
        snapshot=snapshot,
        note=note,
    )


def _planned_snapshot(planned: PlannedTest) -> dict:
    return {
        "agreement": planned.agreement_id,
        "kind": planned.kind,
        "planned_date": planned.planned_date.isoformat(),
        "record": planned.record_id,
    }


@transaction.atomic
def plan_test(agreement: Agreement, kind: str, planned_date: dt.date, user) -> PlannedTest:
    if kind not in TestKind.values:
        raise ValidationError({"kind": _("Onbekende soort test.")})
    planned = PlannedTest.objects.create(agreement=agreement, kind=kind, planned_date=planned_date)
    _record(PLANNED_HISTORY_MODEL, planned, "create", user, _planned_snapshot(planned))
    return planned


def plan_first_tests(agreement: Agreement, user) -> None:
    for kind in TestKind.values:
        plan_test(agreement, kind, one_year_after(agreement.start_date), user)


def record_snapshot(record: TestRecord) -> dict:
    return {
        "agreement": record.agreement_id,
        "kind": record.kind,
        "date": record.date.isoformat(),
        "scenario": record.scenario,
        "passed": record.passed,
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


@transaction.atomic
def record_test(agreement: Agreement, values: dict, results: list[dict], user) -> TestRecord:
    """Log a test. `values`: kind, date, scenario, passed, findings; `results`: one dict per service
    tested with service, restore_hours, data_loss_hours. Closes the open planned test of the kind
    and plans the next one a year later."""
    record = TestRecord(
        agreement=agreement, recorded_by=user if user and user.is_authenticated else None, **values
    )
    if record.date and record.date > today():
        raise ValidationError({"date": _("Een test kan niet in de toekomst hebben plaatsgevonden.")})
    record.full_clean()
    seen = set()
    for row in results:
        service = row["service"]
        if service.agreement_id != agreement.pk:
            raise ValidationError({"results": _("Een geteste dienst hoort niet bij deze afspraak.")})
        if service.pk in seen:
            raise ValidationError({"results": _("Elke dienst komt maar één keer in een testverslag.")})
        seen.add(service.pk)
    record.save()
    for row in results:
        result = ServiceResult(record=record, **row)
        result.full_clean()
        result.save()
    planned = (
        PlannedTest.objects.filter(agreement=agreement, kind=record.kind, record__isnull=True)
        .order_by("planned_date", "pk")
        .first()
    )
    if planned is not None:
        planned.record = record
        planned.save(update_fields=["record"])
        _record(PLANNED_HISTORY_MODEL, planned, "update", user, _planned_snapshot(planned))
    next_date = one_year_after(record.date)
    if not PlannedTest.objects.filter(
        agreement=agreement, kind=record.kind, record__isnull=True, planned_date__gt=record.date
    ).exists():
        plan_test(agreement, record.kind, next_date, user)
    _record(RECORD_HISTORY_MODEL, record, "create", user, record_snapshot(record))
    return record


def action_snapshot(action: FollowUpAction) -> dict:
    return {
        "agreement": action.agreement_id,
        "record": action.record_id,
        "description": action.description,
        "owner": action.owner,
        "owner_municipality": action.owner_municipality_id,
        "due_date": action.due_date.isoformat() if action.due_date else None,
        "done_on": action.done_on.isoformat() if action.done_on else None,
    }


@transaction.atomic
def save_action(action: FollowUpAction, user, *, note="", restore=False) -> FollowUpAction:
    created = action.pk is None
    if action.owner_municipality_id not in action.agreement.party_ids:
        raise ValidationError({"owner_municipality": _("De eigenaar hoort bij een van beide gemeenten.")})
    if action.record_id and action.record.agreement_id != action.agreement_id:
        raise ValidationError({"record": _("Dit testverslag hoort niet bij deze afspraak.")})
    action.full_clean()
    action.save()
    kind = "restore" if restore else ("create" if created else "update")
    _record(ACTION_HISTORY_MODEL, action, kind, user, action_snapshot(action), note)
    return action


@transaction.atomic
def restore_action_version(action: FollowUpAction, record_id: int, user) -> FollowUpAction:
    """Bring a follow-up action back to one of its recorded versions; recorded as a restore."""
    version = history.version(ACTION_HISTORY_MODEL, action.pk, record_id)
    if version is None:
        raise ValidationError(_("Deze versie bestaat niet."))
    state = version.snapshot
    action.description = state["description"]
    action.owner = state["owner"]
    action.owner_municipality_id = state["owner_municipality"]
    exists = TestRecord.objects.filter(pk=state["record"], agreement_id=action.agreement_id).exists()
    action.record_id = state["record"] if state["record"] and exists else None
    action.due_date = dt.date.fromisoformat(state["due_date"]) if state["due_date"] else None
    action.done_on = dt.date.fromisoformat(state["done_on"]) if state["done_on"] else None
    note = _("hersteld naar de versie van %(at)s") % {"at": f"{version.at:%d-%m-%Y %H:%M}"}
    return save_action(action, user, note=note, restore=True)


def complete_action(action: FollowUpAction, user, on: dt.date | None = None) -> FollowUpAction:
    action.done_on = on or today()
    return save_action(action, user)


# --- status ----------------------------------------------------------------------------------------


def overdue_tests(agreements, on: dt.date | None = None):
    on = on or today()
    return (
        PlannedTest.objects.filter(agreement__in=agreements, record__isnull=True, planned_date__lt=on)
        .select_related("agreement__party_a", "agreement__party_b")
        .order_by("planned_date", "pk")
    )


def open_actions(agreements):
    return (
        FollowUpAction.objects.filter(agreement__in=agreements, done_on__isnull=True)
        .select_related("agreement__party_a", "agreement__party_b", "owner_municipality")
        .order_by("due_date", "pk")
    )


def is_overdue(planned: PlannedTest, on: dt.date | None = None) -> bool:
    return planned.record_id is None and planned.planned_date < (on or today())


def tests_current(agreement: Agreement, on: dt.date | None = None) -> bool:
    """Both kinds logged within the last year and nothing overdue."""
    on = on or today()
    if overdue_tests([agreement], on).exists():
        return False
    year_ago = on - dt.timedelta(days=366)
    kinds = set(
        TestRecord.objects.filter(agreement=agreement, date__gte=year_ago, date__lte=on).values_list(
            "kind", flat=True
        )
    )
    return kinds >= set(TestKind.values)


def current_by_agreement(agreements, on: dt.date | None = None) -> dict[int, bool]:
    """tests_current for many agreements in two queries."""
    on = on or today()
    ids = [a.pk for a in agreements]
    overdue = set(overdue_tests(ids, on).values_list("agreement_id", flat=True))
    year_ago = on - dt.timedelta(days=366)
    recent: dict[int, set[str]] = {}
    rows = TestRecord.objects.filter(agreement_id__in=ids, date__gte=year_ago, date__lte=on).values_list(
        "agreement_id", "kind"
    )
    for agreement_id, kind in rows:
        recent.setdefault(agreement_id, set()).add(kind)
    return {i: i not in overdue and recent.get(i, set()) >= set(TestKind.values) for i in ids}


# --- restore of a deleted agreement ----------------------------------------------------------------


def restore_test_plan(agreement: Agreement, before_id: int, services: dict, user, note: str) -> None:
    """Recreate the test log, planned tests and follow-up actions of a deleted agreement as they were
    before history record `before_id` (its deletion), with their old ids where free. `services` maps
    the old service ids to the restored services; results of services that did not come back are
    left out. Each recreated row gets a "restore" history record."""
    from .services import _latest_before

    lookup = {"snapshot__agreement": agreement.pk}
    records = {}
    for version in _latest_before(RECORD_HISTORY_MODEL, lookup, before_id):
        state = version.snapshot
        old_pk = int(version.object_id)
        first = history.versions(RECORD_HISTORY_MODEL, old_pk).filter(action="create").order_by("id").first()
        record = TestRecord(
            agreement=agreement,
            kind=state["kind"],
            date=dt.date.fromisoformat(state["date"]),
            scenario=state["scenario"],
            passed=state["passed"],
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
        _record(RECORD_HISTORY_MODEL, record, "restore", user, record_snapshot(record), note)
    for version in _latest_before(PLANNED_HISTORY_MODEL, lookup, before_id):
        state = version.snapshot
        old_pk = int(version.object_id)
        planned = PlannedTest(
            agreement=agreement,
            kind=state["kind"],
            planned_date=dt.date.fromisoformat(state["planned_date"]),
            record=records.get(state.get("record")),
        )
        if not PlannedTest.objects.filter(pk=old_pk).exists():
            planned.pk = old_pk
        planned.save(force_insert=True)
        _record(PLANNED_HISTORY_MODEL, planned, "restore", user, _planned_snapshot(planned), note)
    for version in _latest_before(ACTION_HISTORY_MODEL, lookup, before_id):
        state = version.snapshot
        if state.get("owner_municipality") not in agreement.party_ids:
            continue
        old_pk = int(version.object_id)
        action = FollowUpAction(
            agreement=agreement,
            record=records.get(state.get("record")),
            description=state["description"],
            owner=state["owner"],
            owner_municipality_id=state["owner_municipality"],
            due_date=dt.date.fromisoformat(state["due_date"]) if state["due_date"] else None,
            done_on=dt.date.fromisoformat(state["done_on"]) if state["done_on"] else None,
        )
        if not FollowUpAction.objects.filter(pk=old_pk).exists():
            action.pk = old_pk
        action.save(force_insert=True)
        save_action(action, user, note=note, restore=True)
