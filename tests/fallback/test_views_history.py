# SPDX-License-Identifier: EUPL-1.2
"""History pages and restore of agreements, services and follow-up actions, per persona."""

import datetime as dt

import pytest

from goedebuur.fallback import services, testplan
from goedebuur.fallback.models import FollowUpAction
from goedebuur.history.models import ChangeRecord

from .factories import make_agreement, make_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreement(editor_a):
    agreement = make_agreement(user=editor_a, link_mbps=100)
    agreement.link_mbps = 500
    agreement.escalation = "Bel de CISO"
    services.save_agreement(agreement, editor_a)
    return agreement


def first_version(model, pk):
    return ChangeRecord.objects.filter(model=model, object_id=str(pk), action="create").get()


def test_it_shows_who_changed_the_agreement_with_restore_buttons_for_editors(
    agreement, editor_a_client, reader_a_client
):
    url = f"/achtervang/{agreement.pk}/geschiedenis"
    page = editor_a_client.get(url).content.decode()
    assert "Deze versie herstellen" in page and "link_mbps" in page
    assert f'href="{url}"' in editor_a_client.get(f"/achtervang/{agreement.pk}").content.decode()
    reader_page = reader_a_client.get(url)
    assert reader_page.status_code == 200 and "Deze versie herstellen" not in reader_page.content.decode()


def test_it_restores_an_earlier_version_of_the_agreement_and_records_the_restore(
    agreement, editor_a, editor_a_client
):
    record = first_version("fallback.agreement", agreement.pk)
    response = editor_a_client.post(f"/achtervang/{agreement.pk}/geschiedenis/{record.pk}/herstellen")
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert (agreement.link_mbps, agreement.escalation) == (100, "")
    latest = ChangeRecord.objects.filter(model="fallback.agreement", object_id=str(agreement.pk)).first()
    assert latest.action == "restore" and latest.user == editor_a
    assert {c["field"] for c in latest.changes} >= {"link_mbps", "escalation"}


def test_it_forbids_restoring_to_readers_and_hides_it_from_outsiders(
    agreement, reader_a_client, editor_b_client
):
    record = first_version("fallback.agreement", agreement.pk)
    url = f"/achtervang/{agreement.pk}/geschiedenis"
    assert reader_a_client.post(f"{url}/{record.pk}/herstellen").status_code == 403
    assert editor_b_client.get(url).status_code == 404
    assert editor_b_client.post(f"{url}/{record.pk}/herstellen").status_code == 404
    agreement.refresh_from_db()
    assert agreement.link_mbps == 500


def test_it_restores_a_service_with_its_dependencies(agreement, editor_a, admin_client, reader_a_client):
    base = make_service(agreement, user=editor_a, name="Netwerk")
    service = make_service(agreement, user=editor_a, name="Zaaksysteem", depends_on=[base], rto_hours=8)
    service.rto_hours = 48
    services.save_service(service, editor_a, depends_on=[])
    record = first_version("fallback.service", service.pk)
    url = f"/achtervang/{agreement.pk}/diensten/{service.pk}/geschiedenis"
    assert "rto_hours" in reader_a_client.get(url).content.decode()
    assert reader_a_client.post(f"{url}/{record.pk}/herstellen").status_code == 403
    assert admin_client.post(f"{url}/{record.pk}/herstellen").status_code == 302
    service.refresh_from_db()
    assert service.rto_hours == 8 and list(service.depends_on.all()) == [base]
    latest = ChangeRecord.objects.filter(model="fallback.service", object_id=str(service.pk)).first()
    assert latest.action == "restore"


def test_it_reopens_a_completed_action_by_restoring_it(agreement, editor_a, editor_a_client, editor_b_client):
    action = testplan.save_action(
        FollowUpAction(
            agreement=agreement,
            description="Runbook bijwerken",
            owner="ICT",
            owner_municipality=agreement.party_a,
            due_date=dt.date(2026, 6, 1),
        ),
        editor_a,
    )
    testplan.complete_action(action, editor_a)
    record = first_version("fallback.followupaction", action.pk)
    url = f"/achtervang/{agreement.pk}/acties/{action.pk}/geschiedenis"
    assert editor_b_client.get(url).status_code == 404
    assert "Runbook bijwerken" in editor_a_client.get(url).content.decode()
    assert editor_a_client.post(f"{url}/{record.pk}/herstellen").status_code == 302
    action.refresh_from_db()
    assert action.done_on is None
    assert ChangeRecord.objects.filter(model="fallback.followupaction").first().action == "restore"


def test_it_refuses_a_version_of_another_record(agreement, editor_a, editor_a_client):
    other = make_agreement(a="GM0345", b="GM0344", user=editor_a)
    foreign = first_version("fallback.agreement", other.pk)
    response = editor_a_client.post(
        f"/achtervang/{agreement.pk}/geschiedenis/{foreign.pk}/herstellen", follow=True
    )
    assert "Deze versie bestaat niet" in response.content.decode()
    agreement.refresh_from_db()
    assert agreement.link_mbps == 500


def test_it_brings_back_a_removed_service_from_its_history(
    agreement, editor_a, editor_a_client, reader_a_client
):
    service = make_service(agreement, user=editor_a, name="Zaaksysteem", rto_hours=8)
    service_pk = service.pk
    services.delete_service(service, editor_a)
    page = reader_a_client.get(f"/achtervang/{agreement.pk}").content.decode()
    url = f"/achtervang/{agreement.pk}/diensten/{service_pk}/geschiedenis"
    assert "Verwijderde diensten" in page and url in page
    assert "Deze dienst is verwijderd" in reader_a_client.get(url).content.decode()
    record = first_version("fallback.service", service_pk)
    assert reader_a_client.post(f"{url}/{record.pk}/herstellen").status_code == 403
    assert editor_a_client.post(f"{url}/{record.pk}/herstellen").status_code == 302
    restored = agreement.services.get(pk=service_pk)
    assert (restored.name, restored.rto_hours) == ("Zaaksysteem", 8)
    assert (
        ChangeRecord.objects.filter(model="fallback.service", object_id=str(service_pk)).first().action
        == "restore"
    )
    assert "Verwijderde diensten" not in editor_a_client.get(f"/achtervang/{agreement.pk}").content.decode()


def test_a_removed_service_of_another_agreement_stays_hidden(agreement, editor_a, editor_a_client):
    other = make_agreement(a="GM0345", b="GM0344", user=editor_a)
    service = make_service(other, user=editor_a)
    service_pk = service.pk
    services.delete_service(service, editor_a)
    assert (
        editor_a_client.get(f"/achtervang/{agreement.pk}/diensten/{service_pk}/geschiedenis").status_code
        == 404
    )
