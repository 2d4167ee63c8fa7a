# SPDX-License-Identifier: EUPL-1.2
from django.shortcuts import render

from . import services
from .forms import MapFilterForm


def national_map(request):
    """/kaart: the national map with filters (what to count, domain, status, province zoom,
    highlighted cooperation)."""
    form = MapFilterForm(request.GET)
    filters = form.filters()
    context = {
        "nav": "kaart",
        "form": form,
        "national_map": services.cooperation_count_map(**filters),
        "filtered": any(value for key, value in filters.items() if key != "measure")
        or filters["measure"] != services.ICT,
    }
    return render(request, "maps/map.html", context)
