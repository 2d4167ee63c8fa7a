# SPDX-License-Identifier: EUPL-1.2
"""Veenendaal and Rhenen set up a mutual achtervang: Veenendaal creates the agreement, both add a
service, Rhenen sees a red light for an RPO the 10 Mbit/s link cannot carry, raises the bandwidth
and sees it turn green, runs the restore simulation, and records a restore test."""

import datetime as dt

from playwright.sync_api import expect

from goedebuur.accounts.models import User
from goedebuur.fallback.models import Agreement

from ..factories import RHENEN, VEENENDAAL, make_user
from .picker import pick
from .test_accessibility import violations

PASSWORD = "journey-wachtwoord-1"


def login(page, username):
    page.goto(page.base_url + "/inloggen")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def logout(page):
    page.get_by_role("button", name="Uitloggen").click()


def add_service(page, municipality, name, *, rpo, change):
    page.get_by_role("link", name=f"Dienst toevoegen voor {municipality}").click()
    page.get_by_label("Naam").fill(name)
    for aspect in ("Beschikbaarheid", "Integriteit", "Vertrouwelijkheid"):
        page.get_by_label(aspect).fill("3")
    page.get_by_label("RTO (uur)").fill("8")
    page.get_by_label("RPO (uur)").fill(str(rpo))
    page.get_by_label("Datavolume (GB)").fill("50")
    page.get_by_label("Wijzigingen per dag (GB)").fill(str(change))
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status")).to_contain_text(f"De dienst {name} is toegevoegd.")


def replication_row(page, name):
    return page.get_by_role("row").filter(has_text="Replicatie (RPO)").filter(has_text=name)


def test_two_municipalities_plan_their_achtervang_and_log_a_restore_test(page):
    make_user(VEENENDAAL, User.Role.EDITOR, username="redacteur-veenendaal", password=PASSWORD)
    make_user(RHENEN, User.Role.EDITOR, username="redacteur-rhenen", password=PASSWORD)

    # Veenendaal records the agreement with Rhenen over a 10 Mbit/s link
    login(page, "redacteur-veenendaal")
    page.get_by_role("link", name="Achtervang", exact=True).click()
    page.get_by_role("link", name="Nieuwe achtervangafspraak").click()
    expect(page.locator("#id_party_a-select")).to_have_value(  # the picker keeps the select, hidden
        str(User.objects.get(username="redacteur-veenendaal").municipality_id)
    )
    pick(page, "Gemeente B", "Rhenen")
    page.get_by_label("Soort locatie A *").select_option(label="gemeentehuis")
    page.get_by_label("Soort locatie B *").select_option(label="datacenter")
    page.get_by_label("Soort verbinding *").select_option(label="donkere glasvezel")
    page.get_by_label("Bandbreedte (Mbit/s) *").fill("10")
    page.get_by_label("VCPU gereserveerd door A *").fill("16")
    page.get_by_label("VCPU gereserveerd door B *").fill("16")
    page.get_by_label("Ingangsdatum *").fill("2026-01-01")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("De achtervangafspraak is vastgelegd.")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Achtervang Veenendaal – Rhenen")
    # 108 GB of changes a day with an RPO of 1 hour needs 30 Mbit/s at the peak
    add_service(page, "Veenendaal", "Zaaksysteem", rpo=1, change=108)
    logout(page)

    # Rhenen adds its own service and checks the feasibility
    login(page, "redacteur-rhenen")
    page.get_by_role("link", name="Achtervang", exact=True).click()
    page.get_by_role("link", name="Veenendaal – Rhenen").click()
    add_service(page, "Rhenen", "Burgerzaken", rpo=4, change=2)
    page.get_by_role("link", name="Haalbaarheid", exact=True).click()
    expect(replication_row(page, "Zaaksysteem")).to_contain_text("rood: niet haalbaar")
    expect(replication_row(page, "Zaaksysteem")).to_contain_text("30 Mbit/s nodig")
    expect(replication_row(page, "Burgerzaken")).to_contain_text("groen: haalbaar")

    # raising the bandwidth to 100 Mbit/s turns it green
    page.get_by_role("link", name="Verbinding of reservering aanpassen").click()
    page.get_by_label("Bandbreedte (Mbit/s) *").fill("100")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("De wijzigingen zijn opgeslagen.")
    page.get_by_role("link", name="Haalbaarheid", exact=True).click()
    expect(replication_row(page, "Zaaksysteem")).to_contain_text("groen: haalbaar")

    # can both fail together? Veenendaal and Rhenen share safety region Utrecht
    expect(
        page.get_by_role("heading", name="Gedeeld risico: kunnen beide tegelijk uitvallen?")
    ).to_be_visible()
    expect(page.get_by_role("row").filter(has_text="Veiligheidsregio")).to_contain_text("oranje: let op")

    # the restore simulation: Veenendaal fails now
    page.get_by_role("link", name="Herstelsimulatie").click()
    page.get_by_label("Welke locatie valt uit?").select_option(label="Veenendaal")
    page.get_by_role("button", name="Simulatie starten").click()
    expect(page.get_by_role("heading", name="Veenendaal valt uit: herstel bij Rhenen")).to_be_visible()
    expect(
        page.get_by_role("img", name="Herstel van Veenendaal bij Rhenen: hersteltijd per dienst tegen de RTO")
    ).to_be_visible()
    expect(page.get_by_role("row").filter(has_text="Zaaksysteem")).to_contain_text("ja")

    # a restore test is recorded with the achieved restore time and data loss
    page.get_by_role("link", name="Tests en acties").click()
    page.get_by_role("link", name="Test vastleggen").click()
    page.get_by_label("Soort test").select_option(label="hersteltest")
    page.get_by_label("Datum").fill(dt.date.today().isoformat())
    page.get_by_label("Scenario").fill("Uitval van de serverruimte in Veenendaal")
    page.get_by_label("geslaagd", exact=True).check()
    page.get_by_label("volledig herstel bij de partner, met gebruikers").check()
    page.get_by_label("Hersteltijd van Zaaksysteem van Veenendaal (uur)").fill("3,5")
    page.get_by_label("Gegevensverlies van Zaaksysteem van Veenendaal (uur)").fill("0,5")
    page.get_by_role("button", name="Test opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("Het testverslag is vastgelegd")
    expect(page.get_by_role("heading", level=3).filter(has_text="hersteltest")).to_contain_text("geslaagd")
    agreement = Agreement.objects.get()
    assert agreement.mutual and agreement.link_mbps == 100
    record = agreement.test_records.get()
    assert record.results.get().service.name == "Zaaksysteem"

    # every page of the agreement passes axe-core without serious or critical violations
    suffixes = ["", "/haalbaarheid", "/simulatie", "/tests", "/bewerken", "/tests/nieuw", "/acties/nieuw"]
    found = [v for suffix in suffixes for v in violations(page, f"/achtervang/{agreement.pk}{suffix}")]
    found += violations(page, f"/achtervang/{agreement.pk}/diensten/nieuw?gemeente={RHENEN}")
    assert not found, "\n".join(found)
