# SPDX-License-Identifier: EUPL-1.2
"""The timeline of joint-purchasing opportunities: one row per group with its contracts' end dates as
marks on a shared time axis; the opportunities page draws it as SVG."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from goedebuur.common import date as format_date

ROW_HEIGHT = 28
LABEL_WIDTH = 230
AXIS_HEIGHT = 30
PLOT_WIDTH = 640


@dataclass
class TimelineMark:
    x: float
    label: str  # "Veenendaal: 1-3-2027"


@dataclass
class TimelineRow:
    y: float
    label: str
    band_x: float
    band_width: float
    marks: list[TimelineMark]
    hidden: int


@dataclass
class Timeline:
    width: int
    height: int
    plot_left: int
    plot_right: int
    ticks: list[tuple[float, str]]
    rows: list[TimelineRow]
    today_x: float
    title: str


def timeline(result, limit: int = 30) -> Timeline | None:
    """A row per group (the first `limit`): the end dates the viewer may see as marks on a time
    axis from today to the horizon, the window (or the span where hidden end dates can lie) as a
    band. None when there are no groups."""
    if not result.groups:
        return None
    start, end = result.today, result.horizon
    span = max(1, (end - start).days)
    left, right = LABEL_WIDTH, LABEL_WIDTH + PLOT_WIDTH

    def x(day: date) -> float:
        return round(left + (min(max(day, start), end) - start).days / span * PLOT_WIDTH, 1)

    ticks = []
    for year in range(start.year + 1, end.year + 1):
        if x(date(year, 1, 1)) - left >= 40:  # leave room for the "vandaag" label
            ticks.append((x(date(year, 1, 1)), str(year)))
    rows = []
    for i, group in enumerate(result.groups[:limit]):
        y = AXIS_HEIGHT + i * ROW_HEIGHT
        label = f"{group.rank}. {group.subject}"
        if len(label) > 34:
            label = label[:33] + "…"
        marks = [
            TimelineMark(x(c.end_date), f"{c.municipality_name}: {format_date(c.end_date)}")
            for c in group.contracts
            if c.visible
        ]
        bx = x(group.band_start)
        rows.append(TimelineRow(y, label, bx, max(2.0, x(group.band_end) - bx), marks, group.hidden))
    return Timeline(
        width=right + 20,
        height=AXIS_HEIGHT + len(rows) * ROW_HEIGHT + 10,
        plot_left=left,
        plot_right=right,
        ticks=ticks,
        rows=rows,
        today_x=left,
        title=_("Tijdlijn van %(n)s inkoopkansen, van %(start)s tot %(end)s")
        % {"n": len(rows), "start": format_date(start), "end": format_date(end)},
    )
