# SPDX-License-Identifier: EUPL-1.2
"""Public API of the maps app: SVG maps of the municipalities, built from stored SVG paths."""

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from goedebuur.core.colour import class_breaks, colour_for, legend
from goedebuur.core.geo import padded_viewbox, projected_bbox
from goedebuur.core.svgmap import Area, render_map
from goedebuur.municipalities.models import Municipality
from goedebuur.municipalities.services import with_cooperation_counts

NATIONAL_VIEWBOX = "8 12 958 1132"


def cooperation_count_map(highlight: set[str] | None = None, label: str | None = None):
    """The national map coloured by number of ICT cooperations per municipality.
    Returns (svg, legend items)."""
    highlight = highlight or set()
    municipalities = list(with_cooperation_counts().only("code", "name", "svg_path"))
    top = max((m.cooperation_count for m in municipalities), default=0)
    breaks = class_breaks(top)
    areas = [
        Area(
            code=m.code,
            name=m.name,
            path=m.svg_path,
            fill=colour_for(m.cooperation_count, breaks),
            href=m.get_absolute_url(),
            title=_("%(name)s: %(n)s ICT-samenwerkingen") % {"name": m.name, "n": m.cooperation_count},
            highlighted=m.code in highlight,
        )
        for m in municipalities
    ]
    svg = render_map(
        areas, NATIONAL_VIEWBOX, label=label or _("Kaart van Nederland: ICT-samenwerkingen per gemeente")
    )
    return {"svg": mark_safe(svg), "legend": legend(breaks, top)}


def neighbourhood_map(municipality: Municipality):
    """A small map of a municipality and its neighbours, zoomed in on them."""
    neighbours = list(municipality.neighbours.only("code", "name", "svg_path", "boundary"))
    group = [municipality, *neighbours]
    viewbox = padded_viewbox(projected_bbox(m.boundary for m in group), padding=0.04)
    areas = [
        Area(
            code=m.code,
            name=m.name,
            path=m.svg_path,
            fill="#2171b5" if m.pk == municipality.pk else "#c6dbef",
            href="" if m.pk == municipality.pk else m.get_absolute_url(),
            title=m.name,
            highlighted=m.pk == municipality.pk,
        )
        for m in group
    ]
    label = _("Kaart van %(name)s en haar buurgemeenten") % {"name": municipality.name}
    return mark_safe(render_map(areas, viewbox, label=label, css_class="nl-map small"))
