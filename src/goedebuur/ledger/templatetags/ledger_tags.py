# SPDX-License-Identifier: EUPL-1.2
from django import template

from goedebuur.common import euros as format_euros

register = template.Library()


@register.filter
def ledger_euros(value):
    return format_euros(value)
