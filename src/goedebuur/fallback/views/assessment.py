# SPDX-License-Identifier: EUPL-1.2
"""The feasibility check and the restore simulation of an agreement."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _

from goedebuur.core.fallback import feasibility as ff

from .. import phrases, services
from ..gantt import render_gantt
from .base import base_context, visible_agreement


@login_required
def feasibility(request, pk):
    agreement = visible_agreement(request, pk)
    context = base_context(agreement, request, "haalbaarheid")
    results = services.assess(agreement)
    context.update(
        {
            "results": results,
            "status": services.overall_status(results),
            "common_mode": services.agreement_common_mode(agreement),
            "labels": phrases.LABELS,
            "defaults": {
                "peak": ff.DEFAULT_PEAK_FACTOR,
                "min_km": ff.DEFAULT_MIN_KM,
                "max_km": ff.DEFAULT_MAX_KM,
                "headroom": round(ff.CAPACITY_HEADROOM * 100),
            },
        }
    )
    return render(request, "fallback/feasibility.html", context)


@login_required
def simulation(request, pk):
    agreement = visible_agreement(request, pk)
    context = base_context(agreement, request, "simulatie")
    results = services.assess(agreement)
    chosen = request.GET.get("uitval", "")
    if chosen:
        results = [r for r in results if r.guest.code == chosen.upper()] or results
    charts = []
    for result in results:
        label = _("Herstel van %(guest)s bij %(host)s: hersteltijd per dienst tegen de RTO") % {
            "guest": result.guest.name,
            "host": result.host.name,
        }
        charts.append(
            {
                "result": result,
                "best_svg": render_gantt(result.best, label=label),
                "naive_svg": render_gantt(result.naive, label=label + " " + _("(naïeve volgorde)")),
                "rows": _comparison_rows(result),
            }
        )
    context.update({"charts": charts, "rate": services.rate_per_slot(agreement), "chosen": chosen.upper()})
    return render(request, "fallback/simulation.html", context)


def _comparison_rows(result):
    rows = []
    for entry in sorted(result.best.entries, key=lambda e: (e.start, e.key)):
        naive = result.naive.entry(entry.key)
        rows.append({"best": entry, "naive": naive})
    return rows
