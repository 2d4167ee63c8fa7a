# SPDX-License-Identifier: EUPL-1.2
"""Pages of the achtervang planner: the list of the user's agreements, an agreement with its
services, the feasibility check and the restore simulation. Tests: views_tests.py; documents and
calendar: views_exports.py; country map: views_map.py.

Visibility (permissions.py): an agreement exists only for users of its two municipalities and
administrators; anyone else gets a 404. Readers read, editors of either side and administrators edit."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from goedebuur.common import add_to_form
from goedebuur.core.fallback import feasibility as ff
from goedebuur.history.services import EditConflict, conflict_message, expect_revision, revision_from
from goedebuur.municipalities.models import Municipality

from . import permissions, phrases, services, testplan
from .forms import AgreementForm, ServiceForm
from .gantt import render_gantt
from .models import Agreement, Service

NAV = "achtervang"


def visible_agreement(request, pk) -> Agreement:
    agreement = get_object_or_404(
        Agreement.objects.select_related("party_a", "party_b", "cooperation"), pk=pk
    )
    if not permissions.can_view(request.user, agreement):
        raise Http404(_("Deze achtervangafspraak bestaat niet of u mag hem niet zien."))
    return agreement


def editable_agreement(request, pk) -> Agreement:
    agreement = visible_agreement(request, pk)
    if not permissions.can_edit(request.user, agreement):
        raise PermissionDenied(_("Alleen redacteuren van beide gemeenten mogen deze afspraak wijzigen."))
    return agreement


def base_context(agreement, request, tab):
    return {
        "nav": NAV,
        "agreement": agreement,
        "tab": tab,
        "may_edit": permissions.can_edit(request.user, agreement),
    }


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


@login_required
def feasibility(request, pk):
    agreement = visible_agreement(request, pk)
    context = base_context(agreement, request, "haalbaarheid")
    results = services.assess(agreement)
    context.update(
        {
            "results": results,
            "status": services.overall_status(results),
            "labels": phrases.LABELS,
            "defaults": {
                "peak": ff.DEFAULT_PEAK_FACTOR,
                "min_km": ff.DEFAULT_MIN_KM,
                "max_km": ff.DEFAULT_MAX_KM,
                "headroom": round(ff.CAPACITY_HEADROOM * 100),
            },
        }
    )
    return render(request, "fallback/feasibility.html", context)


@login_required
def simulation(request, pk):
    agreement = visible_agreement(request, pk)
    context = base_context(agreement, request, "simulatie")
    results = services.assess(agreement)
    chosen = request.GET.get("uitval", "")
    if chosen:
        results = [r for r in results if r.guest.code == chosen.upper()] or results
    charts = []
    for result in results:
        label = _("Herstel van %(guest)s bij %(host)s: hersteltijd per dienst tegen de RTO") % {
            "guest": result.guest.name,
            "host": result.host.name,
        }
        charts.append(
            {
                "result": result,
                "best_svg": render_gantt(result.best, label=label),
                "naive_svg": render_gantt(result.naive, label=label + " " + _("(naïeve volgorde)")),
                "rows": _comparison_rows(result),
            }
        )
    context.update({"charts": charts, "rate": services.rate_per_slot(agreement), "chosen": chosen.upper()})
    return render(request, "fallback/simulation.html", context)


def _comparison_rows(result):
    rows = []
    for entry in sorted(result.best.entries, key=lambda e: (e.start, e.key)):
        naive = result.naive.entry(entry.key)
        rows.append({"best": entry, "naive": naive})
    return rows


# --- services --------------------------------------------------------------------------------------


def _guest(agreement, code) -> Municipality:
    for guest in agreement.guests():
        if guest.code == (code or "").upper():
            return guest
    raise Http404(_("Deze gemeente is in deze afspraak geen gast."))


def _service_page(request, agreement, guest, form, service=None):
    context = base_context(agreement, request, "afspraak")
    context.update({"form": form, "guest": guest, "service": service})
    return render(
        request, "fallback/service_form.html", context, status=400 if request.method == "POST" else 200
    )


def _save_service(request, agreement, guest, form):
    if not form.is_valid():
        return None
    service = form.save(commit=False)
    service.agreement, service.guest = agreement, guest
    for key in ("name", "beschikbaarheid", "integriteit", "vertrouwelijkheid", "rto_hours", "rpo_hours"):
        setattr(service, key, form.cleaned_data[key])
    if service.pk:
        expect_revision(service, form.cleaned_data["revision"])
    try:
        with transaction.atomic():
            return services.save_service(service, request.user, depends_on=form.cleaned_data["depends_on"])
    except EditConflict as conflict:
        form.add_error(None, conflict_message(conflict))
        return None
    except ValidationError as error:
        add_to_form(form, error)
        return None


@login_required
def service_create(request, pk):
    agreement = editable_agreement(request, pk)
    guest = _guest(agreement, request.GET.get("gemeente") or request.POST.get("gemeente"))
    form = ServiceForm(request.POST or None, agreement=agreement, guest=guest, instance=Service())
    if request.method == "POST":
        saved = _save_service(request, agreement, guest, form)
        if saved:
            messages.success(request, _("De dienst %(name)s is toegevoegd.") % {"name": saved.name})
            return redirect("fallback:detail", pk=agreement.pk)
    return _service_page(request, agreement, guest, form)


@login_required
def service_edit(request, pk, service_pk):
    agreement = editable_agreement(request, pk)
    service = get_object_or_404(Service, pk=service_pk, agreement=agreement)
    form = ServiceForm(request.POST or None, agreement=agreement, guest=service.guest, instance=service)
    if request.method == "POST":
        saved = _save_service(request, agreement, service.guest, form)
        if saved:
            messages.success(request, _("De wijzigingen zijn opgeslagen."))
            return redirect("fallback:detail", pk=agreement.pk)
        service.refresh_from_db()
    return _service_page(request, agreement, service.guest, form, service)


@login_required
def service_delete(request, pk, service_pk):
    agreement = editable_agreement(request, pk)
    service = get_object_or_404(Service, pk=service_pk, agreement=agreement)
    if request.method == "POST":
        expect_revision(service, revision_from(request.POST))
        try:
            services.delete_service(service, request.user)
        except EditConflict as conflict:
            messages.error(request, conflict_message(conflict))
            return redirect("fallback:detail", pk=agreement.pk)
        messages.success(request, _("De dienst %(name)s is verwijderd.") % {"name": service.name})
        return redirect("fallback:detail", pk=agreement.pk)
    context = base_context(agreement, request, "afspraak")
    context["service"] = service
    return render(request, "fallback/service_delete.html", context)
