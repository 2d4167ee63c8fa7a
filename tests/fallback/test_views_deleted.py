# SPDX-License-Identifier: EUPL-1.2
"""Deleted agreements on /achtervang, their history page and the "Herstellen" button, per persona."""

import pytest
from django.urls import reverse

from goedebuur.accounts.models import User
from goedebuur.fallback import services
from goedebuur.fallback.models import Agreement, Service
from goedebuur.history.models import ChangeRecord

from ..conftest import _client_for
from ..factories import RHENEN, make_user
from .factories import make_agreement, make_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def deleted_pk(editor_a):
    agreement = make_agreement(user=editor_a, escalation="Bel de CISO")
    network = make_service(agreement, user=editor_a, name="Netwerk")
    make_service(agreement, user=editor_a, name="Zaaksysteem", depends_on=[network])
    pk = agreement.pk
    services.delete_agreement(agreement, editor_a)
    return pk


def test_it_lists_deleted_agreements_with_who_and_a_restore_button_for_editors(
    deleted_pk, editor_a_client, reader_a_client, editor_b_client
):
    page = editor_a_client.get("/achtervang").content.decode()
    assert "Verwijderde afspraken" in page and "editor-a" in page
    assert f'action="/achtervang/{deleted_pk}/herstellen"' in page and "csrfmiddlewaretoken" in page
    assert "Verwijderde afspraken" not in reader_a_client.get("/achtervang").content.decode()
    assert "Verwijderde afspraken" not in editor_b_client.get("/achtervang").content.decode()


def test_it_restores_the_agreement_and_goes_to_it(deleted_pk, editor_a_client):
    response = editor_a_client.post(f"/achtervang/{deleted_pk}/herstellen", follow=True)
    assert response.redirect_chain[-1][0] == f"/achtervang/{deleted_pk}"
    page = response.content.decode()
    assert "is hersteld" in page and "Zaaksysteem" in page
    assert Service.objects.filter(agreement_id=deleted_pk).count() == 2
    assert ChangeRecord.objects.filter(
        model="fallback.agreement", object_id=str(deleted_pk)
    ).first().action == ("restore")
    assert "Verwijderde afspraken" not in editor_a_client.get("/achtervang").content.decode()


def test_the_editor_of_the_other_party_and_an_administrator_may_restore(deleted_pk, admin_client):
    rhenen = _client_for(make_user(RHENEN, User.Role.EDITOR, username="editor-rhenen"))
    assert rhenen.post(f"/achtervang/{deleted_pk}/herstellen").status_code == 302
    assert Agreement.objects.filter(pk=deleted_pk).exists()
    services.delete_agreement(Agreement.objects.get(pk=deleted_pk), None)
    assert admin_client.post(f"/achtervang/{deleted_pk}/herstellen").status_code == 302
    assert Agreement.objects.filter(pk=deleted_pk).exists()


def test_it_hides_a_deleted_agreement_from_outsiders_and_refuses_readers(
    deleted_pk, editor_b_client, reader_a_client, anonymous_client
):
    url = f"/achtervang/{deleted_pk}/herstellen"
    assert editor_b_client.post(url).status_code == 404
    assert editor_b_client.get(f"/achtervang/{deleted_pk}/geschiedenis").status_code == 404
    assert reader_a_client.post(url).status_code == 403
    response = anonymous_client.post(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
    assert not Agreement.objects.filter(pk=deleted_pk).exists()


def test_restoring_twice_is_refused_with_a_message(deleted_pk, editor_a_client):
    editor_a_client.post(f"/achtervang/{deleted_pk}/herstellen")
    response = editor_a_client.post(f"/achtervang/{deleted_pk}/herstellen", follow=True)
    assert "al hersteld" in response.content.decode()
    assert Service.objects.filter(agreement_id=deleted_pk).count() == 2
    assert ChangeRecord.objects.filter(model="fallback.agreement", action="restore").count() == 1


def test_the_history_of_a_deleted_agreement_offers_earlier_versions(
    deleted_pk, editor_a_client, reader_a_client
):
    url = f"/achtervang/{deleted_pk}/geschiedenis"
    page = editor_a_client.get(url).content.decode()
    assert "is verwijderd" in page and "Deze versie herstellen" in page
    reader_page = reader_a_client.get(url)
    assert reader_page.status_code == 200 and "Deze versie herstellen" not in reader_page.content.decode()
    first = ChangeRecord.objects.filter(
        model="fallback.agreement", object_id=str(deleted_pk), action="create"
    ).get()
    assert reader_a_client.post(f"{url}/{first.pk}/herstellen").status_code == 403
    response = editor_a_client.post(f"{url}/{first.pk}/herstellen")
    assert response.status_code == 302 and response["Location"] == f"/achtervang/{deleted_pk}"
    assert Agreement.objects.get(pk=deleted_pk).escalation == "Bel de CISO"
    assert Service.objects.filter(agreement_id=deleted_pk).count() == 2
