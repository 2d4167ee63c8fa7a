# SPDX-License-Identifier: EUPL-1.2
from django import template

from goedebuur.common import euros

register = template.Library()


@register.filter
def bc_euros(value):
    """Whole euros in the active language: € 1.234.567 (— for no value)."""
    return euros(value)
