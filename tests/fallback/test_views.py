# SPDX-License-Identifier: EUPL-1.2
"""Pages of the achtervang planner, per persona: A = Veenendaal (a party), B = Utrecht (outsider)."""

import pytest

from goedebuur.fallback.models import Agreement, Service

from ..conftest import _client_for
from ..factories import RHENEN, make_user
from .factories import make_agreement, make_service

pytestmark = pytest.mark.django_db

READ_PAGES = [
    "",
    "/haalbaarheid",
    "/simulatie",
    "/tests",
    "/continuiteitsplan.docx",
    "/continuiteitsplan.pdf",
]
EDIT_PAGES = ["/bewerken", "/verwijderen", "/tests/nieuw", "/acties/nieuw", "/diensten/nieuw?gemeente=GM0345"]


@pytest.fixture
def agreement():
    agreement = make_agreement()
    make_service(agreement, name="Zaaksysteem")
    return agreement


@pytest.mark.parametrize("suffix", READ_PAGES)
def test_the_parties_and_admins_read_every_page(agreement, reader_a_client, admin_client, suffix):
    url = f"/achtervang/{agreement.pk}{suffix}"
    assert reader_a_client.get(url).status_code == 200
    assert admin_client.get(url).status_code == 200


@pytest.mark.parametrize("suffix", READ_PAGES + EDIT_PAGES)
def test_an_outsider_gets_404_so_the_agreement_does_not_leak(agreement, editor_b_client, suffix):
    assert editor_b_client.get(f"/achtervang/{agreement.pk}{suffix}").status_code == 404


@pytest.mark.parametrize("suffix", READ_PAGES)
def test_anonymous_visitors_are_sent_to_the_login(agreement, anonymous_client, suffix):
    response = anonymous_client.get(f"/achtervang/{agreement.pk}{suffix}")
    assert response.status_code == 302 and "/inloggen" in response["Location"]


@pytest.mark.parametrize("suffix", EDIT_PAGES)
def test_a_reader_may_not_edit(agreement, reader_a_client, suffix):
    assert reader_a_client.get(f"/achtervang/{agreement.pk}{suffix}").status_code == 403


@pytest.mark.parametrize("suffix", EDIT_PAGES)
def test_editors_of_both_sides_may_edit(agreement, editor_a_client, suffix):
    rhenen = _client_for(make_user(RHENEN, username="editor-rhenen"))
    assert editor_a_client.get(f"/achtervang/{agreement.pk}{suffix}").status_code == 200
    assert rhenen.get(f"/achtervang/{agreement.pk}{suffix}").status_code == 200


def test_the_list_shows_only_the_own_agreements(agreement, editor_a_client, editor_b_client):
    assert "Veenendaal – Rhenen" in editor_a_client.get("/achtervang").content.decode()
    page = editor_b_client.get("/achtervang").content.decode()
    assert "Veenendaal – Rhenen" not in page and "nog geen achtervangafspraak" in page


def agreement_post(**extra):
    data = {
        "party_a": "",
        "party_b": "",
        "mutual": "on",
        "site_a_kind": "gemeentehuis",
        "site_b_kind": "datacenter",
        "link_type": "donkere-vezel",
        "link_mbps": "1000",
        "restore_mbps": "1000",
        "restore_slots": "2",
        "peak_factor": "3",
        "min_km": "5",
        "max_km": "40",
        "start_date": "2026-01-01",
    }
    for side in "ab":
        for key in ("vcpu", "ram_gb", "storage_gb", "workplaces"):
            data[f"reserved_{key}_{side}"] = "10"
    data.update(extra)
    return data


def test_an_editor_creates_an_agreement_with_the_sites_prefilled(editor_a, editor_a_client):
    from goedebuur.municipalities.models import Municipality

    ids = dict(Municipality.objects.filter(code__in=["GM0345", "GM0340"]).values_list("code", "pk"))
    response = editor_a_client.post(
        "/achtervang/nieuw", agreement_post(party_a=ids["GM0345"], party_b=ids["GM0340"])
    )
    agreement = Agreement.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/achtervang/{agreement.pk}"
    assert agreement.site_a_name == "Gemeentehuis Veenendaal"
    assert agreement.updated_by == editor_a
    assert agreement.planned_tests.count() == 2


def test_an_editor_cannot_create_an_agreement_between_two_other_municipalities(editor_a_client):
    from goedebuur.municipalities.models import Municipality

    ids = dict(Municipality.objects.filter(code__in=["GM0344", "GM0340"]).values_list("code", "pk"))
    response = editor_a_client.post(
        "/achtervang/nieuw", agreement_post(party_a=ids["GM0344"], party_b=ids["GM0340"])
    )
    assert response.status_code == 400
    assert "Uw eigen gemeente" in response.content.decode()
    assert not Agreement.objects.exists()


def test_a_refused_agreement_keeps_the_chosen_parties_in_the_municipality_pickers(editor_a_client):
    from goedebuur.municipalities.models import Municipality

    ids = dict(Municipality.objects.filter(code__in=["GM0345", "GM0340"]).values_list("code", "pk"))
    response = editor_a_client.post(
        "/achtervang/nieuw",
        agreement_post(
            party_a=ids["GM0345"], party_b=ids["GM0340"], link_mbps="veel", escalation="Bel de CIO"
        ),
    )
    assert response.status_code == 400 and not Agreement.objects.exists()
    body = response.content.decode()
    assert 'id="error-summary"' in body and 'href="#id_link_mbps"' in body
    assert body.count('data-picker="municipalities"') == 2
    assert f'<option value="{ids["GM0345"]}" selected data-code="GM0345">Veenendaal</option>' in body
    assert f'<option value="{ids["GM0340"]}" selected data-code="GM0340">Rhenen</option>' in body
    assert "Bel de CIO" in body


def test_a_reader_cannot_create_an_agreement(reader_a_client):
    assert reader_a_client.get("/achtervang/nieuw").status_code == 403


def test_a_service_is_added_from_the_landscape(agreement, editor_a_client):
    from goedebuur.profiles.demo import load_demo_profiles

    load_demo_profiles()
    application = agreement.party_a.applications.select_related("product").first()
    response = editor_a_client.post(
        f"/achtervang/{agreement.pk}/diensten/nieuw?gemeente=GM0345",
        {
            "application": application.pk,
            "data_gb": "300",
            "daily_change_gb": "2,5",
            "vcpu": "2",
            "ram_gb": "4",
            "workplaces": "1",
        },
    )
    assert response.status_code == 302
    service = Service.objects.get(application=application)
    assert service.name == application.product.name
    assert (service.rto_hours, service.beschikbaarheid) == (
        application.rto_hours,
        application.beschikbaarheid,
    )
    assert str(service.daily_change_gb) == "2.5"


def test_a_service_without_name_or_application_is_refused_and_nothing_saved(agreement, editor_a_client):
    response = editor_a_client.post(
        f"/achtervang/{agreement.pk}/diensten/nieuw?gemeente=GM0345",
        {"data_gb": "300", "daily_change_gb": "1", "vcpu": "0", "ram_gb": "0", "workplaces": "0"},
    )
    assert response.status_code == 400
    assert "Vul de naam van de dienst in" in response.content.decode()
    assert agreement.services.count() == 1


def test_the_feasibility_page_shows_the_numbers_and_the_light(agreement, reader_a_client):
    page = reader_a_client.get(f"/achtervang/{agreement.pk}/haalbaarheid").content.decode()
    assert "Zaaksysteem" in page and "Mbit/s" in page
    assert "light-groen" in page or "light-oranje" in page or "light-rood" in page


def test_the_simulation_page_has_a_gantt_chart_and_a_text_alternative(agreement, reader_a_client):
    page = reader_a_client.get(f"/achtervang/{agreement.pk}/simulatie?uitval=GM0345").content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in page and 'role="img"' in page
    assert "<table>" in page and "Zaaksysteem" in page
    assert "Naïeve volgorde" in page or "naïeve" in page.lower()


def test_the_simulation_page_says_the_planned_order_is_optimal(agreement, reader_a_client):
    # One service: the solver proves its order optimal at once.
    page = reader_a_client.get(f"/achtervang/{agreement.pk}/simulatie?uitval=GM0345").content.decode()
    assert "Optimaal: geen volgorde haalt meer RTO&#x27;s" in page


def test_the_test_form_names_the_municipality_of_each_service(agreement, editor_a_client):
    make_service(agreement, guest=agreement.party_b, name="Zaaksysteem")  # both sides have one
    page = editor_a_client.get(f"/achtervang/{agreement.pk}/tests/nieuw").content.decode()
    for side in (agreement.party_a, agreement.party_b):
        assert f"<h3>Zaaksysteem van {side.name}</h3>" in page
        assert f"Hersteltijd van Zaaksysteem van {side.name} (uur)" in page


def test_an_editor_logs_a_restore_test_with_results(agreement, editor_a_client):
    service = agreement.services.get()
    response = editor_a_client.post(
        f"/achtervang/{agreement.pk}/tests/nieuw",
        {
            "kind": "hersteltest",
            "date": "2026-01-10",
            "scenario": "Uitval serverruimte",
            "passed": "ja",
            "grade": "volledig",
            "findings": "",
            f"restore_{service.pk}": "3,5",
            f"loss_{service.pk}": "0,5",
        },
    )
    assert response.status_code == 302
    record = agreement.test_records.get()
    assert record.passed and record.results.get().restore_hours == 3.5
    assert record.grade == "volledig"


def test_an_editor_completes_an_action_with_a_post_only(agreement, editor_a_client, reader_a_client):
    from goedebuur.fallback.models import FollowUpAction

    action = FollowUpAction.objects.create(
        agreement=agreement,
        description="Bijwerken",
        owner="ICT",
        owner_municipality=agreement.party_a,
        due_date="2026-02-01",
    )
    url = f"/achtervang/{agreement.pk}/acties/{action.pk}/afronden"
    assert editor_a_client.get(url).status_code == 405
    assert reader_a_client.post(url).status_code == 403
    assert editor_a_client.post(url).status_code == 302
    action.refresh_from_db()
    assert action.done_on is not None


def _edit_post(agreement, **extra):
    return agreement_post(
        party_a=agreement.party_a_id,
        party_b=agreement.party_b_id,
        site_a_name=agreement.site_a_name,
        site_b_name=agreement.site_b_name,
        **extra,
    )


def test_it_refuses_the_second_of_two_editors_who_opened_the_same_agreement(
    agreement, editor_a_client, admin_client
):
    url = f"/achtervang/{agreement.pk}/bewerken"
    assert f'name="revision" value="{agreement.revision}"' in editor_a_client.get(url).content.decode()
    seen = {"revision": agreement.revision}
    assert admin_client.post(url, _edit_post(agreement, link_mbps="2000") | seen).status_code == 302
    response = editor_a_client.post(url, _edit_post(agreement, link_mbps="3000", escalation="Bel mij") | seen)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Iemand anders heeft dit gegeven gewijzigd" in page and "Bel mij" in page
    agreement.refresh_from_db()
    assert agreement.link_mbps == 2000 and agreement.escalation == ""


def test_it_refuses_the_second_of_two_editors_of_the_same_service(agreement, editor_a_client, admin_client):
    service = agreement.services.get()
    url = f"/achtervang/{agreement.pk}/diensten/{service.pk}/bewerken"
    assert f'name="revision" value="{service.revision}"' in editor_a_client.get(url).content.decode()
    data = {
        "name": "Zaaksysteem",
        "beschikbaarheid": "3",
        "integriteit": "2",
        "vertrouwelijkheid": "2",
        "rto_hours": "8",
        "rpo_hours": "1",
        "data_gb": "300",
        "daily_change_gb": "1",
        "vcpu": "0",
        "ram_gb": "0",
        "workplaces": "0",
        "revision": service.revision,
    }
    assert admin_client.post(url, data | {"rto_hours": "4"}).status_code == 302
    response = editor_a_client.post(url, data | {"rto_hours": "48"})
    assert response.status_code == 400
    assert "Iemand anders heeft dit gegeven gewijzigd" in response.content.decode()
    service.refresh_from_db()
    assert service.rto_hours == 4


def test_it_refuses_deletes_confirmed_on_an_outdated_page(agreement, editor_a_client):
    service = agreement.services.get()
    seen_agreement, seen_service = agreement.revision, service.revision
    agreement.save()
    service.save()
    base = f"/achtervang/{agreement.pk}"
    response = editor_a_client.post(f"{base}/diensten/{service.pk}/verwijderen", {"revision": seen_service})
    assert response.status_code == 302 and Service.objects.filter(pk=service.pk).exists()
    response = editor_a_client.post(f"{base}/verwijderen", {"revision": seen_agreement})
    assert response.status_code == 302 and response["Location"] == base
    assert Agreement.objects.filter(pk=agreement.pk).exists()
    assert editor_a_client.post(f"{base}/verwijderen", {"revision": agreement.revision}).status_code == 302
    assert not Agreement.objects.filter(pk=agreement.pk).exists()


def test_it_does_not_complete_an_action_changed_since_the_page_was_opened(agreement, editor_a_client):
    from goedebuur.fallback.models import FollowUpAction

    action = FollowUpAction.objects.create(
        agreement=agreement,
        description="Bijwerken",
        owner="ICT",
        owner_municipality=agreement.party_a,
        due_date="2026-02-01",
    )
    seen = action.revision
    action.owner = "Informatiebeveiliging"
    action.save()
    url = f"/achtervang/{agreement.pk}/acties/{action.pk}/afronden"
    response = editor_a_client.post(url, {"revision": seen}, follow=True)
    assert "Iemand anders heeft dit gegeven gewijzigd" in response.content.decode()
    action.refresh_from_db()
    assert action.done_on is None


def test_the_agreement_says_its_distance_is_between_its_two_sites_and_explains_biv(
    agreement, reader_a_client
):
    """Issue 20: one distance, honestly labelled; BIV, RTO and RPO explained where they appear."""
    html = reader_a_client.get(f"/achtervang/{agreement.pk}").content.decode()
    assert " km hemelsbreed tussen de twee locaties</dd>" in html
    assert '<details class="uitleg"><summary>Wat betekent dit?</summary><dl><dt>BIV</dt>' in html
