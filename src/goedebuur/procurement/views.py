# SPDX-License-Identifier: EUPL-1.2
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from goedebuur.common import add_to_form

from . import services
from .forms import OpportunityForm


def _compute(request):
    """(form, result or None) for the GET parameters; the defaults when there are none."""
    if not services.can_view(request.user):
        raise PermissionDenied(
            _("Inkoopkansen zijn alleen te zien voor medewerkers van een gemeente en beheerders.")
        )
    form = OpportunityForm(request.GET or None, user=request.user)
    result = None
    if not form.is_bound:
        form = OpportunityForm(
            {"gemeente": form.fields["gemeente"].initial or "", "venster": services.DEFAULT_MONTHS},
            user=request.user,
        )
    if form.is_valid():
        try:
            result = services.find_opportunities(request.user, form.opportunity_request())
        except ValidationError as error:
            add_to_form(form, error, form.FIELDS)
    return form, result


@login_required
def opportunities(request):
    """/inkoopkansen: ranked joint-purchasing opportunities with a timeline."""
    form, result = _compute(request)
    context = {
        "nav": "inkoopkansen",
        "form": form,
        "result": result,
        "timeline": services.timeline(result) if result else None,
        "export_query": request.GET.urlencode(),
    }
    return render(request, "procurement/opportunities.html", context)


@login_required
def opportunities_csv(request):
    """/inkoopkansen.csv: the same groups, one row per contract (same filters and visibility)."""
    form, result = _compute(request)
    if result is None:
        errors = "; ".join(str(e) for errs in form.errors.values() for e in errs)
        return HttpResponse(errors, status=400, content_type="text/plain; charset=utf-8")
    response = HttpResponse(services.csv_text(result), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="goedebuur-inkoopkansen-{timezone.localdate():%Y-%m-%d}.csv"'
    )
    return response
