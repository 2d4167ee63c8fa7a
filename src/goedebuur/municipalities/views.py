# SPDX-License-Identifier: EUPL-1.2
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from goedebuur.common import cache_anonymous_page, number
from goedebuur.common import version as data_version
from goedebuur.cooperations import services as cooperations
from goedebuur.maps import services as maps
from goedebuur.pages.services import paginate

from . import services
from .charts import council_chart, council_rows
from .models import Municipality
from .network_chart import MAX_PARTNERS, network_svg

TOP_PARTNERS_ON_PAGE = 5
PARTNER_ROWS_OPEN = 20


@cache_anonymous_page(lambda request: cooperations.register_version())
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


SUGGESTIONS = 20
MATCH_HINTS = {
    "alias": gettext_lazy("ook bekend als %(name)s"),
    "former": gettext_lazy("voorheen %(name)s"),
    "region": gettext_lazy("in de regio %(name)s"),
}


@require_GET
def municipality_suggestions(request):
    """/gemeenten/suggesties?q=...: at most 20 municipalities for the municipality picker, as JSON
    (`results`: code, name, province and `hint`, why a common, former or region name found it)."""
    query = request.GET.get("q", "").strip()[:100]
    matches = services.find_municipalities(query)[:SUGGESTIONS]
    found = Municipality.objects.select_related("province").in_bulk(
        [m.code for m in matches], field_name="code"
    )
    results = [
        {
            "code": m.code,
            "name": found[m.code].name,
            "province": found[m.code].province.name,
            "hint": str(MATCH_HINTS[m.kind] % {"name": m.label}) if m.kind in MATCH_HINTS else "",
        }
        for m in matches
        if m.code in found
    ]
    return JsonResponse({"query": query, "results": results})


def _municipality(code: str) -> Municipality:
    try:
        return Municipality.objects.select_related("province").get(code=code.upper())
    except Municipality.DoesNotExist:
        raise Http404(_("Deze gemeente bestaat niet.")) from None


# What the page of one municipality shows an anonymous visitor: the reference data, the register (its
# entries, network, map, the partner finder's panel) and the experiences' panel (public lessons and
# questions); the business-case and achtervang panels show anonymous visitors nothing.
DETAIL_DOMAINS = (*cooperations.REGISTER_DOMAINS, "experiences")


@cache_anonymous_page(lambda request: data_version(*DETAIL_DOMAINS))
def municipality_detail(request, code):
    municipality = _municipality(code)
    shared = services.network(municipality)
    council = services.council_composition(municipality)
    context = {
        "nav": "gemeenten",
        "municipality": municipality,
        "regions": municipality.regions.select_related("region_type").order_by("region_type__order"),
        "neighbours": municipality.neighbours.order_by("name"),
        "point_contacts": municipality.point_contacts.order_by("name"),
        "entries": cooperations.entries_of(municipality),
        "register_date": shared.register_date,
        "top_network": [
            (p, shared.names.get(p.code, p.code)) for p in shared.partners[:TOP_PARTNERS_ON_PAGE]
        ],
        "neighbour_map": maps.neighbourhood_map(municipality),
        "council": council,
        "council_chart": council_chart(council) if council else "",
        "council_rows": council_rows(council) if council else [],
    }
    return render(request, "municipalities/detail.html", context)


def _url_maker():
    head, _sep, tail = reverse("municipalities:detail", args=["GM0000"]).rpartition("GM0000")
    return lambda code: f"{head}{code}{tail}"


def municipality_network(request, code):
    """/gemeenten/<code>/netwerk: the municipalities it shares most regelingen with, as a chart and
    as a table; `?alleen=ict` counts only the ICT cooperations."""
    municipality = _municipality(code)
    ict_only = request.GET.get("alleen") == "ict"
    result = services.network(municipality, ict_only=ict_only)
    rows = [(p, result.names.get(p.code, p.code), number(float(p.weight), 2)) for p in result.partners]
    context = {
        "nav": "gemeenten",
        "municipality": municipality,
        "network": result,
        "chart": network_svg(municipality.name, result.partners, result.names, _url_maker()) if rows else "",
        "shown_in_chart": min(len(rows), MAX_PARTNERS),
        "rows_open": rows[:PARTNER_ROWS_OPEN],
        "rows_more": rows[PARTNER_ROWS_OPEN:],
        "register_date": result.register_date,
    }
    return render(request, "municipalities/network.html", context)
