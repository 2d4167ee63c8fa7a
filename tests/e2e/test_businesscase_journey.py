# SPDX-License-Identifier: EUPL-1.2
"""An editor of Veenendaal builds a business case with Rhenen: partners, scope, the hidden-cost
checklist (which must be confirmed before going on), the result with its charts and the PDF."""

import re

import pypdfium2
from playwright.sync_api import expect

from goedebuur.accounts.models import User
from goedebuur.businesscases.models import BusinessCase

from ..factories import VEENENDAAL, make_user
from .picker import pick

PASSWORD = "journey-wachtwoord-1"


def test_an_editor_builds_a_business_case_for_rhenen_and_veenendaal(page, artifacts):
    make_user(VEENENDAAL, User.Role.EDITOR, username="redacteur-veenendaal", password=PASSWORD)
    page.goto(page.base_url + "/inloggen")
    page.get_by_label("Gebruikersnaam").fill("redacteur-veenendaal")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()

    page.get_by_role("link", name="Businesscases").first.click()
    expect(page.get_by_text("Er zijn nog geen businesscases")).to_be_visible()
    page.get_by_role("link", name="Nieuwe businesscase").click()
    page.get_by_label("Naam van de businesscase").fill("Rhenen en Veenendaal")
    page.get_by_label("Scenario").fill("zwaar")
    pick(page, "Deelnemende gemeenten", "Rhenen")
    pick(page, "Deelnemende gemeenten", "Veenendaal")
    page.get_by_role("button", name="Volgende").click()
    expect(page.get_by_role("status")).to_contain_text("Het concept is aangemaakt")

    page.get_by_label("Werkplek").check()
    page.get_by_label("Applicaties").check()
    page.get_by_role("button", name="Volgende").click()
    expect(page.get_by_role("heading", name=re.compile("basislijn"))).to_be_visible()
    expect(page.get_by_label("Bron of toelichting · Rhenen")).to_have_value(re.compile("M&I/Partners"))
    page.get_by_role("button", name="Volgende").click()
    expect(page.get_by_role("heading", name=re.compile("besparingen"))).to_be_visible()
    page.get_by_label("Besparing waarschijnlijk (%) · Werkplek").fill("6")
    page.get_by_role("button", name="Volgende").click()

    # the checklist must be confirmed or zeroed before going on; each default's source and
    # reasoning can be read in full before confirming it
    expect(page.get_by_role("heading", name=re.compile("verborgen kosten"))).to_be_visible()
    source = page.get_by_label("Bron of toelichting · Migratie en dataconversie")
    expect(source).to_have_value(re.compile(r"^Aanname Goede Buur: .+ Berekening: .+gekozen domeinen"))
    assert source.evaluate("e => e.scrollHeight <= e.clientHeight + 2")  # the whole text shows
    page.get_by_role("button", name="Volgende").click()
    expect(page.get_by_role("alert")).to_contain_text("Bevestig elke verborgen kostenpost")
    confirmations = page.get_by_role("checkbox", name=re.compile("^Bevestigd"))
    for index in range(confirmations.count()):
        confirmations.nth(index).check()
    page.get_by_label(re.compile("^Zet op nul · Exitkosten")).check()
    page.get_by_role("button", name="Volgende").click()

    expect(page.get_by_role("heading", name=re.compile("verdeling"))).to_be_visible()
    page.get_by_label("Gelijke delen").check()
    page.get_by_role("button", name="Volgende").click()

    expect(page.get_by_role("heading", name="Uitkomst per gemeente")).to_be_visible()
    expect(page.get_by_role("heading", name="Samenvatting voor college en raad")).to_be_visible()
    page.get_by_text("Wat betekent dit? Uitleg van de begrippen").click()
    expect(page.get_by_text("omgerekend naar geld van nu")).to_be_visible()
    expect(page.get_by_role("img", name="Cumulatieve kasstroom met P10-P90-band")).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("Tornado"))).to_be_visible()
    expect(page.get_by_role("rowheader", name="Rhenen").first).to_be_visible()
    page.screenshot(path=str(artifacts / "businesscase-resultaat.png"), full_page=True)
    case = BusinessCase.objects.get()
    assert case.status == BusinessCase.Status.COMPLETE and case.allocation_key == "gelijk"

    with page.expect_download() as download:
        page.get_by_role("link", name="Rapport als PDF").click()
    path = download.value.path()
    with open(path, "rb") as handle:
        assert handle.read(4) == b"%PDF"
    assert download.value.suggested_filename.endswith(".pdf")

    # the PDF's first page is the summary for college and council: render it and read it
    first = pypdfium2.PdfDocument(path)[0]
    assert "Samenvatting voor college en raad" in first.get_textpage().get_text_range()
    image = first.render(scale=1.5).to_pil().convert("L")
    image.save(artifacts / "businesscase-pdf-pagina-1.png")
    dark = sum(image.histogram()[:128])
    assert 0.01 < dark / (image.width * image.height) < 0.5  # text and tables, not a blank page
