# SPDX-License-Identifier: EUPL-1.2
"""Pages of the savings ledger: a cooperation's results (/samenwerkingen/<slug>/resultaten), its
settings and realised figures, history, exports, and the platform-wide view (/resultaten)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from goedebuur.common import add_to_form, one_line
from goedebuur.cooperations import services as cooperations
from goedebuur.cooperations.models import CooperationForm, IctDomain
from goedebuur.history.services import EditConflict, conflict_message, render_versions
from goedebuur.pages.services import paginate

from . import charts, exports, permissions, phrases, services
from .forms import EntryForm, SettingsForm

PER_PAGE = 50


def _cooperation(slug):
    cooperation = cooperations.get_live(slug)
    if cooperation is None:
        raise Http404(_("Dit samenwerkingsverband bestaat niet (meer)."))
    return cooperation


def _visible_ledger(request, slug):
    cooperation = _cooperation(slug)
    ledger = services.ledger_of(cooperation)
    if ledger is not None and not permissions.can_view(request.user, ledger):
        ledger = None  # a private ledger does not exist for outsiders
    return cooperation, ledger


def _table(comparison, forecast):
    rows = []
    for v in comparison.years:
        rows.append(
            {
                "verdict": v,
                "position": phrases.position(v.code),
                "cum_position": phrases.position(v.cumulative_code),
            }
        )
    missing = [f for year, f in sorted(forecast.items()) if year not in {v.year for v in comparison.years}]
    return rows, missing


def ledger_detail(request, slug):
    cooperation, ledger = _visible_ledger(request, slug)
    may_edit = permissions.can_edit(request.user, cooperation)
    context = {"nav": "samenwerkingen", "cooperation": cooperation, "ledger": ledger, "may_edit": may_edit}
    if ledger is not None:
        result = services.comparison(ledger)
        forecast = services.forecast_of(ledger)
        rows, future = _table(result.total, forecast)
        context.update(
            result=result,
            verdict=phrases.verdict(result.total),
            chart=charts.cumulative_chart(result.total, forecast),
            yearly_chart=charts.yearly_chart(result.total, forecast),
            rows=rows,
            future=future,
            municipalities=[
                {
                    "code": code,
                    "name": result.names[code],
                    "verdict": phrases.verdict(c),
                    "rows": _table(c, {})[0],
                    "baseline": ledger.baselines.get(code),
                }
                for code, c in result.municipalities.items()
            ],
            entries=list(services.entries(ledger)),
            last_change=services.versions(ledger).first(),
        )
    return render(request, "ledger/detail.html", context)


def _editable(request, slug):
    cooperation = _cooperation(slug)
    if not permissions.can_edit(request.user, cooperation):
        raise PermissionDenied(
            _("Alleen redacteuren van de deelnemende gemeenten kunnen de resultaten bijwerken.")
        )
    return cooperation


@login_required
def ledger_settings(request, slug):
    cooperation = _editable(request, slug)
    ledger = services.ledger_of(cooperation)
    members = services.members(cooperation)
    cases = list(services.linkable_cases(request.user, cooperation))
    initial = (
        {
            "visibility": ledger.visibility,
            "start_year": ledger.start_year,
            "business_case": ledger.business_case_id,
            "revision": ledger.revision,
        }
        if ledger
        else {
            "visibility": "prive",
            "start_year": cooperation.start_date.year if cooperation.start_date else None,
        }
    )
    kwargs = {"cases": cases, "members": members, "baselines": ledger.baselines if ledger else {}}
    form = SettingsForm(request.POST or None, initial=initial, **kwargs)
    if request.method == "POST" and form.is_valid():
        case_id = form.cleaned_data["business_case"]
        case = next((c for c in cases if c.pk == case_id), None)
        try:
            if case_id is not None and case is None:
                raise ValidationError(
                    {"business_case": [_("Deze businesscase bestaat niet of u mag hem niet zien.")]}
                )
            services.save_ledger(
                cooperation,
                request.user,
                visibility=form.cleaned_data["visibility"],
                start_year=form.cleaned_data["start_year"],
                business_case=case,
                baselines=form.baselines(),
                revision=form.cleaned_data.get("revision"),
            )
        except ValidationError as error:
            add_to_form(form, error, {"baselines": None})
        except EditConflict as conflict:
            form.add_error(None, conflict_message(conflict))
        else:
            messages.success(request, _("De instellingen van de resultaten zijn opgeslagen."))
            return redirect("ledger:detail", slug=cooperation.slug)
    return render(
        request,
        "ledger/settings.html",
        {
            "nav": "samenwerkingen",
            "cooperation": cooperation,
            "ledger": ledger,
            "form": form,
            "members": members,
        },
    )


@login_required
def entry_edit(request, slug):
    cooperation = _editable(request, slug)
    ledger = services.ledger_of(cooperation)
    if ledger is None:
        return redirect("ledger:settings", slug=cooperation.slug)
    members = services.members(cooperation)
    initial = {"year": request.GET.get("jaar", ""), "municipality": request.GET.get("gemeente", "")}
    existing = (
        services.entries(ledger)
        .filter(municipality__code=initial["municipality"], year=initial["year"])
        .first()
        if str(initial["year"]).isdigit()
        else None
    )
    if existing:
        initial.update(
            {
                f: getattr(existing, f)
                for f in (
                    "savings",
                    "one_off_costs",
                    "yearly_costs",
                    "source_kind",
                    "source_title",
                    "source_url",
                    "note",
                )
            }
        )
    form = EntryForm(request.POST or None, initial=initial, members=members)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_entry(ledger, request.user, services.EntryInput(**form.cleaned_data))
        except ValidationError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("De cijfers zijn opgeslagen."))
            return redirect("ledger:detail", slug=cooperation.slug)
    return render(
        request,
        "ledger/entry.html",
        {
            "nav": "samenwerkingen",
            "cooperation": cooperation,
            "ledger": ledger,
            "form": form,
            "existing": existing,
        },
    )


@require_POST
@login_required
def entry_delete(request, slug, code, year):
    cooperation = _editable(request, slug)
    ledger = services.ledger_of(cooperation)
    if ledger is None:
        raise Http404
    try:
        services.delete_entry(ledger, request.user, code, year)
    except ValidationError as error:
        messages.error(request, one_line(error))
    else:
        messages.success(request, _("De cijfers van dat jaar zijn verwijderd; de geschiedenis bewaart ze."))
    return redirect("ledger:detail", slug=cooperation.slug)


@require_POST
@login_required
def refresh(request, slug):
    cooperation = _editable(request, slug)
    ledger = services.ledger_of(cooperation)
    if ledger is None:
        raise Http404
    try:
        services.refresh_forecast(ledger, request.user)
    except ValidationError as error:
        messages.error(request, one_line(error))
    else:
        messages.success(request, _("De prognose is opnieuw overgenomen uit de businesscase."))
    return redirect("ledger:detail", slug=cooperation.slug)


def history(request, slug):
    cooperation, ledger = _visible_ledger(request, slug)
    if ledger is None:
        raise Http404
    may_restore = permissions.can_edit(request.user, cooperation)
    return render_versions(
        request,
        services.versions(ledger),
        title=_("Resultaten van %(name)s") % {"name": cooperation.name},
        back_url=reverse("ledger:detail", args=[cooperation.slug]),
        back_label=_("Resultaten"),
        restore_url=(lambda r: reverse("ledger:restore", args=[cooperation.slug, r.pk]))
        if may_restore
        else None,
        nav="samenwerkingen",
    )


@require_POST
@login_required
def restore(request, slug, record_id):
    cooperation = _editable(request, slug)
    ledger = services.ledger_of(cooperation)
    if ledger is None:
        raise Http404
    try:
        services.restore_version(ledger, record_id, request.user)
    except EditConflict as conflict:
        messages.error(request, conflict_message(conflict))
    except ValidationError as error:
        messages.error(request, one_line(error))
    else:
        messages.success(request, _("De eerdere versie is hersteld."))
    return redirect("ledger:history", slug=cooperation.slug)


def _download(content, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def ledger_export(request, slug, fmt):
    cooperation, ledger = _visible_ledger(request, slug)
    if ledger is None or fmt not in ("csv", "xlsx"):
        raise Http404
    rows = exports.ledger_rows(ledger)
    name = f"resultaten-{cooperation.slug}"
    if fmt == "csv":
        return _download(exports.csv_text(rows), "text/csv; charset=utf-8", f"{name}.csv")
    return _download(exports.xlsx_bytes(rows, _("Resultaten")), exports.XLSX, f"{name}.xlsx")


def _filters(request):
    domain = request.GET.get("domein", "")
    form = request.GET.get("vorm", "")
    domain = domain if IctDomain.objects.filter(slug=domain).exists() else ""
    form = form if CooperationForm.objects.filter(code=form).exists() else ""
    return domain, form


def overview(request):
    domain, form = _filters(request)
    result = services.overview(request.user, domain=domain, form=form)
    page_obj, querystring = paginate(request, result.rows, per_page=PER_PAGE)
    rows = [{"row": row, "verdict": phrases.position(row.comparison.code)} for row in page_obj.object_list]
    return render(
        request,
        "ledger/overview.html",
        {
            "nav": "samenwerkingen",
            "overview": result,
            "total_groups": [result.total],
            "rows": rows,
            "page_obj": page_obj,
            "querystring_without_page": querystring,
            "uplift": phrases.uplift_sentence(result.uplift),
            "domains": IctDomain.objects.order_by("order", "name"),
            "forms": CooperationForm.objects.order_by("order", "name"),
            "domain": domain,
            "form": form,
        },
    )


def overview_export(request, fmt):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    domain, form = _filters(request)
    rows = exports.overview_rows(services.overview(request.user, domain=domain, form=form))
    if fmt == "csv":
        return _download(exports.csv_text(rows), "text/csv; charset=utf-8", "resultaten.csv")
    return _download(exports.xlsx_bytes(rows, _("Resultaten")), exports.XLSX, "resultaten.xlsx")
