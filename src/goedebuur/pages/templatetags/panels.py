# SPDX-License-Identifier: EUPL-1.2
from django import template
from django.utils.safestring import mark_safe

from goedebuur.pages.extensions import panels as collect_panels

register = template.Library()


@register.simple_tag(takes_context=True)
def panels(context, kind, obj):
    """Fragments from every app's `panels` module for this municipality or cooperation page."""
    return mark_safe("".join(collect_panels(kind, context["request"], obj)))  # noqa: S308 - apps render escaped HTML
