# SPDX-License-Identifier: EUPL-1.2
"""An anonymous visitor finds Rhenen, its neighbour Veenendaal and their ICT cooperation, and filters
the register by Rhenen in the municipality picker."""

import re

from playwright.sync_api import expect

from .test_accessibility import violations_here

MUNICIPALITY_COUNT = 342


def test_it_takes_a_visitor_from_the_home_page_to_rhenen_and_its_cooperation(page, artifacts):
    page.goto(page.base_url + "/")

    # the national map: one area per municipality; an accessible name whatever its role (img/group)
    home_map = page.locator("figure.map-figure > svg")
    expect(home_map).to_be_visible()
    expect(home_map).to_have_attribute("aria-label", re.compile(r"\w"))
    expect(home_map.locator("path[data-code]")).to_have_count(MUNICIPALITY_COUNT)
    page.screenshot(path=artifacts / "home.png", full_page=True)

    page.get_by_label("Zoek een gemeente").fill("Rhenen")
    page.get_by_label("Zoek een gemeente").press("Enter")
    expect(page).to_have_url(re.compile(r"/gemeenten\?q=Rhenen$"))

    page.get_by_role("table").get_by_role("link", name="Rhenen", exact=True).click()
    expect(page).to_have_url(page.base_url + "/gemeenten/GM0340")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Rhenen")

    expect(page.get_by_role("heading", name="Buurgemeenten", exact=True)).to_be_visible()
    expect(
        page.locator("ul.neighbour-list").get_by_role("link", name="Veenendaal", exact=True)
    ).to_be_visible()

    expect(page.get_by_role("heading", name="ICT-samenwerkingen", exact=True)).to_be_visible()
    cooperation = page.get_by_role("main").get_by_role("link", name="ICT-samenwerking Rhenen-Veenendaal")
    expect(cooperation.first).to_be_visible()
    page.screenshot(path=artifacts / "gemeente.png", full_page=True)


def test_a_visitor_filters_the_register_by_a_municipality_chosen_in_the_picker(page):
    page.goto(page.base_url + "/samenwerkingen")
    page.wait_for_load_state("load")  # the picker (forms.js) has run
    box = page.get_by_role("combobox", name="Gemeente", exact=True)
    box.focus()
    page.keyboard.type("Rhenen")
    expect(page.get_by_role("option", name=re.compile("^Rhenen"))).to_have_attribute("aria-selected", "true")
    found = violations_here(page, "/samenwerkingen with the picker's list open")
    assert not found, "\n".join(found)
    page.keyboard.press("Enter")  # chooses; the filter is applied with the button, as without script
    page.get_by_role("button", name="Filteren").click()
    expect(page).to_have_url(re.compile(r"[?&]gemeente=GM0340(&|$)"))
    page.wait_for_load_state("load")
    expect(page.get_by_role("list", name="Gekozen gemeenten").get_by_role("listitem")).to_have_text(
        [re.compile("^Rhenen")]
    )
    rows = page.get_by_role("table").locator("tbody tr")
    expect(rows.first).to_be_visible()
    for members in rows.locator("td:nth-child(2)").all_inner_texts():
        assert "Rhenen" in members


def test_it_loads_every_resource_of_the_main_pages(page):
    failed = []
    page.on(
        "response",
        lambda response: (
            failed.append(f"{response.status} {response.url}") if response.status >= 400 else None
        ),
    )
    for path in ("/", "/gemeenten", "/gemeenten/GM0340", "/samenwerkingen", "/matrix", "/kaart"):
        page.goto(page.base_url + path)
        page.wait_for_load_state("networkidle")
    assert failed == []
