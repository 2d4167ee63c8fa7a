# SPDX-License-Identifier: EUPL-1.2
"""The council's seats per party as a server-rendered horizontal bar chart (inline SVG, like the
business-case charts): a title and a description that lists every party for screen readers; the page
shows the same figures in a table."""

from html import escape

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from goedebuur.common import percentage

WIDTH = 680
BLUE, GREY, TEXT = "#154273", "#8a94a0", "#1a1a1a"
ROW_HEIGHT, TOP, LEFT, RIGHT = 24, 6, 280, WIDTH - 90


def _short(label: str, length: int = 34) -> str:
    return label if len(label) <= length else label[: length - 1] + "…"


def council_rows(composition) -> list[dict]:
    """One row per party, most seats first, and a last row for the seats the source names no party
    for: `party`, `seats`, `share` (formatted), `assigned` (False for that last row)."""
    rows = [{"party": p.party, "seats": p.seats, "assigned": True} for p in composition.parties]
    if composition.unassigned_seats > 0:
        rows.append(
            {
                "party": _("niet per partij in de bron"),
                "seats": composition.unassigned_seats,
                "assigned": False,
            }
        )
    for row in rows:
        row["share"] = percentage(row["seats"] / composition.total_seats)
    return rows


def council_chart(composition, ident: str = "raad") -> str:
    """Seats per party, most first; seats the source names no party for as a grey last bar."""
    rows = council_rows(composition)
    largest = max((row["seats"] for row in rows), default=1)
    scale = (RIGHT - LEFT) / largest
    height = TOP * 2 + ROW_HEIGHT * len(rows)
    body, parts = [], []
    for i, row in enumerate(rows):
        label, seats, share = row["party"], row["seats"], row["share"]
        colour = BLUE if row["assigned"] else GREY
        y = TOP + i * ROW_HEIGHT
        body.append(
            f'<text x="{LEFT - 8}" y="{y + 16}" text-anchor="end"><title>{escape(label)}</title>'
            f"{escape(_short(label))}</text>"
            f'<rect x="{LEFT}" y="{y + 4}" width="{max(seats * scale, 1):.1f}" height="{ROW_HEIGHT - 8}" '
            f'fill="{colour}"/>'
            f'<text x="{LEFT + seats * scale + 6:.1f}" y="{y + 16}">{seats} ({escape(share)})</text>'
        )
        parts.append(
            ngettext("%(party)s: %(seats)s zetel", "%(party)s: %(seats)s zetels", seats)
            % {"party": label, "seats": seats}
        )
    title = ngettext(
        "Zetels per partij in de gemeenteraad (%(total)s zetel)",
        "Zetels per partij in de gemeenteraad (%(total)s zetels)",
        composition.total_seats,
    ) % {"total": composition.total_seats}
    return mark_safe(
        f'<svg class="council-chart" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'aria-labelledby="{ident}-t {ident}-d" xmlns="http://www.w3.org/2000/svg" font-size="13" '
        f'font-family="sans-serif" fill="{TEXT}"><title id="{ident}-t">{escape(title)}</title>'
        f'<desc id="{ident}-d">{escape("; ".join(parts))}</desc>{"".join(body)}</svg>'
    )
