# SPDX-License-Identifier: EUPL-1.2
"""Pages to import a landscape file (upload -> preview -> confirm), export a landscape and download
the template.

- Import: the municipality's editors and administrators. Nothing is saved until the confirmation;
  the checked rows travel signed in the form (imports.sign_rows), so any web process can confirm.
- Export: logged-in municipal users and administrators (`can_view_landscape`); contract and cost
  columns only with `can_view_contracts`.
- Template: anyone (it contains no data)."""

import json

from django import forms
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from goedebuur.core.landscape import file_import as L
from goedebuur.municipalities.models import Municipality

from . import exports, file_messages, imports, permissions
from .api.landscape_file import export_document


class UploadForm(forms.Form):
    bestand = forms.FileField(
        label=gettext_lazy("Landschapsbestand (CSV of XLSX)"),
        help_text=gettext_lazy(
            "Hooguit 10 MB. CSV in UTF-8 met komma's of puntkomma's, of een Excel-werkmap."
        ),
        error_messages={"required": gettext_lazy("Kies een bestand.")},
    )

    def clean_bestand(self):
        upload = self.cleaned_data["bestand"]
        if upload.size > imports.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Het bestand is te groot (meer dan 10 MB)."))
        return upload


def _municipality(code) -> Municipality:
    try:
        return Municipality.objects.get(code=code.upper())
    except Municipality.DoesNotExist:
        raise Http404(_("Deze gemeente bestaat niet.")) from None


def _login_redirect(request):
    return redirect(f"{reverse('accounts:login')}?next={request.get_full_path()}")


def import_landscape(request, code):
    municipality = _municipality(code)
    if not request.user.is_authenticated:
        return _login_redirect(request)
    if not permissions.can_edit_profile(request.user, municipality):
        raise PermissionDenied(_("U mag het applicatielandschap van deze gemeente niet importeren."))
    context = {"municipality": municipality, "nav": "gemeenten", "columns": file_messages.column_help()}

    if request.method == "POST" and "token" in request.POST:
        return _confirm(request, municipality, context)

    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["bestand"]
        result = imports.read(upload.read())
        plans = imports.plan(municipality, result.rows)
        context.update(_preview(result, plans), filename=upload.name, form=UploadForm())
        if result.ok:
            context["token"] = imports.sign_rows(municipality, request.user, result.rows, upload.name)
        return render(request, "profiles/import_preview.html", context, status=200 if result.ok else 400)
    return render(
        request, "profiles/import_form.html", context | {"form": form}, status=400 if form.errors else 200
    )


def _preview(result, plans) -> dict:
    by_row = result.errors_by_row()
    creates = {p.row.row: p.creates for p in plans}
    names = dict(imports.component_names()) if plans else {}
    valid = {p.row.row: p.row for p in plans}
    lines = []
    for number in sorted(set(result.labels) | set(valid)):
        row = valid.get(number)
        product, supplier = (row.product, row.supplier) if row else result.labels.get(number, ("", ""))
        lines.append(
            {
                "row": number,
                "product": product,
                "supplier": supplier,
                "components": [names.get(c, c) for c in row.components] if row else [],
                "action": None if number in by_row else ("nieuw" if creates.get(number) else "bijwerken"),
                "errors": [file_messages.row_message(e) for e in by_row.get(number, [])],
            }
        )
    return {
        "result": result,
        "file_messages": [file_messages.file_message(e) for e in result.file_errors],
        "row_lines": [file_messages.row_line(e) for e in result.errors[:200]],
        "lines": lines,
        "error_count": len(result.errors) + len(result.file_errors),
        "rows_with_errors": len(by_row),
        "create_count": sum(1 for p in plans if p.creates),
        "update_count": sum(1 for p in plans if not p.creates),
    }


def _confirm(request, municipality, context):
    try:
        rows, filename = imports.unsign_rows(request.POST["token"], municipality, request.user)
    except signing.BadSignature:
        messages.error(request, _("De voorvertoning is verlopen of ongeldig. Upload het bestand opnieuw."))
        return redirect("landscape_import:import", code=municipality.code)
    try:
        summary = imports.commit(municipality, rows, request.user)
    except imports.LandscapeImportError as error:
        result = L.ImportResult(rows=[], errors=error.errors)
        context.update(
            _preview(result, imports.plan(municipality, rows)), filename=filename, form=UploadForm()
        )
        return render(request, "profiles/import_preview.html", context, status=400)
    messages.success(
        request,
        _("Import voltooid: %(created)d applicaties toegevoegd, %(updated)d bijgewerkt.")
        % {"created": summary.created, "updated": summary.updated},
    )
    return redirect("profiles:landscape", code=municipality.code)


def export_landscape(request, code, fmt):
    municipality = _municipality(code)
    if not request.user.is_authenticated:
        return _login_redirect(request)
    if not permissions.can_view_landscape(request.user):
        raise PermissionDenied(_("Alleen gebruikers van een gemeente zien applicatielandschappen."))
    include_contracts = permissions.can_view_contracts(request.user, municipality)
    if fmt == "json":
        body = json.dumps(export_document(municipality, include_contracts), ensure_ascii=False, indent=1)
        response = HttpResponse(body.encode("utf-8"), content_type=exports.FORMATS["json"])
    else:
        response = HttpResponse(
            exports.export_table(municipality, include_contracts, fmt), content_type=exports.FORMATS[fmt]
        )
    response["Content-Disposition"] = f'attachment; filename="{exports.filename(municipality, fmt)}"'
    response["Cache-Control"] = "private, no-store"
    response["Vary"] = "Cookie"
    return response


@require_GET
def template_file(request, fmt):
    response = HttpResponse(exports.template(fmt), content_type=exports.FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="landschap-sjabloon.{fmt}"'
    return response
