# SPDX-License-Identifier: EUPL-1.2
"""Pages of the ICT profile, the application landscape and the landscape comparison.

Visibility (see permissions.py): anonymous visitors get a login prompt and no data; logged-in
municipal users see profiles and landscapes; contracts and costs only where can_view_contracts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from goedebuur.common import add_to_form, one_line
from goedebuur.core.landscape import rules
from goedebuur.history.services import (
    EditConflict,
    conflict_message,
    expect_revision,
    render_versions,
    revision_from,
)
from goedebuur.municipalities.models import Municipality
from goedebuur.pages.services import paginate

from . import permissions, services
from .forms import ApplicationForm, CompareForm, ProfileForm
from .models import AMBITIONS, Application, Product, Profile, Supplier

APPLICATIONS_PER_PAGE = 100


def _municipality(code) -> Municipality:
    try:
        return Municipality.objects.select_related("province").get(code=code.upper())
    except Municipality.DoesNotExist:
        raise Http404(_("Deze gemeente bestaat niet.")) from None


def _gate(request, municipality=None):
    """None when the user may see landscapes; otherwise the page to show instead (a login prompt
    for anonymous visitors, a 403 for logged-in users without a municipality)."""
    if permissions.can_view_landscape(request.user):
        return None
    context = {"nav": "gemeenten", "municipality": municipality, "next": request.get_full_path()}
    status = 403 if request.user.is_authenticated else 200
    return render(request, "profiles/login_prompt.html", context, status=status)


def _editable(request, code) -> Municipality:
    municipality = _municipality(code)
    if not permissions.can_edit_profile(request.user, municipality):
        raise PermissionDenied(_("U mag het ICT-profiel van deze gemeente niet wijzigen."))
    return municipality


def benchmark_figures(profile) -> dict:
    """The derived figures of a profile next to the published benchmark (cost figures included:
    only show them to those who may see costs)."""
    per_inhabitant = rules.per_unit(profile.ict_spend_eur, profile.inhabitants)
    per_workplace = rules.per_unit(profile.ict_spend_eur, profile.workplaces)
    latest_year = max(rules.BENCHMARK_PER_INHABITANT)
    workplace_year, workplace_benchmark = rules.BENCHMARK_PER_WORKPLACE
    fte_per_1000 = rules.per_unit(
        float(profile.ict_fte) * 1000 if profile.ict_fte is not None else None, profile.inhabitants
    )
    return {
        "per_inhabitant": per_inhabitant,
        "per_inhabitant_benchmark": rules.BENCHMARK_PER_INHABITANT[latest_year],
        "per_inhabitant_year": latest_year,
        "per_inhabitant_diff": rules.difference_pct(
            per_inhabitant, rules.BENCHMARK_PER_INHABITANT[latest_year]
        ),
        "per_inhabitant_series": sorted(rules.BENCHMARK_PER_INHABITANT.items(), reverse=True),
        "per_workplace": per_workplace,
        "per_workplace_benchmark": workplace_benchmark,
        "per_workplace_year": workplace_year,
        "per_workplace_diff": rules.difference_pct(per_workplace, workplace_benchmark),
        "source": rules.BENCHMARK_SOURCE,
        "fte_per_1000": fte_per_1000,
    }


def profile_detail(request, code):
    municipality = _municipality(code)
    gate = _gate(request, municipality)
    if gate:
        return gate
    profile = services.profile_for(municipality)
    ambitions = [
        {
            "label": label,
            "value": getattr(profile, f"ambition_{key}"),
            "motivation": getattr(profile, f"ambition_{key}_motivation"),
        }
        for key, label in AMBITIONS
    ]
    may_see_costs = permissions.can_view_contracts(request.user, municipality)
    context = {
        "nav": "gemeenten",
        "municipality": municipality,
        "profile": profile,
        "ambitions": ambitions,
        "open_domains": profile.open_domains.all() if profile.pk else [],
        "shared_with": profile.share_contracts_with.all() if profile.pk and may_see_costs else [],
        "may_see_costs": may_see_costs,
        "may_edit": permissions.can_edit_profile(request.user, municipality),
        "figures": benchmark_figures(profile) if may_see_costs else None,
        "application_count": municipality.applications.count(),
    }
    return render(request, "profiles/profile.html", context)


@login_required
def profile_edit(request, code):
    municipality = _editable(request, code)
    profile = services.profile_for(municipality)
    cooperations = services.shareable_cooperations(municipality)
    form = ProfileForm(
        request.POST or None,
        instance=profile,
        cooperations=cooperations,
        initial={"revision": profile.revision if profile.pk else None},
    )
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                saved = form.save(commit=False)
                if saved.pk is not None:
                    expect_revision(saved, form.cleaned_data["revision"])
                services.save_profile(
                    saved,
                    request.user,
                    open_domains=form.cleaned_data["open_domains"],
                    share_contracts_with=form.cleaned_data["share_contracts_with"],
                )
        except EditConflict as conflict:
            form.add_error(None, conflict_message(conflict))
        except ValidationError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("Het ICT-profiel is opgeslagen."))
            return redirect("profiles:profile", code=municipality.code)
    context = {
        "nav": "gemeenten",
        "municipality": municipality,
        "form": form,
        "prefilled_inhabitants": profile.pk is None and municipality.population is not None,
    }
    return render(
        request, "profiles/profile_edit.html", context, status=400 if request.method == "POST" else 200
    )


def landscape(request, code):
    municipality = _municipality(code)
    gate = _gate(request, municipality)
    if gate:
        return gate
    applications = services.landscape(municipality)
    page_obj, querystring = paginate(request, applications, per_page=APPLICATIONS_PER_PAGE)
    context = {
        "nav": "gemeenten",
        "municipality": municipality,
        "applications": page_obj.object_list,
        "page_obj": page_obj,
        "querystring_without_page": querystring,
        "may_see_contracts": permissions.can_view_contracts(request.user, municipality),
        "may_edit": permissions.can_edit_profile(request.user, municipality),
        "has_demo": applications.filter(is_demo=True).exists(),
    }
    return render(request, "profiles/landscape.html", context)


def _application_page(request, municipality, form, application=None):
    context = {
        "nav": "gemeenten",
        "municipality": municipality,
        "form": form,
        "application": application,
        "suppliers": Supplier.objects.order_by("name").values_list("name", flat=True),
        "products": Product.objects.order_by("name").values_list("name", flat=True).distinct(),
        "tiers": sorted(rules.RECOVERY_TIERS.items()),
    }
    return render(
        request, "profiles/application_edit.html", context, status=400 if request.method == "POST" else 200
    )


def _save_application(request, municipality, form, application=None):
    if not form.is_valid():
        return None
    if application is not None:
        expect_revision(application, form.cleaned_data["revision"])
    try:
        with transaction.atomic():
            return services.save_application(municipality, application, form.values(), request.user)
    except EditConflict as conflict:
        form.add_error(None, conflict_message(conflict))
        return None
    except ValidationError as error:
        add_to_form(form, error, ApplicationForm.SERVICE_FIELDS)
        return None


@login_required
def application_create(request, code):
    municipality = _editable(request, code)
    form = ApplicationForm(request.POST or None)
    if request.method == "POST":
        saved = _save_application(request, municipality, form)
        if saved:
            messages.success(
                request, _("De applicatie %(name)s is toegevoegd.") % {"name": saved.product.name}
            )
            return redirect("profiles:landscape", code=municipality.code)
    return _application_page(request, municipality, form)


@login_required
def application_edit(request, code, pk):
    municipality = _editable(request, code)
    application = get_object_or_404(
        Application.objects.select_related("product__supplier"), pk=pk, municipality=municipality
    )
    form = ApplicationForm(request.POST or None, initial=ApplicationForm.initial_for(application))
    if request.method == "POST":
        saved = _save_application(request, municipality, form, application)
        if saved:
            messages.success(request, _("De wijzigingen zijn opgeslagen."))
            return redirect("profiles:landscape", code=municipality.code)
    return _application_page(request, municipality, form, application)


@login_required
def application_delete(request, code, pk):
    municipality = _editable(request, code)
    application = get_object_or_404(
        Application.objects.select_related("product__supplier"), pk=pk, municipality=municipality
    )
    if request.method == "POST":
        name = application.product.name
        expect_revision(application, revision_from(request.POST))
        try:
            services.delete_application(application, request.user)
        except EditConflict as conflict:
            messages.error(request, conflict_message(conflict))
            return redirect("profiles:landscape", code=municipality.code)
        messages.success(request, _("De applicatie %(name)s is verwijderd.") % {"name": name})
        return redirect("profiles:landscape", code=municipality.code)
    return render(
        request,
        "profiles/application_delete.html",
        {"nav": "gemeenten", "municipality": municipality, "application": application},
    )


def _history_gate(request, municipality):
    """History holds costs and contracts: only for those who may see them (404 for other logged-in
    users, the login prompt for anonymous visitors)."""
    gate = _gate(request, municipality)
    if gate:
        return gate
    if not permissions.can_view_contracts(request.user, municipality):
        raise Http404(_("Deze geschiedenis is niet met u gedeeld."))
    return None


def profile_history(request, code):
    municipality = _municipality(code)
    gate = _history_gate(request, municipality)
    if gate:
        return gate
    profile = services.profile_for(municipality)
    can_restore = permissions.can_edit_profile(request.user, municipality)
    return render_versions(
        request,
        services.profile_versions(profile) if profile.pk else [],
        title=_("ICT-profiel %(name)s") % {"name": municipality.name},
        back_url=reverse("profiles:profile", args=[municipality.code]),
        back_label=_("ICT-profiel %(name)s") % {"name": municipality.name},
        restore_url=(lambda r: reverse("profiles:profile_restore", args=[municipality.code, r.pk]))
        if can_restore
        else None,
        nav="gemeenten",
    )


@require_POST
@login_required
def profile_restore(request, code, record_id):
    municipality = _editable(request, code)
    profile = get_object_or_404(Profile, municipality=municipality)
    try:
        services.restore_profile(profile, record_id, request.user)
    except ValidationError as error:
        messages.error(request, one_line(error))
    except EditConflict as conflict:
        messages.error(request, conflict_message(conflict))
    else:
        messages.success(request, _("De gekozen versie is hersteld."))
    return redirect("profiles:profile_history", code=municipality.code)


def application_history(request, code, pk):
    municipality = _municipality(code)
    gate = _history_gate(request, municipality)
    if gate:
        return gate
    records = services.application_versions(municipality, pk)
    latest = records.first()
    if latest is None:
        raise Http404(_("Deze applicatie bestaat niet."))
    application = Application.objects.filter(pk=pk, municipality=municipality).first()
    can_restore = permissions.can_edit_profile(request.user, municipality)
    return render_versions(
        request,
        records,
        title=latest.snapshot.get("product") or latest.object_repr,
        back_url=reverse("profiles:landscape", args=[municipality.code]),
        back_label=_("Applicatielandschap %(name)s") % {"name": municipality.name},
        restore_url=(lambda r: reverse("profiles:application_restore", args=[municipality.code, pk, r.pk]))
        if can_restore
        else None,
        deleted_notice=""
        if application
        else _("Deze applicatie is verwijderd. Herstel een eerdere versie om haar terug te zetten."),
        nav="gemeenten",
    )


@require_POST
@login_required
def application_restore(request, code, pk, record_id):
    municipality = _editable(request, code)
    try:
        services.restore_application(municipality, pk, record_id, request.user)
    except ValidationError as error:
        messages.error(request, one_line(error))
    except EditConflict as conflict:
        messages.error(request, conflict_message(conflict))
    else:
        messages.success(request, _("De gekozen versie is hersteld."))
    return redirect("profiles:application_history", code=municipality.code, pk=pk)


def compare(request):
    """Two municipalities' landscapes side by side. Opened from a profile with only `a`, it asks
    for the second municipality (no error before anything was chosen); an unknown code or the same
    municipality twice is an error next to the field (400)."""
    gate = _gate(request)
    if gate:
        return gate
    codes = {key: request.GET.get(key, "").strip().upper() for key in ("a", "b")}
    form = CompareForm(codes if any(codes.values()) else None)
    context = {"nav": "gemeenten", "form": form}
    if not form.is_bound:
        return render(request, "profiles/compare.html", context)
    if form.is_valid():
        a, b = form.cleaned_data["a"], form.cleaned_data["b"]
        if a and b and a == b:
            form.add_error("b", _("Kies twee verschillende gemeenten."))
        elif a and b:
            context.update(comparison_context(request.user, a, b))
            return render(request, "profiles/compare.html", context)
        else:
            return render(request, "profiles/compare.html", context)
    return render(request, "profiles/compare.html", context, status=400)


def comparison_context(user, a: Municipality, b: Municipality) -> dict:
    sides = []
    for municipality in (a, b):
        by_component: dict = {}
        components = {}
        for application in services.landscape(municipality):
            for component in application.components.all():
                components[component.pk] = component
                by_component.setdefault(component.pk, []).append(application)
        sides.append((municipality, by_component, components))
    (_a, apps_a, comps_a), (_b, apps_b, comps_b) = sides
    components = {**comps_a, **comps_b}
    result = rules.compare_landscapes(
        {c: {app.product_id for app in apps} for c, apps in apps_a.items()},
        {c: {app.product_id for app in apps} for c, apps in apps_b.items()},
    )

    def rows(keys):
        return sorted(
            ({"component": components[c], "a": apps_a.get(c, []), "b": apps_b.get(c, [])} for c in keys),
            key=lambda row: row["component"].name,
        )

    return {
        "a": a,
        "b": b,
        "a_contracts": permissions.can_view_contracts(user, a),
        "b_contracts": permissions.can_view_contracts(user, b),
        "same": rows(result["same"]),
        "different": rows(result["different"]),
        "only_a": rows(result["only_a"]),
        "only_b": rows(result["only_b"]),
        "landscape_urls": (
            reverse("profiles:landscape", args=[a.code]),
            reverse("profiles:landscape", args=[b.code]),
        ),
    }
