# SPDX-License-Identifier: EUPL-1.2
"""The printable report, its PDF and the XLSX export; same visibility as the result page."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.text import slugify

from goedebuur.documents import PdfUnavailable

from . import services
from .export_xlsx import build_xlsx
from .report_pdf import NO_PDF, build_pdf
from .views import result_context, viewable_case

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _filename(case, extension):
    return f"businesscase-{case.pk}-{slugify(case.name)[:50] or 'rapport'}.{extension}"


@login_required
def report(request, pk):
    case = viewable_case(request, pk)
    return render(request, "businesscases/report.html", result_context(request, case, services.compute(case)))


@login_required
def report_pdf(request, pk):
    case = viewable_case(request, pk)
    context = result_context(request, case, services.compute(case))
    try:
        content = build_pdf(context)
    except PdfUnavailable:
        context["no_pdf"] = NO_PDF
        return render(request, "businesscases/report.html", context, status=503)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename(case, "pdf")}"'
    return response


@login_required
def export_xlsx(request, pk):
    case = viewable_case(request, pk)
    result = services.compute(case)
    context = result_context(request, case, result)
    response = HttpResponse(build_xlsx(context, result), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{_filename(case, "xlsx")}"'
    return response
