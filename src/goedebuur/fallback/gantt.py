# SPDX-License-Identifier: EUPL-1.2
"""A server-rendered SVG Gantt chart of a restore schedule: one row per service with its restore
window as a bar and its RTO as a vertical mark. A bar that ends after the RTO is drawn in orange
with a hatch (a second cue besides colour) and its label says "te laat". The chart is `role="img"`
with a label; the page shows the same figures in a table (the text alternative). Texts in the active
language, numbers through `phrases.fmt`."""

from __future__ import annotations

import math
from html import escape

from django.utils.translation import gettext as _

from goedebuur.core.fallback.restore_schedule import Schedule

from .phrases import fmt

MET_FILL = "#2171b5"
LATE_FILL = "#e66101"
RTO_STROKE = "#1a1a1a"
LABEL_WIDTH = 220
CHART_WIDTH = 560
ROW = 28
TOP = 30


def _nice_step(span: float) -> float:
    if span <= 0:
        return 1.0
    raw = span / 6
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def _hours(value: float) -> str:
    return fmt(value, 1)


def render_gantt(schedule: Schedule, *, label: str, order_by_start: bool = True) -> str:
    entries = sorted(schedule.entries, key=lambda e: (e.start, e.key)) if order_by_start else schedule.entries
    finite = [e.end for e in entries if math.isfinite(e.end)] + [e.rto_hours for e in entries]
    span = max(finite, default=1.0) * 1.05 or 1.0
    scale = CHART_WIDTH / span
    step = _nice_step(span)
    height = TOP + ROW * len(entries) + 10
    width = LABEL_WIDTH + CHART_WIDTH + 20
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" class="gantt" role="img" '
        f'aria-label="{escape(label)}">',
        '<defs><pattern id="late-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#e66101"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2"/></pattern></defs>',
        '<g font-family="sans-serif" font-size="11" fill="#1a1a1a">',
    ]
    tick = 0.0
    while tick <= span + 1e-9:
        x = LABEL_WIDTH + tick * scale
        tick_label = _("%(hours)s u") % {"hours": _hours(tick)}
        parts.append(
            f'<line x1="{x:.1f}" y1="{TOP - 6}" x2="{x:.1f}" y2="{height - 10}" stroke="#d9dce0"/>'
            f'<text x="{x:.1f}" y="{TOP - 10}" text-anchor="middle">{escape(tick_label)}</text>'
        )
        tick += step
    for row, entry in enumerate(entries):
        y = TOP + row * ROW
        end = entry.end if math.isfinite(entry.end) else span
        x0 = LABEL_WIDTH + entry.start * scale
        w = max(1.5, (end - entry.start) * scale)
        fill = MET_FILL if entry.met else "url(#late-hatch)"
        verdict = _("op tijd") if entry.met else _("te laat")
        title = _("%(name)s: herstel %(start)s-%(end)s uur, RTO %(rto)s uur, %(verdict)s") % {
            "name": entry.name,
            "start": _hours(entry.start),
            "end": _hours(entry.end),
            "rto": _hours(entry.rto_hours),
            "verdict": verdict,
        }
        name = entry.name if len(entry.name) <= 30 else entry.name[:29] + "…"
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 17}" text-anchor="end">{escape(name)}</text>'
            f'<rect x="{x0:.1f}" y="{y + 6}" width="{w:.1f}" height="14" fill="{fill}">'
            f"<title>{escape(title)}</title></rect>"
        )
        rto_x = LABEL_WIDTH + min(entry.rto_hours, span) * scale
        parts.append(
            f'<line x1="{rto_x:.1f}" y1="{y + 2}" x2="{rto_x:.1f}" y2="{y + 24}" stroke="{RTO_STROKE}" '
            f'stroke-width="2" stroke-dasharray="3 2"/>'
        )
        if not entry.met:
            parts.append(
                f'<text x="{min(x0 + w + 4, width - 40):.1f}" y="{y + 17}">{escape(_("te laat"))}</text>'
            )
    parts.append("</g></svg>")
    return "".join(parts)
