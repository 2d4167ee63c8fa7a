# SPDX-License-Identifier: EUPL-1.2
"""A reader of Veenendaal looks for joint-purchasing opportunities: the ranked groups, the timeline
(an accessible image with a table alternative), other members' details as "niet gedeeld", a wider
window, and the CSV export."""

from playwright.sync_api import expect

from goedebuur.accounts.models import User

from ..factories import VEENENDAAL, make_user
from ..procurement.conftest import create_landscapes

PASSWORD = "journey-wachtwoord-1"


def test_a_reader_finds_opportunities_on_a_timeline_and_exports_them(page, artifacts):
    create_landscapes()
    make_user(VEENENDAAL, User.Role.READER, username="lezer-veenendaal", password=PASSWORD)

    page.goto(page.base_url + "/inkoopkansen")
    expect(page).to_have_url(page.base_url + "/inloggen?next=/inkoopkansen")
    page.get_by_label("Gebruikersnaam").fill("lezer-veenendaal")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()

    expect(page.get_by_role("heading", name="2 inkoopkansen voor Veenendaal")).to_be_visible()
    timeline = page.get_by_role("img", name="Tijdlijn van 2 inkoopkansen")
    expect(timeline).to_be_visible()
    first = page.locator(".opportunity-list > li").first
    expect(first.get_by_role("heading")).to_have_text("1. Zaakregistratiecomponent")
    expect(first).to_contain_text("4 gemeenten")
    expect(first.get_by_role("row", name="Utrecht")).to_contain_text("niet gedeeld")
    expect(first.get_by_role("row", name="Veenendaal")).to_contain_text("€ 48.000")
    page.screenshot(path=str(artifacts / "inkoopkansen.png"), full_page=True)

    page.get_by_text("Tijdlijn als tabel").click()
    expect(page.get_by_role("table", name="Vensters en einddata per groep")).to_be_visible()

    # a one-month window: only Burgerzaken (+30 and +31 months) is left
    page.get_by_label("Venster (maanden)").fill("1")
    page.get_by_role("button", name="Zoek inkoopkansen").click()
    expect(page.get_by_role("heading", name="1 inkoopkans voor Veenendaal")).to_be_visible()
    expect(page.locator(".opportunity-list > li")).to_have_count(1)

    with page.expect_download() as download:
        page.get_by_role("link", name="Download CSV").click()
    body = open(download.value.path(), encoding="utf-8").read()
    assert body.splitlines()[0].startswith("rang,modus,onderwerp")
    assert "Burgerzakencomponent" in body and "niet gedeeld" in body and "30000" not in body
