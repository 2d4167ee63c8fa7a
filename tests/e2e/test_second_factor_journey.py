# SPDX-License-Identifier: EUPL-1.2
"""An editor switches on two-step verification with an authenticator app (codes computed here, as the
app would), keeps the recovery codes, logs in again with a code and once with a recovery code; every
step passes axe-core."""

import re
import time

from playwright.sync_api import expect

from goedebuur.accounts.models import User

from ..accounts.authenticator import code_at
from ..factories import VEENENDAAL, make_user
from .test_accessibility import AXE_SOURCE

PASSWORD = "journey-wachtwoord-1"


def assert_accessible(page):
    page.evaluate(AXE_SOURCE)
    result = page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    serious = [v["id"] for v in result["violations"] if v["impact"] in {"serious", "critical"}]
    assert not serious, f"{page.url}: {serious}"


def password_step(page):
    page.goto(page.base_url + "/inloggen")
    page.get_by_label("Gebruikersnaam").fill("redacteur-2fa")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def log_out(page):
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("link", name="Inloggen")).to_be_visible()


def test_an_editor_switches_on_two_step_verification_and_logs_in_with_a_code(page):
    make_user(VEENENDAAL, User.Role.EDITOR, username="redacteur-2fa", password=PASSWORD)
    password_step(page)
    page.get_by_role("link", name="Tweestapsverificatie").click()
    page.get_by_role("button", name="Tweestapsverificatie instellen").click()
    secret = page.locator(".totp-secret").inner_text().replace(" ", "")
    expect(page.locator(".totp-uri")).to_contain_text("otpauth://totp/Goede%20Buur:redacteur-2fa")
    assert_accessible(page)

    page.get_by_label("Code uit de app").fill(
        "000000" if code_at(secret, time.time()) != "000000" else "111111"
    )
    page.get_by_role("button", name="Bevestigen").click()
    expect(page.get_by_role("alert")).to_contain_text("Deze code klopt niet.")

    page.get_by_label("Code uit de app").fill(code_at(secret, time.time()))
    page.get_by_role("button", name="Bevestigen").click()
    expect(page.get_by_role("heading", name="Uw herstelcodes")).to_be_visible()
    recovery = re.findall(r"[a-z0-9]{5}-[a-z0-9]{5}", page.locator(".recovery-codes").inner_text())
    assert len(recovery) == 10
    assert_accessible(page)
    log_out(page)

    password_step(page)
    expect(page).to_have_url(page.base_url + "/inloggen/code")
    expect(page.get_by_role("heading", level=1)).to_have_text("Code invullen")
    assert_accessible(page)
    page.get_by_label("Code").fill(code_at(secret, time.time() + 30))  # the next step: this one is used
    page.get_by_role("button", name="Inloggen").click()
    expect(page.locator(".account .who")).to_contain_text("redacteur-2fa")
    log_out(page)

    password_step(page)
    page.get_by_label("Code").fill(recovery[0])
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("status")).to_contain_text("nog 9 herstelcodes over")
    expect(page.locator(".account .who")).to_contain_text("redacteur-2fa")
