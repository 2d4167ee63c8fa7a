# SPDX-License-Identifier: EUPL-1.2
"""The parts of the server-rendered SVG charts that every app draws alike, written once: the palette,
the linear scale, the picture with its title and description for screen readers, the dashed zero
line, the amounts along the vertical axis, the years along the horizontal one, the axis titles, the
P10-P90 band and a line through points. The business case's result charts and the savings ledger's
charts compose their pictures from these (each keeps its own legend and layout)."""

from html import escape

from django.utils.safestring import mark_safe

from .formatting import euros

CHART_BLUE, CHART_BAND, CHART_RED, CHART_GREEN, CHART_GREY = (
    "#154273",
    "#c9d7ea",
    "#b3001b",
    "#2b7a0b",
    "#555",
)


def chart_scale(low: float, high: float, start: float, end: float):
    """The linear map of [low, high] onto [start, end] (a flat range is widened by one either way)."""
    if high == low:
        high, low = high + 1, low - 1
    return lambda v: start + (v - low) * (end - start) / (high - low)


def chart_svg(
    body: list[str], *, title: str, desc: str, ident: str, width: int, height: int, css: str, font: str
) -> str:
    """The picture: `role="img"`, labelled by its title and description (ids `{ident}-t`, `{ident}-d`)."""
    return mark_safe(
        f'<svg class="{css}" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-labelledby="{ident}-t {ident}-d" xmlns="http://www.w3.org/2000/svg" font-size="12" '
        f'font-family="{font}"><title id="{ident}-t">{escape(title)}</title>'
        f'<desc id="{ident}-d">{escape(desc)}</desc>{"".join(body)}</svg>'
    )


def chart_zero_line(left: float, right: float, y) -> str:
    """The dashed line at zero euros, from `left` to `right` (`y`: the vertical scale)."""
    return (
        f'<line x1="{left}" x2="{right}" y1="{y(0):.1f}" y2="{y(0):.1f}" '
        f'stroke="{CHART_GREY}" stroke-dasharray="4 3"/>'
    )


def chart_amounts(values, left: float, y) -> list[str]:
    """Each of `values` in euros left of the vertical axis at `left`, at its height."""
    return [
        f'<text x="{left - 6}" y="{y(value) + 4:.1f}" text-anchor="end">{escape(euros(value))}</text>'
        for value in values
    ]


def chart_year(x: float, bottom: float, year) -> str:
    """A year under the horizontal axis at `bottom`."""
    return f'<text x="{x:.1f}" y="{bottom + 18}" text-anchor="middle">{year}</text>'


def chart_axis_titles(
    left: float, right: float, top: float, bottom: float, horizontal: str, vertical: str, *, edge: int
) -> list[str]:
    """The horizontal axis's title under the years and the vertical one turned along the left edge
    (its centre `edge` units from it)."""
    return [
        f'<text x="{(left + right) / 2:.1f}" y="{bottom + 38}" text-anchor="middle" fill="{CHART_GREY}">'
        f"{escape(horizontal)}</text>",
        f'<text transform="translate({edge} {(top + bottom) / 2:.1f}) rotate(-90)" text-anchor="middle" '
        f'fill="{CHART_GREY}">{escape(vertical)}</text>',
    ]


def chart_band(xs, lows, highs, y) -> str:
    """The filled band between `lows` and `highs` (P10 and P90) over the positions `xs`."""
    points = [f"{x:.1f},{y(v):.1f}" for x, v in zip(xs, highs, strict=True)]
    points += [f"{x:.1f},{y(v):.1f}" for x, v in reversed(list(zip(xs, lows, strict=True)))]
    return f'<polygon points="{" ".join(points)}" fill="{CHART_BAND}" stroke="none"/>'


def chart_line(xs, values, y, *, stroke: str, width: str, dash: str = "") -> str:
    """A line through (x, value) of `xs` and `values`; `dash` a stroke-dasharray, or none."""
    points = " ".join(f"{x:.1f},{y(v):.1f}" for x, v in zip(xs, values, strict=True))
    dashes = f' stroke-dasharray="{dash}"' if dash else ""
    return f'<polyline points="{points}" fill="none" stroke="{stroke}" stroke-width="{width}"{dashes}/>'
