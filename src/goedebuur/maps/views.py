# SPDX-License-Identifier: EUPL-1.2
from django.shortcuts import render

from goedebuur.common import cache_anonymous_page

from . import services
from .forms import MapFilterForm


@cache_anonymous_page(lambda request: services.count_map_version())
def national_map(request):
    """/kaart: the national map with filters (what to count, domain, status, province zoom,
    highlighted cooperation). The map comes from the shared cache, keyed on the filters and the data
    version; anonymous visitors get the whole page from it."""
    form = MapFilterForm(request.GET)
    filters = form.filters()
    context = {
        "nav": "kaart",
        "form": form,
        "national_map": services.cached_count_map(**filters),
        "filtered": any(value for key, value in filters.items() if key != "measure")
        or filters["measure"] != services.ICT,
    }
    return render(request, "maps/map.html", context)
