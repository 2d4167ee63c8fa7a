# SPDX-License-Identifier: EUPL-1.2
"""Pages of the achtervang planner: the list of the user's agreements and an agreement itself
(create, edit, delete, its services by guest)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from goedebuur.common import add_to_form
from goedebuur.core.fallback import feasibility as ff
from goedebuur.history.services import EditConflict, conflict_message, expect_revision, revision_from

from .. import permissions, phrases, services, testplan
from ..forms import AgreementForm
from .base import NAV, base_context, editable_agreement, visible_agreement


@login_required
def agreement_list(request):
    agreements = permissions.visible_agreements(request.user).order_by("party_a__name", "party_b__name", "pk")
    page = Paginator(agreements, 25).get_page(request.GET.get("page"))
    current = testplan.current_by_agreement(page.object_list)
    overdue = set(testplan.overdue_tests(page.object_list).values_list("agreement_id", flat=True))
    rows = [(a, current[a.pk], a.pk in overdue) for a in page.object_list]
    context = {
        "nav": NAV,
        "rows": rows,
        "page_obj": page,
        "may_create": permissions.can_create(request.user),
        "deleted": [
            r
            for r in services.deleted_agreements(request.user)
            if services.may_restore_deleted(request.user, r)
        ],
    }
    return render(request, "fallback/list.html", context)


def _agreement_form_page(request, form, agreement=None):
    context = {"nav": NAV, "form": form, "agreement": agreement}
    return render(
        request, "fallback/agreement_form.html", context, status=400 if request.method == "POST" else 200
    )


@login_required
def agreement_create(request):
    if not permissions.can_create(request.user):
        raise PermissionDenied(_("Alleen redacteuren en beheerders maken achtervangafspraken."))
    initial = {"party_a": request.user.municipality, "restore_mbps": 1000, "restore_slots": 2}
    form = AgreementForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                agreement = services.save_agreement(form.save(commit=False), request.user)
        except ValidationError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("De achtervangafspraak is vastgelegd. Voeg nu de diensten toe."))
            return redirect("fallback:detail", pk=agreement.pk)
    return _agreement_form_page(request, form)


@login_required
def agreement_edit(request, pk):
    agreement = editable_agreement(request, pk)
    form = AgreementForm(request.POST or None, instance=agreement)
    if request.method == "POST" and form.is_valid():
        expect_revision(agreement, form.cleaned_data["revision"])
        try:
            with transaction.atomic():
                services.save_agreement(form.save(commit=False), request.user)
        except EditConflict as conflict:
            form.add_error(None, conflict_message(conflict))
        except ValidationError as error:
            agreement.refresh_from_db()
            add_to_form(form, error)
        else:
            messages.success(request, _("De wijzigingen zijn opgeslagen."))
            return redirect("fallback:detail", pk=agreement.pk)
    return _agreement_form_page(request, form, agreement)


@login_required
def agreement_delete(request, pk):
    agreement = editable_agreement(request, pk)
    if request.method == "POST":
        name = str(agreement)
        expect_revision(agreement, revision_from(request.POST))
        try:
            services.delete_agreement(agreement, request.user)
        except EditConflict as conflict:
            messages.error(request, conflict_message(conflict))
            return redirect("fallback:detail", pk=agreement.pk)
        messages.success(request, _("De achtervangafspraak %(name)s is verwijderd.") % {"name": name})
        return redirect("fallback:list")
    return render(request, "fallback/agreement_delete.html", base_context(agreement, request, "afspraak"))


@login_required
def agreement_detail(request, pk):
    agreement = visible_agreement(request, pk)
    context = base_context(agreement, request, "afspraak")
    guests = agreement.guests()
    services_by_guest = [
        (
            guest,
            list(
                agreement.services.filter(guest=guest)
                .prefetch_related("depends_on")
                .select_related("application")
            ),
        )
        for guest in guests
    ]
    try:
        status = services.overall_status(services.assess(agreement))
    except ValueError:
        status = ff.RED
    context.update(
        {
            "services_by_guest": services_by_guest,
            "distance_km": services.distance_km(agreement),
            "status": status,
            "status_label": phrases.status_label(status),
            "hosts": [(agreement.party_a, "a"), (agreement.party_b, "b")],
            "current": testplan.tests_current(agreement),
            "overdue": testplan.overdue_tests([agreement]),
            "removed_services": services.deleted_services(agreement),
        }
    )
    return render(request, "fallback/detail.html", context)
