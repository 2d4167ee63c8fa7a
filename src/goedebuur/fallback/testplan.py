# SPDX-License-Identifier: EUPL-1.2
"""The BIO test plan of an agreement: a yearly test of the continuity plan (BIO2 5.30.01) and a
yearly restore test (8.13.04), planned dates, the test log and follow-up actions.

Rules
- A new agreement gets both tests planned one year after its start date.
- Logging a test closes the earliest open planned test of that kind and plans the next one a year
  after the test date (unless one is already planned after it).
- A planned test is overdue when its date has passed and no test was logged for it.
- Every new test says how strong it was (`TestGrade`: a paper walkthrough, a partial restore, a
  full restore at the partner's site with users); tests logged before grading are "not graded".
- An agreement's tests are current when both kinds were logged within the last year, the restore
  test really restored something (a partial or full restore; a paper walkthrough or an ungraded
  test is no restore), and none is overdue.
"Today" is `django.utils.timezone.localdate()`, so tests can freeze time."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from goedebuur.common import date_within
from goedebuur.history import services as history

from .models import Agreement, FollowUpAction, PlannedTest, ServiceResult, TestGrade, TestKind, TestRecord

# A restore test counts towards "tests current" only when it restored something.
RESTORING_GRADES = (TestGrade.PARTIAL, TestGrade.FULL)


def today() -> dt.date:
    return timezone.localdate()


def one_year_after(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


@transaction.atomic
def plan_test(agreement: Agreement, kind: str, planned_date: dt.date, user) -> PlannedTest:
    if kind not in TestKind.values:
        raise ValidationError({"kind": _("Onbekende soort test.")})
    planned = PlannedTest.objects.create(agreement=agreement, kind=kind, planned_date=planned_date)
    history.record(planned, history.Action.CREATE, user)
    return planned


def schedule_test(agreement: Agreement, kind: str, planned_date: dt.date, user) -> PlannedTest:
    """A test an editor plans: at most a year back (a forgotten entry) and five years ahead. (The
    platform's own plans, a year after the start or the last test, are `plan_test`.)"""
    if not date_within(planned_date, back=1, ahead=5, today=today()):
        raise ValidationError(
            {
                "planned_date": _(
                    "Plan een test tussen een jaar geleden en vijf jaar vooruit; een uitgevoerde test "
                    "legt u vast in het logboek."
                )
            }
        )
    return plan_test(agreement, kind, planned_date, user)


def plan_first_tests(agreement: Agreement, user) -> None:
    for kind in TestKind.values:
        plan_test(agreement, kind, one_year_after(agreement.start_date), user)


@transaction.atomic
def record_test(agreement: Agreement, values: dict, results: list[dict], user) -> TestRecord:
    """Log a test. `values`: kind, date, scenario, passed, grade, findings; `results`: one dict per service
    tested with service, restore_hours, data_loss_hours. Closes the open planned test of the kind
    and plans the next one a year later."""
    record = TestRecord(
        agreement=agreement, recorded_by=user if user and user.is_authenticated else None, **values
    )
    if record.date and record.date > today():
        raise ValidationError({"date": _("Een test kan niet in de toekomst hebben plaatsgevonden.")})
    if not date_within(record.date, back=10, today=today()):
        raise ValidationError({"date": _("Deze test ligt meer dan tien jaar terug; controleer de datum.")})
    if record.grade not in TestGrade.values:
        raise ValidationError(
            {"grade": _("Kies hoe zwaar de test was: papieren doorloop, gedeeltelijk of volledig herstel.")}
        )
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
        history.record(planned, history.Action.UPDATE, user)
    next_date = one_year_after(record.date)
    if not PlannedTest.objects.filter(
        agreement=agreement, kind=record.kind, record__isnull=True, planned_date__gt=record.date
    ).exists():
        plan_test(agreement, record.kind, next_date, user)
    history.record(record, history.Action.CREATE, user)
    return record


def write_action(action: FollowUpAction) -> FollowUpAction:
    """Validate and save a follow-up action (no history record)."""
    if action.owner_municipality_id not in action.agreement.party_ids:
        raise ValidationError({"owner_municipality": _("De eigenaar hoort bij een van beide gemeenten.")})
    if not date_within(action.due_date, ahead=10, today=today()):
        raise ValidationError({"due_date": _("Kies een datum na 1980 en hooguit tien jaar vooruit.")})
    if action.record_id and action.record.agreement_id != action.agreement_id:
        raise ValidationError({"record": _("Dit testverslag hoort niet bij deze afspraak.")})
    action.full_clean()
    action.save()
    return action


@transaction.atomic
def save_action(action: FollowUpAction, user, note="") -> FollowUpAction:
    created = action.pk is None
    write_action(action)
    history.record(action, history.Action.CREATE if created else history.Action.UPDATE, user, note)
    return action


@transaction.atomic
def restore_action_version(action: FollowUpAction, record_id: int, user) -> FollowUpAction:
    """Bring a follow-up action back to one of its recorded versions; recorded as a restore."""
    return history.restore(action, record_id, user)


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


def _counting(records):
    """The test records that count towards "tests current": restore tests only when they restored."""
    return records.exclude(Q(kind=TestKind.RESTORE) & ~Q(grade__in=RESTORING_GRADES))


def tests_current(agreement: Agreement, on: dt.date | None = None) -> bool:
    """Both kinds logged within the last year (a restore test that restored something) and nothing
    overdue."""
    on = on or today()
    if overdue_tests([agreement], on).exists():
        return False
    year_ago = on - dt.timedelta(days=366)
    kinds = set(
        _counting(
            TestRecord.objects.filter(agreement=agreement, date__gte=year_ago, date__lte=on)
        ).values_list("kind", flat=True)
    )
    return kinds >= set(TestKind.values)


def current_by_agreement(agreements, on: dt.date | None = None) -> dict[int, bool]:
    """tests_current for many agreements in two queries."""
    on = on or today()
    ids = [a.pk for a in agreements]
    overdue = set(overdue_tests(ids, on).values_list("agreement_id", flat=True))
    year_ago = on - dt.timedelta(days=366)
    recent: dict[int, set[str]] = {}
    rows = _counting(
        TestRecord.objects.filter(agreement_id__in=ids, date__gte=year_ago, date__lte=on)
    ).values_list("agreement_id", "kind")
    for agreement_id, kind in rows:
        recent.setdefault(agreement_id, set()).add(kind)
    return {i: i not in overdue and recent.get(i, set()) >= set(TestKind.values) for i in ids}
