# SPDX-License-Identifier: EUPL-1.2
"""`{{ criterion.reason|phrase }}`: a partner-finder reason as a sentence in the active language;
`{{ key|criterion }}`: a criterion's name."""

from django import template

from goedebuur.partners.reasons import criterion_label
from goedebuur.partners.reasons import phrase as phrase_reason
from goedebuur.partners.reasons import strongest as strongest_reasons

register = template.Library()


@register.filter
def phrase(reason) -> str:
    return phrase_reason(reason)


@register.filter
def criterion(key) -> str:
    return criterion_label(key)


@register.filter
def criteria(keys) -> str:
    return ", ".join(criterion_label(k) for k in keys)


@register.filter
def strongest(candidate) -> list[str]:
    return strongest_reasons(candidate)
