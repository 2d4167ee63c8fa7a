# SPDX-License-Identifier: EUPL-1.2
"""/businesscases/<id>/geschiedenis and .../herstellen: every version of a case, restore for the
owner's editors and administrators (also of a deleted case), nothing for other municipalities."""

import pytest

from goedebuur.businesscases import services
from goedebuur.businesscases.models import BusinessCase
from goedebuur.history.models import ChangeRecord

from .factories import make_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(editor_a):
    case = make_case(editor_a, name="Eerste naam")
    services.save_partners(
        case, editor_a, name="Tweede naam", scenario=case.scenario, partners=services.partner_list(case)
    )
    return case


def _url(case_id):
    return f"/businesscases/{case_id}/geschiedenis"


def _version_named(case_id, name):
    records = ChangeRecord.objects.filter(model="businesscases.businesscase", object_id=str(case_id))
    return next(r for r in records.order_by("-at", "-id") if r.snapshot["name"] == name)


def test_it_restores_an_earlier_version_and_records_the_restore(case, editor_a, editor_a_client):
    assert _url(case.pk) in editor_a_client.get(f"/businesscases/{case.pk}").content.decode()
    page = editor_a_client.get(_url(case.pk)).content.decode()
    assert "Tweede naam" in page and "Deze versie herstellen" in page
    record = _version_named(case.pk, "Eerste naam")
    assert editor_a_client.post(f"{_url(case.pk)}/{record.pk}/herstellen").status_code == 302
    case.refresh_from_db()
    assert case.name == "Eerste naam"
    latest = ChangeRecord.objects.filter(model="businesscases.businesscase", object_id=str(case.pk)).first()
    assert latest.action == "restore" and latest.user == editor_a


def test_it_brings_a_deleted_case_back(case, editor_a, editor_a_client):
    pk = case.pk
    services.delete_case(case, editor_a)
    assert "is verwijderd" in editor_a_client.get(_url(pk)).content.decode()
    record = _version_named(pk, "Tweede naam")
    assert editor_a_client.post(f"{_url(pk)}/{record.pk}/herstellen").status_code == 302
    restored = BusinessCase.objects.get(pk=pk)
    assert restored.name == "Tweede naam" and len(services.partner_list(restored)) == 2
    assert services.compute(restored, draws=200).simulation is not None


def test_a_partner_reader_sees_the_history_without_restore_buttons(case, request):
    from goedebuur.accounts.models import User

    from ..conftest import _client_for
    from ..factories import RHENEN, make_user

    client = _client_for(make_user(RHENEN, User.Role.READER, username="lezer-rhenen"))
    response = client.get(_url(case.pk))
    assert response.status_code == 200 and "Deze versie herstellen" not in response.content.decode()


@pytest.mark.parametrize(
    ("client_name", "status"),
    [("reader_a_client", 403), ("editor_b_client", 404), ("anonymous_client", 302)],
)
def test_it_forbids_other_personas_to_restore(request, case, client_name, status):
    record = _version_named(case.pk, "Eerste naam")
    response = request.getfixturevalue(client_name).post(f"{_url(case.pk)}/{record.pk}/herstellen")
    assert response.status_code == status
    case.refresh_from_db()
    assert case.name == "Tweede naam"


def test_another_municipality_does_not_see_the_history(case, editor_b_client):
    assert editor_b_client.get(_url(case.pk)).status_code == 404


def test_a_deleted_case_stays_invisible_to_those_who_cannot_restore_it(case, editor_a, reader_a_client):
    pk = case.pk
    services.delete_case(case, editor_a)
    assert reader_a_client.get(_url(pk)).status_code == 404
