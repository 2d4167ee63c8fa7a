# SPDX-License-Identifier: EUPL-1.2
from datetime import timedelta

import pytest
from django.contrib.auth import forms as auth_forms
from django.db.models import F
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


def _age_failures(seconds):
    LoginFailure.objects.update(at=F("at") - timedelta(seconds=seconds))


def test_one_address_trying_many_user_names_is_slowed_down_not_locked(piet, settings):
    """A town hall behind one address (NAT) is never locked out as a whole (issue 18, item 9)."""
    settings.LOGIN_SLOWDOWN_PER_IP = 3
    for name in ["a", "b", "c"]:
        login("fout", username=name, REMOTE_ADDR="192.0.2.7")
    refused = login(PASSWORD, REMOTE_ADDR="192.0.2.7").content.decode()
    assert "Te veel mislukte pogingen vanaf dit netwerk. Wacht 1 seconde en probeer het opnieuw." in refused
    assert login(PASSWORD, REMOTE_ADDR="192.0.2.8").status_code == 302  # another address: as usual
    _age_failures(1)
    assert login(PASSWORD, REMOTE_ADDR="192.0.2.7").status_code == 302  # a second later: logged in


def _failures_from(address, count):
    for number in range(count):
        LoginFailure.objects.create(username=f"n{number}", ip_address=address, at=timezone.now())


@pytest.mark.parametrize(
    "failures, wait",
    [(3, "1 seconde"), (4, "2 seconden"), (5, "4 seconden"), (9, "60 seconden"), (40, "60 seconden")],
)
def test_each_failure_of_an_address_doubles_its_wait_up_to_a_minute(piet, settings, failures, wait):
    settings.LOGIN_SLOWDOWN_PER_IP = 3
    _failures_from("192.0.2.7", failures)
    assert f"Wacht {wait} en probeer" in login(PASSWORD, REMOTE_ADDR="192.0.2.7").content.decode()


def test_a_slowed_down_address_is_not_locked_for_the_window(piet, settings):
    settings.LOGIN_SLOWDOWN_PER_IP = 3
    _failures_from("192.0.2.7", 40)
    _age_failures(61)
    assert login(PASSWORD, REMOTE_ADDR="192.0.2.7").status_code == 302


def test_parallel_guesses_get_no_more_than_the_limit(piet, settings, monkeypatch):
    """Eight wrong passwords for one user name sent at once, in the worst order: each request reaches
    the password check before any of the others has failed (the first check sends the others, so the
    order is the same every run and on every database). At most LOGIN_MAX_FAILURES are checked."""
    checked, answers = [], []
    original = auth_forms.authenticate

    def authenticate_while_the_others_arrive(*args, **kwargs):
        checked.append(kwargs["username"])
        while len(answers) < 7:  # the others are sent while this one is being checked
            slot = len(answers)
            answers.append("")
            answers[slot] = login("fout").content.decode()
        return original(*args, **kwargs)

    monkeypatch.setattr(auth_forms, "authenticate", authenticate_while_the_others_arrive)
    answers.append(login("fout").content.decode())
    assert len(answers) == 8
    assert 1 <= len(checked) <= settings.LOGIN_MAX_FAILURES
    assert sum("klopt niet" in answer for answer in answers) == len(checked)
    assert LoginFailure.objects.filter(username="piet").count() == len(checked)


def test_behind_a_trusted_proxy_the_forwarded_address_counts_and_forged_entries_do_not(piet, settings):
    settings.LOGIN_SLOWDOWN_PER_IP = 2
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
