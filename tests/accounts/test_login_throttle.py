# SPDX-License-Identifier: EUPL-1.2
from datetime import timedelta

import pytest
from django.utils import timezone

from goedebuur.accounts.models import LoginFailure

from ..conftest import CsrfClient
from ..factories import VEENENDAAL, make_user

PASSWORD = "een-lang-wachtwoord"


@pytest.fixture
def piet(db):
    return make_user(VEENENDAAL, username="piet", password=PASSWORD)


def login(password, username="piet", **extra):
    return CsrfClient().post("/inloggen", {"username": username, "password": password}, **extra)


def test_five_failures_lock_the_user_name_even_for_the_right_password(piet, settings):
    for _ in range(settings.LOGIN_MAX_FAILURES):
        assert "klopt niet" in login("fout").content.decode()
    response = login(PASSWORD)
    assert response.status_code == 200
    assert "Te veel mislukte pogingen. Probeer het over 15 minuten opnieuw." in response.content.decode()
    assert "_auth_user_id" not in response.client.session


def test_the_lock_ends_when_the_window_has_passed(piet, settings):
    for _ in range(settings.LOGIN_MAX_FAILURES):
        login("fout")
    LoginFailure.objects.update(at=timezone.now() - timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES + 1))
    assert login(PASSWORD).status_code == 302


def test_a_successful_login_clears_earlier_failures(piet, settings):
    for _ in range(settings.LOGIN_MAX_FAILURES - 1):
        login("fout")
    assert login(PASSWORD).status_code == 302
    assert not LoginFailure.objects.filter(username="piet").exists()


def test_one_address_trying_many_user_names_is_locked(piet, settings):
    settings.LOGIN_MAX_FAILURES_PER_IP = 3
    for name in ["a", "b", "c"]:
        login("fout", username=name, REMOTE_ADDR="192.0.2.7")
    assert "Te veel mislukte pogingen" in login(PASSWORD, REMOTE_ADDR="192.0.2.7").content.decode()
    assert login(PASSWORD, REMOTE_ADDR="192.0.2.8").status_code == 302


def test_behind_a_trusted_proxy_the_forwarded_address_counts_and_forged_entries_do_not(piet, settings):
    settings.LOGIN_MAX_FAILURES_PER_IP = 2
    settings.TRUSTED_PROXIES = 1
    for forged in ["10.0.0.1", "10.0.0.2"]:
        login("fout", username="x", HTTP_X_FORWARDED_FOR=f"{forged}, 198.51.100.4")
    assert LoginFailure.objects.filter(ip_address="198.51.100.4").count() == 2
    assert "Te veel" in login(PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.4").content.decode()


def test_the_admin_login_is_throttled_too(db, settings):
    make_user(None, admin=True, username="baas", password=PASSWORD)
    client = CsrfClient()
    for _ in range(settings.LOGIN_MAX_FAILURES):
        client.post("/beheer/login/", {"username": "baas", "password": "fout"})
    response = client.post("/beheer/login/", {"username": "baas", "password": PASSWORD})
    assert "Te veel mislukte pogingen" in response.content.decode()
