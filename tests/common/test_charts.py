# SPDX-License-Identifier: EUPL-1.2
"""The shared parts of the SVG charts (goedebuur.common.charts), drawn by the business case and the ledger."""

from goedebuur.common import chart_amounts, chart_band, chart_line, chart_scale, chart_svg


def test_the_scale_maps_the_range_and_widens_a_flat_one():
    y = chart_scale(0, 100, 200, 0)
    assert (y(0), y(50), y(100)) == (200, 100, 0)
    flat = chart_scale(5, 5, 0, 10)
    assert flat(5) == 5


def test_the_band_runs_along_the_p90_and_back_along_the_p10():
    polygon = chart_band([0, 10], [1, 2], [5, 6], lambda v: v)
    assert 'points="0.0,5.0 10.0,6.0 10.0,2.0 0.0,1.0"' in polygon


def test_a_line_is_dashed_only_when_asked():
    assert "stroke-dasharray" not in chart_line([0, 1], [0, 1], float, stroke="#000", width="2")
    assert 'stroke-dasharray="6 4"' in chart_line([0, 1], [0, 1], float, stroke="#000", width="2", dash="6 4")


def test_the_picture_is_labelled_by_its_title_and_escaped_description():
    svg = chart_svg(
        chart_amounts([-1500], 100, float),
        title="T & t",
        desc="<d>",
        ident="x",
        width=10,
        height=20,
        css="c",
        font="f",
    )
    assert 'aria-labelledby="x-t x-d"' in svg and "T &amp; t" in svg and "&lt;d&gt;" in svg
    assert "1.500" in svg
