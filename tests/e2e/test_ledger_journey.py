# SPDX-License-Identifier: EUPL-1.2
"""An editor of a member finds the demo cooperation's results, reads the verdict, records a year with
its source, sees it on the page; every ledger page passes axe-core (no serious or critical violation)."""

from playwright.sync_api import expect

from goedebuur.accounts.services import DEMO_PASSWORD
from goedebuur.ledger.models import Ledger

from .test_accessibility import load_demo, violations


def test_an_editor_records_a_realised_year_and_reads_the_verdict(page):
    load_demo()
    slug = Ledger.objects.get(is_demo=True).cooperation.slug
    page.goto(page.base_url + "/inloggen")
    page.get_by_label("Gebruikersnaam").fill("redacteur.veenendaal")
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()

    page.goto(page.base_url + f"/samenwerkingen/{slug}")
    page.get_by_role("link", name="Bekijk de resultaten per jaar en per gemeente").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Resultaten van Demo:")
    expect(page.locator("p.lead")).to_contain_text("2023")
    expect(page.get_by_role("img", name="Gerealiseerd tegen de prognose (cumulatief)")).to_be_visible()

    page.get_by_role("link", name="Cijfers van een jaar invoeren").click()
    page.get_by_label("Gemeente").select_option("GM0345")
    page.get_by_role("spinbutton", name="Jaar").fill("2026")
    page.get_by_label("Gerealiseerde besparing (€)").fill("250.000")
    page.get_by_label("Brondocument").fill("Jaarrekening 2026, p. 12")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De cijfers zijn opgeslagen.")).to_be_visible()
    expect(page.get_by_text("Nog niet alle deelnemende gemeenten hebben cijfers voor 2026")).to_be_visible()
    expect(page.get_by_role("cell", name="Jaarrekening 2026, p. 12", exact=False)).to_be_visible()

    paths = [
        f"/samenwerkingen/{slug}/resultaten",
        f"/samenwerkingen/{slug}/resultaten/instellingen",
        f"/samenwerkingen/{slug}/resultaten/cijfers",
        f"/samenwerkingen/{slug}/resultaten/geschiedenis",
        "/resultaten",
    ]
    found = [v for path in paths for v in violations(page, path)]
    assert not found, "\n".join(found)
