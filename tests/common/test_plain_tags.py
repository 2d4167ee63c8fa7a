# SPDX-License-Identifier: EUPL-1.2
from xml.etree import ElementTree

import pytest
from django.template import Context, Template
from django.utils import translation

from goedebuur.common import glossary


def _render(text):
    with translation.override("nl"):
        return Template("{% load plain %}" + text).render(Context())


def test_a_term_carries_its_meaning_as_title():
    html = _render('{% term "BIV" %}')
    assert html == '<abbr title="beschikbaarheid, integriteit, vertrouwelijkheid">BIV</abbr>'


def test_uitleg_explains_the_terms_in_a_closed_block():
    html = _render('{% uitleg "RTO" "RPO" %}')
    root = ElementTree.fromstring(html)
    assert root.tag == "details" and root.get("open") is None
    assert root.find("summary").text == "Wat betekent dit?"
    assert [dt.text for dt in root.iter("dt")] == ["RTO", "RPO"]
    assert "Recovery Time Objective" in root.find("dl/dd").text


def test_the_glossary_explains_what_bestuurders_asked_about():
    """Issue 20: jargon without explanation (NCW, P10/P50, PERT, seed, Moore-Hodgson, BIV '232')."""
    for key in ("NCW", "P10/P50/P90", "PERT", "seed", "Moore-Hodgson", "BIV", "middelpunt"):
        entry = glossary.entry(key)
        assert entry.short and len(entry.explanation) > 40
    assert "‘232’" in str(glossary.entry("BIV").explanation)


def test_the_glossary_finds_its_terms_in_text_from_data():
    found = glossary.found_in(
        "Begin met de lichtste vorm (convenant, DVO) en kies pas een gemeenschappelijke regeling als het moet.",
        "Ambities en doelen afstemmen (de vier K’s)",
        "Wgr: centrumregeling",
        "Toets aan de BIO2; GRONDIG, nooit BIOS.",
    )
    assert found == ["BIO", "GR", "Wgr", "DVO", "centrumgemeente", "vier K's"]
    assert glossary.found_in("", None) == []


def test_uitleg_takes_a_list_of_terms_and_shows_nothing_for_none():
    template = Template("{% load plain %}[{% uitleg terms %}]")
    with translation.override("nl"):
        assert template.render(Context({"terms": []})) == "[]"
        assert "<dt>go/no-go</dt>" in template.render(Context({"terms": ["go/no-go"]}))


def test_an_unknown_term_fails_loudly():
    with pytest.raises(KeyError):
        _render('{% uitleg "XYZ" %}')


def test_afstand_filters_and_tags_say_what_the_distance_is():
    assert _render("{{ 4.66|afstand }}") == "4,7\u00a0km"
    assert _render('{% afstand_uitleg "locaties" %}') == "hemelsbreed tussen de twee locaties"


def test_the_date_filters_write_dates_out_and_leave_no_date_empty():
    import datetime as dt

    template = Template(
        "{% load plain %}{{ day|datum }} | {{ moment|datumtijd }} | {{ none|datum|default:'?' }}"
    )
    context = Context({"day": dt.date(2026, 5, 16), "moment": dt.datetime(2026, 5, 16, 12, 5, tzinfo=dt.UTC)})
    with translation.override("nl"):
        assert template.render(context) == "16 mei 2026 | 16 mei 2026 14:05 | ?"
    with translation.override("en"):
        assert template.render(context).startswith("May 16, 2026 | May 16, 2026, 2:05")
