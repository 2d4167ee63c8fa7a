# SPDX-License-Identifier: EUPL-1.2
import re
from xml.etree import ElementTree

from hypothesis import given
from hypothesis import strategies as st

from goedebuur.maps.svg import Area, render_map

SVG = "{http://www.w3.org/2000/svg}"


def _parse(svg):
    return ElementTree.fromstring(svg)


def test_it_makes_each_linked_area_a_link_named_by_its_title():
    svg = render_map(
        [
            Area(
                "GM0340",
                "Rhenen",
                "M0 0l1 0 0 1z",
                href="/gemeenten/GM0340",
                title="Rhenen: 2 ICT-samenwerkingen",
            )
        ],
        "0 0 10 10",
        label="Kaart",
    )
    root = _parse(svg)
    link = root.find(f"{SVG}g/{SVG}a")
    assert link.get("href") == "/gemeenten/GM0340"
    assert link[0].tag == f"{SVG}title" and link[0].text == "Rhenen: 2 ICT-samenwerkingen"
    assert link.get("aria-label") is None  # the title names it; a label too would be read twice
    assert root.get("role") == "group"


def test_it_is_an_image_when_nothing_is_a_link():
    root = _parse(render_map([Area("GM0340", "Rhenen", "M0 0l1 0 0 1z")], "0 0 10 10", label="Kaart"))
    assert root.get("role") == "img"
    assert root.get("aria-label") == "Kaart"
    assert root.find(f"{SVG}g/{SVG}path/{SVG}title").text == "Rhenen"


def test_it_draws_context_first_and_highlighted_areas_last_with_a_thick_outline():
    areas = [
        Area("A", "A", "M0 0l1 0 0 1z", highlighted=True),
        Area("B", "B", "M0 0l1 0 0 1z"),
        Area("C", "C", "M0 0l1 0 0 1z", context=True),
    ]
    root = _parse(render_map(areas, "0 0 10 10", label="Kaart"))
    paths = root.findall(f"{SVG}g/{SVG}path")
    assert [p.get("data-code") for p in paths] == ["C", "B", "A"]
    assert paths[0].get("class") == "ctx"
    assert paths[2].get("class") == "hl"
    assert float(paths[2].get("stroke-width")) > float(root.find(f"{SVG}g").get("stroke-width"))


texts = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=20)


@given(texts, texts, texts)
def test_it_escapes_names_and_links_into_well_formed_svg(name, href, label):
    svg = render_map(
        [Area("GM0001", name, "M0 0l1 0 0 1z", href="/x?" + href, title=name)], "0 0 1 1", label=label
    )
    root = _parse(svg)
    assert root.get("aria-label") == label
    assert root.find(f"{SVG}g/{SVG}a/{SVG}title").text in (name, None)


def test_it_writes_shared_presentation_attributes_once():
    areas = [Area(f"GM{i:04}", str(i), "M0 0l1 0 0 1z", href=f"/g/{i}") for i in range(50)]
    svg = render_map(areas, "0 0 10 10", label="Kaart")
    assert len(re.findall("stroke-width", svg)) == 1
    assert len(re.findall("fill-rule", svg)) == 1
