# SPDX-License-Identifier: EUPL-1.2
import pytest

from goedebuur.accounts.models import LoginFailure, RecoveryCode

from ..conftest import CsrfClient
from .conftest import give_factor

pytestmark = pytest.mark.django_db
PASSWORD = "test-wachtwoord-1"


def wrong_code(right):
    return "000000" if right != "000000" else "111111"


def password_step(client, username="editor-a", next_url=None):
    data = {"username": username, "password": PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post("/inloggen", data)


def logged_in(client):
    return "_auth_user_id" in client.session


def test_without_a_factor_the_password_logs_in_at_once(editor_a):
    client = CsrfClient()
    response = password_step(client)
    assert response.status_code == 302 and response["Location"] == "/mijn-overzicht"
    assert logged_in(client)


def test_an_unconfirmed_factor_is_not_asked_for(editor_a_client, editor_a, clock):
    editor_a_client.post("/mijn-account/tweestapsverificatie/instellen")
    client = CsrfClient()
    password_step(client)
    assert logged_in(client)


def test_with_a_factor_the_password_alone_does_not_log_in(editor_a, clock):
    give_factor(editor_a, clock)
    client = CsrfClient()
    response = password_step(client)
    assert response.status_code == 302 and response["Location"] == "/inloggen/code"
    assert not logged_in(client)
    assert "Code invullen" in client.get("/inloggen/code").content.decode()
    assert not logged_in(client)


def test_the_right_code_logs_in_and_respects_next(editor_a, clock):
    factor, _ = give_factor(editor_a, clock)
    client = CsrfClient()
    password_step(client, next_url="/mijn-overzicht")
    response = client.post("/inloggen/code", {"code": clock.code(factor.secret)})
    assert response.status_code == 302 and response["Location"] == "/mijn-overzicht"
    assert logged_in(client) and int(client.session["_auth_user_id"]) == editor_a.pk
    assert "second_factor_pending" not in client.session


def test_a_foreign_next_is_not_followed(editor_a, clock):
    factor, _ = give_factor(editor_a, clock)
    client = CsrfClient()
    password_step(client, next_url="https://evil.example/")
    response = client.post("/inloggen/code", {"code": clock.code(factor.secret)})
    assert response["Location"] == "/mijn-overzicht"


def test_spaces_in_the_code_are_fine(editor_a, clock):
    factor, _ = give_factor(editor_a, clock)
    client = CsrfClient()
    password_step(client)
    code = clock.code(factor.secret)
    client.post("/inloggen/code", {"code": f"{code[:3]} {code[3:]}"})
    assert logged_in(client)


def test_a_wrong_code_is_explained_in_dutch_and_counts_as_a_failed_login(editor_a, clock):
    factor, _ = give_factor(editor_a, clock)
    client = CsrfClient()
    password_step(client)
    response = client.post("/inloggen/code", {"code": wrong_code(clock.code(factor.secret))})
    assert response.status_code == 200
    assert "Deze code klopt niet of is al gebruikt." in response.content.decode()
    assert not logged_in(client)
    assert LoginFailure.objects.filter(username="editor-a").count() == 1


def test_it_refuses_a_code_used_twice(editor_a, clock):
    factor, _ = give_factor(editor_a, clock)
    code = clock.code(factor.secret)
    first = CsrfClient()
    password_step(first)
    first.post("/inloggen/code", {"code": code})
    assert logged_in(first)
    second = CsrfClient()
    password_step(second)
    response = second.post("/inloggen/code", {"code": code})
    assert "al gebruikt" in response.content.decode()
    assert not logged_in(second)


def test_it_refuses_a_code_of_an_earlier_step_once_a_later_one_was_used(editor_a, clock):
    factor, _ = give_factor(editor_a, clock)
    earlier, now = clock.code(factor.secret, -1), clock.code(factor.secret)
    client = CsrfClient()
    password_step(client)
    client.post("/inloggen/code", {"code": now})
    other = CsrfClient()
    password_step(other)
    other.post("/inloggen/code", {"code": earlier})
    assert earlier == now or not logged_in(other)


def test_a_code_from_one_step_ago_is_still_accepted(editor_a, clock):
    factor, _ = give_factor(editor_a, clock)
    clock.advance(30)
    client = CsrfClient()
    password_step(client)
    client.post("/inloggen/code", {"code": clock.code(factor.secret, -1)})
    assert logged_in(client)


def test_the_pending_login_expires_after_five_minutes(editor_a, clock):
    factor, _ = give_factor(editor_a, clock)
    client = CsrfClient()
    password_step(client)
    clock.advance(5 * 60 + 1)
    response = client.post("/inloggen/code", {"code": clock.code(factor.secret)})
    assert response.status_code == 302 and response["Location"] == "/inloggen"
    assert not logged_in(client)
    assert "Uw inlogpoging is verlopen" in client.get("/inloggen").content.decode()


def test_the_code_step_without_a_password_first_sends_back_to_the_login(anonymous_client):
    response = anonymous_client.get("/inloggen/code")
    assert response.status_code == 302 and response["Location"] == "/inloggen"


def test_a_recovery_code_logs_in_once(editor_a, clock):
    _, codes = give_factor(editor_a, clock)
    client = CsrfClient()
    password_step(client)
    response = client.post("/inloggen/code", {"code": codes[0].upper()}, follow=True)
    assert logged_in(client)
    assert "U bent ingelogd met een herstelcode. U hebt nog 9 herstelcodes over." in response.content.decode()
    assert RecoveryCode.objects.filter(used_at__isnull=False).count() == 1
    again = CsrfClient()
    password_step(again)
    assert "klopt niet" in again.post("/inloggen/code", {"code": codes[0]}).content.decode()
    assert not logged_in(again)


def test_wrong_codes_lock_the_account_even_for_the_right_code(editor_a, clock, settings):
    factor, _ = give_factor(editor_a, clock)
    client = CsrfClient()
    password_step(client)
    for _ in range(settings.LOGIN_MAX_FAILURES):
        client.post("/inloggen/code", {"code": wrong_code(clock.code(factor.secret))})
    response = client.post("/inloggen/code", {"code": clock.code(factor.secret)})
    assert "Te veel mislukte pogingen" in response.content.decode()
    assert not logged_in(client)


def test_entering_the_password_again_does_not_reset_the_count_of_wrong_codes(editor_a, clock, settings):
    factor, _ = give_factor(editor_a, clock)
    client = CsrfClient()
    for _ in range(settings.LOGIN_MAX_FAILURES):
        password_step(client)
        client.post("/inloggen/code", {"code": wrong_code(clock.code(factor.secret))})
    assert "Te veel mislukte pogingen" in password_step(client).content.decode()


def test_the_right_code_clears_earlier_failures(editor_a, clock, settings):
    factor, _ = give_factor(editor_a, clock)
    client = CsrfClient()
    password_step(client)
    client.post("/inloggen/code", {"code": wrong_code(clock.code(factor.secret))})
    client.post("/inloggen/code", {"code": clock.code(factor.secret)})
    assert logged_in(client)
    assert not LoginFailure.objects.filter(username="editor-a").exists()


def test_the_code_step_needs_a_csrf_token(editor_a, clock):
    factor, _ = give_factor(editor_a, clock)
    client = CsrfClient()
    password_step(client)
    response = client.post("/inloggen/code", {"code": clock.code(factor.secret)}, HTTP_X_CSRFTOKEN="")
    assert response.status_code == 403
    assert not logged_in(client)
