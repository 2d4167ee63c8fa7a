# SPDX-License-Identifier: EUPL-1.2
from goedebuur.cooperations import services
from goedebuur.cooperations.models import Cooperation
from goedebuur.municipalities.models import Municipality

from ..factories import RENSWOUDE, RHENEN, UTRECHT, VEENENDAAL, make_cooperation


def _form_data(
    name="Samenwerking Veenendaal-Renswoude", members=(VEENENDAAL, RENSWOUDE), domains=("werkplek",)
):
    ids = {m.code: m.pk for m in Municipality.objects.filter(code__in=members)}
    data = {
        "name": name,
        "description": "",
        "domains": [services.domains().get(slug=d).pk for d in domains],
        "form": services.forms().get(code="samenwerkingsovereenkomst").pk,
        "status": "intentie",
        "form_text": "",
        "start_date": "2026-01-01",
        "end_date": "",
        "sources": "https://example.org/bron",
        "leden-TOTAL_FORMS": "3",
        "leden-INITIAL_FORMS": "0",
        "leden-MIN_NUM_FORMS": "0",
        "leden-MAX_NUM_FORMS": "100",
    }
    for i in range(3):
        code = members[i] if i < len(members) else None
        data[f"leden-{i}-municipality"] = ids[code] if code else ""
        data[f"leden-{i}-role"] = "deelnemer"
    return data


def test_it_lists_cooperations_for_anonymous_visitors(anonymous_client, editor_a):
    make_cooperation(user=editor_a, name="Zichtbare samenwerking")
    response = anonymous_client.get("/samenwerkingen")
    assert response.status_code == 200
    assert "Zichtbare samenwerking" in response.content.decode()
    assert "Samenwerking toevoegen" not in response.content.decode()


def test_it_filters_the_list_by_domain(anonymous_client, editor_a):
    make_cooperation(user=editor_a, name="Werkplekken samen", domains=("werkplek",))
    make_cooperation(user=editor_a, name="Inkoop samen", domains=("inkoop",))
    body = anonymous_client.get("/samenwerkingen?domein=inkoop").content.decode()
    assert "Inkoop samen" in body and "Werkplekken samen" not in body


def test_it_shows_a_detail_page_with_members_and_sources(anonymous_client, editor_a):
    cooperation = make_cooperation(user=editor_a, name="Detailtest")
    body = anonymous_client.get(cooperation.get_absolute_url()).content.decode()
    assert "Rhenen" in body and "Veenendaal" in body
    assert "Bewerken" not in body


def test_it_sends_anonymous_visitors_to_login_for_create(anonymous_client):
    response = anonymous_client.get("/samenwerkingen/nieuw")
    assert response.status_code == 302 and "/inloggen" in response["Location"]


def test_it_forbids_readers_to_create(reader_a_client):
    assert reader_a_client.get("/samenwerkingen/nieuw").status_code == 403
    assert reader_a_client.post("/samenwerkingen/nieuw", _form_data()).status_code == 403
    assert not Cooperation.objects.exists()


def test_it_lets_an_editor_create_a_cooperation_with_a_neighbour(editor_a_client):
    response = editor_a_client.post("/samenwerkingen/nieuw", _form_data())
    cooperation = Cooperation.objects.get()
    assert response.status_code == 302 and response["Location"] == cooperation.get_absolute_url()
    assert [m.municipality.code for m in cooperation.memberships.all()] == [VEENENDAAL]
    invitation = services.open_member_changes(cooperation).get()
    assert invitation.municipality.code == RENSWOUDE and invitation.kind == "toetreden"
    assert cooperation.sources.get().url == "https://example.org/bron"


def test_it_shows_dutch_messages_and_saves_nothing_for_an_invalid_form(editor_a_client):
    data = _form_data(name="", members=(VEENENDAAL,))
    data["domains"] = []
    response = editor_a_client.post("/samenwerkingen/nieuw", data)
    body = response.content.decode()
    assert response.status_code == 400
    assert "Er is iets niet goed ingevuld" in body
    assert "Kies ten minste één ICT-domein." in body
    assert "Dit veld is vereist." in body
    assert not Cooperation.objects.exists()


def test_it_refuses_a_cooperation_without_the_editors_own_municipality(editor_a_client):
    response = editor_a_client.post("/samenwerkingen/nieuw", _form_data(members=(RHENEN, UTRECHT)))
    assert response.status_code == 400
    assert "Uw eigen gemeente (Veenendaal)" in response.content.decode()
    assert not Cooperation.objects.exists()


def test_a_refused_cooperation_keeps_the_members_in_the_municipality_pickers(editor_a_client):
    data = _form_data(name="Werkplek Vallei", members=(VEENENDAAL, RENSWOUDE))
    data["sources"] = "http://"
    response = editor_a_client.post("/samenwerkingen/nieuw", data)
    assert response.status_code == 400 and not Cooperation.objects.exists()
    body = response.content.decode()
    assert 'id="error-summary"' in body and 'value="Werkplek Vallei"' in body
    assert body.count('data-picker="municipalities"') == 3
    renswoude = Municipality.objects.get(code=RENSWOUDE)
    assert f'<option value="{renswoude.pk}" selected data-code="{RENSWOUDE}">Renswoude</option>' in body


def test_it_refuses_an_invalid_source_url(editor_a_client):
    data = _form_data()
    data["sources"] = "http://"
    response = editor_a_client.post("/samenwerkingen/nieuw", data)
    assert response.status_code == 400 and "geen geldig webadres" in response.content.decode()


def test_it_lets_a_member_editor_edit_and_forbids_another_municipality(
    editor_a, editor_a_client, editor_b_client
):
    cooperation = make_cooperation(user=editor_a, members=(VEENENDAAL, RENSWOUDE), name="Te wijzigen")
    url = f"/samenwerkingen/{cooperation.slug}/bewerken"
    assert editor_b_client.get(url).status_code == 403
    assert editor_b_client.post(url, _form_data(name="Gekaapt")).status_code == 403
    assert editor_a_client.get(url).status_code == 200
    assert editor_a_client.post(url, _form_data(name="Gewijzigd")).status_code == 302
    cooperation.refresh_from_db()
    assert cooperation.name == "Gewijzigd"


def test_it_refuses_the_second_of_two_editors_who_opened_the_same_version(
    editor_a, editor_a_client, admin_client
):
    cooperation = make_cooperation(user=editor_a, members=(VEENENDAAL, RENSWOUDE), name="Samen open")
    url = f"/samenwerkingen/{cooperation.slug}/bewerken"
    assert f'name="revision" value="{cooperation.revision}"' in editor_a_client.get(url).content.decode()
    seen = {"revision": cooperation.revision}
    assert admin_client.post(url, _form_data(name="Eerst opgeslagen") | seen).status_code == 302
    response = editor_a_client.post(url, _form_data(name="Later opgeslagen") | seen)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Iemand anders heeft dit gegeven gewijzigd" in page and "Later opgeslagen" in page
    cooperation.refresh_from_db()
    assert cooperation.name == "Eerst opgeslagen"


def test_it_refuses_a_delete_confirmed_on_an_outdated_page(editor_a, editor_a_client):
    cooperation = make_cooperation(user=editor_a)
    seen = cooperation.revision
    cooperation.save()
    response = editor_a_client.post(f"/samenwerkingen/{cooperation.slug}/verwijderen", {"revision": seen})
    assert response.status_code == 302
    assert services.get_live(cooperation.slug) is not None


def test_it_lets_an_administrator_edit_any_cooperation(editor_a, admin_client):
    cooperation = make_cooperation(user=editor_a, members=(VEENENDAAL, RENSWOUDE))
    response = admin_client.post(
        f"/samenwerkingen/{cooperation.slug}/bewerken", _form_data(name="Door beheer")
    )
    assert response.status_code == 302


def test_it_deletes_only_for_members_and_keeps_history(editor_a, editor_a_client, editor_b_client):
    cooperation = make_cooperation(user=editor_a)
    url = f"/samenwerkingen/{cooperation.slug}/verwijderen"
    assert editor_b_client.post(url).status_code == 403
    assert editor_a_client.post(url).status_code == 302
    assert services.get_live(cooperation.slug) is None
    assert editor_a_client.get(cooperation.get_absolute_url()).status_code == 404
    history = editor_a_client.get(f"/samenwerkingen/{cooperation.slug}/geschiedenis")
    assert history.status_code == 200 and "verwijderd" in history.content.decode()


def test_it_restores_a_version_from_the_history_page(editor_a, editor_a_client, editor_b_client):
    cooperation = make_cooperation(user=editor_a, name="Versie een")
    first = services.versions(cooperation).get()
    editor_a_client.post(
        f"/samenwerkingen/{cooperation.slug}/bewerken",
        _form_data(name="Versie twee", members=(VEENENDAAL, RHENEN)),
    )
    url = f"/samenwerkingen/{cooperation.slug}/geschiedenis/{first.pk}/herstellen"
    assert editor_b_client.post(url).status_code == 403
    assert editor_a_client.get(url).status_code == 405
    assert editor_a_client.post(url).status_code == 302
    cooperation.refresh_from_db()
    assert cooperation.name == "Versie een"


def test_it_requires_csrf_for_changes(editor_a):
    from ..conftest import CsrfClient

    client = CsrfClient()
    client.force_login(editor_a)
    response = client.post("/samenwerkingen/nieuw", _form_data(), HTTP_X_CSRFTOKEN="onjuist")
    assert response.status_code == 403
    assert not Cooperation.objects.exists()


def test_it_hides_a_deleted_cooperation_from_those_who_cannot_restore_it(editor_a, editor_b_client):
    cooperation = make_cooperation(user=editor_a)
    first = services.versions(cooperation).get()
    services.delete_cooperation(cooperation, editor_a)
    assert editor_b_client.get(f"/samenwerkingen/{cooperation.slug}/geschiedenis").status_code == 404
    url = f"/samenwerkingen/{cooperation.slug}/geschiedenis/{first.pk}/herstellen"
    assert editor_b_client.post(url).status_code == 404
