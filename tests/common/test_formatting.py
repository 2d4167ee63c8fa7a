# SPDX-License-Identifier: EUPL-1.2
import datetime as dt

from django.utils import translation

from goedebuur.common import date, date_time, euros, number, percent, percentage


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


def test_it_writes_dates_out_in_the_active_language():
    day = dt.date(2026, 5, 16)
    with translation.override("nl"):
        assert date(day) == "16 mei 2026"
    with translation.override("en"):
        assert date(day) == "May 16, 2026"


def test_it_writes_a_moment_out_in_local_time():
    moment = dt.datetime(2026, 5, 16, 12, 5, tzinfo=dt.UTC)  # 14:05 in Amsterdam (summer time)
    with translation.override("nl"):
        assert date_time(moment) == "16 mei 2026 14:05"
    assert date(None) == date_time(None) == "—"


def test_a_percentage_keeps_its_own_decimals_and_a_space_before_the_sign():
    assert (percent(2.5), percent(34), percent(34.0), percent(0.25)) == ("2,5 %", "34 %", "34 %", "0,25 %")
    assert percent(1.5, sign=False) == "1,5"
    with translation.override("en"):
        assert percent(2.5) == "2.5 %"
    assert percent(None) == "—"
