# SPDX-License-Identifier: EUPL-1.2
"""The e-mail invitations of an invited municipality on the cooperation page (POST
/samenwerkingen/<slug>/deelnemers/<code>/e-mailuitnodigingen, …/e-mailuitnodigingen/<id>/opnieuw and
…/intrekken): a refusal re-renders the page (400) with what was typed, the error next to the field and
the error summary in the card of that municipality; nothing is sent or saved."""

import pytest

from goedebuur.accounts.models import Invitation

from ..factories import VEENENDAAL
from .conftest import EDE, ede


@pytest.fixture
def cooperation(inviting_ede):
    return inviting_ede


def invite(client, cooperation, email, code=EDE):
    return client.post(
        f"/samenwerkingen/{cooperation.slug}/deelnemers/{code}/e-mailuitnodigingen", {"email": email}
    )


def test_a_bad_address_comes_back_with_what_was_typed_and_the_error_next_to_the_field(
    cooperation, editor_a_client
):
    response = invite(editor_a_client, cooperation, "ict bij ede")
    body = response.content.decode()
    field = f"contact-{ede().pk}-email"
    assert response.status_code == 400 and not Invitation.objects.exists()
    assert 'id="error-summary"' in body
    assert f'<a href="#{field}">E-mailadres: Vul een geldig e-mailadres in.</a>' in body
    assert 'value="ict bij ede"' in body and 'aria-invalid="true"' in body
    assert f'<ul class="errorlist" id="{field}_errors"><li>Vul een geldig e-mailadres in.</li></ul>' in body


def test_an_empty_address_says_what_to_fill_in(cooperation, editor_a_client):
    response = invite(editor_a_client, cooperation, "")
    assert response.status_code == 400 and "Vul een e-mailadres in." in response.content.decode()
    assert not Invitation.objects.exists()


def test_an_address_already_under_way_comes_back_with_the_reason(cooperation, editor_a_client):
    assert invite(editor_a_client, cooperation, "ict@ede.nl").status_code == 302
    response = invite(editor_a_client, cooperation, "ict@ede.nl")
    body = response.content.decode()
    assert response.status_code == 400 and Invitation.objects.count() == 1
    assert "ict@ede.nl is al uitgenodigd; verstuur die uitnodiging opnieuw." in body
    assert 'value="ict@ede.nl"' in body


def test_a_municipality_without_an_open_invitation_gets_a_message_and_nothing_is_sent(
    cooperation, editor_a_client
):
    response = invite(editor_a_client, cooperation, "ict@veenendaal.nl", code=VEENENDAAL)
    assert response.status_code == 302 and not Invitation.objects.exists()
    page = editor_a_client.get(response["Location"]).content.decode()
    assert "Alleen een gemeente met een openstaande uitnodiging" in page


def test_withdrawing_twice_shows_the_refusal_in_the_card(cooperation, editor_a_client):
    assert invite(editor_a_client, cooperation, "ict@ede.nl").status_code == 302
    invitation = Invitation.objects.get()
    url = f"/samenwerkingen/{cooperation.slug}/e-mailuitnodigingen/{invitation.pk}/intrekken"
    assert editor_a_client.post(url).status_code == 302
    response = editor_a_client.post(url)
    body = response.content.decode()
    assert response.status_code == 400
    summary = body.split('id="error-summary"')[1].split("</div>")[0]
    assert "Deze uitnodiging kan niet worden ingetrokken: ingetrokken." in summary
    assert body.index("Ede —") > body.index('id="deelnemerswijzigingen"')


def test_sending_a_withdrawn_invitation_again_is_refused_in_the_card(cooperation, editor_a_client):
    assert invite(editor_a_client, cooperation, "ict@ede.nl").status_code == 302
    invitation = Invitation.objects.get()
    editor_a_client.post(f"/samenwerkingen/{cooperation.slug}/e-mailuitnodigingen/{invitation.pk}/intrekken")
    response = editor_a_client.post(
        f"/samenwerkingen/{cooperation.slug}/e-mailuitnodigingen/{invitation.pk}/opnieuw"
    )
    assert response.status_code == 400
    assert "Deze uitnodiging kan niet opnieuw worden verstuurd" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.WITHDRAWN
