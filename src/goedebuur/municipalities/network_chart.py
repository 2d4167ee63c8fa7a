# SPDX-License-Identifier: EUPL-1.2
"""A municipality's network of shared regelingen as a server-rendered SVG: the municipality in the
centre, its closest partners on a ring around it (the closest at the top, then clockwise), a line
to each whose thickness follows the number of regelingen they share. Every partner is a link to its
page, named by its `<title>`; the page shows the same figures in a table.

The positions and widths come from `goedebuur.core.register.network`; this module writes markup."""

from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from goedebuur.common import number
from goedebuur.core.register.network import Partner, ring, widths

WIDTH, HEIGHT = 760, 560
CENTRE = (WIDTH / 2, HEIGHT / 2)
RADIUS = 200
NODE, CENTRE_NODE = 9, 16
BLUE, LINE, TEXT, ACCENT = "#154273", "#6baed6", "#1a1a1a", "#ca005d"
MAX_PARTNERS = 16
HALO = f'fill="{TEXT}" stroke="#fff" stroke-width="3" paint-order="stroke"'


def partner_title(name: str, partner: Partner) -> str:
    """The accessible name of a partner: name, number of shared regelingen and the weight."""
    return ngettext(
        "%(name)s: %(count)s gedeelde regeling (gewicht %(weight)s)",
        "%(name)s: %(count)s gedeelde regelingen (gewicht %(weight)s)",
        partner.count,
    ) % {"name": name, "count": partner.count, "weight": number(float(partner.weight), 2)}


def _anchor(x: float) -> str:
    centre_x = CENTRE[0]
    if abs(x - centre_x) < 1:
        return "middle"
    return "start" if x > centre_x else "end"


def network_svg(
    centre_name: str, partners: list[Partner], names: dict[str, str], url_for, ident: str = "netwerk"
) -> SafeString:
    """The chart of the first `MAX_PARTNERS` partners (already ranked). `names`: code -> name;
    `url_for`: code -> the partner's page."""
    shown = partners[:MAX_PARTNERS]
    label = _("Netwerk van %(name)s: de %(count)s gemeenten waarmee zij de meeste regelingen deelt") % {
        "name": centre_name,
        "count": len(shown),
    }
    points = ring(len(shown), RADIUS, CENTRE) if shown else []
    line_widths = widths([p.count for p in shown], thinnest=1.0, thickest=10.0)
    cx, cy = CENTRE
    lines, nodes = [], []
    for partner, (x, y), width in zip(shown, points, line_widths, strict=True):
        name = names.get(partner.code, partner.code)
        lines.append(
            f'<line x1="{cx:.1f}" y1="{cy:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke-width="{width:.1f}"/>'
        )
        # the label outside the node, away from the centre
        dx, dy = (x - cx) / RADIUS, (y - cy) / RADIUS
        lx, ly = x + dx * (NODE + 6), y + dy * (NODE + 6) + 4
        nodes.append(
            f'<a href="{escape(url_for(partner.code))}"><title>{escape(partner_title(name, partner))}</title>'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{NODE}"/>'
            f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="{_anchor(x)}" {HALO}>{escape(name)} ({partner.count})</text></a>'
        )
    return mark_safe(
        f'<svg class="network-chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="group" '
        f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg" font-size="13" '
        f'font-family="sans-serif">'
        f'<g stroke="{LINE}" stroke-linecap="round">{"".join(lines)}</g>'
        f'<g fill="{BLUE}" stroke="#fff" stroke-width="2">'
        f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{CENTRE_NODE}" fill="{ACCENT}"/></g>'
        f'<text x="{cx:.1f}" y="{cy + CENTRE_NODE + 16:.1f}" text-anchor="middle" font-weight="700" '
        f"{HALO}>{escape(centre_name)}</text>"
        f'<g class="nodes" fill="{BLUE}" stroke="#fff" stroke-width="1.5">{"".join(nodes)}</g></svg>'
    )
