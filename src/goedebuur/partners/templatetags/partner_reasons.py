# SPDX-License-Identifier: EUPL-1.2
"""`{{ criterion.reason|phrase }}`: a partner-finder reason as a sentence in the active language."""

from django import template

from goedebuur.partners.reasons import phrase as phrase_reason

register = template.Library()


@register.filter
def phrase(reason) -> str:
    return phrase_reason(reason)
