# SPDX-License-Identifier: EUPL-1.2
import re

import pytest
from django.test import Client

from goedebuur.accounts import second_factor
from goedebuur.accounts.models import LoginFailure, RecoveryCode, SecondFactor

from .conftest import give_factor

pytestmark = pytest.mark.django_db
PAGE = "/mijn-account/tweestapsverificatie"


def shown_secret(body):
    return re.search(r'<code class="token-key totp-secret">([A-Z2-7 ]+)</code>', body).group(1)


def shown_codes(body):
    return re.findall(r"<li><code>([a-z0-9]{5}-[a-z0-9]{5})</code></li>", body)


def test_it_shows_that_it_is_off_and_offers_to_set_it_up(editor_a_client):
    body = editor_a_client.get(PAGE).content.decode()
    assert "Tweestapsverificatie staat uit." in body
    assert "Tweestapsverificatie instellen" in body


def test_it_sets_up_shows_the_secret_in_groups_and_the_uri(editor_a_client, editor_a, clock):
    response = editor_a_client.post(PAGE + "/instellen")
    assert response.status_code == 302
    body = editor_a_client.get(PAGE).content.decode()
    factor = SecondFactor.objects.get(user=editor_a)
    assert not factor.confirmed
    assert shown_secret(body) == second_factor.grouped(factor.secret)
    assert len(shown_secret(body).split(" ")[0]) == 4
    assert "otpauth://totp/Goede%20Buur:editor-a?secret=" + factor.secret in body
    assert "nog niet bevestigd" in body


def test_it_confirms_with_a_first_code_and_shows_the_recovery_codes_once(editor_a_client, editor_a, clock):
    editor_a_client.post(PAGE + "/instellen")
    factor = SecondFactor.objects.get(user=editor_a)
    response = editor_a_client.post(PAGE + "/bevestigen", {"code": clock.code(factor.secret)})
    body = response.content.decode()
    assert response.status_code == 200
    codes = shown_codes(body)
    assert len(codes) == 10
    factor.refresh_from_db()
    assert factor.confirmed and factor.last_t == int(clock.now // 30)
    stored = set(RecoveryCode.objects.filter(factor=factor).values_list("code_hash", flat=True))
    assert stored == {second_factor.hash_recovery_code(code) for code in codes}  # only hashes are stored
    again = editor_a_client.get(PAGE).content.decode()
    assert "Tweestapsverificatie staat aan." in again and "10 ongebruikte herstelcodes" in again
    assert not any(code in again for code in codes)
    assert factor.secret not in again


def test_a_wrong_first_code_is_explained_and_nothing_is_confirmed(editor_a_client, editor_a, clock):
    editor_a_client.post(PAGE + "/instellen")
    factor = SecondFactor.objects.get(user=editor_a)
    wrong = "000000" if clock.code(factor.secret) != "000000" else "111111"
    body = editor_a_client.post(PAGE + "/bevestigen", {"code": wrong}).content.decode()
    assert "Deze code klopt niet." in body
    assert "Er is iets niet goed ingevuld" in body
    factor.refresh_from_db()
    assert not factor.confirmed
    assert not RecoveryCode.objects.exists()


def test_letters_in_the_first_code_are_refused(editor_a_client, editor_a, clock):
    editor_a_client.post(PAGE + "/instellen")
    assert (
        "Deze code klopt niet."
        in editor_a_client.post(PAGE + "/bevestigen", {"code": "abc123"}).content.decode()
    )
    assert not SecondFactor.objects.get(user=editor_a).confirmed


def test_starting_again_gives_a_new_secret(editor_a_client, editor_a, clock):
    editor_a_client.post(PAGE + "/instellen")
    first = SecondFactor.objects.get(user=editor_a).secret
    editor_a_client.post(PAGE + "/instellen")
    assert SecondFactor.objects.get(user=editor_a).secret != first


def test_starting_again_leaves_a_confirmed_factor_alone(editor_a_client, editor_a, clock):
    factor, _ = give_factor(editor_a, clock)
    response = editor_a_client.post(PAGE + "/instellen", follow=True)
    assert "staat al aan" in response.content.decode()
    assert SecondFactor.objects.get(user=editor_a).secret == factor.secret


def test_it_switches_off_with_a_current_code(editor_a_client, editor_a, clock):
    factor, _ = give_factor(editor_a, clock)
    response = editor_a_client.post(PAGE + "/uitzetten", {"uitzetten-proof": clock.code(factor.secret)})
    assert response.status_code == 302
    assert not SecondFactor.objects.exists() and not RecoveryCode.objects.exists()


def test_it_switches_off_with_the_password(editor_a_client, editor_a, clock):
    give_factor(editor_a, clock)
    editor_a_client.post(PAGE + "/uitzetten", {"uitzetten-proof": "test-wachtwoord-1"})
    assert not SecondFactor.objects.exists()


def test_it_refuses_to_switch_off_without_a_right_code_or_password(editor_a_client, editor_a, clock):
    give_factor(editor_a, clock)
    body = editor_a_client.post(PAGE + "/uitzetten", {"uitzetten-proof": "fout"}).content.decode()
    assert "Deze code of dit wachtwoord klopt niet." in body
    assert SecondFactor.objects.filter(confirmed=True).exists()
    assert LoginFailure.objects.filter(username="editor-a").count() == 1  # counted by the throttle


def test_it_renews_the_recovery_codes_and_the_old_ones_stop_working(editor_a_client, editor_a, clock):
    factor, old = give_factor(editor_a, clock)
    response = editor_a_client.post(PAGE + "/herstelcodes", {"herstelcodes-proof": "test-wachtwoord-1"})
    new = shown_codes(response.content.decode())
    assert len(new) == 10 and not set(new) & set(old)
    hashes = set(RecoveryCode.objects.filter(factor=factor).values_list("code_hash", flat=True))
    assert hashes == {second_factor.hash_recovery_code(code) for code in new}


def test_it_explains_to_a_reader_that_it_is_for_editors(reader_a_client):
    response = reader_a_client.get(PAGE)
    assert response.status_code == 403
    body = response.content.decode()
    assert "is er voor redacteuren en beheerders" in body
    assert reader_a_client.post(PAGE + "/instellen").status_code == 403
    assert not SecondFactor.objects.exists()


def test_administrators_may_use_it(admin_client):
    assert "Tweestapsverificatie instellen" in admin_client.get(PAGE).content.decode()


def test_the_page_needs_a_login(anonymous_client):
    response = anonymous_client.get(PAGE)
    assert response.status_code == 302 and response["Location"].startswith("/inloggen")


def test_the_posts_need_a_csrf_token(editor_a, clock):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor_a)
    for action in ["instellen", "bevestigen", "herstelcodes", "uitzetten"]:
        assert client.post(f"{PAGE}/{action}", {"code": "123456"}).status_code == 403
    assert not SecondFactor.objects.exists()


def test_the_menu_links_to_it_for_editors_only(editor_a_client, reader_a_client):
    assert PAGE in editor_a_client.get("/").content.decode()
    assert PAGE not in reader_a_client.get("/").content.decode()
