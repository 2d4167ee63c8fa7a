# SPDX-License-Identifier: EUPL-1.2
"""TOTP_REQUIRED_FOR_STAFF (default off): administrators without a confirmed factor are sent to set it up."""

import pytest

from ..conftest import CsrfClient
from .conftest import give_factor

pytestmark = pytest.mark.django_db
SETUP = "/mijn-account/tweestapsverificatie"


@pytest.fixture
def required(settings):
    settings.TOTP_REQUIRED_FOR_STAFF = True


def test_it_is_off_by_default(admin_client):
    assert admin_client.get("/mijn-overzicht").status_code == 200
    assert admin_client.get("/beheer/").status_code == 200


def test_an_administrator_without_a_factor_is_sent_to_set_it_up(required, admin_client):
    for path in ["/", "/mijn-overzicht", "/beheer/"]:
        response = admin_client.get(path)
        assert response.status_code == 302 and response["Location"] == SETUP
    body = admin_client.get(SETUP).content.decode()
    assert "Als beheerder moet u eerst tweestapsverificatie instellen" in body
    assert admin_client.post("/mijn-account/tweestapsverificatie/instellen").status_code == 302
    assert admin_client.post("/uitloggen").status_code == 302


def test_right_after_the_password_an_administrator_lands_on_the_set_up_page(required, admin_user):
    client = CsrfClient()
    response = client.post("/inloggen", {"username": "admin", "password": "test-wachtwoord-1"}, follow=True)
    assert response.redirect_chain[-1][0] == SETUP


def test_an_administrator_with_a_factor_goes_on_as_usual(required, admin_client, admin_user, clock):
    give_factor(admin_user, clock)
    assert admin_client.get("/beheer/").status_code == 200


def test_editors_are_not_forced(required, editor_a_client):
    assert editor_a_client.get("/mijn-overzicht").status_code == 200
