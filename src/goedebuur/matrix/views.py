# SPDX-License-Identifier: EUPL-1.2
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from goedebuur.municipalities import services as municipalities

from . import exports, services


def _selection(request):
    province = request.GET.get("provincie", "")
    region = request.GET.get("regio", "")
    only_with = request.GET.get("alleen", "") == "met"
    return province, region, only_with


def matrix_page(request):
    province, region, only_with = _selection(request)
    # the whole country is 342 rows; by default show the municipalities with a cooperation
    if not (province or region) and "alleen" not in request.GET:
        only_with = True
    result = services.register_matrix(province, region, only_with)
    context = {
        "nav": "matrix",
        "result": result,
        "rows": list(result.rows()),
        "column_totals": [result.matrix.column_total(d.slug) for d in result.domains],
        "province": province,
        "region": region,
        "only_with": only_with,
        "provinces": municipalities.provinces(),
        "region_groups": municipalities.regions_grouped(),
        "selected_region": municipalities.parse_region_key(region) if region else None,
        "export_query": request.GET.urlencode(),
    }
    return render(request, "matrix/matrix.html", context)


def _filename(extension):
    return f"goedebuur-matrix-{timezone.localdate():%Y-%m-%d}.{extension}"


def matrix_csv(request):
    province, region, only_with = _selection(request)
    body = exports.to_csv(services.register_matrix(province, region, only_with))
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename("csv")}"'
    return response


def matrix_xlsx(request):
    province, region, only_with = _selection(request)
    note = _("Bron: register van Goede Buur, stand van %(date)s.") % {
        "date": f"{timezone.localdate():%d-%m-%Y}"
    }
    body = exports.to_xlsx(services.register_matrix(province, region, only_with), note)
    response = HttpResponse(
        body, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename("xlsx")}"'
    return response
