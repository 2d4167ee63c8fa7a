# SPDX-License-Identifier: EUPL-1.2
"""The block "Wachten op instemming" on a cooperation page, its accept and decline buttons
(POST with CSRF), and the invitations on /mijn-overzicht."""

import pytest

from goedebuur.cooperations import services
from goedebuur.cooperations.models import Membership
from goedebuur.municipalities.models import Municipality

from ..conftest import _client_for
from ..factories import RENSWOUDE, RHENEN, UTRECHT, VEENENDAAL, make_cooperation, make_user


@pytest.fixture
def editor_rhenen(db):
    return make_user(RHENEN, username="editor-rhenen")


@pytest.fixture
def invited(editor_rhenen):
    """Rhenen and Veenendaal are members; Rhenen's editor has invited Utrecht."""
    cooperation = make_cooperation(user=None, members=(RHENEN, VEENENDAAL), name="ICT Rhenen-Veenendaal")
    values = services.input_from(cooperation)
    values.members.append(services.MemberInput(Municipality.objects.get(code=UTRECHT)))
    services.save_cooperation(values, editor_rhenen, instance=cooperation)
    return cooperation


def _url(cooperation, answer, code=UTRECHT):
    return f"/samenwerkingen/{cooperation.slug}/deelnemers/{code}/{answer}"


def _members(cooperation):
    return sorted(
        Membership.objects.filter(cooperation=cooperation).values_list("municipality__code", flat=True)
    )


def test_each_persona_sees_the_buttons_it_may_use(
    invited, editor_rhenen, editor_a_client, editor_b_client, anonymous_client, admin_client
):
    utrecht = editor_b_client.get(invited.get_absolute_url()).content.decode()
    assert "Utrecht is uitgenodigd" in utrecht and "Uitnodiging aannemen" in utrecht
    assert "Wacht op: Utrecht, Veenendaal." in utrecht
    veenendaal = editor_a_client.get(invited.get_absolute_url()).content.decode()
    assert "Instemmen" in veenendaal and "Uitnodiging aannemen" not in veenendaal
    rhenen = _client_for(editor_rhenen).get(invited.get_absolute_url()).content.decode()
    assert "Intrekken" in rhenen and "Instemmen" not in rhenen
    public = anonymous_client.get(invited.get_absolute_url()).content.decode()
    assert (
        "Utrecht is uitgenodigd" in public
        and "<form" not in public.split("Wachten op instemming")[1].split("</section>")[0]
    )
    assert "Doorvoeren (beheerder)" in admin_client.get(invited.get_absolute_url()).content.decode()


def test_the_member_table_lists_only_members(invited, anonymous_client):
    page = anonymous_client.get(invited.get_absolute_url()).content.decode()
    table = page.split("<tbody>")[1].split("</tbody>")[0]
    assert "Veenendaal" in table and "Utrecht" not in table


def test_utrecht_accepts_and_joins_after_veenendaal_agrees(invited, editor_b_client, editor_a_client):
    response = editor_b_client.post(_url(invited, "accepteren"))
    assert response.status_code == 302 and response["Location"].endswith("#deelnemerswijzigingen")
    page = editor_b_client.get(response["Location"]).content.decode()
    assert "De wijziging wacht nog op: Veenendaal." in page
    assert _members(invited) == [RHENEN, VEENENDAAL]
    editor_a_client.post(_url(invited, "accepteren"))
    assert _members(invited) == [RHENEN, UTRECHT, VEENENDAAL]
    assert "Utrecht neemt nu deel." in editor_a_client.get(invited.get_absolute_url()).content.decode()


def test_a_decline_shows_a_message_and_changes_nothing(invited, editor_b_client):
    response = editor_b_client.post(_url(invited, "weigeren"), follow=True)
    assert "De wijziging is afgewezen" in response.content.decode()
    assert _members(invited) == [RHENEN, VEENENDAAL] and not services.open_member_changes(invited).exists()
    again = editor_b_client.post(_url(invited, "accepteren"), follow=True).content.decode()
    assert "geen uitnodiging of voorstel open" in again


def test_the_buttons_need_post_csrf_and_a_say(invited, editor_b, reader_a_client, anonymous_client):
    from django.test import Client

    no_csrf = Client(enforce_csrf_checks=True)
    no_csrf.force_login(editor_b)
    assert no_csrf.post(_url(invited, "accepteren")).status_code == 403
    assert _client_for(editor_b).get(_url(invited, "accepteren")).status_code == 405
    assert reader_a_client.post(_url(invited, "accepteren")).status_code == 403
    outsider = _client_for(make_user(RENSWOUDE, username="editor-renswoude"))
    assert outsider.post(_url(invited, "accepteren")).status_code == 403
    assert anonymous_client.post(_url(invited, "accepteren")).status_code == 302
    assert _client_for(editor_b).post(_url(invited, "accepteren", code="GM9999")).status_code == 404
    assert _members(invited) == [RHENEN, VEENENDAAL]


def test_an_editor_creating_an_entry_is_told_the_others_are_invited(editor_a_client):
    from .test_views import _form_data

    response = editor_a_client.post("/samenwerkingen/nieuw", _form_data(), follow=True)
    page = response.content.decode()
    assert "zij nemen deel zodra een redacteur de uitnodiging aanneemt" in page
    assert "Renswoude is uitgenodigd" in page


def test_the_dashboard_lists_what_waits_for_the_municipality(
    invited, editor_b_client, editor_a_client, reader_a_client
):
    utrecht = editor_b_client.get("/mijn-overzicht").content.decode()
    assert "Uitnodiging: ICT Rhenen-Veenendaal" in utrecht
    assert f"{invited.get_absolute_url()}#deelnemerswijzigingen" in utrecht
    veenendaal = editor_a_client.get("/mijn-overzicht").content.decode()
    assert "ICT Rhenen-Veenendaal: Utrecht toevoegen?" in veenendaal
    assert (
        "Samenwerkingen: uw instemming gevraagd"
        not in reader_a_client.get("/mijn-overzicht").content.decode()
    )
