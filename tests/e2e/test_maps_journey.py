# SPDX-License-Identifier: EUPL-1.2
"""The maps with names (issue 20, item 5): a visitor reads a province map without hovering, walks
through it with the keyboard in one tab stop, and tells every group of a cluster proposal apart by
its colour and the legend; axe-core finds nothing serious on these pages."""

import re

import pytest
from playwright.sync_api import expect

from .test_accessibility import violations


def test_a_province_map_shows_the_names_of_its_municipalities(page):
    page.goto(page.base_url + "/kaart?provincie=PV26")
    labels = page.locator("svg.nl-map g.map-labels text")
    names = labels.all_text_contents()
    assert {"Utrecht", "Amersfoort", "Veenendaal", "Rhenen", "Zeist"} <= set(names)
    expect(labels.filter(has_text=re.compile("^Rhenen$"))).to_be_visible()
    # The names do not cover each other.
    boxes = [labels.nth(i).bounding_box() for i in range(labels.count())]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            overlap_x = min(a["x"] + a["width"], b["x"] + b["width"]) - max(a["x"], b["x"])
            overlap_y = min(a["y"] + a["height"], b["y"] + b["height"]) - max(a["y"], b["y"])
            assert overlap_x <= 2 or overlap_y <= 2, (a, b)
    # They are readable on screen: at least 10 px high on a 1280 px wide window.
    assert min(box["height"] for box in boxes) >= 10


def test_the_national_map_names_the_municipalities_with_room_for_their_name(page):
    page.goto(page.base_url + "/")
    names = page.locator("svg.nl-map g.map-labels text").all_text_contents()
    assert 15 <= len(names) < 342
    assert "Súdwest-Fryslân" in names


def test_the_map_is_one_tab_stop_and_the_arrow_keys_walk_through_it(page):
    page.goto(page.base_url + "/kaart?provincie=PV26")
    page.get_by_role("link", name="Wis filters").focus()
    page.keyboard.press("Tab")  # the next stop after the filters is the map
    assert page.evaluate("document.activeElement.closest('svg.nl-map') !== null"), (
        "the map is the next tab stop"
    )
    start = page.evaluate("document.activeElement.querySelector('title').textContent")
    page.keyboard.press("ArrowRight")
    moved = page.evaluate("document.activeElement.querySelector('title').textContent")
    assert moved != start and page.evaluate("document.activeElement.closest('svg.nl-map') !== null")
    page.keyboard.press("Tab")  # one Tab leaves the map of 26 municipalities
    assert page.evaluate("document.activeElement.closest('svg.nl-map') === null")
    page.keyboard.press("Shift+Tab")  # and comes back to the area last visited
    assert page.evaluate("document.activeElement.querySelector('title').textContent") == moved
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text(moved.split(":")[0])


def test_every_group_of_a_cluster_proposal_has_its_own_colour_and_legend_entry(page):
    page.goto(page.base_url + "/clusters?gebied=PV26&min=2&max=8&fit=50")
    legend = page.get_by_role("list", name="Legenda: groepen").get_by_role("listitem")
    groups = legend.count()
    assert groups >= 3
    colours = page.locator(".legend .swatch").evaluate_all("els => els.map(e => e.style.background)")
    assert len(set(colours)) == groups  # issue 20: five groups were drawn with three colours
    expect(legend.first).to_contain_text(re.compile(r"groep 1: \S+"))
    names = page.locator("svg.nl-map g.map-labels text").all_text_contents()
    assert "Amersfoort" in names and "Utrecht" in names


def test_the_named_maps_have_no_serious_accessibility_violation(page):
    found = [
        v
        for path in ("/kaart?provincie=PV26", "/clusters?gebied=PV26&min=2&max=8&fit=50", "/gemeenten/GM0340")
        for v in violations(page, path)
    ]
    assert not found, "\n".join(found)


pytestmark = pytest.mark.e2e
