# SPDX-License-Identifier: EUPL-1.2
"""An editor of Veenendaal registers a cooperation with Renswoude, sees it in the matrix and on the
map; an editor of another municipality (Utrecht) cannot edit it."""

import re

from playwright.sync_api import expect

from goedebuur.accounts.models import User

from ..factories import UTRECHT, VEENENDAAL, make_user
from .picker import pick

PASSWORD = "journey-wachtwoord-1"


def _log_in(page, username):
    page.goto(page.base_url + "/inloggen")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.locator(".account .who")).to_contain_text(username)


def _log_out(page):
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("link", name="Inloggen")).to_be_visible()


def test_an_editor_registers_a_cooperation_that_another_municipality_cannot_edit(page):
    make_user(VEENENDAAL, User.Role.EDITOR, username="redacteur-veenendaal", password=PASSWORD)
    make_user(UTRECHT, User.Role.EDITOR, username="redacteur-utrecht", password=PASSWORD)

    _log_in(page, "redacteur-veenendaal")
    page.goto(page.base_url + "/samenwerkingen")
    page.get_by_role("link", name="Samenwerking toevoegen").click()

    # an empty form first: Dutch messages, nothing saved
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("Er is iets niet goed ingevuld")
    expect(page.get_by_role("alert")).to_contain_text("Kies ten minste één ICT-domein.")

    page.get_by_label(re.compile(r"^Naam")).fill("Werkplekbeheer Veenendaal en Renswoude")
    page.get_by_label("Werkplek", exact=True).check()
    page.get_by_label("Achtervang en uitwijk").check()
    page.get_by_label(re.compile(r"^Vorm \*")).select_option(label="Dienstverleningsovereenkomst (DVO)")
    page.get_by_label(re.compile(r"^Status")).select_option(label="intentie")
    # own municipality prefilled (the picker keeps the select, hidden)
    expect(page.locator("#id_leden-0-municipality-select")).to_have_value(re.compile(r"\d+"))
    pick(page, "Gemeente 2", "Renswoude")
    page.get_by_role("button", name="Opslaan").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Werkplekbeheer Veenendaal en Renswoude")
    expect(page.get_by_role("status")).to_contain_text("is toegevoegd")
    detail_url = page.url
    slug = detail_url.rstrip("/").rsplit("/", 1)[1]
    expect(page.locator(".notice")).to_contain_text("Wacht op goedkeuring door een platformbeheerder")
    _log_out(page)

    # not public yet; a platform administrator approves it in the queue on the moderation page
    assert page.goto(detail_url).status == 404
    make_user(None, admin=True, username="beheerder", password=PASSWORD)
    _log_in(page, "beheerder")
    page.goto(page.base_url + "/ervaringen/moderatie")
    queue = page.locator("table", has=page.get_by_role("link", name="Werkplekbeheer Veenendaal en Renswoude"))
    queue.get_by_role("button", name="Werkplekbeheer Veenendaal en Renswoude goedkeuren").click()
    expect(page.get_by_role("status")).to_contain_text("is goedgekeurd en nu openbaar")
    expect(page.get_by_text("Er wacht geen samenwerkingsverband op goedkeuring.")).to_be_visible()
    _log_out(page)
    _log_in(page, "redacteur-veenendaal")

    # the matrix, filtered to the province of Utrecht, links Veenendaal's 'Werkplek' cell to it
    page.goto(page.base_url + "/matrix?provincie=PV26")
    row = page.locator("tr", has=page.get_by_role("link", name="Veenendaal", exact=True))
    cell = row.locator('td[data-domain="werkplek"]')
    cell.locator("summary").click()
    expect(cell.get_by_role("link", name="Werkplekbeheer Veenendaal en Renswoude")).to_be_visible()

    # the map highlights its members: Renswoude is only invited until its own editor accepts
    page.goto(page.base_url + f"/kaart?samenwerking={slug}")
    expect(page.locator('svg path.hl[data-code="GM0345"]')).to_have_count(1)
    expect(page.locator('svg path.hl[data-code="GM0339"]')).to_have_count(0)
    _log_out(page)

    # an editor of Utrecht sees the entry but cannot edit it
    _log_in(page, "redacteur-utrecht")
    page.goto(detail_url)
    expect(page.get_by_role("link", name="Bewerken")).to_have_count(0)
    response = page.goto(detail_url + "/bewerken")
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Geen toegang")
