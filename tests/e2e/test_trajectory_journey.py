# SPDX-License-Identifier: EUPL-1.2
"""Rhenen invites Veenendaal to a trajectory (a bad contact address keeps what was typed);
Veenendaal accepts; both fill in their ambitions, see a divergence and acknowledge it; Rhenen ticks
the required checklist item, records a go decision, moves to the next phase and downloads the letter
of intent."""

import io

from docx import Document
from playwright.sync_api import expect

from goedebuur.accounts.models import User
from goedebuur.accounts.services import DEMO_PASSWORD
from goedebuur.trajectories import services
from goedebuur.trajectories.demo import RHENEN_VEENENDAAL
from goedebuur.trajectories.models import Trajectory

from ..factories import RHENEN, VEENENDAAL, make_user
from .picker import pick
from .test_accessibility import load_demo, violations

PASSWORD = "journey-wachtwoord-1"


def log_in(page, username):
    page.goto(page.base_url + "/inloggen")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def fill_ambitions(page, municipality, kosten, motive):
    page.get_by_role("link", name=f"Ambities van {municipality} invullen").click()
    page.get_by_label("Kwaliteit *", exact=True).select_option("4")
    page.get_by_label("minder meerKosten *", exact=True).select_option(kosten)
    page.get_by_label("Kwetsbaarheid verlagen *", exact=True).select_option("5")
    page.get_by_label("Kansen voor personeel *", exact=True).select_option("2")
    page.get_by_label(motive).check()
    page.get_by_role("button", name="Ambities opslaan").click()
    expect(page.get_by_role("status")).to_contain_text(f"De ambities van {municipality} zijn opgeslagen.")


def test_two_municipalities_run_the_first_phase_together(page):
    make_user(RHENEN, User.Role.EDITOR, username="redacteur-rhenen", password=PASSWORD)
    make_user(VEENENDAAL, User.Role.EDITOR, username="redacteur-veenendaal", password=PASSWORD)

    # Rhenen starts the trajectory and invites Veenendaal
    log_in(page, "redacteur-rhenen")
    page.goto(page.base_url + "/trajecten/nieuw")
    page.get_by_label("Naam van het traject").fill("Samen één zaaksysteem")
    pick(page, "Gemeenten uitnodigen", "Veenendaal")
    page.get_by_label("Applicaties").check()
    page.get_by_role("button", name="Traject starten en uitnodigen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Samen één zaaksysteem")
    trajectory_url = page.url
    expect(page.get_by_text("Veenendaal — uitgenodigd")).to_be_visible()

    # a contact address that is not an address comes back with what was typed, the error beside the
    # field and the error summary, which has the focus
    contact = page.get_by_label("E-mailadres van een contactpersoon bij Veenendaal")
    contact.fill("ict bij veenendaal")
    page.get_by_role("button", name="Uitnodiging per e-mail sturen").click()
    page.wait_for_load_state("load")
    expect(page.locator("#error-summary")).to_be_focused()
    expect(page.locator("#error-summary")).to_contain_text("E-mailadres: Vul een geldig e-mailadres in.")
    expect(contact).to_have_value("ict bij veenendaal")
    expect(contact).to_have_attribute("aria-invalid", "true")
    fill_ambitions(page, "Rhenen", kosten="1", motive="beter worden (verbeteren)")
    page.get_by_role("button", name="Uitloggen").click()

    # Veenendaal accepts and fills in its ambitions: the costs differ by four points
    log_in(page, "redacteur-veenendaal")
    page.goto(page.base_url + "/mijn-overzicht")
    page.get_by_role("link", name="Uitnodiging: Samen één zaaksysteem").click()
    page.get_by_role("button", name="Uitnodiging aannemen").click()
    expect(page.get_by_role("status")).to_contain_text("U neemt deel aan dit traject.")
    fill_ambitions(page, "Veenendaal", kosten="5", motive="beter worden (verbeteren)")
    divergences = page.get_by_role("heading", name="Verschillen om te bespreken").locator(
        "xpath=following-sibling::ol[1]"
    )
    expect(divergences.get_by_role("listitem").first).to_contain_text("minder meerKosten (verschil 4)")
    page.get_by_role("button", name="Verschillen besproken en bevestigd").click()
    expect(page.get_by_role("status")).to_contain_text("U hebt de verschillen namens Veenendaal bevestigd.")
    page.get_by_role("button", name="Uitloggen").click()

    # Rhenen acknowledges, settles the checklist, records the go decision and moves on
    log_in(page, "redacteur-rhenen")
    page.goto(trajectory_url)
    page.get_by_role("button", name="Verschillen besproken en bevestigd").click()
    title = "Gedeeld belang en motief per partner benoemen"
    page.get_by_label(f"Status van '{title}'").select_option("gedaan")
    page.get_by_label(f"Notitie bij '{title}'").fill("Besproken met beide wethouders")
    page.locator("form", has=page.get_by_label(f"Status van '{title}'")).get_by_role(
        "button", name="Opslaan"
    ).click()
    expect(page.get_by_role("status")).to_contain_text(f"Checklistpunt '{title}' bijgewerkt.")
    blockers = page.locator(".blockers")
    expect(blockers).to_contain_text("Er is nog geen go-besluit vastgelegd")
    page.get_by_label("go", exact=True).check()
    page.get_by_label("Datum van het besluit").fill("2026-11-16")
    page.get_by_label("Genomen door").select_option("colleges")
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_role("status")).to_contain_text("Het besluit is vastgelegd.")
    page.get_by_role("button", name="Naar de volgende fase").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Het traject is nu in de fase Ambities delen / intentie"
    )
    expect(page.locator('.phase-list li[aria-current="step"]')).to_contain_text("Ambities delen / intentie")

    # the letter of intent names both partners and says it is no legal advice
    with page.expect_download() as download:
        page.get_by_role("link", name="Intentieverklaring (Word)").click()
    with open(download.value.path(), "rb") as handle:
        text = "\n".join(p.text for p in Document(io.BytesIO(handle.read())).paragraphs)
    assert "gemeente Rhenen (CBS-code GM0340)" in text
    assert "gemeente Veenendaal (CBS-code GM0345)" in text
    assert "geen juridisch advies" in text


def test_the_trajectory_pages_have_no_serious_accessibility_violation(page):
    load_demo()
    trajectory = Trajectory.objects.get(name=RHENEN_VEENENDAAL)
    services.update_trajectory(trajectory, None, public_summary=True)
    found = violations(page, f"/trajecten/{trajectory.pk}")  # the public summary
    log_in_demo(page, "redacteur.veenendaal")
    for path in ("", "/ambities/GM0345", "/bewerken"):
        found += violations(page, f"/trajecten/{trajectory.pk}{path}")
    assert not found, "\n".join(found)


def log_in_demo(page, username):
    page.goto(page.base_url + "/inloggen")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
