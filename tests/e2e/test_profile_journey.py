# SPDX-License-Identifier: EUPL-1.2
"""An editor of Veenendaal fills in the ICT profile (fixing a reported error), adds an application
with a spelling variant of an existing supplier, and compares the landscape with Rhenen's."""

from playwright.sync_api import expect

from goedebuur.accounts.models import User
from goedebuur.municipalities.models import Municipality
from goedebuur.profiles import services
from goedebuur.profiles.models import Application, Supplier

from ..factories import RHENEN, VEENENDAAL, make_user
from .picker import pick

PASSWORD = "journey-wachtwoord-1"


def test_an_editor_keeps_the_profile_and_landscape_and_compares_with_a_neighbour(page):
    make_user(VEENENDAAL, User.Role.EDITOR, username="redacteur-veenendaal", password=PASSWORD)
    services.upsert_application(
        Municipality.objects.get(code=RHENEN),
        {
            "supplier": "Polderdata B.V.",
            "product": "ZaakStroom",
            "components": ["Zaakregistratiecomponent"],
            "hosting": "saas",
            "contract": {"end_date": "2027-06-30", "yearly_cost_eur": 31000},
        },
        None,
    )

    page.goto(page.base_url + f"/gemeenten/{VEENENDAAL}/profiel")
    expect(page.get_by_role("link", name="Inloggen").last).to_be_visible()
    page.goto(page.base_url + "/inloggen")
    page.get_by_label("Gebruikersnaam").fill("redacteur-veenendaal")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()

    # the profile: inhabitants pre-filled from CBS; an ambition of 7 is refused, then fixed
    page.goto(page.base_url + f"/gemeenten/{VEENENDAAL}/profiel/bewerken")
    expect(page.get_by_label("Inwoners", exact=True)).not_to_have_value("")
    page.get_by_label("ICT-uitgaven per jaar (€)").fill("6800000")
    page.get_by_label("Jaar van de ICT-uitgaven").fill("2025")
    page.get_by_label("Kwaliteit", exact=True).fill("7")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("Kies een gewicht van 0 tot en met 5.")
    page.get_by_label("Kwaliteit", exact=True).fill("4")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("Het ICT-profiel is opgeslagen.")
    expect(page.get_by_role("cell", name="€ 96 (2021)")).to_be_visible()

    # the landscape: a spelling variant of the supplier joins the existing record
    page.goto(page.base_url + f"/gemeenten/{VEENENDAAL}/landschap/nieuw")
    page.get_by_label("Leverancier *").fill("polderdata bv")
    page.get_by_label("Product *").fill("ZaakStroom")
    page.get_by_label("GEMMA-referentiecomponenten *").select_option(label="Zaakregistratiecomponent")
    page.get_by_label("Hosting *").select_option("saas")
    page.get_by_label("Einddatum contract").fill("2027-12-31")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("De applicatie ZaakStroom is toegevoegd.")
    expect(page.get_by_role("cell", name="Polderdata B.V.")).to_be_visible()
    assert Supplier.objects.count() == 1
    assert Application.objects.get(municipality__code=VEENENDAAL).rto_hours == 24

    # comparison with Rhenen: same component, same product; Rhenen's end date is not shared
    page.get_by_role("link", name="Vergelijk met een andere gemeente").click()
    expect(page.locator("#error-summary")).to_have_count(0)  # nothing chosen yet is no error
    pick(page, "Gemeente B", "Rhenen")
    page.get_by_role("button", name="Vergelijk").click()
    expect(page.get_by_role("heading", name="Zelfde component, zelfde product (1)")).to_be_visible()
    expect(page.get_by_text("31 december 2027")).to_be_visible()
    expect(page.get_by_text("30 juni 2027")).to_have_count(0)
