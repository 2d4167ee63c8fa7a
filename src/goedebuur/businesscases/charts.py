# SPDX-License-Identifier: EUPL-1.2
"""Server-rendered SVG charts of a business-case result: the cumulative cash flow with its
P10-P90 band, the NPV per municipality and the tornado. Each has a title and a description for
screen readers, a legend and axis labels inside the picture, and labels wrapped at word
boundaries into a margin wide enough for them (never cut off, never broken inside a word); the
pages also show the same figures in tables. The result page, the report and the PDF draw the same
SVG."""

import re
from html import escape, unescape

from django.utils.translation import gettext as _

from goedebuur.common import (
    CHART_BAND,
    CHART_BLUE,
    CHART_GREEN,
    CHART_GREY,
    CHART_RED,
    chart_amounts,
    chart_axis_titles,
    chart_band,
    chart_line,
    chart_scale,
    chart_svg,
    chart_year,
    chart_zero_line,
    euros,
)
from goedebuur.core.businesscase.montecarlo import TOTAL

WIDTH = 720
LIGHT = "#7a9cc6"
CHAR = 6.6  # average width of a character at font-size 12, in SVG units (DejaVu/Arial-like fonts)
LEGEND = 24  # height of the legend row above a chart


def _svg(height: int, title: str, desc: str, body: list[str], ident: str) -> str:
    return chart_svg(
        body,
        title=title,
        desc=desc,
        ident=ident,
        width=WIDTH,
        height=height,
        css="bc-chart",
        font="DejaVu Sans, Verdana, sans-serif",
    )


def wrap(text: str, width: int, lines: int = 2) -> list[str]:
    """`text` in at most `lines` lines of about `width` characters, broken only between words; a
    rest that does not fit ends the last line with an ellipsis after a whole word."""
    words, out, current = text.split(), [], ""
    for index, word in enumerate(words):
        candidate = f"{current} {word}".strip()
        if len(candidate) <= width or not current:
            current = candidate
            continue
        out.append(current)
        current = word
        if len(out) == lines - 1:
            rest = " ".join(words[index:])
            if len(rest) > width:
                kept = ""
                for part in words[index:]:
                    if len(f"{kept} {part}".strip()) + 1 > width and kept:
                        break
                    kept = f"{kept} {part}".strip()
                rest = kept + "…"
            return [*out, rest]
    return [*out, current] if current else out


def _label(x: float, cy: float, lines: list[str]) -> str:
    first = cy + 4 - (len(lines) - 1) * 7
    spans = "".join(
        f'<tspan x="{x:.1f}" y="{first + i * 14:.1f}">{escape(line)}</tspan>' for i, line in enumerate(lines)
    )
    return f'<text text-anchor="end">{spans}</text>'


def _margin(labels: list[str], budget: int) -> tuple[int, int]:
    """(left margin, characters per line) for row labels of at most `budget` characters a line."""
    longest = max((len(line) for label in labels for line in wrap(label, budget)), default=8)
    return int(min(longest * CHAR + 16, WIDTH / 2)), budget


def _ticks(values: list[float], x, bottom: float, *, base: float = 0.0) -> list[str]:
    """Labels of the lowest value, `base` and the highest value on the horizontal axis, anchored so
    that none runs off the picture; one too close to another is left out."""
    low, high = min(values), max(values)
    out, placed = [], []
    for value, anchor in ((low, "start"), (high, "end"), (base, "middle")):
        position = x(value)
        if any(abs(position - other) < 110 for other in placed):
            continue
        placed.append(position)
        out.append(
            f'<text x="{position:.1f}" y="{bottom:.1f}" text-anchor="{anchor}">{escape(euros(value))}</text>'
        )
    return out


def _legend(items: list[tuple[str, str]], left: int) -> list[str]:
    """A row of swatches: (svg markup of the swatch at 0,0 of a 14x10 box, text)."""
    out, x = [], left
    for swatch, text in items:
        out.append(f'<g transform="translate({x},7)">{swatch}</g>')
        out.append(f'<text x="{x + 20}" y="16">{escape(text)}</text>')
        x += 20 + int(len(text) * CHAR) + 24
    return out


def cumulative_chart(result, code: str = TOTAL, ident: str = "cum") -> str:
    low, mid, high = result.simulation.band[code]
    years = [row.calendar_year for row in result.deterministic.schedule[code]]
    values = [*low, *high, 0]
    left = int(max(len(euros(v)) for v in (min(values), max(values))) * CHAR) + 30
    top, bottom, right = LEGEND + 16, LEGEND + 246, WIDTH - 20
    y = chart_scale(min(values), max(values), bottom, top)
    step = (right - left) / max(len(years) - 1, 1)
    xs = [left + i * step for i in range(len(years))]
    body = _legend(
        [
            (
                f'<rect width="14" height="10" fill="{CHART_BAND}"/>',
                _("80 % van de uitkomsten (P10 tot P90)"),
            ),
            (
                f'<line x1="0" x2="14" y1="5" y2="5" stroke="{CHART_BLUE}" stroke-width="3"/>',
                _("middelste uitkomst (P50)"),
            ),
        ],
        left,
    )
    body.append(chart_zero_line(left, right, y))
    body.extend(chart_amounts((min(values), 0, max(values)), left, y))
    body.append(chart_band(xs, low, high, y))
    body.append(chart_line(xs, mid, y, stroke=CHART_BLUE, width="2.5"))
    every = 1 if len(years) <= 12 else 2
    for i, (x, year) in enumerate(zip(xs, years, strict=True)):
        if i % every == 0 or i == len(years) - 1:
            body.append(chart_year(x, bottom, year))
    body.extend(chart_axis_titles(left, right, top, bottom, _("Jaar"), _("Opgeteld saldo"), edge=12))
    desc = _(
        "Cumulatieve kasstroom per jaar. Na het laatste jaar: P10 %(p10)s, P50 %(p50)s, P90 %(p90)s."
    ) % {
        "p10": euros(low[-1]),
        "p50": euros(mid[-1]),
        "p90": euros(high[-1]),
    }
    return _svg(bottom + 46, _("Cumulatieve kasstroom met P10-P90-band"), desc, body, ident)


def npv_chart(result, ident: str = "npv") -> str:
    rows = [(o.name, o.npv) for o in result.simulation.outcomes]
    return range_chart(rows, _("Netto contante waarde per gemeente"), ident)


def range_chart(rows, title: str, ident: str) -> str:
    """Horizontal P10-P90 ranges with the P50 as a bar from zero, one row per (label, (p10, p50, p90))."""
    row_height, top, right = 36, LEGEND + 10, WIDTH - 24
    left, budget = _margin([label for label, _npv in rows], 28)
    values = [v for _label, npv in rows for v in npv] + [0]
    x = chart_scale(min(values), max(values), left, right)
    height = top + row_height * len(rows) + 30
    body = _legend(
        [
            (f'<rect width="14" height="10" fill="{CHART_GREEN}" opacity="0.8"/>', _("P50 positief")),
            (f'<rect width="14" height="10" fill="{CHART_RED}" opacity="0.8"/>', _("P50 negatief")),
            (
                f'<line x1="0" x2="14" y1="5" y2="5" stroke="{CHART_GREY}" stroke-width="2"/>',
                _("P10 tot P90"),
            ),
        ],
        8,
    )
    body.append(
        f'<line x1="{x(0):.1f}" x2="{x(0):.1f}" y1="{top}" y2="{height - 25}" stroke="{CHART_GREY}"/>'
    )
    parts = []
    for i, (label, (p10, p50, p90)) in enumerate(rows):
        cy = top + i * row_height + row_height / 2
        colour = CHART_RED if p50 < 0 else CHART_GREEN
        body.append(_label(left - 8, cy, wrap(label, budget)))
        body.append(
            f'<line x1="{x(p10):.1f}" x2="{x(p90):.1f}" y1="{cy:.1f}" y2="{cy:.1f}" stroke="{CHART_GREY}" stroke-width="2"/>'
        )
        start, end = sorted((x(0), x(p50)))
        body.append(
            f'<rect x="{start:.1f}" y="{cy - 8:.1f}" width="{max(end - start, 1):.1f}" height="16" '
            f'fill="{colour}" opacity="0.8"/>'
        )
        parts.append(f"{label}: P50 {euros(p50)} (P10 {euros(p10)}, P90 {euros(p90)})")
    body.extend(_ticks(values, x, height - 8))
    return _svg(height, title, "; ".join(parts), body, ident)


def tornado_chart(result, ident: str = "tornado", limit: int = 12) -> str:
    bars = result.tornado[:limit]
    base = result.tornado_base
    row_height, top, right = 44, LEGEND + 10, WIDTH - 24
    left, budget = _margin([bar.label for bar in bars], 36)
    values = [v for bar in bars for v in (bar.npv_low, bar.npv_high)] + [base]
    x = chart_scale(min(values), max(values), left, right)
    height = top + row_height * max(len(bars), 1) + 30
    body = _legend(
        [
            (f'<rect width="14" height="10" fill="{LIGHT}"/>', _("invoer op laagste waarde")),
            (f'<rect width="14" height="10" fill="{CHART_BLUE}"/>', _("invoer op hoogste waarde")),
            (
                f'<line x1="7" x2="7" y1="0" y2="10" stroke="{CHART_GREY}" stroke-width="2"/>',
                _("waarschijnlijke uitkomst"),
            ),
        ],
        8,
    )
    body.append(
        f'<line x1="{x(base):.1f}" x2="{x(base):.1f}" y1="{top}" y2="{height - 25}" stroke="{CHART_GREY}"/>'
    )
    parts = []
    for i, bar in enumerate(bars):
        cy = top + i * row_height + row_height / 2
        body.append(_label(left - 8, cy, wrap(bar.label, budget, lines=3)))
        for value, colour in ((bar.npv_low, LIGHT), (bar.npv_high, CHART_BLUE)):
            start, end = sorted((x(base), x(value)))
            body.append(
                f'<rect x="{start:.1f}" y="{cy - 8:.1f}" width="{max(end - start, 1):.1f}" height="16" fill="{colour}"/>'
            )
        parts.append(f"{bar.label}: {euros(bar.npv_low)} {_('tot')} {euros(bar.npv_high)}")
    body.extend(_ticks(values, x, height - 8, base=base))
    desc = _("Netto contante waarde als één invoer op laag of hoog staat: ") + "; ".join(parts)
    return _svg(height, _("Tornado: gevoeligheid van de netto contante waarde"), desc, body, ident)


def charts(result) -> list[dict]:
    """The three charts of a result with their visible titles and, for the PDF's picture of each,
    an alternative text (the chart's title and description)."""
    figures = [
        (_("Cumulatieve kasstroom, alle gemeenten samen"), cumulative_chart(result)),
        (_("Netto contante waarde per gemeente (P10-P90 en P50)"), npv_chart(result)),
        (_("Gevoeligheid: welke invoer de uitkomst het meest verschuift (tornado)"), tornado_chart(result)),
    ]
    return [{"title": title, "svg": svg, "alt": f"{title}. {_description(svg)}"} for title, svg in figures]


def _description(svg: str) -> str:
    found = re.search(r"<desc[^>]*>(.*?)</desc>", svg, re.S)
    return unescape(found.group(1)) if found else ""
