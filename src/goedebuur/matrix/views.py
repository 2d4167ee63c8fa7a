# SPDX-License-Identifier: EUPL-1.2
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from goedebuur.common import cache_anonymous_page
from goedebuur.common import date as format_date
from goedebuur.cooperations import services as cooperation_services

from . import exports, services, table
from .forms import MatrixFilterForm


@cache_anonymous_page(lambda request: cooperation_services.register_version())
def matrix_page(request):
    """/matrix: municipalities x ICT domains, with the other policy domains as context columns on
    request (`kolommen=alle`); filters by province, region, domain, form and rows with cooperations.
    Anonymous visitors get the page whole from the shared cache (per filters and data version)."""
    form = MatrixFilterForm(request.GET, page=True)
    selection = form.selection()
    result = services.register_matrix(**selection)
    with_ict_total = bool(result.context_domains and result.ict_domains)
    context = {
        "nav": "matrix",
        "form": form,
        "result": result,
        "selection": selection,
        "row_count": len(result.municipalities),
        "body": table.body(result, with_ict_total=with_ict_total),
        "with_ict_total": with_ict_total,
        "column_totals": [(d, result.matrix.column_total(d.slug)) for d in result.domains],
        "selected_region": form.selected_region(),
        "register_date": result.register_date,
        "export_query": request.GET.urlencode(),
    }
    return render(request, "matrix/matrix.html", context)


def _filename(extension):
    return f"goedebuur-matrix-{timezone.localdate():%Y-%m-%d}.{extension}"


def _export_matrix(request):
    """The downloads: the same filters as the page, but by default every column (ICT and the other
    policy domains) and every municipality of the selection."""
    return services.register_matrix(**MatrixFilterForm(request.GET).selection())


def matrix_csv(request):
    body = exports.to_csv(_export_matrix(request))
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename("csv")}"'
    return response


def matrix_xlsx(request):
    result = _export_matrix(request)
    if result.register_date:
        note = _(
            "Bron: Register van Overheidsorganisaties (KOOP), peildatum %(register)s, aangevuld door de "
            "gemeenten op Goede Buur; stand van %(date)s."
        ) % {"register": format_date(result.register_date), "date": format_date(timezone.localdate())}
    else:
        note = _("Bron: register van Goede Buur, stand van %(date)s.") % {
            "date": format_date(timezone.localdate())
        }
    body = exports.to_xlsx(result, note)
    response = HttpResponse(
        body, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename("xlsx")}"'
    return response
