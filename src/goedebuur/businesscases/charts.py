# SPDX-License-Identifier: EUPL-1.2
"""Server-rendered SVG charts of a business-case result: the cumulative cash flow with its
P10-P90 band, the NPV per municipality and the tornado. Each has a title and a description for
screen readers; the pages also show the same figures in tables."""

from html import escape

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from goedebuur.common import euros
from goedebuur.core.businesscase.montecarlo import TOTAL

WIDTH = 720
BLUE, BAND, RED, GREEN, GREY = "#154273", "#c9d7ea", "#b3001b", "#2b7a0b", "#555"


def _scale(low: float, high: float, start: float, end: float):
    if high == low:
        high, low = high + 1, low - 1
    return lambda v: start + (v - low) * (end - start) / (high - low)


def _svg(height: int, title: str, desc: str, body: list[str], ident: str) -> str:
    return mark_safe(
        f'<svg class="bc-chart" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'aria-labelledby="{ident}-t {ident}-d" xmlns="http://www.w3.org/2000/svg" font-size="12" '
        f'font-family="sans-serif"><title id="{ident}-t">{escape(title)}</title>'
        f'<desc id="{ident}-d">{escape(desc)}</desc>{"".join(body)}</svg>'
    )


def cumulative_chart(result, code: str = TOTAL, ident: str = "cum") -> str:
    low, mid, high = result.simulation.band[code]
    years = [row.calendar_year for row in result.deterministic.schedule[code]]
    top, bottom, left, right = 20, 250, 110, WIDTH - 20
    values = [*low, *high, 0]
    y = _scale(min(values), max(values), bottom, top)
    step = (right - left) / max(len(years) - 1, 1)
    xs = [left + i * step for i in range(len(years))]
    body = [
        f'<line x1="{left}" x2="{right}" y1="{y(0):.1f}" y2="{y(0):.1f}" stroke="{GREY}" stroke-dasharray="4 3"/>'
    ]
    for value in (min(values), 0, max(values)):
        body.append(
            f'<text x="{left - 6}" y="{y(value) + 4:.1f}" text-anchor="end">{escape(euros(value))}</text>'
        )
    band = [f"{x:.1f},{y(v):.1f}" for x, v in zip(xs, high, strict=True)]
    band += [f"{x:.1f},{y(v):.1f}" for x, v in reversed(list(zip(xs, low, strict=True)))]
    body.append(f'<polygon points="{" ".join(band)}" fill="{BAND}" stroke="none"/>')
    line = " ".join(f"{x:.1f},{y(v):.1f}" for x, v in zip(xs, mid, strict=True))
    body.append(f'<polyline points="{line}" fill="none" stroke="{BLUE}" stroke-width="2.5"/>')
    for x, year in zip(xs, years, strict=True):
        body.append(f'<text x="{x:.1f}" y="{bottom + 18}" text-anchor="middle">{year}</text>')
    body.append(
        f'<text x="{right}" y="{top - 6}" text-anchor="end" fill="{GREY}">'
        f"{escape(_('band: P10-P90, lijn: P50'))}</text>"
    )
    desc = _(
        "Cumulatieve kasstroom per jaar. Na het laatste jaar: P10 %(p10)s, P50 %(p50)s, P90 %(p90)s."
    ) % {
        "p10": euros(low[-1]),
        "p50": euros(mid[-1]),
        "p90": euros(high[-1]),
    }
    return _svg(bottom + 30, _("Cumulatieve kasstroom met P10-P90-band"), desc, body, ident)


def npv_chart(result, ident: str = "npv") -> str:
    rows = [(o.name, o.npv) for o in result.simulation.outcomes]
    return range_chart(rows, _("Netto contante waarde per gemeente"), ident)


def range_chart(rows, title: str, ident: str) -> str:
    """Horizontal P10-P90 ranges with the P50 as a bar from zero, one row per (label, (p10, p50, p90))."""
    row_height, top, left, right = 34, 10, 190, WIDTH - 20
    values = [v for _label, npv in rows for v in npv] + [0]
    x = _scale(min(values), max(values), left, right)
    height = top + row_height * len(rows) + 30
    body = [f'<line x1="{x(0):.1f}" x2="{x(0):.1f}" y1="{top}" y2="{height - 25}" stroke="{GREY}"/>']
    parts = []
    for i, (label, (p10, p50, p90)) in enumerate(rows):
        cy = top + i * row_height + row_height / 2
        colour = RED if p50 < 0 else GREEN
        short = label if len(label) <= 30 else label[:29] + "…"
        body.append(f'<text x="{left - 8}" y="{cy + 4:.1f}" text-anchor="end">{escape(short)}</text>')
        body.append(
            f'<line x1="{x(p10):.1f}" x2="{x(p90):.1f}" y1="{cy:.1f}" y2="{cy:.1f}" stroke="{GREY}" stroke-width="2"/>'
        )
        start, end = sorted((x(0), x(p50)))
        body.append(
            f'<rect x="{start:.1f}" y="{cy - 8:.1f}" width="{max(end - start, 1):.1f}" height="16" '
            f'fill="{colour}" opacity="0.8"/>'
        )
        parts.append(f"{label}: P50 {euros(p50)} (P10 {euros(p10)}, P90 {euros(p90)})")
    for value in (min(values), 0, max(values)):
        body.append(
            f'<text x="{x(value):.1f}" y="{height - 8}" text-anchor="middle">{escape(euros(value))}</text>'
        )
    return _svg(height, title, "; ".join(parts), body, ident)


def tornado_chart(result, ident: str = "tornado", limit: int = 12) -> str:
    bars = result.tornado[:limit]
    base = result.tornado_base
    row_height, top, left, right = 26, 10, 300, WIDTH - 20
    values = [v for bar in bars for v in (bar.npv_low, bar.npv_high)] + [base]
    x = _scale(min(values), max(values), left, right)
    height = top + row_height * max(len(bars), 1) + 30
    body = [f'<line x1="{x(base):.1f}" x2="{x(base):.1f}" y1="{top}" y2="{height - 25}" stroke="{GREY}"/>']
    parts = []
    for i, bar in enumerate(bars):
        cy = top + i * row_height + row_height / 2
        label = bar.label if len(bar.label) <= 46 else bar.label[:45] + "…"
        body.append(f'<text x="{left - 8}" y="{cy + 4:.1f}" text-anchor="end">{escape(label)}</text>')
        for value, colour in ((bar.npv_low, "#7a9cc6"), (bar.npv_high, BLUE)):
            start, end = sorted((x(base), x(value)))
            body.append(
                f'<rect x="{start:.1f}" y="{cy - 8:.1f}" width="{max(end - start, 1):.1f}" height="16" fill="{colour}"/>'
            )
        parts.append(f"{bar.label}: {euros(bar.npv_low)} {_('tot')} {euros(bar.npv_high)}")
    for value in (min(values), base, max(values)):
        body.append(
            f'<text x="{x(value):.1f}" y="{height - 8}" text-anchor="middle">{escape(euros(value))}</text>'
        )
    desc = _("Netto contante waarde als één invoer op laag of hoog staat: ") + "; ".join(parts)
    return _svg(height, _("Tornado: gevoeligheid van de netto contante waarde"), desc, body, ident)
