# SPDX-License-Identifier: EUPL-1.2
"""The business-case block on /mijn-overzicht."""

import pytest

from goedebuur.businesscases.dashboard import sections

from ..factories import UTRECHT
from .factories import make_case

pytestmark = pytest.mark.django_db


def test_drafts_of_the_own_municipality_come_first_with_what_is_open(editor_a, reader_a):
    make_case(editor_a, name="Klaar")
    make_case(editor_a, name="Half", complete=False)
    (section,) = sections(editor_a)
    assert [item.text for item in section.items] == ["Half (licht)", "Klaar (licht)"]
    assert section.items[0].urgent and "8 verborgen kostenposten nog niet bevestigd" in section.items[0].note
    (reader_section,) = sections(reader_a)
    assert not any(item.urgent for item in reader_section.items)  # a reader cannot act on it


def test_other_municipalities_see_nothing(editor_a, editor_b):
    make_case(editor_a)
    (section,) = sections(editor_b)
    assert section.items == [] and "Geen businesscases" in section.empty_text


def test_the_dashboard_page_shows_the_block(editor_a, editor_a_client):
    make_case(editor_a, name="Op het overzicht")
    page = editor_a_client.get("/mijn-overzicht").content.decode()
    assert "Op het overzicht" in page
    assert UTRECHT not in page
