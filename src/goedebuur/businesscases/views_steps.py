# SPDX-License-Identifier: EUPL-1.2
"""The step-by-step form: partners → reikwijdte → basislijn → besparingen → verborgen kosten →
verdeling → resultaat. Every step saves the draft (bad input saves nothing); "Opslaan als concept"
stays on the step, "Volgende" goes on."""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from goedebuur.common import messages_by_field
from goedebuur.core.businesscase.finance import DISCOUNT_RATE_SOURCE
from goedebuur.history.services import EditConflict, conflict_message, expect_revision

from . import permissions, services
from .forms import (
    AllocationForm,
    BaselineRowForm,
    HiddenCostRowForm,
    PartnersForm,
    RevisionForm,
    SavingRowForm,
    ScopeForm,
)
from .models import BusinessCase

STEPS = (
    ("partners", gettext_lazy("Partners")),
    ("scope", gettext_lazy("Reikwijdte")),
    ("basislijn", gettext_lazy("Basislijn")),
    ("besparingen", gettext_lazy("Besparingen")),
    ("verborgen-kosten", gettext_lazy("Verborgen kosten")),
    ("verdeling", gettext_lazy("Verdeling")),
)
STEP_CODES = [code for code, _label in STEPS]


def editable_case(request, pk) -> BusinessCase:
    case = get_object_or_404(BusinessCase.objects.select_related("owner"), pk=pk)
    if not permissions.can_view(request.user, case):
        raise Http404(_("Deze businesscase bestaat niet of is niet met u gedeeld."))
    if not permissions.can_edit(request.user, case):
        raise PermissionDenied(_("U mag deze businesscase niet wijzigen."))
    return case


def _render(request, case, step, template, context, errors=(), status=200):
    context.update(
        nav="businesscases",
        case=case,
        steps=STEPS,
        step=step,
        service_errors=list(errors),
        step_number=STEP_CODES.index(step) + 1 if step in STEP_CODES else 1,
    )
    return render(request, f"businesscases/{template}", context, status=status)


def _messages(error: ValidationError) -> list[str]:
    """A service's refusal as the list of the step's error summary."""
    return [message for messages_ in messages_by_field(error).values() for message in messages_]


def _next(request, case, step):
    if "concept" in request.POST:
        messages.success(request, _("Het concept is opgeslagen."))
        return redirect("businesscases:step", pk=case.pk, step=step)
    index = STEP_CODES.index(step)
    if index + 1 < len(STEP_CODES):
        return redirect("businesscases:step", pk=case.pk, step=STEP_CODES[index + 1])
    messages.success(request, _("De businesscase is opgeslagen."))
    return redirect("businesscases:detail", pk=case.pk)


@login_required
def create(request):
    if not permissions.can_create(request.user):
        raise PermissionDenied(_("Alleen redacteuren van een gemeente kunnen een businesscase opstellen."))
    form = PartnersForm(request.POST or None, initial={"partners": [request.user.municipality]})
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            case = services.create_case(
                request.user,
                name=form.cleaned_data["name"],
                scenario=form.cleaned_data["scenario"],
                partners=form.cleaned_data["partners"],
            )
        except ValidationError as error:
            errors = _messages(error)
        else:
            messages.success(request, _("Het concept is aangemaakt. Bepaal nu de reikwijdte."))
            return redirect("businesscases:step", pk=case.pk, step="scope")
    status = 400 if request.method == "POST" else 200
    return _render(request, None, "partners", "step_partners.html", {"form": form}, errors, status)


@login_required
def step(request, pk, step):
    case = editable_case(request, pk)
    handler = HANDLERS.get(step)
    if handler is None:
        raise Http404(_("Deze stap bestaat niet."))
    return handler(request, case, step)


def _partners(request, case, step):
    initial = {"name": case.name, "scenario": case.scenario, "partners": services.partner_list(case)}
    form = PartnersForm(request.POST or None, initial=initial)
    return _save(
        request,
        case,
        step,
        "step_partners.html",
        {"form": form},
        [form],
        lambda: services.save_partners(
            case,
            request.user,
            name=form.cleaned_data["name"],
            scenario=form.cleaned_data["scenario"],
            partners=form.cleaned_data["partners"],
        ),
    )


def _scope(request, case, step):
    initial = {
        "domains": list(case.domains.all()),
        "horizon": case.horizon,
        "start_year": case.start_year,
        "go_live_year": case.go_live_year,
    }
    form = ScopeForm(request.POST or None, initial=initial)
    return _save(
        request,
        case,
        step,
        "step_scope.html",
        {"form": form},
        [form],
        lambda: services.save_scope(case, request.user, **form.cleaned_data),
    )


def _rows(request, prefixes_and_initials, form_class):
    data = request.POST if request.method == "POST" else None
    return [(key, form_class(data, prefix=key, initial=initial)) for key, initial in prefixes_and_initials]


def _baseline(request, case, step):
    partners = services.partner_list(case)
    rows = _rows(request, [(m.code, case.baselines.get(m.code, {})) for m in partners], BaselineRowForm)
    names = {m.code: m for m in partners}
    table = [(names[code], case.baselines.get(code, {}), form) for code, form in rows]
    return _save(
        request,
        case,
        step,
        "step_baseline.html",
        {"rows": table},
        [form for _k, form in rows],
        lambda: services.save_baselines(case, request.user, {k: f.cleaned_data for k, f in rows}),
    )


def _savings(request, case, step):
    rows = _rows(request, [(row["domain"], row) for row in case.savings], SavingRowForm)
    by_key = {row["domain"]: row for row in case.savings}
    table = [(by_key[key], form) for key, form in rows]

    def save():
        values = {
            k: {n: float(v) if isinstance(v, Decimal) else v for n, v in f.cleaned_data.items()}
            for k, f in rows
        }
        return services.save_savings(case, request.user, values)

    return _save(request, case, step, "step_savings.html", {"rows": table}, [f for _k, f in rows], save)


def _hidden_costs(request, case, step):
    rows = _rows(request, [(row["key"], row) for row in case.hidden_costs], HiddenCostRowForm)
    by_key = {row["key"]: row for row in case.hidden_costs}
    table = [(by_key[key], form) for key, form in rows]
    context = {"rows": table, "double_contracts": case.double_contracts, "notes": case.double_contract_notes}

    def save():
        values = {k: {n: v for n, v in f.cleaned_data.items() if n != "zero"} for k, f in rows}
        return services.save_hidden_costs(
            case, request.user, values, require_all="concept" not in request.POST
        )

    return _save(request, case, step, "step_hidden_costs.html", context, [f for _k, f in rows], save)


def _allocation(request, case, step):
    partners = services.partner_list(case)
    initial = {
        "allocation_key": case.allocation_key,
        "discount_rate_pct": (case.discount_rate * 100).normalize(),
        "distribution": case.distribution,
        "baseline_uncertainty_pct": case.baseline_uncertainty_pct,
        "draws": case.draws,
        "seed": case.seed,
        **{f"weight_{code}": value for code, value in (case.custom_weights or {}).items()},
    }
    form = AllocationForm(request.POST or None, initial=initial, partners=partners)

    def save():
        data = form.cleaned_data
        return services.save_allocation(
            case,
            request.user,
            allocation_key=data["allocation_key"],
            custom_weights=form.custom_weights(),
            discount_rate=(data["discount_rate_pct"] / 100).quantize(Decimal("0.0001")),
            distribution=data["distribution"],
            baseline_uncertainty_pct=data["baseline_uncertainty_pct"],
            draws=data["draws"],
            seed=data["seed"],
        )

    context = {"form": form, "partners": partners, "discount_source": DISCOUNT_RATE_SOURCE}
    return _save(request, case, step, "step_allocation.html", context, [form], save)


def _save(request, case, step, template, context, forms, save):
    """Every step's form carries the revision the editor opened it with (`revision_form`): a step
    saved after someone else changed the case is refused with the conflict message, the input kept."""
    errors = []
    revision_form = RevisionForm(
        request.POST if request.method == "POST" else None, initial={"revision": case.revision}
    )
    context["revision_form"] = revision_form
    if request.method == "POST":
        if revision_form.is_valid() and all(form.is_valid() for form in forms):
            expect_revision(case, revision_form.cleaned_data["revision"])
            try:
                save()
            except EditConflict as conflict:
                errors = [conflict_message(conflict)]
                case.refresh_from_db()
            except ValidationError as error:
                errors = _messages(error)
                case.refresh_from_db()
            else:
                return _next(request, case, step)
        else:
            errors = [_("Er is niets opgeslagen: verbeter de gemarkeerde velden.")]
    status = 400 if request.method == "POST" else 200
    return _render(request, case, step, template, context, errors, status)


HANDLERS = {
    "partners": _partners,
    "scope": _scope,
    "basislijn": _baseline,
    "besparingen": _savings,
    "verborgen-kosten": _hidden_costs,
    "verdeling": _allocation,
}
