# SPDX-License-Identifier: EUPL-1.2
"""The BIO test plan of an agreement: planned tests, the test log with results per service, and
follow-up actions. Same visibility as the agreement (base.visible_agreement / editable_agreement)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from goedebuur.common import add_to_form, one_line
from goedebuur.history.services import EditConflict, conflict_message, expect_revision, revision_from

from .. import testplan
from ..forms import ActionForm, PlannedTestForm, TestRecordForm
from ..models import FollowUpAction
from .base import base_context, editable_agreement, visible_agreement


@login_required
def tests(request, pk):
    agreement = visible_agreement(request, pk)
    context = base_context(agreement, request, "tests")
    today = testplan.today()
    records = agreement.test_records.prefetch_related("results__service__guest", "actions")
    page = Paginator(records, 10).get_page(request.GET.get("page"))
    planned = agreement.planned_tests.select_related("record")
    context.update(
        {
            "planned": [(p, testplan.is_overdue(p, today)) for p in planned],
            "page_obj": page,
            "actions": agreement.actions.select_related("owner_municipality", "record"),
            "current": testplan.tests_current(agreement, today),
            "today": today,
            "calendar_url": request.build_absolute_uri(
                reverse("fallback:calendar", args=[agreement.pk]) + f"?sleutel={agreement.calendar_token}"
            ),
            "plan_form": PlannedTestForm(),
        }
    )
    return render(request, "fallback/tests.html", context)


@login_required
def record_create(request, pk):
    agreement = editable_agreement(request, pk)
    services_ = agreement.services.select_related("guest")
    initial = {"kind": request.GET.get("soort", "hersteltest"), "date": testplan.today()}
    form = TestRecordForm(request.POST or None, services=services_, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                testplan.record_test(agreement, form.values(), form.results(), request.user)
        except ValidationError as error:
            add_to_form(form, error)
        else:
            messages.success(
                request, _("Het testverslag is vastgelegd; de volgende test is over een jaar gepland.")
            )
            return redirect("fallback:tests", pk=agreement.pk)
    context = base_context(agreement, request, "tests")
    context["form"] = form
    return render(
        request, "fallback/record_form.html", context, status=400 if request.method == "POST" else 200
    )


@login_required
@require_POST
def plan_create(request, pk):
    agreement = editable_agreement(request, pk)
    form = PlannedTestForm(request.POST)
    if form.is_valid():
        with transaction.atomic():
            try:
                testplan.schedule_test(
                    agreement, form.cleaned_data["kind"], form.cleaned_data["planned_date"], request.user
                )
            except ValidationError as error:
                messages.error(request, one_line(error))
                return redirect("fallback:tests", pk=agreement.pk)
        messages.success(request, _("De test is gepland."))
    else:
        messages.error(request, _("Kies een soort test en een geldige datum; er is niets gepland."))
    return redirect("fallback:tests", pk=agreement.pk)


@login_required
def action_create(request, pk):
    agreement = editable_agreement(request, pk)
    initial = {"owner_municipality": request.user.municipality, "record": request.GET.get("test")}
    form = ActionForm(
        request.POST or None,
        agreement=agreement,
        instance=FollowUpAction(agreement=agreement),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                testplan.save_action(form.save(commit=False), request.user)
        except ValidationError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("De vervolgactie is toegevoegd."))
            return redirect("fallback:tests", pk=agreement.pk)
    context = base_context(agreement, request, "tests")
    context["form"] = form
    return render(
        request, "fallback/action_form.html", context, status=400 if request.method == "POST" else 200
    )


@login_required
@require_POST
def action_done(request, pk, action_pk):
    agreement = editable_agreement(request, pk)
    action = get_object_or_404(FollowUpAction, pk=action_pk, agreement=agreement)
    if action.done_on is None:
        expect_revision(action, revision_from(request.POST))
        try:
            with transaction.atomic():
                testplan.complete_action(action, request.user)
        except EditConflict as conflict:
            messages.error(request, conflict_message(conflict))
            return redirect("fallback:tests", pk=agreement.pk)
        messages.success(request, _("De actie %(name)s is afgerond.") % {"name": action.description})
    return redirect("fallback:tests", pk=agreement.pk)
