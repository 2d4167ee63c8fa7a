# SPDX-License-Identifier: EUPL-1.2
"""Pages of the business cases: the list, the result, scenarios side by side and deleting.

Visibility (permissions.py): the owner's and the partners' users, and administrators; for
everyone else a case does not exist (404), and anonymous visitors get a login prompt."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from goedebuur.common import one_line
from goedebuur.history.services import (
    EditConflict,
    conflict_message,
    expect_revision,
    render_versions,
    revision_from,
)

from . import charts, permissions, presenters, services
from .models import BusinessCase
from .views_steps import STEPS, editable_case

MAX_COMPARE = 4


def viewable_case(request, pk) -> BusinessCase:
    case = get_object_or_404(BusinessCase.objects.select_related("owner", "created_by"), pk=pk)
    if not permissions.can_view(request.user, case):
        raise Http404(_("Deze businesscase bestaat niet of is niet met u gedeeld."))
    return case


@login_required
def case_list(request):
    cases = (
        permissions.visible_cases(request.user)
        .select_related("owner")
        .prefetch_related("partners")
        .order_by("-updated_at", "-pk")
    )
    page = Paginator(cases, 25).get_page(request.GET.get("page"))
    context = {
        "nav": "businesscases",
        "page_obj": page,
        "may_create": permissions.can_create(request.user),
    }
    return render(request, "businesscases/list.html", context)


def result_context(request, case: BusinessCase, result) -> dict:
    domains = list(case.domains.all())
    context = presenters.report_data(
        result.case,
        result,
        owner=case.owner.name,
        authors=presenters.authors_of(case),
        is_demo=case.is_demo,
        notes=case.double_contract_notes,
        domains=domains,
    )
    context.update(
        nav="businesscases",
        case=case,
        result=result,
        partners=services.partner_list(case),
        domains=domains,
        cumulative_svg=charts.cumulative_chart(result),
        npv_svg=charts.npv_chart(result),
        tornado_svg=charts.tornado_chart(result),
    )
    return context


@login_required
def detail(request, pk):
    case = viewable_case(request, pk)
    result = services.compute(case)
    context = result_context(request, case, result)
    context.update(may_edit=permissions.can_edit(request.user, case), steps=STEPS)
    return render(request, "businesscases/detail.html", context)


@login_required
def compare(request):
    raw = request.GET.get("ids", "") or ",".join(request.GET.getlist("id"))
    ids = [int(part) for part in raw.replace(" ", "").split(",") if part.isdigit()]
    visible = permissions.visible_cases(request.user)
    cases = [c for c in visible.filter(pk__in=ids[:MAX_COMPARE]).select_related("owner")]
    cases.sort(key=lambda c: ids.index(c.pk))
    columns = []
    for case in cases:
        result = services.compute(case)
        total = result.simulation.outcome("totaal")
        columns.append(
            {
                "case": case,
                "total": total,
                "outcomes": presenters.outcome_rows(result),
                "hidden": sum(result.deterministic.joint_costs),
                "savings": sum(row.savings for row in result.deterministic.schedule["totaal"]),
                "payback": presenters.years(result.deterministic.payback["totaal"]),
            }
        )
    rows = [
        (f"{c['case'].name} ({c['case'].scenario})" if c["case"].scenario else c["case"].name, c["total"].npv)
        for c in columns
    ]
    context = {
        "nav": "businesscases",
        "columns": columns,
        "chart": charts.range_chart(
            rows, _("Netto contante waarde per scenario, alle gemeenten samen"), "scenarios"
        )
        if columns
        else "",
        "choices": visible.select_related("owner").order_by("name")[:200],
        "selected": [c.pk for c in cases],
        "error": _("Kies ten minste twee businesscases om te vergelijken.") if raw and len(cases) < 2 else "",
    }
    status = 400 if raw and len(cases) < 2 else 200
    return render(request, "businesscases/compare.html", context, status=status)


@login_required
def delete(request, pk):
    case = editable_case(request, pk)
    if request.method == "POST":
        expect_revision(case, revision_from(request.POST))
        try:
            services.delete_case(case, request.user)
        except EditConflict as conflict:
            messages.error(request, conflict_message(conflict))
            return redirect(case)
        messages.success(request, _("De businesscase %(name)s is verwijderd.") % {"name": case.name})
        return redirect("businesscases:list")
    return render(request, "businesscases/delete.html", {"nav": "businesscases", "case": case})


def _history_access(request, pk) -> tuple[BusinessCase | None, bool]:
    """(the case or None when deleted, may restore); 404 for those who may not see its history."""
    case = BusinessCase.objects.select_related("owner").filter(pk=pk).first()
    if case is not None:
        if not permissions.can_view(request.user, case):
            raise Http404(_("Deze businesscase bestaat niet of is niet met u gedeeld."))
        return case, permissions.can_edit(request.user, case)
    latest = services.versions(pk).first()
    if latest is None or not permissions.can_restore_deleted(request.user, latest.snapshot):
        raise Http404(_("Deze businesscase bestaat niet of is niet met u gedeeld."))
    return None, True


@login_required
def history(request, pk):
    case, can_restore = _history_access(request, pk)
    records = services.versions(pk)
    title = str(case) if case else records.first().object_repr
    return render_versions(
        request,
        records,
        title=title,
        back_url=case.get_absolute_url() if case else reverse("businesscases:list"),
        back_label=title if case else _("Businesscases"),
        restore_url=(lambda r: reverse("businesscases:restore", args=[pk, r.pk])) if can_restore else None,
        deleted_notice=""
        if case
        else _("Deze businesscase is verwijderd. Herstel een eerdere versie om haar terug te zetten."),
        nav="businesscases",
    )


@require_POST
@login_required
def restore(request, pk, record_id):
    case, can_restore = _history_access(request, pk)
    if not can_restore:
        raise PermissionDenied(_("U mag deze businesscase niet wijzigen."))
    try:
        services.restore_version(pk, record_id, request.user)
    except ValidationError as error:
        messages.error(request, one_line(error))
    except EditConflict as conflict:
        messages.error(request, conflict_message(conflict))
    else:
        messages.success(request, _("De gekozen versie is hersteld."))
    return redirect("businesscases:history", pk=pk)
