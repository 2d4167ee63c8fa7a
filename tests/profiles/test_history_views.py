# SPDX-License-Identifier: EUPL-1.2
"""History and restore of ICT profiles and applications: /gemeenten/<code>/profiel/geschiedenis and
/gemeenten/<code>/landschap/<id>/geschiedenis, with restore for the municipality's editors."""

import pytest

from goedebuur.history.models import ChangeRecord
from goedebuur.profiles import services
from goedebuur.profiles.models import Application

from .conftest import application_values

PROFILE_HISTORY = "/gemeenten/GM0345/profiel/geschiedenis"


@pytest.fixture
def changed_profile(veenendaal, editor_a):
    profile = services.profile_for(veenendaal)
    profile.contact_name, profile.ict_spend_eur, profile.ict_spend_year = "Eerste contact", 1000, 2025
    services.save_profile(profile, editor_a)
    profile.contact_name = "Tweede contact"
    return services.save_profile(profile, editor_a)


def _first(model, object_id):
    return ChangeRecord.objects.filter(model=model, object_id=str(object_id)).order_by("at", "id").first()


def test_it_restores_an_earlier_profile_version_and_records_the_restore(
    editor_a_client, editor_a, changed_profile
):
    page = editor_a_client.get(PROFILE_HISTORY).content.decode()
    assert "Tweede contact" in page and "Deze versie herstellen" in page
    first = _first("profiles.profile", changed_profile.pk)
    response = editor_a_client.post(f"{PROFILE_HISTORY}/{first.pk}/herstellen")
    assert response.status_code == 302
    changed_profile.refresh_from_db()
    assert changed_profile.contact_name == "Eerste contact"
    latest = ChangeRecord.objects.filter(model="profiles.profile", object_id=str(changed_profile.pk)).first()
    assert latest.action == "restore" and latest.user == editor_a


def test_it_links_the_profile_history_from_the_profile(editor_a_client, changed_profile):
    assert PROFILE_HISTORY in editor_a_client.get("/gemeenten/GM0345/profiel").content.decode()


def test_a_restore_makes_an_edit_form_opened_before_it_outdated(editor_a_client, changed_profile):
    seen = changed_profile.revision
    first = _first("profiles.profile", changed_profile.pk)
    editor_a_client.post(f"{PROFILE_HISTORY}/{first.pk}/herstellen")
    changed_profile.refresh_from_db()
    assert changed_profile.revision == seen + 1


def test_a_reader_sees_the_profile_history_without_restore_buttons(reader_a_client, changed_profile):
    response = reader_a_client.get(PROFILE_HISTORY)
    assert response.status_code == 200
    assert "Deze versie herstellen" not in response.content.decode()


@pytest.mark.parametrize(
    ("client_name", "status"),
    [("reader_a_client", 403), ("editor_b_client", 403), ("anonymous_client", 302)],
)
def test_it_forbids_other_personas_to_restore_a_profile(request, client_name, status, changed_profile):
    first = _first("profiles.profile", changed_profile.pk)
    response = request.getfixturevalue(client_name).post(f"{PROFILE_HISTORY}/{first.pk}/herstellen")
    assert response.status_code == status
    changed_profile.refresh_from_db()
    assert changed_profile.contact_name == "Tweede contact"


def test_another_municipality_does_not_see_the_history_with_its_costs(editor_b_client, changed_profile):
    assert editor_b_client.get(PROFILE_HISTORY).status_code == 404


def test_anonymous_visitors_get_the_login_prompt_for_a_history(anonymous_client, changed_profile):
    response = anonymous_client.get(PROFILE_HISTORY)
    assert "Tweede contact" not in response.content.decode()


@pytest.fixture
def changed_app(veenendaal, editor_a, veenendaal_app):
    return services.save_application(
        veenendaal, veenendaal_app, application_values(version="9.0", contract=None), editor_a
    )


def test_it_restores_an_earlier_application_version_with_its_contract(editor_a_client, editor_a, changed_app):
    url = f"/gemeenten/GM0345/landschap/{changed_app.pk}/geschiedenis"
    assert url in editor_a_client.get("/gemeenten/GM0345/landschap").content.decode()
    assert "9.0" in editor_a_client.get(url).content.decode()
    first = _first("profiles.application", changed_app.pk)
    assert editor_a_client.post(f"{url}/{first.pk}/herstellen").status_code == 302
    restored = Application.objects.select_related("contract").get(pk=changed_app.pk)
    assert restored.version == "5.1" and restored.contract.yearly_cost_eur == 48123
    latest = ChangeRecord.objects.filter(model="profiles.application", object_id=str(changed_app.pk)).first()
    assert latest.action == "restore" and latest.user == editor_a


def test_it_brings_a_deleted_application_back_with_its_id(editor_a_client, editor_a, veenendaal_app):
    pk = veenendaal_app.pk
    services.delete_application(veenendaal_app, editor_a)
    url = f"/gemeenten/GM0345/landschap/{pk}/geschiedenis"
    page = editor_a_client.get(url).content.decode()
    assert "Deze applicatie is verwijderd" in page
    first = _first("profiles.application", pk)
    assert editor_a_client.post(f"{url}/{first.pk}/herstellen").status_code == 302
    assert Application.objects.get(pk=pk).product.name == "Key2Zaken"


@pytest.mark.parametrize(
    ("client_name", "status"),
    [("reader_a_client", 403), ("editor_b_client", 403), ("anonymous_client", 302)],
)
def test_it_forbids_other_personas_to_restore_an_application(request, client_name, status, changed_app):
    first = _first("profiles.application", changed_app.pk)
    url = f"/gemeenten/GM0345/landschap/{changed_app.pk}/geschiedenis/{first.pk}/herstellen"
    assert request.getfixturevalue(client_name).post(url).status_code == status
    changed_app.refresh_from_db()
    assert changed_app.version == "9.0"


def test_the_history_of_an_application_is_not_found_under_another_municipality(admin_client, changed_app):
    assert admin_client.get(f"/gemeenten/GM0344/landschap/{changed_app.pk}/geschiedenis").status_code == 404
