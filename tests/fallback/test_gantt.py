# SPDX-License-Identifier: EUPL-1.2
import xml.etree.ElementTree as ET

from goedebuur.core.fallback import restore_schedule as rs
from goedebuur.fallback.gantt import render_gantt

SVG = "{http://www.w3.org/2000/svg}"


def chart():
    jobs = [rs.RestoreJob("a", "Zaak & co", 2, 4), rs.RestoreJob("b", "Archief", 10, 5)]
    return ET.fromstring(render_gantt(rs.best_schedule(jobs), label="Herstel <test>"))


def test_it_is_an_accessible_image_with_a_label():
    svg = chart()
    assert svg.get("role") == "img" and svg.get("aria-label") == "Herstel <test>"


def test_it_draws_one_bar_per_service_with_a_title_saying_late_or_in_time():
    titles = [t.text for t in chart().iter(f"{SVG}title")]
    assert "Zaak & co: herstel 0-2 uur, RTO 4 uur, op tijd" in titles
    assert "Archief: herstel 2-12 uur, RTO 5 uur, te laat" in titles


def test_a_late_bar_is_hatched_not_only_coloured():
    fills = [r.get("fill") for r in chart().iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    assert fills == ["#2171b5", "url(#late-hatch)"]


def test_an_empty_schedule_still_renders():
    assert render_gantt(rs.Schedule("planner"), label="leeg").startswith("<svg")
