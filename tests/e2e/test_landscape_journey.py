# SPDX-License-Identifier: EUPL-1.2
"""An editor of Veenendaal uploads a landscape file, sees the reported error, uploads the corrected
file, imports it, and finds a joint-purchasing opportunity with neighbour Rhenen on /inkoopkansen."""

from datetime import date, timedelta

from playwright.sync_api import expect

from goedebuur.accounts.models import User
from goedebuur.municipalities.models import Municipality
from goedebuur.profiles import services
from goedebuur.profiles.models import Application

from ..factories import RHENEN, VEENENDAAL, make_user

PASSWORD = "journey-wachtwoord-1"
HEADER = "referentiecomponenten;product;versie;leverancier;hosting;contract_start;contract_einde;jaarlijkse_kosten_eur"


def landscape_file(end: str, cost: str) -> dict:
    lines = [
        HEADER,
        f"Zaakregistratiecomponent;Djuma;2024.2;Decos B.V.;saas;2022-01-01;{end};{cost}",
        "Documentregistratiecomponent;Corsa;7.1;Circle Software;on-premises;;;",
    ]
    return {"name": "landschap.csv", "mimeType": "text/csv", "buffer": ("\n".join(lines) + "\n").encode()}


def test_an_editor_imports_a_landscape_and_finds_a_purchasing_opportunity(page):
    make_user(VEENENDAAL, User.Role.EDITOR, username="redacteur-veenendaal", password=PASSWORD)
    ends = date.today() + timedelta(days=400)
    # the neighbour's landscape: Rhenen's zaaksysteem contract ends a month later
    services.upsert_application(
        Municipality.objects.get(code=RHENEN),
        {
            "supplier": "Centric",
            "product": "Key2Zaken",
            "components": ["Zaakregistratiecomponent"],
            "hosting": "saas",
            "contract": {"end_date": ends + timedelta(days=30), "yearly_cost_eur": 40000},
        },
        None,
    )

    page.goto(page.base_url + "/inloggen")
    page.get_by_label("Gebruikersnaam").fill("redacteur-veenendaal")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.locator(".account .who")).to_contain_text("redacteur-veenendaal")

    page.goto(page.base_url + f"/gemeenten/{VEENENDAAL}/landschap/import")
    expect(page.get_by_role("link", name="sjabloon (XLSX)")).to_be_visible()

    # a file with a negative cost: reported with its row, nothing saved, no import button
    page.get_by_label("Landschapsbestand (CSV of XLSX)").set_input_files(
        landscape_file(ends.isoformat(), "-12500")
    )
    page.get_by_role("button", name="Controleren").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Het bestand kan niet worden geïmporteerd")
    expect(alert).to_contain_text("Rij 2: jaarlijkse_kosten_eur mag niet negatief zijn (-12500)")
    expect(page.get_by_role("button", name="Importeren")).to_have_count(0)
    assert not Application.objects.filter(municipality__code=VEENENDAAL).exists()

    # the corrected file, uploaded on the same page: a preview, still nothing saved
    page.get_by_label("Landschapsbestand (CSV of XLSX)").set_input_files(
        landscape_file(ends.strftime("%d-%m-%Y"), "12.500")
    )
    page.get_by_role("button", name="Controleren").click()
    expect(page.get_by_text("Het bestand is in orde: 2 nieuwe applicaties, 0 bij te werken.")).to_be_visible()
    expect(page.locator("table.import-preview tbody tr")).to_have_count(2)
    assert not Application.objects.filter(municipality__code=VEENENDAAL).exists()

    page.get_by_role("button", name="Importeren").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Import voltooid: 2 applicaties toegevoegd, 0 bijgewerkt."
    )
    expect(page.get_by_role("cell", name="Djuma 2024.2")).to_be_visible()
    assert Application.objects.filter(municipality__code=VEENENDAAL).count() == 2

    # the purchasing opportunity with the neighbour
    page.goto(page.base_url + "/inkoopkansen")
    opportunity = page.locator(".opportunity-list li", has_text="Zaakregistratiecomponent")
    expect(opportunity).to_be_visible()
    expect(opportunity.get_by_role("link", name="Rhenen")).to_be_visible()
    expect(opportunity.get_by_role("link", name="Veenendaal")).to_be_visible()
    expect(opportunity).to_contain_text("Djuma")
