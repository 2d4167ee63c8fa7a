# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/gemeenten/{code}/applicaties/export and /applicaties/import: a municipality's application
landscape as a file (CSV, XLSX, JSON) and importing one (all or nothing, with `dryRun`).

Same rules as the pages (`permissions`): exporting needs a logged-in municipal user or
administrator, contract and cost fields only with `can_view_contracts`; importing needs an editor
of the municipality or an administrator. The JSON export is `ExportSerializer`, for the page's
download too (`export_document`)."""

from django.http import HttpResponse
from django.urls import path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from goedebuur.api import ApiViewMixin, ProblemSerializer

from .. import exports, file_messages, imports, permissions, services
from .access import municipality_or_404


class ExportQuerySerializer(serializers.Serializer):
    formaat = serializers.ChoiceField(
        choices=["json", "csv", "xlsx"],
        required=False,
        default="json",
        help_text="`json` (default), `csv` (UTF-8 with BOM, `;`) or `xlsx`; CSV and XLSX have the "
        "columns of the import template.",
    )


class ExportComponentSerializer(serializers.Serializer):
    id = serializers.CharField(source="gemma_id", help_text="GEMMA Object ID.")
    naam = serializers.CharField(source="name")

    class Meta:
        ref_name = "LandschapExportComponent"


class ExportContractSerializer(serializers.Serializer):
    startdatum = serializers.DateField(source="start_date", allow_null=True)
    einddatum = serializers.DateField(source="end_date", allow_null=True)
    opzegtermijnMaanden = serializers.IntegerField(source="notice_months", allow_null=True)
    jaarlijkseKostenEur = serializers.IntegerField(
        source="yearly_cost_eur", allow_null=True, help_text="Whole euros per year."
    )
    verlengingsopties = serializers.CharField(source="extension_options", allow_blank=True)

    class Meta:
        ref_name = "LandschapExportContract"


class ExportApplicationSerializer(serializers.Serializer):
    product = serializers.CharField(source="product.name")
    versie = serializers.CharField(source="version", allow_blank=True)
    leverancier = serializers.CharField(source="product.supplier.name")
    referentiecomponenten = ExportComponentSerializer(source="components", many=True)
    hosting = serializers.ChoiceField(choices=["on-premises", "saas", "gedeeld-datacenter"])
    beschikbaarheid = serializers.IntegerField(min_value=1, max_value=3)
    integriteit = serializers.IntegerField(min_value=1, max_value=3)
    vertrouwelijkheid = serializers.IntegerField(min_value=1, max_value=3)
    rtoUren = serializers.IntegerField(source="rto_hours")
    rpoUren = serializers.IntegerField(source="rpo_hours")
    demogegevens = serializers.BooleanField(source="is_demo")
    contract = ExportContractSerializer(
        allow_null=True,
        required=False,
        help_text="Only present when the caller may see this municipality's contracts and costs "
        "(`metContracten: true`); null when the application has no contract.",
    )

    class Meta:
        ref_name = "LandschapExportApplicatie"

    def to_representation(self, application):
        data = super().to_representation(application)
        if not self.context.get("include_contracts"):
            data.pop("contract", None)
        return data


class ExportSerializer(serializers.Serializer):
    gemeente = serializers.DictField(
        source="municipality", child=serializers.CharField(), help_text="`code` and `naam`."
    )
    metContracten = serializers.BooleanField(
        source="include_contracts", help_text="Whether contract and cost fields are included."
    )
    aantal = serializers.IntegerField(source="count")
    applicaties = ExportApplicationSerializer(source="applications", many=True)

    class Meta:
        ref_name = "LandschapExport"


def export_document(municipality, include_contracts: bool) -> dict:
    """The landscape as JSON with the API's Dutch lowerCamelCase names (API and page download)."""
    applications = list(services.landscape(municipality))
    document = {
        "municipality": {"code": municipality.code, "naam": municipality.name},
        "include_contracts": include_contracts,
        "count": len(applications),
        "applications": applications,
    }
    return ExportSerializer(document, context={"include_contracts": include_contracts}).data


AUTH_PROBLEMS = {
    401: OpenApiResponse(ProblemSerializer, description="Authentication needed."),
    403: OpenApiResponse(ProblemSerializer, description="Not a municipal user or administrator."),
}


class LandscapeExportView(ApiViewMixin, APIView):
    permission_classes = [IsAuthenticated]
    query_serializer = ExportQuerySerializer

    @extend_schema(
        operation_id="applicaties_export",
        tags=["applicaties"],
        summary="Export a municipality's application landscape (JSON, CSV or XLSX)",
        parameters=[ExportQuerySerializer],
        responses={
            (200, "application/json"): ExportSerializer,
            (200, "text/csv"): OpenApiTypes.BINARY,
            (200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"): OpenApiTypes.BINARY,
            **AUTH_PROBLEMS,
        },
    )
    def get(self, request, code):
        municipality = municipality_or_404(code)
        if not permissions.can_view_landscape(request.user):
            raise exceptions.PermissionDenied(
                "Alleen gebruikers van een gemeente zien applicatielandschappen."
            )
        query = ExportQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        fmt = query.validated_data["formaat"]
        include_contracts = permissions.can_view_contracts(request.user, municipality)
        if fmt == "json":
            return Response(export_document(municipality, include_contracts))
        response = HttpResponse(
            exports.export_table(municipality, include_contracts, fmt), content_type=exports.FORMATS[fmt]
        )
        response["Content-Disposition"] = f'attachment; filename="{exports.filename(municipality, fmt)}"'
        return response


class ImportQuerySerializer(serializers.Serializer):
    dryRun = serializers.BooleanField(
        required=False, default=False, help_text="`true`: check and report only, save nothing."
    )


class ImportUploadSerializer(serializers.Serializer):
    bestand = serializers.FileField(help_text="The landscape file: CSV (UTF-8, `,` or `;`) or XLSX.")

    class Meta:
        ref_name = "LandschapImportBestand"


class ImportResultSerializer(serializers.Serializer):
    dryRun = serializers.BooleanField(source="dry_run")
    aantalRijen = serializers.IntegerField(
        source="result.row_count", help_text="Application rows in the file."
    )
    nieuw = serializers.IntegerField(
        source="summary.created", help_text="Applications created (or that would be, with dryRun)."
    )
    bijgewerkt = serializers.IntegerField(
        source="summary.updated", help_text="Existing applications updated (or that would be)."
    )

    class Meta:
        ref_name = "LandschapImportResultaat"


def _problem_detail(result) -> dict:
    """The errors as DRF detail, flattened by the problem handler to `invalidParams`
    (`bestand` for the file as a whole, `rijen.<row>.<column>` or `rijen.<row>` per row)."""
    detail: dict = {}
    if result.file_errors:
        detail["bestand"] = [file_messages.file_message(e) for e in result.file_errors]
    for error in result.errors:
        rows = detail.setdefault("rijen", {})
        entry = rows.setdefault(str(error.row), {})
        entry.setdefault(error.column or "nonFieldErrors", []).append(file_messages.row_message(error))
    return detail


class LandscapeImportView(ApiViewMixin, APIView):
    permission_classes = [IsAuthenticated]
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        operation_id="applicaties_import",
        tags=["applicaties"],
        summary="Import an application landscape file (all or nothing)",
        description="Upload as `multipart/form-data` with the file in `bestand`. Every row is checked; "
        "with any error nothing is saved and the answer is 400 with one `invalidParams` entry per "
        "problem (`rijen.<row>.<column>`, or `bestand` for the file as a whole). Rows upsert by "
        "supplier and product (normalised), so the same file twice creates no duplicates.",
        parameters=[ImportQuerySerializer],
        request={"multipart/form-data": ImportUploadSerializer},
        responses={200: ImportResultSerializer},
    )
    def post(self, request, code):
        municipality = municipality_or_404(code)
        if not permissions.can_edit_profile(request.user, municipality):
            raise exceptions.PermissionDenied(
                "Alleen redacteuren van deze gemeente en beheerders mogen het landschap importeren."
            )
        query = ImportQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        upload = ImportUploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        file = upload.validated_data["bestand"]
        if file.size > imports.MAX_UPLOAD_BYTES:
            raise exceptions.ValidationError({"bestand": ["Het bestand is te groot (meer dan 10 MB)."]})
        dry_run = query.validated_data["dryRun"]
        result, summary = imports.import_file(municipality, file.read(), request.user, dry_run=dry_run)
        if summary is None:
            raise exceptions.ValidationError(_problem_detail(result))
        return Response(
            ImportResultSerializer({"dry_run": dry_run, "result": result, "summary": summary}).data
        )


urlpatterns = [
    path("gemeenten/<str:code>/applicaties/export", LandscapeExportView.as_view(), name="applicaties-export"),
    path("gemeenten/<str:code>/applicaties/import", LandscapeImportView.as_view(), name="applicaties-import"),
]
