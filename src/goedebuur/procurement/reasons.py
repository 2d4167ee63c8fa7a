# SPDX-License-Identifier: EUPL-1.2
"""The plain-language explanation of a joint-purchasing opportunity (page, API `toelichting`, CLI),
phrased in the active language from the values the finder returns."""

from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from goedebuur.common import euros, number


def _listing(items: list[str]) -> str:
    """ "a, b en c" (in English "a, b and c")."""
    return get_text_list(items, _("en"))


def opportunity_reason(
    *,
    mode: str,
    subjects: list[str],
    names: list[str],
    months: int,
    known_value: int,
    unknown_value: int,
    hidden: int,
    mean_distance_km: float,
) -> str:
    """`subjects`: the component names (mode "component") or the supplier's name; `names`: the
    member municipalities, in order; values as in `goedebuur.core.procurement.opportunities.Opportunity`."""
    values = {"names": _listing(names), "months": months}
    if mode != "component":
        first = _(
            "%(names)s: hun contracten met leverancier %(supplier)s lopen af binnen %(months)s maanden van elkaar."
        )
        values["supplier"] = subjects[0]
    elif len(subjects) == 1:
        first = _(
            "%(names)s: hun contracten voor %(components)s lopen af binnen %(months)s maanden van elkaar."
        )
    else:
        first = _(
            "%(names)s: hun contracten voor de componenten %(components)s lopen af binnen %(months)s maanden "
            "van elkaar."
        )
    values["components"] = _listing([_("‘%(name)s’") % {"name": subject} for subject in subjects])
    parts = [first % values]
    if known_value:
        missing = []
        if unknown_value:
            missing.append(_("%(count)s zonder bekende kosten") % {"count": unknown_value})
        if hidden:
            missing.append(_("%(count)s niet gedeeld") % {"count": hidden})
        if missing:
            parts.append(
                _("Samen %(value)s per jaar (%(missing)s).")
                % {"value": euros(known_value), "missing": ", ".join(missing)}
            )
        else:
            parts.append(_("Samen %(value)s per jaar.") % {"value": euros(known_value)})
    elif unknown_value or hidden:
        parts.append(_("De gezamenlijke waarde is onbekend of niet gedeeld."))
    parts.append(_("Gemiddeld %(km)s km uit elkaar.") % {"km": number(mean_distance_km)})
    return " ".join(parts)
