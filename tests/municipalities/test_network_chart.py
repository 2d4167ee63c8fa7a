# SPDX-License-Identifier: EUPL-1.2
import datetime as dt
from xml.etree import ElementTree

from goedebuur.core.register.network import Participation, rank, shared_with
from goedebuur.municipalities.network_chart import MAX_PARTNERS, network_svg

SVG = "{http://www.w3.org/2000/svg}"


def partners(count):
    participations = [
        Participation("pair", "A", dt.date(2020, 1, 1)),
        Participation("pair", "P00", dt.date(2020, 1, 1)),
    ]
    participations += [
        Participation("big", code, None) for code in ["A", *(f"P{i:02}" for i in range(count))]
    ]
    return rank(shared_with("A", participations))


def test_it_draws_a_line_and_a_named_link_per_partner_up_to_its_maximum():
    ranked = partners(20)
    svg = network_svg("Aa <&>", ranked, {"P00": "Nul & co"}, lambda code: f"/gemeenten/{code}")
    root = ElementTree.fromstring(str(svg))  # well-formed, names escaped
    links = list(root.iter(f"{SVG}a"))
    assert len(links) == len(list(root.iter(f"{SVG}line"))) == MAX_PARTNERS
    assert links[0].get("href") == "/gemeenten/P00"
    assert links[0].find(f"{SVG}title").text == "Nul & co: 2 gedeelde regelingen (gewicht 1,05)"
    assert "Aa <&>" in "".join(root.itertext())
    assert root.get("role") == "group" and "Aa <&>" in root.get("aria-label")


def test_the_closest_partner_is_at_the_top_and_its_line_the_thickest():
    svg = network_svg("A", partners(4), {}, lambda code: code)
    lines = list(ElementTree.fromstring(str(svg)).iter(f"{SVG}line"))
    first = lines[0]
    assert float(first.get("x2")) == float(first.get("x1")) and float(first.get("y2")) < float(
        first.get("y1")
    )
    assert float(first.get("stroke-width")) > float(lines[1].get("stroke-width"))
