# SPDX-License-Identifier: EUPL-1.2
"""The ledger's sentences for the codes of `goedebuur.core.ledger` (Dutch msgids, gettext)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from goedebuur.common import euros, percentage
from goedebuur.core.ledger import verdict as core

POSITION = {
    core.BELOW: gettext_lazy("onder P10"),
    core.WITHIN: gettext_lazy("binnen P10-P90"),
    core.ABOVE: gettext_lazy("boven P90"),
    core.NO_FORECAST: gettext_lazy("geen prognose"),
    core.NO_FIGURES: gettext_lazy("geen cijfers"),
}


def position(code: str) -> str:
    return str(POSITION.get(code, code))


def verdict(comparison: core.Comparison) -> str:
    """One plain sentence about a comparison (all members together or one municipality)."""
    if comparison.code == core.NO_FIGURES:
        return _("Nog geen complete jaarcijfers: er is nog niets te vergelijken.")
    if comparison.code == core.NO_FORECAST:
        return _("Er is geen prognose voor deze jaren: koppel een businesscase om de cijfers te vergelijken.")
    year = next(v for v in comparison.years if v.year == comparison.year)
    values = {
        "year": comparison.year,
        "realised": euros(year.cumulative_net),
        "p10": euros(year.forecast.cumulative.p10),
        "p50": euros(year.forecast.cumulative.p50),
        "p90": euros(year.forecast.cumulative.p90),
    }
    if comparison.code == core.BELOW:
        return (
            _(
                "Onder P10 in %(year)s: cumulatief %(realised)s netto gerealiseerd, terwijl de businesscase "
                "met 90%% zekerheid minstens %(p10)s verwachtte (P50 %(p50)s)."
            )
            % values
        )
    if comparison.code == core.ABOVE:
        return (
            _(
                "Boven P90 in %(year)s: cumulatief %(realised)s netto gerealiseerd, meer dan de P90 van %(p90)s."
            )
            % values
        )
    return (
        _(
            "Binnen de verwachting: tot en met %(year)s cumulatief %(realised)s netto gerealiseerd, "
            "tussen P10 (%(p10)s) en P90 (%(p90)s)."
        )
        % values
    )


def uplift_sentence(uplift) -> str:
    """What the recorded misses mean for a new business case, with how many cases it rests on."""
    if not uplift.usable:
        return _(
            "Nog te weinig gedeelde resultaten voor een advies: %(cases)d samenwerking(en) met cijfers, "
            "minimaal %(minimum)d nodig. Gebruik tot die tijd de standaardwaarden van de businesscase."
        ) % {"cases": uplift.cases, "minimum": uplift.minimum}
    parts = []
    if uplift.savings_uplift is not None and uplift.savings_cases >= uplift.minimum:
        parts.append(
            _(
                "verlaag de verwachte besparing met %(pct)s (mediaan gerealiseerd/verwacht: %(ratio)s, %(n)d samenwerkingen)"
            )
            % {
                "pct": percentage(uplift.savings_uplift),
                "ratio": percentage(uplift.savings_ratio),
                "n": uplift.savings_cases,
            }
        )
    if uplift.cost_uplift is not None and uplift.cost_cases >= uplift.minimum:
        parts.append(
            _(
                "verhoog de verwachte kosten met %(pct)s (mediaan gerealiseerd/verwacht: %(ratio)s, %(n)d samenwerkingen)"
            )
            % {
                "pct": percentage(uplift.cost_uplift),
                "ratio": percentage(uplift.cost_ratio),
                "n": uplift.cost_cases,
            }
        )
    return _("Advies voor nieuwe businesscases op grond van de gedeelde resultaten: %(advice)s.") % {
        "advice": "; ".join(parts)
    }
