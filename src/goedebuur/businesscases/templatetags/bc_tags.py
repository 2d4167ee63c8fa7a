# SPDX-License-Identifier: EUPL-1.2
import base64

from django import template

from goedebuur.common import euros

register = template.Library()


@register.filter
def bc_euros(value):
    """Whole euros in the active language: € 1.234.567 (— for no value)."""
    return euros(value)


@register.filter
def bc_svg_data_uri(svg):
    """An SVG chart as a data URI, for the PDF's <img> (which carries the alternative text)."""
    return "data:image/svg+xml;base64," + base64.b64encode(str(svg).encode()).decode("ascii")
