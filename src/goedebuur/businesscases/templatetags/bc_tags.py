# SPDX-License-Identifier: EUPL-1.2
from django import template

from ..charts import euros

register = template.Library()


@register.filter
def bc_euros(value):
    """Whole euros with a Dutch thousands separator: € 1.234.567."""
    if value in (None, ""):
        return "—"
    return euros(float(value))
