# SPDX-License-Identifier: EUPL-1.2
"""Every change of an agreement, service, test and action is recorded with who and what."""

import datetime as dt

import pytest

from goedebuur.fallback import services, testplan
from goedebuur.fallback.models import FollowUpAction, TestKind
from goedebuur.history.models import ChangeRecord

from .factories import make_agreement, make_service

pytestmark = pytest.mark.django_db


def actions(model):
    return list(
        ChangeRecord.objects.filter(model=model).order_by("at", "id").values_list("action", flat=True)
    )


def test_changes_are_recorded_with_the_user_and_a_snapshot(editor_a, freeze):
    freeze(dt.date(2026, 5, 1))
    agreement = make_agreement(user=editor_a)
    service = make_service(agreement, user=editor_a, name="Zaaksysteem")
    service.rto_hours = 4
    services.save_service(service, editor_a)
    record = testplan.record_test(
        agreement,
        {
            "kind": TestKind.RESTORE,
            "date": dt.date(2026, 4, 1),
            "scenario": "x",
            "passed": True,
            "grade": "volledig",
            "findings": "",
        },
        [{"service": service, "restore_hours": 2, "data_loss_hours": 0}],
        editor_a,
    )
    action = testplan.save_action(
        FollowUpAction(
            agreement=agreement,
            record=record,
            description="Runbook bijwerken",
            owner="ICT",
            owner_municipality=agreement.party_a,
            due_date=dt.date(2026, 6, 1),
        ),
        editor_a,
    )
    testplan.complete_action(action, editor_a)
    services.delete_service(service, editor_a)
    assert actions("fallback.agreement") == ["create"]
    assert actions("fallback.service") == ["create", "update", "delete"]
    assert actions("fallback.testrecord") == ["create"]
    assert actions("fallback.followupaction") == ["create", "update"]
    update = ChangeRecord.objects.filter(model="fallback.service", action="update").get()
    assert update.user == editor_a and update.snapshot["rto_hours"] == 4
    assert "calendar_token" not in ChangeRecord.objects.filter(model="fallback.agreement").get().snapshot
    done = ChangeRecord.objects.filter(model="fallback.followupaction", action="update").get()
    assert done.snapshot["done_on"] == "2026-05-01"


def test_each_record_keeps_the_history_label_it_was_stored_under():
    from goedebuur.fallback.models import Agreement, PlannedTest, Service, TestRecord
    from goedebuur.history import services as history

    labels = {
        model: history.tracker_for(model).label
        for model in (Agreement, Service, PlannedTest, TestRecord, FollowUpAction)
    }
    assert labels == {
        Agreement: "fallback.agreement",
        Service: "fallback.service",
        PlannedTest: "fallback.plannedtest",
        TestRecord: "fallback.testrecord",
        FollowUpAction: "fallback.followupaction",
    }
