# SPDX-License-Identifier: EUPL-1.2
"""SVG maps of cluster proposals and fallback pairs, on the shared path cache of the maps app."""

from __future__ import annotations

from html import escape

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from goedebuur.common import number
from goedebuur.core.geo import padded_box, project, union_box
from goedebuur.core.maps.colour import CONTEXT, HIGHLIGHT
from goedebuur.maps.services import Area, geometry, named_map

from .pairs import PairProposal
from .services import GROUP_COLOURS, PAIR_LINE, ClusterProposal


def _box_for(codes, boxes):
    return padded_box(union_box(boxes[c] for c in codes if c in boxes), padding=0.03)


def cluster_map(proposal: ClusterProposal):
    """The proposal on the map: each group in its colour (its own, or at least different from its
    neighbours' when there are more groups than colours), named where the names fit: the
    municipalities, or the group numbers when colours repeat."""
    paths, boxes = geometry()
    colour_of = {}
    title_of = {}
    name_of = {}
    for group in proposal.groups:
        for m in group.members:
            colour_of[m.code] = group.colour
            name_of[m.code] = m.name
            title_of[m.code] = _("%(name)s: groep %(g)s") % {"name": m.name, "g": group.number}
    areas = [
        Area(code, title_of[code], paths[code], fill=colour_of[code], title=title_of[code])
        for code in proposal.area.codes
        if code in paths
    ]
    k = len(proposal.groups)
    label = ngettext(
        "Kaart van het voorstel: %(k)s groep in %(area)s",
        "Kaart van het voorstel: %(k)s groepen in %(area)s",
        k,
    ) % {"k": k, "area": proposal.area.name}
    box = _box_for(proposal.area.codes, boxes)
    if k > len(GROUP_COLOURS):
        # Colours repeat (bordering groups still differ): name the groups by their number, at
        # their largest member, so that each group on the map is found in the legend and table.
        name_of = {}
        for group in proposal.groups:
            largest = max((m.code for m in group.members if m.code in boxes), key=lambda c: _size(boxes[c]))
            name_of[largest] = str(group.number)
    return mark_safe(named_map(areas, box, label=label, names=name_of))


def _size(box):
    return (box[2] - box[0]) * (box[3] - box[1])


def pairs_map(proposal: PairProposal):
    """The municipalities with a line between the centroids of each pair (a triangle: three)."""
    paths, boxes = geometry()
    left = {lo.member.code for lo in proposal.leftovers}
    areas = [
        Area(
            code,
            code,
            paths[code],
            fill=HIGHLIGHT if code in left else CONTEXT,
            title=_("zonder achtervang") if code in left else "",
        )
        for code in proposal.area.codes
        if code in paths
    ]
    names = {}
    for g in proposal.groups:
        for m in g.members:
            names[m.code] = m.name
    for lo in proposal.leftovers:
        names[lo.member.code] = lo.member.name
    areas = [Area(a.code, names.get(a.code, a.code), a.path, fill=a.fill, title=(
        f"{names.get(a.code, a.code)}: {a.title}" if a.title else names.get(a.code, a.code))) for a in areas]  # fmt: skip
    label = _("Kaart van de achtervangkoppels: %(n)s koppels") % {"n": len(proposal.groups)}
    svg = named_map(areas, _box_for(proposal.area.codes, boxes), label=label, names=names)
    lines = []
    for g in proposal.groups:
        codes = [m.code for m in g.members]
        edges = list(zip(codes, codes[1:] + codes[:1], strict=True)) if len(codes) == 3 else [tuple(codes)]
        for (a, b), km in zip(edges, g.km, strict=True):
            (x1, y1), (x2, y2) = project(*proposal.points[a][::-1]), project(*proposal.points[b][::-1])
            title = escape(f"{names[a]} – {names[b]} ({number(km)} km)")
            lines.append(
                f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"><title>{title}</title></line>'
            )
        for code in codes:
            x, y = project(*proposal.points[code][::-1])
            lines.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="1.6"/>')
    overlay = (
        f'<g class="pairs" stroke="{PAIR_LINE}" stroke-width="1.4" fill="{PAIR_LINE}">{"".join(lines)}</g>'
    )
    return mark_safe(svg[: -len("</svg>")] + overlay + "</svg>")
