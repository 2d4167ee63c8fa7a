# SPDX-License-Identifier: EUPL-1.2
"""The services in scope of an agreement: add, change, remove."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from goedebuur.common import add_to_form
from goedebuur.history.services import EditConflict, conflict_message, expect_revision, revision_from
from goedebuur.municipalities.models import Municipality

from .. import services
from ..forms import ServiceForm
from ..models import Service
from .base import base_context, editable_agreement


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
