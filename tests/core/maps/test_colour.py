# SPDX-License-Identifier: EUPL-1.2
from hypothesis import given
from hypothesis import strategies as st

from goedebuur.core.maps import colour

maxima = st.integers(min_value=0, max_value=500)


def _range(label):
    lower, _, upper = label.partition("–")
    return int(lower), int(upper or lower)


@given(maxima)
def test_it_makes_strictly_rising_breaks_starting_at_one(top):
    breaks = colour.class_breaks(top)
    assert breaks == sorted(set(breaks))
    assert len(breaks) <= len(colour.SEQUENTIAL) - 1
    if top > 0:
        assert breaks[0] == 1 and breaks[-1] <= top
    else:
        assert breaks == []


@given(maxima)
def test_it_gives_every_count_exactly_one_legend_class_with_its_colour(top):
    breaks = colour.class_breaks(top)
    items = colour.legend(breaks, top)
    for value in range(top + 1):
        matching = [c for label, c in items if _range(label)[0] <= value <= _range(label)[1]]
        assert matching == [colour.colour_for(value, breaks)]


@given(maxima)
def test_it_labels_the_legend_in_rising_non_overlapping_ranges_up_to_the_maximum(top):
    items = colour.legend(colour.class_breaks(top), top)
    ranges = [_range(label) for label, _ in items]
    assert ranges[0] == (0, 0)
    for (_, upper), (lower, _) in zip(ranges, ranges[1:], strict=False):
        assert lower == upper + 1
    assert ranges[-1][1] == top
    assert len({c for _, c in items}) == len(items)


@given(maxima, st.integers(0, 500), st.integers(0, 500))
def test_it_never_gives_a_larger_count_a_lighter_class(top, a, b):
    breaks = colour.class_breaks(top)
    low, high = sorted((min(a, top), min(b, top)))
    assert colour.class_index(low, breaks) <= colour.class_index(high, breaks)


def test_it_writes_ranges_with_an_en_dash():
    assert colour.legend(colour.class_breaks(6), 6) == [
        ("0", "#f1f4f9"),
        ("1–2", "#c6dbef"),
        ("3", "#6baed6"),
        ("4", "#2171b5"),
        ("5–6", "#08306b"),
    ]


def test_it_keeps_the_highlight_and_context_colours_out_of_the_scale():
    assert colour.HIGHLIGHT not in colour.SEQUENTIAL
    assert colour.CONTEXT not in colour.SEQUENTIAL
