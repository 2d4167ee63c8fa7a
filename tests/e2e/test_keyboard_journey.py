# SPDX-License-Identifier: EUPL-1.2
"""The whole journey by keyboard alone — no mouse, no clicks: skip link, log in, find partners for Rhenen,
open the personal dashboard and share a question. Every control on the way must be reachable with Tab
and usable with Enter, Space or typing."""

import re

from playwright.sync_api import expect

from goedebuur.accounts.models import User

from ..factories import VEENENDAAL, make_user

PASSWORD = "toetsenbord-wachtwoord-1"


def focused(page) -> dict:
    return page.evaluate(
        """() => { const e = document.activeElement;
        return {tag: e.tagName.toLowerCase(), text: (e.innerText || e.value || '').trim(),
                label: e.labels && e.labels[0] ? e.labels[0].innerText.trim() : (e.getAttribute('aria-label') || ''),
                name: e.getAttribute('name') || ''}; }"""
    )


def tab_to(page, matches, limit=120):
    """Press Tab until the focused element matches; fail with what was focused on the way."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        if matches(element):
            return element
        seen.append(f"{element['tag']}:{element['text'][:25] or element['label'][:25]}")
    raise AssertionError("not reachable with Tab; focus went through: " + " | ".join(seen))


def link(name):
    return lambda e: e["tag"] == "a" and e["text"] == name


def field(label):
    return lambda e: e["tag"] in {"input", "select", "textarea"} and e["label"].startswith(label)


def test_a_keyboard_user_logs_in_finds_partners_and_asks_a_question(page):
    make_user(VEENENDAAL, User.Role.EDITOR, username="toetsenbord", password=PASSWORD)
    page.goto(page.base_url + "/")

    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Naar de inhoud"  # the skip link comes first
    tab_to(page, link("Inloggen"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen")
    tab_to(page, field("Gebruikersnaam"))
    page.keyboard.type("toetsenbord")
    tab_to(page, field("Wachtwoord"))
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_text("toetsenbord · Veenendaal")).to_be_visible()

    tab_to(page, link("Partners"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Partners vinden")
    page.wait_for_load_state("load")  # the picker (forms.js) and partners.js have run
    tab_to(page, field("Gemeente"))  # the picker's combobox
    page.keyboard.type("Rhenen")
    rhenen = page.get_by_role("option", name=re.compile("^Rhenen"))
    expect(rhenen).to_have_attribute("aria-selected", "true")
    page.keyboard.press("Escape")  # the list closes, the text stays
    expect(rhenen).to_be_hidden()
    page.keyboard.press("Enter")  # typed but not chosen: it searches again instead of submitting the form
    expect(rhenen).to_have_attribute("aria-selected", "true")
    assert "gemeente=" not in page.url
    page.keyboard.press("Enter")  # chooses the active suggestion: a new page for Rhenen
    expect(page).to_have_url(re.compile(r"gemeente=GM0340"))
    expect(page.locator("#partner-list .partner").first).to_contain_text("Veenendaal")

    tab_to(page, link("Mijn overzicht"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn overzicht")

    page.goto(page.base_url + "/vragen/nieuw")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the skip link jumps over the header
    expect(page).to_have_url(re.compile(r"#main$"))
    tab_to(page, field("Uw vraag"), limit=15)
    page.keyboard.type("Wie heeft ervaring met een gezamenlijke exitregeling?")
    tab_to(page, lambda e: e["tag"] == "button" and e["text"].startswith("Vraag plaatsen"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Wie heeft ervaring met een gezamenlijke exitregeling?"
    )
