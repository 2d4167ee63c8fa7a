# SPDX-License-Identifier: EUPL-1.2
"""Server-rendered SVG of a ledger: the business case's P10-P90 band and P50 per year, with the realised
net drawn on top — per year (`yearly_chart`) and cumulatively (`cumulative_chart`). Title, description, legend and axis labels; the
page shows the same figures in a table."""

from html import escape

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
from goedebuur.core.ledger import verdict as core

from . import phrases

WIDTH, HEIGHT = 720, 330
INK = "#000"
COLOURS = {core.BELOW: CHART_RED, core.WITHIN: CHART_BLUE, core.ABOVE: CHART_GREEN}


def cumulative_chart(
    comparison: core.Comparison, forecast: dict[int, core.ForecastYear], ident: str = "ledger"
) -> str:
    """The band over the forecast's years and the realised cumulative position of the compared years."""
    return _chart(comparison, forecast, ident, cumulative=True)


def yearly_chart(
    comparison: core.Comparison, forecast: dict[int, core.ForecastYear], ident: str = "ledger-jaar"
) -> str:
    """Each year's net against that year's band (a year can miss while the cumulative total still holds)."""
    return _chart(comparison, forecast, ident, cumulative=False)


def _chart(comparison, forecast, ident, *, cumulative: bool) -> str:
    def band(f):
        return f.cumulative if cumulative else f.net

    def realised_net(v):
        return v.cumulative_net if cumulative else v.realised.net

    def code(v):
        return v.cumulative_code if cumulative else v.code

    years = sorted(set(forecast) | {v.year for v in comparison.years})
    if not years:
        return ""
    top, bottom, left, right = 50, HEIGHT - 50, 110, WIDTH - 20
    values = [0, *(realised_net(v) for v in comparison.years)]
    for f in forecast.values():
        values += [band(f).p10, band(f).p90]
    y = chart_scale(min(values), max(values), bottom, top)
    step = (right - left) / max(len(years) - 1, 1)
    x = {year: left + i * step for i, year in enumerate(years)}
    body = [
        chart_zero_line(left, right, y),
        f'<line x1="{left}" x2="{left}" y1="{top}" y2="{bottom}" stroke="{CHART_GREY}"/>',
        *chart_amounts(sorted({min(values), 0, max(values)}), left, y),
        *(chart_year(x[year], bottom, year) for year in years),
        *chart_axis_titles(
            left,
            right,
            top,
            bottom,
            _("jaar"),
            _("cumulatief netto (euro)") if cumulative else _("netto per jaar (euro)"),
            edge=14,
        ),
    ]
    band_years = sorted(forecast)
    if band_years:
        xs = [x[v] for v in band_years]
        body.append(
            chart_band(
                xs,
                [band(forecast[v]).p10 for v in band_years],
                [band(forecast[v]).p90 for v in band_years],
                y,
            )
        )
        body.append(
            chart_line(
                xs, [band(forecast[v]).p50 for v in band_years], y, stroke=CHART_BLUE, width="2", dash="6 4"
            )
        )
    realised = list(comparison.years)
    if realised:
        xs = [x[v.year] for v in realised]
        body.append(chart_line(xs, [realised_net(v) for v in realised], y, stroke=INK, width="2.5"))
        for v in realised:
            colour = COLOURS.get(code(v), CHART_GREY)
            body.append(
                f'<circle cx="{x[v.year]:.1f}" cy="{y(realised_net(v)):.1f}" r="5" fill="{colour}" stroke="{INK}"/>'
            )
    lines = [
        (f'<rect x="0" y="-9" width="18" height="10" fill="{CHART_BAND}"/>', _("prognose P10-P90")),
        (
            f'<line x1="0" x2="18" y1="-4" y2="-4" stroke="{CHART_BLUE}" stroke-width="2" stroke-dasharray="6 4"/>',
            _("prognose P50"),
        ),
        (f'<line x1="0" x2="18" y1="-4" y2="-4" stroke="{INK}" stroke-width="2.5"/>', _("gerealiseerd")),
    ]
    dots = [
        (f'<circle cx="9" cy="-4" r="5" fill="{COLOURS[code]}" stroke="{INK}"/>', phrases.position(code))
        for code in (core.BELOW, core.WITHIN, core.ABOVE)
    ]
    for row, items in ((14, lines), (32, dots)):
        offset = left
        for mark, label in items:
            body.append(
                f'<g transform="translate({offset} {row})">{mark}<text x="24" y="0">{escape(label)}</text></g>'
            )
            offset += 40 + 7 * len(label)
    last = realised[-1] if realised else None
    if not last:
        desc = _("Nog geen gerealiseerde cijfers; alleen de prognose.")
    elif cumulative:
        desc = _(
            "Cumulatief netto resultaat per jaar tegen de prognose. Tot en met %(year)s gerealiseerd: %(value)s."
        ) % {"year": last.year, "value": euros(last.cumulative_net)}
    else:
        desc = _(
            "Netto resultaat van elk jaar tegen de prognose van dat jaar. In %(year)s gerealiseerd: %(value)s."
        ) % {
            "year": last.year,
            "value": euros(last.realised.net),
        }
    title = (
        _("Gerealiseerd tegen de prognose (cumulatief)")
        if cumulative
        else _("Gerealiseerd tegen de prognose (per jaar)")
    )
    return chart_svg(
        body,
        title=title,
        desc=desc,
        ident=ident,
        width=WIDTH,
        height=HEIGHT,
        css="ledger-chart",
        font="sans-serif",
    )
