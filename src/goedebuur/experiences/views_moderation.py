# SPDX-License-Identifier: EUPL-1.2
"""Reporting an item (any logged-in user) and moderation by platform administrators: hide or
restore an item with a reason, or dismiss a report. Nothing is deleted here."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from goedebuur.accounts import services as accounts
from goedebuur.cooperations import services as cooperations
from goedebuur.history.services import EditConflict, conflict_message, expect_revision, revision_from

from . import permissions, services
from .forms import ReasonForm, ReportForm
from .models import Answer, Lesson, Question, Report
from .views_common import ITEM_MODELS, visible_answer_or_404, visible_or_404


def _item(request, kind, pk):
    if kind not in ITEM_MODELS:
        raise Http404
    if kind == "antwoord":
        return visible_answer_or_404(request, pk)
    return visible_or_404(request, ITEM_MODELS[kind], pk)


def _title(item):
    return str(item.question) if isinstance(item, Answer) else item.title


@login_required
def report(request, kind, pk):
    item = _item(request, kind, pk)
    if not permissions.can_report(request.user):
        raise PermissionDenied
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.report(item, request.user, form.cleaned_data["reason"])
        messages.success(request, _("Dank u. Een beheerder bekijkt uw melding."))
        return redirect(item.get_absolute_url())
    context = {"nav": "ervaringen", "form": form, "item": item, "title": _title(item)}
    return render(request, "experiences/report_form.html", context)


def _moderator(request):
    services.check_may_moderate(request.user)


@login_required
def moderation(request):
    _moderator(request)
    open_reports = list(Report.objects.filter(resolved_at__isnull=True).select_related("reporter"))
    items = {
        kind: model.objects.in_bulk([r.item_id for r in open_reports if r.item_kind == kind])
        for kind, model in ITEM_MODELS.items()
    }
    for report_obj in open_reports:
        report_obj.item = items[report_obj.item_kind].get(report_obj.item_id)
    hidden = [
        (kind, item)
        for kind, model in (("ervaring", Lesson), ("vraag", Question), ("antwoord", Answer))
        for item in model.objects.filter(hidden_at__isnull=False, deleted_at__isnull=True)
    ]
    context = {
        "nav": "ervaringen",
        "reports": open_reports,
        "hidden": hidden,
        "form": ReasonForm(),
        "pending_cooperations": cooperations.pending_cooperations(),
        "waiting_invitations": accounts.invitations_awaiting_approval(),
    }
    return render(request, "experiences/moderation.html", context)


@require_POST
@login_required
def moderate(request, kind, pk):
    _moderator(request)
    if kind not in ITEM_MODELS:
        raise Http404
    item = get_object_or_404(ITEM_MODELS[kind], pk=pk, deleted_at__isnull=True)
    hide = request.POST.get("actie") == "verbergen"
    expect_revision(item, revision_from(request.POST))
    try:
        services.set_hidden(item, request.user, hide, request.POST.get("reason", ""))
    except EditConflict as conflict:
        messages.error(request, conflict_message(conflict))
    except ValidationError:
        messages.error(request, _("Geef een reden op; er is niets gewijzigd."))
    else:
        messages.success(
            request, _("Het bericht is verborgen.") if hide else _("Het bericht is weer zichtbaar.")
        )
    return redirect(
        request.POST.get("terug") == "bericht" and item.get_absolute_url() or "experiences:moderation"
    )


@require_POST
@login_required
def dismiss(request, report_id):
    _moderator(request)
    report_obj = get_object_or_404(Report, pk=report_id, resolved_at__isnull=True)
    services.dismiss_report(report_obj, request.user, request.POST.get("reason", ""))
    messages.success(request, _("De melding is afgehandeld zonder actie."))
    return redirect("experiences:moderation")
