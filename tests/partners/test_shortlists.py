# SPDX-License-Identifier: EUPL-1.2
import pytest

from goedebuur.partners.models import Shortlist
from tests.factories import RENSWOUDE, RHENEN, VEENENDAAL

pytestmark = pytest.mark.django_db


def _save(client, name="Mijn lijst"):
    return client.post(
        "/partners/shortlists/nieuw",
        {
            "naam": name,
            "gemeente": RHENEN,
            "leden": [VEENENDAAL, RENSWOUDE],
            "zoekopdracht": f"gemeente={RHENEN}",
        },
    )


def test_it_offers_saving_only_to_logged_in_users(anonymous_client, editor_a_client):
    assert "shortlijst-form" not in anonymous_client.get("/partners", {"gemeente": RHENEN}).content.decode()
    assert "shortlijst-form" in editor_a_client.get("/partners", {"gemeente": RHENEN}).content.decode()


def test_it_saves_and_lists_a_shortlist(editor_a_client, editor_a):
    response = _save(editor_a_client)
    assert response.status_code == 302
    shortlist = Shortlist.objects.get(owner=editor_a)
    assert shortlist.name == "Mijn lijst"
    assert {m.code for m in shortlist.members.all()} == {VEENENDAAL, RENSWOUDE}
    html = editor_a_client.get("/partners/shortlists").content.decode()
    assert "Mijn lijst" in html and "Veenendaal" in html


def test_anonymous_users_cannot_save_or_list(anonymous_client):
    response = _save(anonymous_client)
    assert response.status_code == 302 and "/inloggen" in response["Location"]
    assert not Shortlist.objects.exists()
    assert anonymous_client.get("/partners/shortlists").status_code == 302


def test_user_b_cannot_see_or_delete_user_as_shortlist(editor_a_client, editor_b_client):
    _save(editor_a_client, name="Geheim van A")
    shortlist = Shortlist.objects.get()
    assert "Geheim van A" not in editor_b_client.get("/partners/shortlists").content.decode()
    response = editor_b_client.post(f"/partners/shortlists/{shortlist.pk}/verwijderen")
    assert response.status_code == 404
    assert Shortlist.objects.filter(pk=shortlist.pk).exists()


def test_the_owner_deletes_a_shortlist(editor_a_client):
    _save(editor_a_client)
    shortlist = Shortlist.objects.get()
    assert editor_a_client.post(f"/partners/shortlists/{shortlist.pk}/verwijderen").status_code == 302
    assert not Shortlist.objects.exists()


def test_it_requires_a_name(editor_a_client):
    response = _save(editor_a_client, name="")
    assert response.status_code == 302
    assert not Shortlist.objects.exists()
