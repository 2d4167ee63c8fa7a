# SPDX-License-Identifier: EUPL-1.2
from hypothesis import given
from hypothesis import strategies as st

from goedebuur.core.register.matrix import MatrixLink, build_matrix

codes = st.sampled_from(["A", "B", "C", "D"])
domains = st.sampled_from(["x", "y", "z"])
links = st.lists(st.builds(MatrixLink, codes, domains, st.sampled_from(["c1", "c2", "c3"])), max_size=30)


def test_it_puts_each_cooperation_once_in_its_cells():
    m = build_matrix(
        ["A", "B"],
        ["x"],
        [MatrixLink("A", "x", "c1"), MatrixLink("A", "x", "c1"), MatrixLink("B", "x", "c2")],
    )
    assert m.cell("A", "x") == ["c1"] and m.cell("B", "x") == ["c2"]
    assert m.column_total("x") == 2 and m.row_total("A") == 1


def test_it_leaves_out_links_outside_the_requested_rows_and_columns():
    m = build_matrix(["A"], ["x"], [MatrixLink("B", "x", "c1"), MatrixLink("A", "y", "c1")])
    assert m.cells == {}


@given(links)
def test_row_totals_never_exceed_the_number_of_distinct_cooperations(items):
    m = build_matrix(["A", "B", "C", "D"], ["x", "y", "z"], items)
    for code in m.municipalities:
        assert m.row_total(code) <= len({link.cooperation for link in items if link.municipality == code})
        assert m.row_total(code) == len({link.cooperation for link in items if link.municipality == code})


def test_a_row_total_can_count_some_columns_only():
    m = build_matrix(
        ["A"],
        ["ict", "afval"],
        [MatrixLink("A", "ict", "c1"), MatrixLink("A", "afval", "c1"), MatrixLink("A", "afval", "c2")],
    )
    assert m.row_total("A") == 2
    assert m.row_total("A", ["ict"]) == 1
    assert m.row_total("A", []) == 0
