# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/matrix: municipalities x ICT domains, each cell the cooperations behind it."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from goedebuur.matrix import services

from .base import ReadOnlyApiViewMixin
from .municipalities import PROVINCE_CODE, REGION_KEY


class MatrixQuerySerializer(serializers.Serializer):
    provincie = serializers.CharField(
        required=False, validators=[PROVINCE_CODE], help_text="Only this province, e.g. `PV26`."
    )
    regio = serializers.CharField(
        required=False,
        validators=[REGION_KEY],
        help_text="Only this region, `<region division>:<code>`, e.g. `arbeidsmarktregio:AM38`.",
    )
    alleenMetSamenwerkingen = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Leave out municipalities without any cooperation in the register.",
    )


class MatrixDomainSerializer(serializers.Serializer):
    slug = serializers.CharField()
    naam = serializers.CharField()
    aantalGemeenten = serializers.IntegerField(
        help_text="Number of municipalities in the matrix with at least one cooperation in this domain."
    )

    class Meta:
        ref_name = "MatrixDomein"


class MatrixRowSerializer(serializers.Serializer):
    code = serializers.CharField()
    naam = serializers.CharField()
    url = serializers.URLField()
    cellen = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="For every ICT domain slug, the slugs of the cooperations (empty list when none).",
    )
    totaal = serializers.IntegerField(help_text="Number of distinct cooperations of the municipality.")

    class Meta:
        ref_name = "MatrixGemeente"


class MatrixCooperationSerializer(serializers.Serializer):
    naam = serializers.CharField()
    url = serializers.URLField(help_text="The cooperation in the API.")

    class Meta:
        ref_name = "MatrixSamenwerking"


class MatrixSerializer(serializers.Serializer):
    domeinen = MatrixDomainSerializer(many=True, help_text="The columns, in order.")
    gemeenten = MatrixRowSerializer(many=True, help_text="The rows, by name.")
    samenwerkingen = serializers.DictField(
        child=MatrixCooperationSerializer(), help_text="Every cooperation named in a cell, by slug."
    )

    class Meta:
        ref_name = "Matrix"


class MatrixView(ReadOnlyApiViewMixin, APIView):
    query_serializer = MatrixQuerySerializer

    @extend_schema(
        summary="The register matrix",
        description=(
            "Municipalities (rows) x ICT domains (columns); every cell lists the cooperations in which "
            "the municipality takes part for that domain. Only current memberships of cooperations "
            "in the register count. Not paginated."
        ),
        parameters=[MatrixQuerySerializer],
        responses=MatrixSerializer,
    )
    def get(self, request):
        query = MatrixQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        params = query.validated_data
        result = services.register_matrix(
            province=params.get("provincie", ""),
            region=params.get("regio", ""),
            only_with_cooperations=params["alleenMetSamenwerkingen"],
        )
        matrix = result.matrix
        return Response(
            {
                "domeinen": [
                    {"slug": d.slug, "naam": d.name, "aantalGemeenten": matrix.column_total(d.slug)}
                    for d in result.domains
                ],
                "gemeenten": [
                    {
                        "code": m.code,
                        "naam": m.name,
                        "url": reverse("api:gemeente-detail", args=[m.code], request=request),
                        "cellen": {d.slug: matrix.cell(m.code, d.slug) for d in result.domains},
                        "totaal": matrix.row_total(m.code),
                    }
                    for m in result.municipalities
                ],
                "samenwerkingen": {
                    slug: {
                        "naam": c.name,
                        "url": reverse("api:samenwerking-detail", args=[slug], request=request),
                    }
                    for slug, c in sorted(result.cooperations.items())
                },
            }
        )
