# SPDX-License-Identifier: EUPL-1.2
"""goedebuur.core.text: which control characters input may not hold, and text fit for a file."""

from hypothesis import given, settings
from hypothesis import strategies as st

from goedebuur.core.text import code_point, control_characters, printable


def test_it_finds_c0_del_and_c1_in_order_without_repeats():
    assert control_characters("a\x07b\x1bc\x07d\x7fe\x85f\x9f") == ["\x07", "\x1b", "\x7f", "\x85", "\x9f"]


def test_line_breaks_and_tabs_are_allowed_in_text_of_several_lines_only():
    assert control_characters("regel\r\neen\ttwee") == []
    assert control_characters("regel\r\neen\ttwee", multiline=False) == ["\r", "\n", "\t"]


def test_ordinary_text_has_none():
    assert control_characters("Coöperatie € 12.500 – ‘Enschedé’ 😀 \u00a0", multiline=False) == []


def test_code_point():
    assert [code_point(c) for c in "\x00\x07\x9f"] == ["U+0000", "U+0007", "U+009F"]


def test_printable_keeps_line_breaks_and_drops_the_rest():
    assert printable("Key2\x07Zaken\r\n\tx\x00\x7f\x85\ufffe\ud800") == "Key2Zaken\r\n\tx"


@settings(max_examples=75)
@given(st.text())
def test_printable_text_has_no_control_characters_and_is_xml(text):
    clean = printable(text)
    assert control_characters(clean) == []
    clean.encode("utf-8")  # no lone surrogates
