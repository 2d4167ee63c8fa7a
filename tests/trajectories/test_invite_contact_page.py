# SPDX-License-Identifier: EUPL-1.2
"""The contact form under "Wie is bereikt?" (POST /trajecten/{id}/e-mailuitnodigingen): a refused
address comes back in the card of its municipality with what was typed, the error next to the field
and the error summary; nothing is sent or saved. A good address redirects to the section."""

import pytest

from goedebuur.accounts.models import Invitation

from .factories import make_trajectory, municipality

EDE = "GM0228"


@pytest.fixture
def trajectory(db):
    """Veenendaal (editor-a's municipality) invites Ede, which has no editor on the platform."""
    return make_trajectory(invitees=(EDE,), accept=False)


def post(client, trajectory, email, code=EDE):
    return client.post(
        f"/trajecten/{trajectory.pk}/e-mailuitnodigingen",
        {"municipality": municipality(code).pk, "email": email},
    )


def test_a_bad_address_comes_back_with_what_was_typed_and_the_error_next_to_the_field(
    editor_a_client, trajectory
):
    response = post(editor_a_client, trajectory, "ict bij ede")
    body = response.content.decode()
    field = f"contact-{municipality(EDE).pk}-email"
    assert response.status_code == 400 and not Invitation.objects.exists()
    assert 'id="error-summary"' in body
    assert f'<a href="#{field}">E-mailadres: Vul een geldig e-mailadres in.</a>' in body
    assert f'id="{field}"' in body and 'value="ict bij ede"' in body and 'aria-invalid="true"' in body
    assert f'<ul class="errorlist" id="{field}_errors"><li>Vul een geldig e-mailadres in.</li></ul>' in body


def test_an_address_already_under_way_comes_back_with_the_reason(editor_a_client, trajectory):
    domain = sorted(municipality(EDE).mail_domains)[0]
    assert post(editor_a_client, trajectory, f"ict@{domain}").status_code == 302
    response = post(editor_a_client, trajectory, f"ict@{domain}")
    body = response.content.decode()
    assert response.status_code == 400 and Invitation.objects.count() == 1
    assert f"ict@{domain} is al uitgenodigd; verstuur die uitnodiging opnieuw." in body
    assert f'value="ict@{domain}"' in body


def test_a_municipality_that_is_not_invited_is_refused_at_the_top_of_the_section(editor_a_client, trajectory):
    response = post(editor_a_client, trajectory, "ict@veenendaal.nl", code="GM0345")
    body = response.content.decode()
    assert response.status_code == 400 and not Invitation.objects.exists()
    summary = body.split('id="error-summary"')[1].split("</div>")[0]
    assert "Alleen een gemeente met een openstaande uitnodiging kan per e-mail worden bereikt." in summary
    assert body.index('id="bereik"') < body.index('id="error-summary"')


def test_a_good_address_is_invited_and_the_page_redirects_to_the_section(editor_a_client, trajectory):
    domain = sorted(municipality(EDE).mail_domains)[0]
    response = post(editor_a_client, trajectory, f"ict@{domain}")
    assert response.status_code == 302 and response["Location"].endswith("#bereik")
    assert Invitation.objects.get().email == f"ict@{domain}"
