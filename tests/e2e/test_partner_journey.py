# SPDX-License-Identifier: EUPL-1.2
"""A visitor looks for ICT partners of Rhenen, moves a weight slider, sees the order change and opens
the side-by-side comparison."""

import re

from playwright.sync_api import expect


def _order(page):
    return page.locator("#partner-list .partner-name").all_inner_texts()


def test_a_visitor_reranks_the_partners_of_rhenen_and_compares_two(page):
    page.goto(page.base_url + "/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Partners").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Partners vinden")

    page.get_by_label("Gemeente", exact=True).select_option(label="Rhenen")  # the script re-ranks on change
    expect(page).to_have_url(re.compile(r"gemeente=GM0340"))
    expect(page.locator("#partner-list .partner")).to_have_count(10)
    before = _order(page)
    assert "Veenendaal" in before[:3]

    slider = page.get_by_label("Vergelijkbare omvang")
    slider.focus()
    slider.press("End")  # to 100: the value shows at once, the list is re-ranked on release
    expect(page).to_have_url(re.compile(r"gewichtOmvang=100"))
    expect(page.get_by_label("Vergelijkbare omvang")).to_have_value("100")
    expect(page.locator("#gewichtOmvang-waarde, output[for$=gewichtOmvang]").first).to_have_text("100")
    after = _order(page)
    assert after != before

    first = page.locator("#partner-list .partner").first
    name = first.locator(".partner-name").inner_text()
    first.get_by_role("link", name=re.compile("^Vergelijk")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Rhenen en {name} naast elkaar")
    expect(page.get_by_role("heading", name="Score per criterium")).to_be_visible()
