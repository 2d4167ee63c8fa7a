# SPDX-License-Identifier: EUPL-1.2
import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from goedebuur.fallback import testplan
from goedebuur.fallback.models import FollowUpAction, TestKind

from ..factories import UTRECHT
from .factories import make_agreement, make_service, municipality

pytestmark = pytest.mark.django_db
D = dt.date


def log(agreement, kind, day, results=(), passed=True, grade="volledig"):
    return testplan.record_test(
        agreement,
        {
            "kind": kind,
            "date": day,
            "scenario": "Uitval serverruimte",
            "passed": passed,
            "grade": grade,
            "findings": "",
        },
        list(results),
        None,
    )


def test_a_planned_test_is_overdue_only_after_its_date(freeze):
    agreement = make_agreement(start_date=D(2025, 3, 1))  # tests planned 1 March 2026
    freeze(D(2026, 3, 1))
    assert not testplan.overdue_tests([agreement]).exists()
    freeze(D(2026, 3, 2))
    assert testplan.overdue_tests([agreement]).count() == 2


def test_logging_a_test_closes_the_plan_and_plans_the_next_year(freeze):
    agreement = make_agreement(start_date=D(2025, 3, 1))
    freeze(D(2026, 4, 15))
    log(agreement, TestKind.RESTORE, D(2026, 4, 10))
    overdue = testplan.overdue_tests([agreement])
    assert [p.kind for p in overdue] == [TestKind.CONTINUITY_PLAN]
    planned = agreement.planned_tests.filter(kind=TestKind.RESTORE, record__isnull=True).get()
    assert planned.planned_date == D(2027, 4, 10)


def test_tests_are_current_only_with_both_kinds_within_a_year(freeze):
    agreement = make_agreement(start_date=D(2025, 3, 1))
    freeze(D(2026, 2, 1))
    log(agreement, TestKind.RESTORE, D(2026, 1, 20))
    assert not testplan.tests_current(agreement)
    log(agreement, TestKind.CONTINUITY_PLAN, D(2026, 1, 25))
    assert testplan.tests_current(agreement)
    assert testplan.current_by_agreement([agreement]) == {agreement.pk: True}
    freeze(D(2027, 1, 26))  # the next tests were planned for 20 and 25 January 2027
    assert not testplan.tests_current(agreement)
    assert testplan.current_by_agreement([agreement]) == {agreement.pk: False}


def test_it_stores_results_per_service_with_rto_and_rpo_verdicts(freeze):
    freeze(D(2026, 5, 1))
    agreement = make_agreement()
    service = make_service(agreement, rto_hours=4, rpo_hours=1)
    record = log(
        agreement,
        TestKind.RESTORE,
        D(2026, 4, 30),
        [{"service": service, "restore_hours": Decimal("3.5"), "data_loss_hours": Decimal("2")}],
    )
    result = record.results.get()
    assert result.met_rto and not result.met_rpo


def test_it_refuses_a_test_in_the_future_and_saves_nothing(freeze):
    freeze(D(2026, 5, 1))
    agreement = make_agreement()
    with pytest.raises(ValidationError):
        log(agreement, TestKind.RESTORE, D(2026, 5, 2))
    assert not agreement.test_records.exists()


def test_it_refuses_a_service_of_another_agreement(freeze):
    freeze(D(2026, 5, 1))
    agreement = make_agreement()
    other = make_service(make_agreement(b=UTRECHT))
    with pytest.raises(ValidationError):
        log(
            agreement,
            TestKind.RESTORE,
            D(2026, 4, 1),
            [{"service": other, "restore_hours": 1, "data_loss_hours": 0}],
        )
    assert not agreement.test_records.exists()


def test_actions_are_open_until_completed_and_belong_to_a_party(freeze):
    freeze(D(2026, 5, 1))
    agreement = make_agreement()
    action = testplan.save_action(
        FollowUpAction(
            agreement=agreement,
            description="Back-upsoftware bijwerken",
            owner="Team ICT",
            owner_municipality=agreement.party_b,
            due_date=D(2026, 6, 1),
        ),
        None,
    )
    assert list(testplan.open_actions([agreement])) == [action]
    testplan.complete_action(action, None)
    assert action.done_on == D(2026, 5, 1)
    assert not testplan.open_actions([agreement]).exists()
    with pytest.raises(ValidationError):
        testplan.save_action(
            FollowUpAction(
                agreement=agreement,
                description="x",
                owner="y",
                owner_municipality=municipality(UTRECHT),
                due_date=D(2026, 6, 1),
            ),
            None,
        )
