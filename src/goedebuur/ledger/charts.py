# SPDX-License-Identifier: EUPL-1.2
"""Server-rendered SVG of a ledger: the business case's P10-P90 band and P50 per year, with the realised
net drawn on top — per year (`yearly_chart`) and cumulatively (`cumulative_chart`). Title, description, legend and axis labels; the
page shows the same figures in a table."""

from html import escape

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from goedebuur.common import euros
from goedebuur.core.ledger import verdict as core

from . import phrases

WIDTH, HEIGHT = 720, 330
BLUE, BAND, RED, GREEN, GREY, INK = "#154273", "#c9d7ea", "#b3001b", "#2b7a0b", "#555", "#000"
COLOURS = {core.BELOW: RED, core.WITHIN: BLUE, core.ABOVE: GREEN}


def _scale(low, high, start, end):
    if high == low:
        high, low = high + 1, low - 1
    return lambda v: start + (v - low) * (end - start) / (high - low)


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
    y = _scale(min(values), max(values), bottom, top)
    step = (right - left) / max(len(years) - 1, 1)
    x = {year: left + i * step for i, year in enumerate(years)}
    body = [
        f'<line x1="{left}" x2="{right}" y1="{y(0):.1f}" y2="{y(0):.1f}" stroke="{GREY}" stroke-dasharray="4 3"/>',
        f'<line x1="{left}" x2="{left}" y1="{top}" y2="{bottom}" stroke="{GREY}"/>',
    ]
    for value in sorted({min(values), 0, max(values)}):
        body.append(
            f'<text x="{left - 6}" y="{y(value) + 4:.1f}" text-anchor="end">{escape(euros(value))}</text>'
        )
    for year in years:
        body.append(f'<text x="{x[year]:.1f}" y="{bottom + 18}" text-anchor="middle">{year}</text>')
    body.append(
        f'<text x="{(left + right) / 2:.1f}" y="{bottom + 38}" text-anchor="middle" fill="{GREY}">'
        f"{escape(_('jaar'))}</text>"
    )
    body.append(
        f'<text transform="translate(14 {(top + bottom) / 2:.1f}) rotate(-90)" text-anchor="middle" '
        f'fill="{GREY}">{escape(_("cumulatief netto (euro)") if cumulative else _("netto per jaar (euro)"))}</text>'
    )
    band_years = sorted(forecast)
    if band_years:
        points = [f"{x[v]:.1f},{y(band(forecast[v]).p90):.1f}" for v in band_years]
        points += [f"{x[v]:.1f},{y(band(forecast[v]).p10):.1f}" for v in reversed(band_years)]
        body.append(f'<polygon points="{" ".join(points)}" fill="{BAND}" stroke="none"/>')
        line = " ".join(f"{x[v]:.1f},{y(band(forecast[v]).p50):.1f}" for v in band_years)
        body.append(
            f'<polyline points="{line}" fill="none" stroke="{BLUE}" stroke-width="2" stroke-dasharray="6 4"/>'
        )
    realised = list(comparison.years)
    if realised:
        line = " ".join(f"{x[v.year]:.1f},{y(realised_net(v)):.1f}" for v in realised)
        body.append(f'<polyline points="{line}" fill="none" stroke="{INK}" stroke-width="2.5"/>')
        for v in realised:
            colour = COLOURS.get(code(v), GREY)
            body.append(
                f'<circle cx="{x[v.year]:.1f}" cy="{y(realised_net(v)):.1f}" r="5" fill="{colour}" stroke="{INK}"/>'
            )
    lines = [
        (f'<rect x="0" y="-9" width="18" height="10" fill="{BAND}"/>', _("prognose P10-P90")),
        (
            f'<line x1="0" x2="18" y1="-4" y2="-4" stroke="{BLUE}" stroke-width="2" stroke-dasharray="6 4"/>',
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
    return mark_safe(
        f'<svg class="ledger-chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
        f'aria-labelledby="{ident}-t {ident}-d" xmlns="http://www.w3.org/2000/svg" font-size="12" '
        f'font-family="sans-serif"><title id="{ident}-t">{escape(title)}</title>'
        f'<desc id="{ident}-d">{escape(desc)}</desc>{"".join(body)}</svg>'
    )
