# SPDX-License-Identifier: EUPL-1.2
from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from goedebuur.core.fallback import common_mode
from goedebuur.core.fallback import feasibility as ff
from goedebuur.fallback.phrases import fmt

register = template.Library()


@register.filter
def nl(value, decimals=1):
    """A number as people read it (1.234,5 in Dutch); 'oneindig' for infinity."""
    if value is None or value == "":
        return "–"
    return fmt(value, int(decimals))


@register.simple_tag
def light(status):
    """A traffic light: a coloured dot plus the word, so colour is never the only cue."""
    words = {ff.GREEN: _("groen: haalbaar"), ff.AMBER: _("oranje: krap"), ff.RED: _("rood: niet haalbaar")}
    return format_html(
        '<span class="light light-{}"><span aria-hidden="true">●</span> {}</span>', status, words[status]
    )


TOPICS = {
    "capaciteit": gettext_lazy("Capaciteit"),
    "replicatie": gettext_lazy("Replicatie (RPO)"),
    "synchronisatie": gettext_lazy("Eerste kopie"),
    "afstand": gettext_lazy("Afstand"),
    "hersteltijd": gettext_lazy("Hersteltijd (RTO)"),
}


@register.filter
def topic(value):
    return TOPICS.get(value, value)


@register.simple_tag
def risk(level):
    """The traffic light of a common-mode finding: can both fail together?"""
    words = {
        ff.GREEN: _("groen: geen gedeeld risico"),
        ff.AMBER: _("oranje: let op"),
        ff.RED: _("rood: gedeeld risico"),
    }
    return format_html(
        '<span class="light light-{}"><span aria-hidden="true">●</span> {}</span>', level, words[level]
    )


@register.filter
def valid_until(day):
    """The day a test stops counting as evidence (`common_mode.EVIDENCE_MONTHS` months later)."""
    return common_mode.expires_on(day) if day else None
