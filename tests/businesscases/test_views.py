# SPDX-License-Identifier: EUPL-1.2
"""The list, the result page and the comparison: content and visibility per persona."""

import pytest

from goedebuur.businesscases.models import BusinessCase

from ..factories import RHENEN, UTRECHT, make_user
from .factories import make_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(editor_a):
    return make_case(editor_a, name="Rhenen en Veenendaal")


def test_the_result_shows_charts_inputs_with_sources_and_the_evidence(case, reader_a_client):
    page = reader_a_client.get(f"/businesscases/{case.pk}").content.decode()
    assert page.count("<svg") == 3
    assert "Cumulatieve kasstroom met P10-P90-band" in page and "Tornado" in page
    assert "M&amp;I/Partners" in page and "Regio Nijmegen" in page and "editor-a" in page
    assert "COELO" in page and "Servicepunt71" in page
    assert "Werkgroep discontovoet" in page


def test_it_warns_once_for_every_municipality_likely_to_lose(editor_a, reader_a_client):
    case = make_case(editor_a, domains=())  # costs without any saving: certain loss
    page = reader_a_client.get(f"/businesscases/{case.pk}").content.decode()
    assert "grote kans op verlies voor Rhenen (100 %); Veenendaal (100 %)" in page
    assert page.count('class="bc-warning"') == 1
    assert "Negatief: de samenwerking kost naar verwachting meer dan ze oplevert" in page


def test_a_draft_is_labelled_as_provisional(editor_a, reader_a_client):
    case = make_case(editor_a, complete=False)
    page = reader_a_client.get(f"/businesscases/{case.pk}").content.decode()
    assert "Nog niet bevestigde verborgen kosten" in page


def test_visibility_per_persona(
    case, editor_a_client, reader_a_client, editor_b_client, anonymous_client, admin_client
):
    url = f"/businesscases/{case.pk}"
    assert editor_a_client.get(url).status_code == 200
    assert reader_a_client.get(url).status_code == 200
    assert admin_client.get(url).status_code == 200
    assert editor_b_client.get(url).status_code == 404
    response = anonymous_client.get(url)
    assert response.status_code == 302 and "/inloggen" in response["Location"]


def test_the_list_shows_only_own_and_shared_cases(
    case, editor_b, editor_b_client, reader_a_client, admin_client
):
    other = make_case(editor_b, partners=(UTRECHT, "GM0353"), name="Utrechtse zaak")
    assert "Rhenen en Veenendaal" in reader_a_client.get("/businesscases").content.decode()
    assert "Utrechtse zaak" not in reader_a_client.get("/businesscases").content.decode()
    listing = editor_b_client.get("/businesscases").content.decode()
    assert "Utrechtse zaak" in listing and "Rhenen en Veenendaal" not in listing
    admin = admin_client.get("/businesscases").content.decode()
    assert "Utrechtse zaak" in admin and "Rhenen en Veenendaal" in admin
    assert other.owner.code == UTRECHT


def test_the_partner_municipality_sees_the_case_in_its_list(case):
    from django.test import Client

    client = Client()
    client.force_login(make_user(RHENEN, username="lezer-rhenen"))
    assert "Rhenen en Veenendaal" in client.get("/businesscases").content.decode()


def test_an_empty_list_says_so(editor_b_client):
    page = editor_b_client.get("/businesscases").content.decode()
    assert "Er zijn nog geen businesscases" in page and "Nieuwe businesscase" in page


def test_scenarios_side_by_side(editor_a, editor_a_client):
    light = make_case(editor_a, name="Licht", scenario="licht", domains=("inkoop",))
    heavy = make_case(editor_a, name="Zwaar", scenario="zwaar", domains=("infrastructuur-beheer", "werkplek"))
    page = editor_a_client.get(f"/businesscases/vergelijk?ids={light.pk},{heavy.pk}").content.decode()
    assert "Licht" in page and "Zwaar" in page and "NCW P50 (alle gemeenten)" in page
    assert "Netto contante waarde per scenario, alle gemeenten samen" in page and page.count("<svg") == 1
    again = editor_a_client.get(f"/businesscases/vergelijk?id={light.pk}&id={heavy.pk}")
    assert again.status_code == 200


def test_the_comparison_leaves_out_cases_the_user_may_not_see(case, editor_b, editor_b_client):
    own = make_case(editor_b, partners=(UTRECHT, "GM0353"), name="Eigen")
    response = editor_b_client.get(f"/businesscases/vergelijk?ids={case.pk},{own.pk}")
    assert response.status_code == 400
    assert "Rhenen en Veenendaal" not in response.content.decode()


def test_only_the_owner_editor_deletes(case, reader_a_client, editor_a_client):
    assert reader_a_client.post(f"/businesscases/{case.pk}/verwijderen").status_code == 403
    assert editor_a_client.post(f"/businesscases/{case.pk}/verwijderen").status_code == 302
    assert not BusinessCase.objects.exists()


def test_it_refuses_a_delete_confirmed_on_an_outdated_page(case, editor_a_client):
    page = editor_a_client.get(f"/businesscases/{case.pk}/verwijderen").content.decode()
    assert f'name="revision" value="{case.revision}"' in page
    seen = case.revision
    BusinessCase.objects.get(pk=case.pk).save()
    response = editor_a_client.post(f"/businesscases/{case.pk}/verwijderen", {"revision": seen}, follow=True)
    assert "Iemand anders heeft dit gegeven gewijzigd" in response.content.decode()
    assert BusinessCase.objects.filter(pk=case.pk).exists()
