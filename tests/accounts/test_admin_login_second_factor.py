# SPDX-License-Identifier: EUPL-1.2
"""The Django admin's login (/beheer/login/) may not be a way around the second factor."""

import pytest

from ..conftest import CsrfClient
from .conftest import give_factor

pytestmark = pytest.mark.django_db
PASSWORD = "test-wachtwoord-1"


def logged_in(client):
    return "_auth_user_id" in client.session


def test_the_admin_login_does_not_log_in_with_the_password_alone(admin_user, clock):
    give_factor(admin_user, clock)
    client = CsrfClient()
    response = client.post("/beheer/login/", {"username": "admin", "password": PASSWORD, "next": "/beheer/"})
    assert response.status_code == 302 and response["Location"] == "/inloggen/code"
    assert not logged_in(client)
    assert client.get("/beheer/").status_code == 302  # still not in


def test_after_the_code_the_admin_opens(admin_user, clock):
    factor, _ = give_factor(admin_user, clock)
    client = CsrfClient()
    client.post("/beheer/login/", {"username": "admin", "password": PASSWORD, "next": "/beheer/"})
    response = client.post("/inloggen/code", {"code": clock.code(factor.secret)})
    assert response["Location"] == "/beheer/"
    assert client.get("/beheer/").status_code == 200


def test_a_wrong_admin_password_is_still_refused_on_the_admin_page(admin_user, clock):
    give_factor(admin_user, clock)
    client = CsrfClient()
    response = client.post("/beheer/login/", {"username": "admin", "password": "fout"})
    assert response.status_code == 200 and not logged_in(client)
    assert "second_factor_pending" not in client.session


def test_an_administrator_without_a_factor_logs_in_to_the_admin_as_before(admin_user):
    client = CsrfClient()
    response = client.post("/beheer/login/", {"username": "admin", "password": PASSWORD, "next": "/beheer/"})
    assert response.status_code == 302 and response["Location"] == "/beheer/"
    assert logged_in(client)


def test_the_admin_login_form_itself_refuses_a_user_with_a_factor(admin_user, clock, rf):
    """Even used without accounts.views.admin_login, AdminLoginForm never lets the password alone pass."""
    from django.contrib.sessions.backends.db import SessionStore

    from goedebuur.accounts.forms import AdminLoginForm

    give_factor(admin_user, clock)
    request = rf.post("/beheer/login/", {"username": "admin", "password": PASSWORD})
    request.session = SessionStore()
    form = AdminLoginForm(request, data={"username": "admin", "password": PASSWORD})
    assert not form.is_valid()
    assert "authenticator-app" in str(form.non_field_errors())


def test_an_administrator_can_remove_a_lost_factor_in_the_admin_without_seeing_the_secret(
    admin_client, editor_a, clock
):
    factor, _ = give_factor(editor_a, clock)
    listing = admin_client.get("/beheer/accounts/secondfactor/")
    assert listing.status_code == 200 and "editor-a" in listing.content.decode()
    detail = admin_client.get(f"/beheer/accounts/secondfactor/{factor.pk}/change/").content.decode()
    assert factor.secret not in detail
    admin_client.post(f"/beheer/accounts/secondfactor/{factor.pk}/delete/", {"post": "yes"})
    assert not type(factor).objects.exists()
