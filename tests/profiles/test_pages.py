# SPDX-License-Identifier: EUPL-1.2
"""Profile, landscape and comparison pages: the visibility matrix per persona, editing and
validation (Dutch messages, nothing saved)."""

import pytest

from goedebuur.history.models import ChangeRecord
from goedebuur.profiles import services
from goedebuur.profiles.models import Application, Profile

from .conftest import application_values

COST_MARKER = "48.123"  # yearly cost of the fixture contract, as rendered (€ 48.123)
END_MARKER = "31 maart 2028"
SPEND_MARKER = "7.654.321"


@pytest.fixture
def veenendaal_profile(veenendaal, editor_a, veenendaal_app):
    profile = services.profile_for(veenendaal)
    profile.ict_spend_eur, profile.ict_spend_year = 7654321, 2025
    profile.workplaces, profile.contact_name = 700, "Ine Formatie"
    profile.ambition_kwetsbaarheid, profile.ambition_kwetsbaarheid_motivation = 5, "Achtervang regelen"
    return services.save_profile(profile, editor_a)


PERSONAS = ["anonymous", "reader_a", "editor_a", "editor_b", "admin", "partner"]


def _client(request, persona, shared_cooperation=None):
    name = {
        "anonymous": "anonymous_client",
        "reader_a": "reader_a_client",
        "editor_a": "editor_a_client",
        "editor_b": "editor_b_client",
        "admin": "admin_client",
        "partner": "partner_reader_client",
    }[persona]
    return request.getfixturevalue(name)


# persona -> (sees landscape/profile, sees contracts and costs, may edit)
EXPECTED = {
    "anonymous": (False, False, False),
    "reader_a": (True, True, False),
    "editor_a": (True, True, True),
    "editor_b": (True, False, False),
    "admin": (True, True, True),
    "partner": (True, True, False),  # Rhenen, in a cooperation Veenendaal shares its contracts with
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_landscape_visibility_matrix(request, persona, veenendaal_profile, shared_cooperation):
    client = _client(request, persona)
    sees, sees_contracts, may_edit = EXPECTED[persona]
    body = client.get("/gemeenten/GM0345/landschap").content.decode()
    assert ("Key2Zaken" in body) is sees
    assert ("Zaakregistratiecomponent" in body) is sees
    assert (COST_MARKER in body) is sees_contracts
    assert (END_MARKER in body) is sees_contracts
    assert ("/landschap/nieuw" in body) is may_edit
    if not sees:
        assert "Inloggen" in body


@pytest.mark.parametrize("persona", PERSONAS)
def test_profile_visibility_matrix(request, persona, veenendaal_profile, shared_cooperation):
    client = _client(request, persona)
    sees, sees_costs, may_edit = EXPECTED[persona]
    body = client.get("/gemeenten/GM0345/profiel").content.decode()
    assert ("Ine Formatie" in body) is sees
    assert ("Achtervang regelen" in body) is sees
    assert (SPEND_MARKER in body) is sees_costs
    assert ("ICT-uitgaven per inwoner" in body) is sees_costs
    assert ("/profiel/bewerken" in body) is may_edit


def test_without_sharing_a_partner_sees_no_contracts(partner_reader_client, veenendaal_profile):
    body = partner_reader_client.get("/gemeenten/GM0345/landschap").content.decode()
    assert "Key2Zaken" in body and COST_MARKER not in body


def test_profile_shows_benchmark_with_source_and_year(editor_a_client, veenendaal_profile, veenendaal):
    body = editor_a_client.get("/gemeenten/GM0345/profiel").content.decode()
    assert "M&amp;I/Partners" in body
    assert "€ 96 (2021)" in body and "€ 93 (2020)" in body and "€ 86 (2019)" in body and "€ 84 (2018)" in body
    assert "€ 6.101 (2013)" in body
    per_inhabitant = round(7654321 / veenendaal.population)
    assert f"€ {per_inhabitant}" in body


@pytest.mark.parametrize("url", ["/gemeenten/GM0345/profiel/bewerken", "/gemeenten/GM0345/landschap/nieuw"])
def test_only_own_editors_and_admins_may_open_edit_pages(
    url, anonymous_client, reader_a_client, editor_b_client, editor_a_client, admin_client
):
    assert anonymous_client.get(url).status_code == 302
    assert reader_a_client.get(url).status_code == 403
    assert editor_b_client.get(url).status_code == 403
    assert editor_a_client.get(url).status_code == 200
    assert admin_client.get(url).status_code == 200


def test_edit_page_prefills_inhabitants_from_cbs(editor_a_client, veenendaal):
    body = editor_a_client.get("/gemeenten/GM0345/profiel/bewerken").content.decode()
    assert f'value="{veenendaal.population}"' in body
    assert f"CBS, 1 januari {veenendaal.population_year}" in body


def _profile_post(**overrides):
    data = {
        "inhabitants": "67000",
        "inhabitants_year": "2024",
        "ict_spend_eur": "6500000",
        "ict_spend_year": "2025",
        "ict_fte": "31,5",
        "workplaces": "650",
        "hosting_model": "mix",
        "ambition_kwaliteit": "4",
        "ambition_kosten": "3",
        "ambition_kwetsbaarheid": "5",
        "ambition_personeel": "2",
        "contact_name": "Ine Formatie",
        "contact_email": "ine@example.org",
    }
    data.update(overrides)
    return data


def test_editor_saves_profile_with_history(editor_a_client, editor_a, veenendaal):
    response = editor_a_client.post("/gemeenten/GM0345/profiel/bewerken", _profile_post())
    assert response.status_code == 302
    profile = Profile.objects.get(municipality=veenendaal)
    assert profile.ict_spend_eur == 6500000 and str(profile.ict_fte) == "31.50"
    assert profile.updated_by == editor_a
    assert ChangeRecord.objects.filter(
        model="profiles.profile", object_id=str(profile.pk), user=editor_a
    ).exists()


def test_bad_profile_input_gives_dutch_messages_and_saves_nothing(editor_a_client, veenendaal):
    response = editor_a_client.post(
        "/gemeenten/GM0345/profiel/bewerken",
        _profile_post(
            ambition_kwaliteit="6", ict_spend_eur="-5", workplaces="veel", contact_email="geen-adres"
        ),
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Kies een gewicht van 0 tot en met 5." in body
    assert "Vul een getal van 0 of meer in." in body
    assert "Vul een geheel getal in." in body
    assert "Vul een geldig e-mailadres in." in body
    assert "Er is niets opgeslagen" in body
    assert not Profile.objects.filter(municipality=veenendaal).exists()


def _application_post(components, **overrides):
    data = {
        "supplier": "Centric Nederland B.V.",
        "product": "key2zaken",
        "version": "6",
        "components": [str(c.pk) for c in components],
        "hosting": "saas",
        "end_date": "2027-12-31",
        "yearly_cost_eur": "1000",
    }
    data.update(overrides)
    return data


def test_editor_adds_edits_and_deletes_an_application(editor_a_client, veenendaal, veenendaal_app):
    from goedebuur.gemma.models import ReferenceComponent

    drc = ReferenceComponent.objects.get(name="Documentregistratiecomponent")
    # a spelling variant of an existing product in the landscape is refused, not duplicated
    response = editor_a_client.post("/gemeenten/GM0345/landschap/nieuw", _application_post([drc]))
    assert response.status_code == 400
    assert "al in het landschap" in response.content.decode()
    response = editor_a_client.post(
        "/gemeenten/GM0345/landschap/nieuw", _application_post([drc], product="Corsa", supplier="Centric")
    )
    assert response.status_code == 302
    corsa = Application.objects.get(municipality=veenendaal, product__name="Corsa")
    assert corsa.product.supplier == veenendaal_app.product.supplier  # one supplier record
    assert (corsa.beschikbaarheid, corsa.integriteit, corsa.vertrouwelijkheid) == (2, 2, 1)  # GEMMA 221
    assert (corsa.rto_hours, corsa.rpo_hours) == (24, 4)
    response = editor_a_client.post(
        f"/gemeenten/GM0345/landschap/{corsa.pk}/bewerken",
        _application_post([drc], product="Corsa", supplier="Centric", beschikbaarheid="3", rto_hours="2"),
    )
    assert response.status_code == 302
    corsa.refresh_from_db()
    assert (corsa.beschikbaarheid, corsa.rto_hours, corsa.rpo_hours) == (3, 2, 1)
    assert editor_a_client.post(f"/gemeenten/GM0345/landschap/{corsa.pk}/verwijderen").status_code == 302
    assert not Application.objects.filter(pk=corsa.pk).exists()


def test_bad_application_input_gives_dutch_messages_and_saves_nothing(editor_a_client, veenendaal):
    response = editor_a_client.post(
        "/gemeenten/GM0345/landschap/nieuw",
        {
            "supplier": "",
            "product": "X",
            "hosting": "saas",
            "yearly_cost_eur": "-1",
            "start_date": "2026-01-01",
            "end_date": "2025-01-01",
        },
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Vul de naam van de leverancier in." in body
    assert "Kies ten minste één GEMMA-referentiecomponent." in body
    assert "Vul een getal van 0 of meer in." in body
    assert not Application.objects.filter(municipality=veenendaal).exists()


def test_end_before_start_is_reported_on_the_field(editor_a_client, veenendaal):
    from goedebuur.gemma.models import ReferenceComponent

    zrc = ReferenceComponent.objects.get(name="Zaakregistratiecomponent")
    response = editor_a_client.post(
        "/gemeenten/GM0345/landschap/nieuw",
        _application_post([zrc], start_date="2026-01-01", end_date="2025-01-01"),
    )
    assert response.status_code == 400
    assert "De einddatum ligt vóór de startdatum." in response.content.decode()
    assert not Application.objects.filter(municipality=veenendaal).exists()


def test_other_editors_cannot_change_or_delete(editor_b_client, veenendaal_app):
    assert editor_b_client.get(f"/gemeenten/GM0345/landschap/{veenendaal_app.pk}/bewerken").status_code == 403
    assert (
        editor_b_client.post(f"/gemeenten/GM0345/landschap/{veenendaal_app.pk}/verwijderen").status_code
        == 403
    )
    assert Application.objects.filter(pk=veenendaal_app.pk).exists()


def test_an_application_of_another_municipality_is_not_found_under_this_one(editor_a_client, editor_b):
    from goedebuur.municipalities.models import Municipality

    utrecht_app, _ = services.upsert_application(
        Municipality.objects.get(code="GM0344"), application_values(), editor_b
    )
    assert editor_a_client.get(f"/gemeenten/GM0345/landschap/{utrecht_app.pk}/bewerken").status_code == 404


def test_edit_form_offers_existing_suppliers_and_products(editor_a_client, veenendaal_app):
    body = editor_a_client.get("/gemeenten/GM0345/landschap/nieuw").content.decode()
    assert 'list="leveranciers"' in body and '<option value="Centric B.V.">' in body
    assert '<option value="Key2Zaken">' in body


@pytest.mark.parametrize("persona", PERSONAS)
def test_compare_visibility(request, persona, veenendaal_app, editor_b, shared_cooperation):
    from goedebuur.gemma.models import ReferenceComponent
    from goedebuur.municipalities.models import Municipality

    rhenen = Municipality.objects.get(code="GM0340")
    services.upsert_application(rhenen, application_values(contract={"end_date": "2027-06-30"}), None)
    services.upsert_application(
        rhenen,
        application_values(product="Djuma", supplier="Djuma", components=["Documentregistratiecomponent"]),
        None,
    )
    services.upsert_application(
        Municipality.objects.get(code="GM0345"),
        application_values(
            product="Corsa",
            components=[ReferenceComponent.objects.get(name="Documentregistratiecomponent")],
            contract={"end_date": "2029-01-31"},
        ),
        None,
    )
    client = _client(request, persona)
    sees, sees_veenendaal_contracts, _ = EXPECTED[persona]
    response = client.get("/landschappen/vergelijk?a=GM0340&b=GM0345")
    body = response.content.decode()
    assert ("Zelfde component, zelfde product (1)" in body) is sees
    assert ("Zelfde component, ander product (1)" in body) is sees
    assert ("31 januari 2029" in body) is sees_veenendaal_contracts  # Veenendaal's Corsa contract
    sees_rhenen_contracts = persona in ("admin", "partner")
    assert ("30 juni 2027" in body) is sees_rhenen_contracts


def test_compare_opened_from_a_profile_asks_for_the_second_municipality_without_an_error(reader_a_client):
    response = reader_a_client.get("/landschappen/vergelijk?a=GM0345")
    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="error-summary"' not in body
    assert 'data-picker="municipalities"' in body
    assert '<option value="GM0345" selected data-code="GM0345">Veenendaal</option>' in body


def test_compare_names_an_unknown_municipality_next_to_its_field(reader_a_client):
    response = reader_a_client.get("/landschappen/vergelijk?a=GM0345&b=GM9999")
    assert response.status_code == 400
    assert "Gemeente B: Onbekende gemeente: kies er een uit de lijst." in response.content.decode()


def test_compare_needs_two_different_municipalities(reader_a_client):
    assert reader_a_client.get("/landschappen/vergelijk").status_code == 200
    response = reader_a_client.get("/landschappen/vergelijk?a=GM0345&b=GM0345")
    assert response.status_code == 400 and "Kies twee verschillende gemeenten." in response.content.decode()


def test_it_refuses_the_second_of_two_profile_editors_who_opened_the_same_version(
    editor_a_client, admin_client, veenendaal_profile
):
    url = "/gemeenten/GM0345/profiel/bewerken"
    assert (
        f'name="revision" value="{veenendaal_profile.revision}"' in editor_a_client.get(url).content.decode()
    )
    seen = {"revision": veenendaal_profile.revision}
    assert admin_client.post(url, _profile_post(contact_name="Eerst opgeslagen") | seen).status_code == 302
    response = editor_a_client.post(url, _profile_post(contact_name="Later opgeslagen") | seen)
    assert response.status_code == 400
    body = response.content.decode()
    assert "Iemand anders heeft dit gegeven gewijzigd" in body and "Later opgeslagen" in body
    veenendaal_profile.refresh_from_db()
    assert veenendaal_profile.contact_name == "Eerst opgeslagen"


def test_it_refuses_the_second_of_two_application_editors_who_opened_the_same_version(
    editor_a_client, admin_client, veenendaal_app
):
    components = list(veenendaal_app.components.all())
    url = f"/gemeenten/GM0345/landschap/{veenendaal_app.pk}/bewerken"
    assert f'name="revision" value="{veenendaal_app.revision}"' in editor_a_client.get(url).content.decode()
    seen = {"revision": veenendaal_app.revision}
    assert admin_client.post(url, _application_post(components, version="7") | seen).status_code == 302
    response = editor_a_client.post(url, _application_post(components, version="8-verloren") | seen)
    assert response.status_code == 400
    body = response.content.decode()
    assert "Iemand anders heeft dit gegeven gewijzigd" in body and "8-verloren" in body
    veenendaal_app.refresh_from_db()
    assert veenendaal_app.version == "7"


def test_it_refuses_an_application_delete_confirmed_on_an_outdated_page(editor_a_client, veenendaal_app):
    url = f"/gemeenten/GM0345/landschap/{veenendaal_app.pk}/verwijderen"
    assert f'name="revision" value="{veenendaal_app.revision}"' in editor_a_client.get(url).content.decode()
    seen = veenendaal_app.revision
    Application.objects.get(pk=veenendaal_app.pk).save()
    response = editor_a_client.post(url, {"revision": seen}, follow=True)
    assert "Iemand anders heeft dit gegeven gewijzigd" in response.content.decode()
    assert Application.objects.filter(pk=veenendaal_app.pk).exists()


def test_the_landscape_is_shown_a_page_at_a_time(veenendaal, editor_a, editor_a_client, monkeypatch):
    """Issue 18: a landscape of 20,000 rows made one page of 10 MB."""
    from goedebuur.profiles import views

    monkeypatch.setattr(views, "APPLICATIONS_PER_PAGE", 2)
    for product in ("Alpha", "Beta", "Gamma"):
        services.upsert_application(veenendaal, application_values(product=product), editor_a)
    first = editor_a_client.get("/gemeenten/GM0345/landschap").content.decode()
    assert "Alpha" in first and "Beta" in first and "Gamma" not in first
    assert "3 applicaties" in first and "Pagina 1 van 2" in first
    second = editor_a_client.get("/gemeenten/GM0345/landschap?page=2").content.decode()
    assert "Gamma" in second and "Alpha" not in second
