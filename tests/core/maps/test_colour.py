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


def _ring(k):
    """k groups in a ring: each borders the one before and after it."""
    return [{(g - 1) % k, (g + 1) % k} for g in range(k)]


def test_every_group_gets_a_colour_of_its_own_while_the_palette_allows():
    touching = _ring(5)  # issue 20: five groups were drawn with three colours
    colours = colour.group_colours(touching)
    assert len(set(colours)) == 5


@given(st.integers(min_value=len(colour.GROUPS) + 1, max_value=120), st.randoms(use_true_random=False))
def test_bordering_groups_never_share_a_colour_beyond_the_palette(k, rnd):
    # a planar-like graph: a ring with a few chords, at most degree 5
    touching = _ring(k)
    for _ in range(k // 3):
        a, b = rnd.randrange(k), rnd.randrange(k)
        if a != b and len(touching[a]) < 5 and len(touching[b]) < 5:
            touching[a].add(b)
            touching[b].add(a)
    colours = colour.group_colours(touching)
    assert len(colours) == k
    for g, others in enumerate(touching):
        assert all(colours[g] != colours[h] for h in others)


def test_the_group_colours_are_distinct():
    assert len(set(colour.GROUPS)) == len(colour.GROUPS)
