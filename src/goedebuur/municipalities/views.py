# SPDX-License-Identifier: EUPL-1.2
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from goedebuur.cooperations import services as cooperations
from goedebuur.maps import services as maps
from goedebuur.pages.services import paginate

from . import services
from .charts import council_chart, council_rows
from .models import Municipality


def municipality_list(request):
    query = request.GET.get("q", "").strip()
    province = request.GET.get("provincie", "")
    region = request.GET.get("regio", "")
    qs = services.with_cooperation_counts(services.search_municipalities(query, province, region))
    page_obj, querystring = paginate(request, qs, per_page=50)
    context = {
        "nav": "gemeenten",
        "page_obj": page_obj,
        "querystring_without_page": querystring,
        "total": page_obj.paginator.count,
        "query": query,
        "province": province,
        "region": region,
        "selected_region": services.parse_region_key(region) if region else None,
        "provinces": services.provinces(),
        "region_groups": services.regions_grouped(),
    }
    return render(request, "municipalities/list.html", context)


def municipality_detail(request, code):
    try:
        municipality = Municipality.objects.select_related("province").get(code=code.upper())
    except Municipality.DoesNotExist:
        raise Http404(_("Deze gemeente bestaat niet.")) from None
    council = services.council_composition(municipality)
    context = {
        "nav": "gemeenten",
        "municipality": municipality,
        "regions": municipality.regions.select_related("region_type").order_by("region_type__order"),
        "neighbours": municipality.neighbours.order_by("name"),
        "point_contacts": municipality.point_contacts.order_by("name"),
        "cooperations": cooperations.cooperations_of(municipality),
        "neighbour_map": maps.neighbourhood_map(municipality),
        "council": council,
        "council_chart": council_chart(council) if council else "",
        "council_rows": council_rows(council) if council else [],
    }
    return render(request, "municipalities/detail.html", context)
