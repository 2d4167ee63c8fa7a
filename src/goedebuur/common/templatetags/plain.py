# SPDX-License-Identifier: EUPL-1.2
"""Plain language in templates (issue 20): `{% load plain %}`

- `{{ km|afstand }}` -> "4,7 km"; `{% afstand_uitleg "middelpunten" %}` -> what the distance measures
  (`goedebuur.common.distances`);
- `{% term "RTO" %}` -> `<abbr title="…">RTO</abbr>`: the term with its meaning as its title;
- `{{ day|datum }}` -> "16 mei 2026", `{{ moment|datumtijd }}` -> "16 mei 2026 14:05": the one date format
  for people (`goedebuur.common.formatting`);
- `{% uitleg "RTO" "RPO" %}` -> a closed "Wat betekent dit?" block explaining the terms, from the one
  glossary in `goedebuur.common.glossary`; `{% uitleg terms %}` takes a list of keys (such as
  `glossary.found_in(text)` gives for text from data) and shows nothing for an empty one."""

from html import escape

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .. import distances, formatting, glossary

register = template.Library()


@register.filter
def afstand(value, decimals=1):
    return distances.distance(value, int(decimals))


@register.simple_tag
def afstand_uitleg(basis=distances.CENTROIDS, factor=None):
    return distances.basis_text(basis, factor)


@register.simple_tag
def term(key, text=""):
    entry = glossary.entry(key)
    return mark_safe(f'<abbr title="{escape(entry.short)}">{escape(text or entry.term)}</abbr>')


@register.simple_tag
def uitleg(*keys):
    """A "Wat betekent dit?" block for the terms (glossary keys, or one list of them such as
    `glossary.found_in` gives), closed until opened; nothing when there are no terms."""
    if len(keys) == 1 and isinstance(keys[0], list | tuple):
        keys = tuple(keys[0])
    if not keys:
        return ""
    items = "".join(
        f"<dt>{escape(e.term)}</dt><dd>{escape(e.explanation)}</dd>" for e in map(glossary.entry, keys)
    )
    return mark_safe(
        f'<details class="uitleg"><summary>{escape(_("Wat betekent dit?"))}</summary><dl>{items}</dl></details>'
    )


@register.filter(expects_localtime=True)
def datum(value):
    """`{{ day|datum }}` -> "16 mei 2026" (English: "May 16, 2026"); empty for no date, so `|default:` works."""
    return formatting.date(value) if value not in (None, "") else ""


@register.filter(expects_localtime=True)
def datumtijd(value):
    """`{{ moment|datumtijd }}` -> "16 mei 2026 14:05" in local time; empty for no moment."""
    return formatting.date_time(value) if value not in (None, "") else ""
