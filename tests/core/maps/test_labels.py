# SPDX-License-Identifier: EUPL-1.2
from hypothesis import given, settings
from hypothesis import strategies as st

from goedebuur.core.maps.labels import LabelCandidate, font_size, label_box, place_labels


def _overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_it_names_an_area_with_room_for_its_name():
    big = LabelCandidate("Utrecht", 50, 50, (0, 0, 100, 100))
    assert place_labels([big], size=5) == [(0, 5)]


def test_it_leaves_out_a_name_that_does_not_fit_its_area_even_smaller():
    tiny = LabelCandidate("Súdwest-Fryslân", 5, 5, (0, 0, 10, 10))
    assert place_labels([tiny], size=5) == []


def test_it_tries_a_smaller_size_before_leaving_a_name_out():
    snug = LabelCandidate("Veenendaal", 8, 10, (0, 0, 16, 20))  # 10 × 0.62 × 4 = 24.8 > 1.5 × 16 = 24
    assert place_labels([snug], size=4) == [(0, 4 * 0.8)]


def test_the_larger_area_wins_when_two_names_would_overlap():
    small = LabelCandidate("Renswoude", 52, 50, (40, 40, 70, 60))
    large = LabelCandidate("Woudenberg", 50, 50, (0, 0, 100, 100))
    assert [i for i, _size in place_labels([small, large], size=5)] == [1]


def test_it_keeps_names_inside_the_view():
    edge = LabelCandidate("Vaals", 1, 50, (0, 0, 100, 100))
    assert place_labels([edge], size=5, view=(0, 0, 100, 100)) == []


def test_the_font_follows_the_larger_side_of_the_map():
    assert font_size((0, 0, 540, 100)) == font_size((0, 0, 100, 540)) == 10


boxes = st.tuples(st.floats(0, 900), st.floats(0, 900), st.floats(1, 200), st.floats(1, 200)).map(
    lambda t: (t[0], t[1], t[0] + t[2], t[1] + t[3])
)
names = st.text(alphabet="abcdefghij -", min_size=1, max_size=20)


@settings(max_examples=75)
@given(st.lists(st.tuples(names, boxes), max_size=40), st.floats(1, 20))
def test_placed_names_never_overlap_and_fit_their_area(items, size):
    candidates = [LabelCandidate(text, (b[0] + b[2]) / 2, (b[1] + b[3]) / 2, b) for text, b in items]
    chosen = place_labels(candidates, size)
    placed = [label_box(candidates[i], font) for i, font in chosen]
    for k, a in enumerate(placed):
        assert all(not _overlap(a, b) for b in placed[k + 1 :])
    for (i, _font), box in zip(chosen, placed, strict=True):
        area = candidates[i].box
        assert box[2] - box[0] <= 1.5 * (area[2] - area[0]) + 1e-9
