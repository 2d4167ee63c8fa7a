# SPDX-License-Identifier: EUPL-1.2
"""Choosing municipalities in the municipality picker (static/goedebuur/forms.js) the way a
keyboard user does: type in the combobox, wait for the suggestion, press Enter."""

import re

from playwright.sync_api import expect


def pick(page, label, name, query=None):
    box = page.get_by_role("combobox", name=label)
    box.fill(query or name)
    option = page.get_by_role("option", name=re.compile(rf"^{re.escape(name)}( \(| ·|$)"))
    expect(option.first).to_be_visible()
    while box.get_attribute("aria-activedescendant") != option.first.get_attribute("id"):
        box.press("ArrowDown")
    box.press("Enter")
    chosen = box.locator("xpath=ancestor::div[@class='picker'][1]").get_by_role(
        "list", name="Gekozen gemeenten"
    )
    expect(chosen.get_by_text(name, exact=True)).to_be_visible()
