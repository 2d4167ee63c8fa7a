# SPDX-License-Identifier: EUPL-1.2
"""A visitor chooses Rhenen in the municipality picker by keyboard, looks for its ICT partners and
moves a weight slider: the order changes in the page, without a reload, and the focus stays on the
slider; then opens the side-by-side comparison. The editor of Veenendaal finds the own municipality
preselected, the shared packages named, and the first candidates visible on a laptop screen without
scrolling."""

import re

from playwright.sync_api import expect

from goedebuur.accounts.models import User
from goedebuur.profiles.demo import load_demo_profiles

from ..factories import VEENENDAAL, make_user
from .test_accessibility import violations_here

PASSWORD = "journey-wachtwoord-1"
PUBLIC = (
    "Gedeelde regelingen",
    "Gedeelde regio's",
    "Afstand",
    "Gedeelde grens",
    "Vergelijkbare omvang",
    "Politieke kleur van de raad",
)
LAPTOP = {"width": 1366, "height": 660}  # a 1366×768 screen less the browser's own bars


def _order(page):
    return page.locator("#partner-list .partner-name").all_inner_texts()


def test_a_visitor_reranks_the_partners_of_rhenen_without_a_reload_and_compares_two(page):
    page.goto(page.base_url + "/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Partners").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Partners vinden")
    page.wait_for_load_state("load")  # the deferred scripts (picker, submit on a new municipality) have run

    # the municipality picker by keyboard: "Rhe" finds Rheden and Rhenen, an arrow moves to Rhenen,
    # Enter chooses it, and a new municipality is a new page with the same address as without script
    box = page.get_by_role("combobox", name="Gemeente", exact=True)
    box.focus()
    page.keyboard.type("Rhe")
    listbox = page.get_by_role("listbox", name="Gemeente")
    expect(listbox.get_by_role("option", name=re.compile("^Rhenen"))).to_be_visible()
    expect(listbox.get_by_role("option", name=re.compile("^Rheden"))).to_be_visible()
    found = violations_here(page, "/partners with the picker's list open")
    assert not found, "\n".join(found)
    rhenen = listbox.get_by_role("option", name=re.compile("^Rhenen")).get_attribute("id")
    page.keyboard.press("ArrowDown")
    while box.get_attribute("aria-activedescendant") != rhenen:  # today once; robust to a new order
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/partners\?gemeente=GM0340(&|$)"))  # as the button sends it
    page.wait_for_load_state("load")
    chosen = page.get_by_role("list", name="Gekozen gemeenten")
    expect(chosen.get_by_role("listitem")).to_have_text([re.compile("^Rhenen")])
    expect(page.locator("#partner-list .partner")).to_have_count(10)
    before = _order(page)
    assert "Veenendaal" in before[:3]
    page.evaluate("window.stillTheSamePage = true")  # gone after any reload

    slider = page.get_by_label("Vergelijkbare omvang", exact=True)
    slider.focus()
    slider.press("End")  # to 100: the list is re-ranked from the API at once
    expect(page).to_have_url(re.compile(r"gewichtOmvang=100"))  # the address follows (replaceState)
    expect(page.locator("#id_gewichtOmvang-waarde")).to_have_text("100")
    expect(page.locator("#partner-list .partner-name")).not_to_have_text(before)
    after = _order(page)
    assert after != before and len(after) == 10
    assert page.evaluate("window.stillTheSamePage") is True
    expect(slider).to_be_focused()
    expect(page.locator("#partner-status")).to_have_text("De volgorde is bijgewerkt.")

    # every public weight to 0: only the profile criteria are left, which a visitor may not see
    for label in PUBLIC:
        page.get_by_label(label, exact=True).press("Home")
    expect(page.locator("#partner-errors")).to_contain_text("Er is geen rangorde te maken")
    expect(page.locator("#partner-list .partner")).to_have_count(0)
    page.get_by_label("Afstand", exact=True).press("End")
    expect(page.locator("#partner-errors")).to_be_hidden()
    expect(page.locator("#partner-list .partner")).to_have_count(10)
    assert page.evaluate("window.stillTheSamePage") is True

    first = page.locator("#partner-list .partner").first
    name = first.locator(".partner-name").inner_text()
    first.get_by_role("link", name=re.compile("^Vergelijk")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Rhenen en {name} naast elkaar")
    expect(page.get_by_role("heading", name="Score per criterium")).to_be_visible()


def test_the_editor_of_veenendaal_sees_the_own_municipality_with_shared_packages_on_a_laptop_screen(page):
    load_demo_profiles()
    make_user(VEENENDAAL, User.Role.EDITOR, username="partnerzoeker", password=PASSWORD)
    page.set_viewport_size(LAPTOP)
    page.goto(page.base_url + "/inloggen")
    page.get_by_label("Gebruikersnaam").fill("partnerzoeker")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()

    page.goto(page.base_url + "/partners")
    page.wait_for_load_state("load")
    expect(page.locator("#id_gemeente-select")).to_have_value(VEENENDAAL)  # the picker keeps the select
    chosen = page.get_by_role("list", name="Gekozen gemeenten")
    expect(chosen.get_by_role("listitem")).to_have_text([re.compile("^Veenendaal")])
    expect(page.get_by_role("heading", name=re.compile("Beste partners voor Veenendaal"))).to_be_visible()
    first = page.locator("#partner-list .partner").first
    expect(first.locator(".partner-name")).to_have_text("Rhenen")
    third = page.locator("#partner-list .partner").nth(2).locator(".partner-head").bounding_box()
    assert third["y"] + third["height"] <= LAPTOP["height"], "the first candidates need scrolling on a laptop"

    first.get_by_text("Waarom Rhenen? Score per criterium").click()
    expect(first.locator("table.criteria")).to_contain_text("ZaakStroom")
    expect(first.locator("table.criteria")).to_contain_text("zichtbaar omdat de contracten gedeeld zijn")

    landscape = page.get_by_label("Applicatielandschap", exact=True)
    landscape.press("End")
    expect(page).to_have_url(re.compile(r"gewichtLandschap=100"))
    expect(landscape).to_be_focused()
    expect(page.locator("#partner-list .partner").first.locator(".partner-why")).to_contain_text("ZaakStroom")
