# SPDX-License-Identifier: EUPL-1.2
"""The detail, edit and delete pages of an entry from the GR-register: the register's data read-only
with its source, versions, former municipalities and other participants; members add roles, domains,
services, contact, description and sources; deleting is refused."""

import pytest

from goedebuur.cooperations import services
from goedebuur.cooperations.models import Cooperation, IctDomain, PolicyDomain

from ..factories import RENSWOUDE, RHENEN, VEENENDAAL, load_register

pytestmark = pytest.mark.django_db


@pytest.fixture
def vallei(tmp_path):
    load_register(tmp_path)
    return Cooperation.objects.get(roo_id="101")


def page(client, cooperation, suffix=""):
    response = client.get(cooperation.get_absolute_url() + suffix)
    assert response.status_code == 200
    return response.content.decode()


def edit_data(cooperation, **changes):
    """The edit form of a register entry as the page fills it in, with `changes`."""
    data = {
        "revision": cooperation.revision,
        "description": "",
        "domains": [d.pk for d in cooperation.domains.all()],
        "policy_domains": [d.pk for d in cooperation.policy_domains.all()],
        "shared_services": "",
        "contact": "",
        "sources": "",
    }
    for membership in cooperation.memberships.select_related("municipality"):
        data[f"role_{membership.municipality.code}"] = membership.role
    return data | changes


# --- detail ----------------------------------------------------------------------------------


def test_it_shows_the_register_block_with_its_source_line(anonymous_client, vallei):
    body = page(anonymous_client, vallei)
    assert "Uit het GR-register" in body
    assert "Bron: Register van Overheidsorganisaties (KOOP), peildatum 16 mei 2026" in body
    assert "Uitvoering van taken op het gebied van ICT en bedrijfsvoering." in body  # the purpose
    assert "https://organisaties.overheid.nl/101/x" in body  # the ROO link
    assert "https://zoek.officielebekendmakingen.nl/gmb-101.html" in body  # a founding decision
    assert "<code>101</code>" in body  # systeemId
    assert "Regeling uit het GR-register" in body


def test_it_shows_the_versions_with_who_joined_and_left(anonymous_client, vallei):
    body = page(anonymous_client, vallei)
    assert "Versies in het GR-register" in body
    assert "toegetreden: Gemeente GM0339" in body
    assert "uitgetreden: Gemeente GM0340" in body
    assert "was: Gemeenschappelijke regeling ICT Vallei" in body
    rows = [row.version.roo_id for row in services.register_history(vallei)]
    assert rows == ["101", "100"]  # newest first


def test_it_shows_former_municipalities_and_other_participants(anonymous_client, vallei):
    body = page(anonymous_client, vallei)
    assert "Voorne aan Zee" in body and "voorheen: Brielle, Westvoorne" in body
    assert "Overige deelnemers" in body and "Provincie Utrecht" in body
    assert "Eerdere deelnemers" in body and "uitgetreden 1 juli 2024" in body  # Rhenen


def test_it_marks_derived_domains_with_their_evidence_until_confirmed(editor_a_client, vallei):
    body = page(editor_a_client, vallei)
    assert "afgeleid" in body and "Afgeleid uit:" in body
    assert "titel “ICT”; doel “ICT”; beleidsterrein “organisatie en bedrijfsvoering" in body
    editor_a_client.post(f"{vallei.get_absolute_url()}/bewerken", edit_data(vallei))
    body = page(editor_a_client, vallei)
    assert "Afgeleid uit:" not in body and "tag-derived" not in body


def test_a_platform_entry_shows_no_register_block(anonymous_client, editor_a):
    from ..factories import make_cooperation

    cooperation = make_cooperation(user=editor_a, name="Eigen samenwerking")
    body = page(anonymous_client, cooperation)
    assert "Uit het GR-register" not in body and "Versies in het GR-register" not in body
    assert "Toegevoegd op Goede Buur" in body


@pytest.mark.parametrize(
    "persona, edit, delete",
    [
        ("anonymous_client", False, False),
        ("reader_a_client", False, False),
        ("editor_b_client", False, False),  # Utrecht takes no part
        ("editor_a_client", True, False),  # Veenendaal takes part, but cannot delete a regeling
        ("admin_client", True, True),
    ],
)
def test_it_offers_edit_and_delete_by_persona(request, vallei, persona, edit, delete):
    body = page(request.getfixturevalue(persona), vallei)
    assert (f"{vallei.get_absolute_url()}/bewerken" in body) == edit
    assert (f"{vallei.get_absolute_url()}/verwijderen" in body) == delete


# --- edit ------------------------------------------------------------------------------------


def test_the_edit_page_shows_the_register_data_read_only(editor_a_client, vallei):
    body = page(editor_a_client, vallei, "/bewerken")
    assert "Uit het GR-register" in body and "Rol van elke deelnemer" in body
    assert 'name="name"' not in body and 'name="status"' not in body and "leden-TOTAL_FORMS" not in body
    assert f'name="role_{VEENENDAAL}"' in body and 'name="shared_services"' in body


def test_an_editor_adds_what_the_register_does_not_hold(editor_a_client, vallei):
    werkplek = IctDomain.objects.get(slug="werkplek")
    afval = PolicyDomain.objects.get(slug="afval")
    data = edit_data(
        vallei,
        domains=[werkplek.pk],
        policy_domains=[afval.pk],
        shared_services="Servicedesk",
        contact="ict@vallei.example",
        description="Samen beheer",
        sources="https://example.org/vallei",
        **{f"role_{VEENENDAAL}": "gastheer", f"role_{RENSWOUDE}": "afnemer"},
    )
    response = editor_a_client.post(f"{vallei.get_absolute_url()}/bewerken", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    vallei.refresh_from_db()
    assert list(vallei.domains.values_list("slug", flat=True)) == ["werkplek"]
    assert list(vallei.policy_domains.values_list("slug", flat=True)) == ["afval"]
    assert (vallei.shared_services, vallei.contact, vallei.description) == (
        "Servicedesk",
        "ict@vallei.example",
        "Samen beheer",
    )
    assert vallei.domains_confirmed
    roles = dict(vallei.memberships.values_list("municipality__code", "role"))
    assert roles[VEENENDAAL] == "gastheer" and roles[RENSWOUDE] == "afnemer"
    assert vallei.sources.get().url == "https://example.org/vallei"


def test_the_edit_page_ignores_official_fields_sent_with_it(editor_a_client, vallei):
    before = (vallei.name, vallei.status, vallei.start_date, vallei.form_id)
    memberships = sorted(vallei.memberships.values_list("municipality__code", "joined_on", "left_on"))
    data = edit_data(
        vallei,
        name="Andere naam",
        status="beeindigd",
        start_date="1999-01-01",
        **{"leden-TOTAL_FORMS": "1", "leden-0-municipality": "1", "leden-0-left_on": "2020-01-01"},
    )
    assert editor_a_client.post(f"{vallei.get_absolute_url()}/bewerken", data).status_code == 302
    vallei.refresh_from_db()
    assert (vallei.name, vallei.status, vallei.start_date, vallei.form_id) == before
    assert sorted(vallei.memberships.values_list("municipality__code", "joined_on", "left_on")) == memberships


def test_the_edit_page_refuses_a_bad_value_and_saves_nothing(editor_a_client, vallei):
    data = edit_data(vallei, contact="x" * 301, **{f"role_{VEENENDAAL}": "koning"})
    response = editor_a_client.post(f"{vallei.get_absolute_url()}/bewerken", data)
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"contact", f"role_{VEENENDAAL}"}
    vallei.refresh_from_db()
    assert vallei.contact == "" and not vallei.domains_confirmed


def test_only_editors_of_a_current_member_may_edit(editor_b_client, anonymous_client, vallei, tmp_path):
    url = f"{vallei.get_absolute_url()}/bewerken"
    assert editor_b_client.get(url).status_code == 403
    assert editor_b_client.post(url, edit_data(vallei, contact="Gekaapt")).status_code == 403
    assert anonymous_client.get(url).status_code == 302
    vallei.refresh_from_db()
    assert vallei.contact == ""


def test_an_editor_of_a_former_member_may_not_edit(vallei):
    from ..conftest import _client_for
    from ..factories import make_user

    client = _client_for(make_user(RHENEN))
    assert client.get(f"{vallei.get_absolute_url()}/bewerken").status_code == 403


# --- delete ----------------------------------------------------------------------------------


def test_deleting_a_regeling_is_refused_to_editors(editor_a_client, vallei):
    url = f"{vallei.get_absolute_url()}/verwijderen"
    assert editor_a_client.get(url).status_code == 403
    assert editor_a_client.post(url, {"revision": vallei.revision}).status_code == 403
    vallei.refresh_from_db()
    assert vallei.deleted_at is None


def test_the_new_entry_form_takes_policy_domains_services_and_contact(editor_a_client):
    from .test_views import _form_data

    data = _form_data() | {
        "policy_domains": [PolicyDomain.objects.get(slug="belastingen").pk],
        "shared_services": "Gezamenlijke WOZ-taxatie",
        "contact": "Team belastingen",
    }
    response = editor_a_client.post("/samenwerkingen/nieuw", data)
    assert response.status_code == 302
    cooperation = Cooperation.objects.get()
    assert list(cooperation.policy_domains.values_list("slug", flat=True)) == ["belastingen"]
    assert (cooperation.shared_services, cooperation.contact) == (
        "Gezamenlijke WOZ-taxatie",
        "Team belastingen",
    )
    body = editor_a_client.get(cooperation.get_absolute_url()).content.decode()
    assert "Gezamenlijke WOZ-taxatie" in body and "Team belastingen" in body and "Belastingen en WOZ" in body
