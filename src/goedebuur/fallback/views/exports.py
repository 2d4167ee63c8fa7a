# SPDX-License-Identifier: EUPL-1.2
"""Continuity plan downloads (DOCX, PDF) and the iCalendar feed of an agreement.

The feed is what a calendar app subscribes to: calendar apps cannot log in, so the URL carries
the agreement's secret `sleutel` (shown only to users who may see the agreement). A logged-in
viewer may fetch it without the key. Editors can replace the key, which ends every existing
subscription. Without a valid key or login: 404, as for the agreement itself."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.crypto import constant_time_compare
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import exports, permissions, services
from ..models import Agreement
from .base import editable_agreement, visible_agreement


def _filename(agreement, extension):
    return (
        f"continuiteitsplan-{slugify(agreement.party_a.name)}-{slugify(agreement.party_b.name)}.{extension}"
    )


@login_required
def plan_docx(request, pk):
    agreement = visible_agreement(request, pk)
    response = HttpResponse(exports.docx_bytes(agreement), content_type=exports.DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{_filename(agreement, "docx")}"'
    return response


@login_required
def plan_pdf(request, pk):
    agreement = visible_agreement(request, pk)
    response = HttpResponse(exports.pdf_document(agreement), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename(agreement, "pdf")}"'
    return response


def calendar(request, pk):
    agreement = get_object_or_404(Agreement.objects.select_related("party_a", "party_b"), pk=pk)
    key = request.GET.get("sleutel", "")
    allowed = (key and constant_time_compare(key, agreement.calendar_token)) or permissions.can_view(
        request.user, agreement
    )
    if not allowed:
        raise Http404(_("Deze agenda bestaat niet."))
    body = exports.calendar_bytes(agreement, request.build_absolute_uri("/").rstrip("/"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="achtervang-{agreement.pk}.ics"'
    response["Cache-Control"] = "private, no-store"  # the key makes it private
    return response


@login_required
@require_POST
def calendar_rotate(request, pk):
    agreement = editable_agreement(request, pk)
    services.rotate_calendar(agreement, request.user)
    messages.success(request, _("De agenda heeft een nieuwe sleutel; oude abonnementen werken niet meer."))
    return redirect("fallback:tests", pk=agreement.pk)
