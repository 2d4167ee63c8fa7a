# SPDX-License-Identifier: EUPL-1.2
"""Putting a deleted agreement back (services.deleted_agreements / restore_deleted_agreement): same id,
its services with their dependencies, test plan, test log and follow-up actions, all recorded."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from goedebuur.accounts.models import User
from goedebuur.cooperations.models import Cooperation
from goedebuur.fallback import history as fallback_history
from goedebuur.fallback import services, testplan
from goedebuur.fallback.models import Agreement, FollowUpAction, PlannedTest, Service, TestKind
from goedebuur.fallback.models import TestRecord as LoggedTest
from goedebuur.history.models import ChangeRecord

from ..factories import RHENEN, make_cooperation, make_user
from .factories import make_agreement, make_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def deleted(editor_a):
    """An agreement with two dependent services, a removed service, a test and an action, deleted."""
    agreement = make_agreement(user=editor_a, escalation="Bel de CISO")
    network = make_service(agreement, user=editor_a, name="Netwerk", rto_hours=4)
    cases = make_service(agreement, user=editor_a, name="Zaaksysteem", depends_on=[network], rto_hours=8)
    cases.rto_hours = 12
    services.save_service(cases, editor_a, depends_on=[network])
    hosted = make_service(agreement, guest=agreement.party_b, user=editor_a, name="Burgerzaken")
    gone = make_service(agreement, user=editor_a, name="Oud systeem")
    services.delete_service(gone, editor_a)
    record = testplan.record_test(
        agreement,
        {
            "kind": TestKind.RESTORE,
            "date": dt.date(2025, 6, 1),
            "scenario": "Uitval rekencentrum",
            "passed": False,
            "grade": "gedeeltelijk",
            "findings": "Herstel te traag",
        },
        [{"service": cases, "restore_hours": Decimal("10"), "data_loss_hours": Decimal("0.5")}],
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
    ids = {
        "agreement": agreement.pk,
        "network": network.pk,
        "cases": cases.pk,
        "hosted": hosted.pk,
        "gone": gone.pk,
        "record": record.pk,
        "action": action.pk,
        "planned": sorted(agreement.planned_tests.values_list("pk", "kind", "planned_date", "record_id")),
    }
    services.delete_agreement(Agreement.objects.get(pk=agreement.pk), editor_a)
    return ids


def test_it_lists_a_deleted_agreement_for_users_of_both_municipalities_only(
    deleted, editor_a, reader_a, editor_b, admin_user
):
    rhenen_editor = make_user(RHENEN, User.Role.EDITOR, username="editor-rhenen")
    for user in (editor_a, reader_a, rhenen_editor, admin_user):
        assert [r.object_id for r in services.deleted_agreements(user)] == [str(deleted["agreement"])]
    assert services.deleted_agreements(editor_b) == []
    record = services.deleted_agreement(editor_a, deleted["agreement"])
    assert record.user == editor_a and record.action == "delete"
    assert services.may_restore_deleted(rhenen_editor, record)
    assert not services.may_restore_deleted(reader_a, record)


def test_it_brings_back_the_agreement_with_the_same_id_and_its_services(deleted, editor_a):
    agreement = services.restore_deleted_agreement(deleted["agreement"], editor_a)
    assert agreement.pk == deleted["agreement"]
    agreement = Agreement.objects.get(pk=deleted["agreement"])
    assert agreement.escalation == "Bel de CISO" and agreement.party_b.code == RHENEN
    restored = {s.pk: s for s in Service.objects.filter(agreement=agreement)}
    assert set(restored) == {deleted["network"], deleted["cases"], deleted["hosted"]}
    cases = restored[deleted["cases"]]
    assert cases.name == "Zaaksysteem" and cases.rto_hours == 12
    assert [d.pk for d in cases.depends_on.all()] == [deleted["network"]]
    assert restored[deleted["hosted"]].guest_id == agreement.party_b_id
    assert services.deleted_agreements(editor_a) == []


def test_it_brings_back_the_test_log_planned_tests_and_actions(deleted, editor_a):
    services.restore_deleted_agreement(deleted["agreement"], editor_a)
    record = LoggedTest.objects.get(pk=deleted["record"])
    assert (record.scenario, record.passed, record.findings) == (
        "Uitval rekencentrum",
        False,
        "Herstel te traag",
    )
    assert record.recorded_by == editor_a
    assert [(r.service_id, r.restore_hours) for r in record.results.all()] == [
        (deleted["cases"], Decimal("10"))
    ]
    planned = sorted(
        PlannedTest.objects.filter(agreement_id=deleted["agreement"]).values_list(
            "pk", "kind", "planned_date", "record_id"
        )
    )
    assert planned == deleted["planned"]
    action = FollowUpAction.objects.get(pk=deleted["action"])
    assert (action.description, action.record_id, action.done_on) == ("Runbook bijwerken", record.pk, None)


def test_it_records_the_restore_of_every_part_in_the_history(deleted, editor_a):
    services.restore_deleted_agreement(deleted["agreement"], editor_a)
    restores = ChangeRecord.objects.filter(action="restore", user=editor_a)
    by_model = {}
    for change in restores:
        by_model.setdefault(change.model, set()).add(change.object_id)
    assert by_model["fallback.agreement"] == {str(deleted["agreement"])}
    assert by_model["fallback.service"] == {str(deleted[k]) for k in ("network", "cases", "hosted")}
    assert by_model["fallback.testrecord"] == {str(deleted["record"])}
    assert by_model["fallback.followupaction"] == {str(deleted["action"])}
    assert len(by_model["fallback.plannedtest"]) == len(deleted["planned"])


def test_it_refuses_a_second_restore_and_a_reader(deleted, editor_a, reader_a):
    with pytest.raises(PermissionDenied):
        services.restore_deleted_agreement(deleted["agreement"], reader_a)
    assert not Agreement.objects.filter(pk=deleted["agreement"]).exists()
    services.restore_deleted_agreement(deleted["agreement"], editor_a)
    with pytest.raises(ValidationError, match="al hersteld"):
        services.restore_deleted_agreement(deleted["agreement"], editor_a)
    assert Service.objects.filter(agreement_id=deleted["agreement"]).count() == 3


def test_it_restores_an_earlier_version_of_a_deleted_agreement(editor_a):
    agreement = make_agreement(user=editor_a, link_mbps=100)
    first = ChangeRecord.objects.filter(model="fallback.agreement", object_id=str(agreement.pk)).get()
    agreement.link_mbps = 500
    services.save_agreement(agreement, editor_a)
    pk = agreement.pk
    services.delete_agreement(agreement, editor_a)
    services.restore_deleted_agreement(pk, editor_a, first.pk)
    assert Agreement.objects.get(pk=pk).link_mbps == 100


def test_a_vanished_cooperation_becomes_empty_and_a_second_deletion_can_be_undone_too(editor_a):
    cooperation = make_cooperation(editor_a)
    agreement = make_agreement(user=editor_a, cooperation=cooperation)
    service = make_service(agreement, user=editor_a, name="Netwerk")
    pk = agreement.pk
    services.delete_agreement(agreement, editor_a)
    Cooperation.objects.filter(pk=cooperation.pk).delete()
    restored = services.restore_deleted_agreement(pk, editor_a)
    assert restored.cooperation_id is None
    services.delete_agreement(Agreement.objects.get(pk=pk), editor_a)
    services.restore_deleted_agreement(pk, editor_a)
    assert list(Service.objects.filter(agreement_id=pk).values_list("pk", flat=True)) == [service.pk]


def test_nothing_comes_back_when_a_part_fails(deleted, editor_a, monkeypatch):
    def broken(*args, **kwargs):
        raise ValidationError("kapot")

    monkeypatch.setattr(fallback_history, "restore_test_plan", broken)
    with pytest.raises(ValidationError):
        services.restore_deleted_agreement(deleted["agreement"], editor_a)
    assert not Agreement.objects.filter(pk=deleted["agreement"]).exists()
    assert not Service.objects.filter(pk=deleted["network"]).exists()
    assert not ChangeRecord.objects.filter(action="restore").exists()
