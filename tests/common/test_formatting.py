# SPDX-License-Identifier: EUPL-1.2
from django.utils import translation

from goedebuur.common import euros, number, percentage


def test_it_formats_numbers_the_dutch_way_on_the_dutch_interface():
    with translation.override("nl"):
        assert number(12345.66, 1) == "12.345,7"
        assert euros(1234567.4) == "€ 1.234.567"
        assert euros(-1234) == "−€ 1.234"
        assert percentage(0.125, 1) == "12,5%"


def test_it_formats_numbers_the_english_way_on_the_english_interface():
    with translation.override("en"):
        assert number(12345.66, 1) == "12,345.7"
        assert euros(1234567) == "€ 1,234,567"


def test_it_shows_a_dash_for_a_missing_value():
    assert number(None) == euros("") == percentage(None) == "—"
