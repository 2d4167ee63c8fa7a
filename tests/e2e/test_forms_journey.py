# SPDX-License-Identifier: EUPL-1.2
"""Forms never lose what was typed (issue 20): a decision with an error comes back with every field
as it was, the error next to the field and a summary that has the focus; and the municipality
picker works by keyboard alone, with common and region names."""

import datetime as dt

from playwright.sync_api import expect

from goedebuur.accounts.models import User
from goedebuur.trajectories.models import Trajectory

from ..factories import RHENEN, VEENENDAAL, make_user
from ..trajectories.factories import make_trajectory
from .test_accessibility import violations_here

PASSWORD = "journey-wachtwoord-1"


def log_in(page, username):
    page.goto(page.base_url + "/inloggen")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def test_a_decision_with_an_error_keeps_every_field(page):
    make_user(VEENENDAAL, User.Role.EDITOR, username="redacteur-veenendaal", password=PASSWORD)
    trajectory = make_trajectory(initiator=VEENENDAAL, invitees=(RHENEN,))
    log_in(page, "redacteur-veenendaal")
    page.goto(page.base_url + trajectory.get_absolute_url())

    form = page.locator("form", has=page.get_by_role("heading", name="Besluit vastleggen"))
    expect(form.get_by_label("go", exact=True)).not_to_be_checked()  # nothing is decided beforehand
    expect(form.get_by_label("no-go", exact=True)).not_to_be_checked()
    future = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    form.get_by_label("no-go", exact=True).check()
    form.get_by_label("Datum van het besluit").fill(future)
    form.get_by_label("Genomen door").select_option("colleges")
    form.get_by_label("Link naar besluitenlijst of notulen").fill("https://veenendaal.nl/besluiten/2026-12")
    form.get_by_label("Toelichting").fill("Eerst de aanbesteding van de buren afwachten.")
    form.get_by_role("button", name="Besluit vastleggen").click()

    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_be_in_viewport()
    expect(summary).to_contain_text("Datum van het besluit: Een besluit kan niet in de toekomst liggen.")
    form = page.locator("form", has=page.get_by_role("heading", name="Besluit vastleggen"))
    expect(form.locator(".field.has-error")).to_contain_text("Een besluit kan niet in de toekomst liggen.")
    expect(form.get_by_label("no-go", exact=True)).to_be_checked()
    expect(form.get_by_label("Datum van het besluit")).to_have_value(future)
    expect(form.get_by_label("Genomen door")).to_have_value("colleges")
    expect(form.get_by_label("Link naar besluitenlijst of notulen")).to_have_value(
        "https://veenendaal.nl/besluiten/2026-12"
    )
    expect(form.get_by_label("Toelichting")).to_have_value("Eerst de aanbesteding van de buren afwachten.")
    assert not trajectory.decisions.exists()
    found = violations_here(page, "decision with an error")
    assert not found, "\n".join(found)

    # the link in the summary leads to the field; corrected, the decision is recorded as typed
    summary.get_by_role("link").click()
    expect(form.get_by_label("Datum van het besluit")).to_be_focused()
    form.get_by_label("Datum van het besluit").fill(dt.date.today().isoformat())
    form.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_role("status")).to_contain_text("Het besluit is vastgelegd.")
    decision = trajectory.decisions.get()
    assert (decision.outcome, decision.body) == ("no-go", "colleges")
    assert decision.note == "Eerst de aanbesteding van de buren afwachten."


def test_the_picker_by_keyboard_alone(page):
    make_user(VEENENDAAL, User.Role.EDITOR, username="redacteur-veenendaal", password=PASSWORD)
    log_in(page, "redacteur-veenendaal")
    page.goto(page.base_url + "/trajecten/nieuw")
    page.get_by_label("Naam van het traject").focus()
    page.keyboard.press("Tab")  # the next field is the picker (the name stays empty for now)
    box = page.get_by_role("combobox", name="Gemeenten uitnodigen")
    expect(box).to_be_focused()
    chosen = page.get_by_role("list", name="Gekozen gemeenten")

    # a common name finds the official one
    page.keyboard.type("Den Haag")
    expect(page.get_by_role("option", name="'s-Gravenhage")).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Enter")
    expect(chosen.get_by_text("'s-Gravenhage", exact=True)).to_be_visible()
    expect(box).to_have_value("")

    # a region name finds its members; the arrow keys move through them
    page.keyboard.type("FoodValley")
    listbox = page.get_by_role("listbox")
    expect(listbox.get_by_role("option", name="Rhenen")).to_be_visible()
    found = violations_here(page, "the picker with its list open")
    assert not found, "\n".join(found)
    rhenen = listbox.get_by_role("option", name="Rhenen").get_attribute("id")
    while box.get_attribute("aria-activedescendant") != rhenen:
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(chosen.get_by_role("listitem")).to_have_count(2)

    # Escape closes the list; Backspace in the empty field removes the last choice
    page.keyboard.type("Den Bosch")
    expect(page.get_by_role("option", name="'s-Hertogenbosch")).to_be_visible()
    page.keyboard.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Escape")  # a second Escape empties the field
    expect(box).to_have_value("")
    page.keyboard.type("Wageningen")
    expect(page.get_by_role("option", name="Wageningen")).to_be_visible()
    page.keyboard.press("Enter")
    expect(chosen.get_by_role("listitem")).to_have_count(3)
    page.keyboard.press("Backspace")
    expect(chosen.get_by_role("listitem")).to_have_count(2)
    expect(chosen).not_to_contain_text("Wageningen")

    # with the list closed Enter submits: the missing name is reported, the choices are kept
    page.keyboard.press("Enter")
    expect(page.locator("#error-summary")).to_be_focused()
    expect(page.locator("#error-summary")).to_contain_text("Geef het traject een naam.")
    chosen = page.get_by_role("list", name="Gekozen gemeenten")
    expect(chosen.get_by_role("listitem")).to_have_count(2)
    page.keyboard.press("Tab")  # the summary's link leads to the name
    page.keyboard.press("Enter")
    expect(page.get_by_label("Naam van het traject")).to_be_focused()
    page.keyboard.type("Samen met de regio")

    # a chip's remove button works by keyboard too, and hands the focus back to the field
    page.get_by_role("button", name="'s-Gravenhage verwijderen").focus()
    page.keyboard.press("Enter")
    expect(chosen.get_by_role("listitem")).to_have_count(1)
    expect(page.get_by_role("combobox", name="Gemeenten uitnodigen")).to_be_focused()
    page.get_by_role("button", name="Traject starten en uitnodigen").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Samen met de regio")
    trajectory = Trajectory.objects.get(name="Samen met de regio")
    assert sorted(p.municipality.name for p in trajectory.participants.all()) == ["Rhenen", "Veenendaal"]
