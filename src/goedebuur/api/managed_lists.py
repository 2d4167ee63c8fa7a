# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/ict-domeinen and /api/v1/samenwerkingsvormen: the managed lists of the register."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from goedebuur.cooperations import services

from .base import ReadOnlyApiViewMixin


class IctDomainSerializer(serializers.Serializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:ict-domein-detail", lookup_field="slug")
    slug = serializers.SlugField(help_text="The value for `domeinen` and the `domein` filter.")
    naam = serializers.CharField(source="name")
    korteNaam = serializers.CharField(source="short_name")
    omschrijving = serializers.CharField(source="description")

    class Meta:
        ref_name = "IctDomein"


class CooperationFormSerializer(serializers.Serializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:samenwerkingsvorm-detail", lookup_field="code")
    code = serializers.SlugField(help_text="The value for `vorm` and the `vorm` filter.")
    naam = serializers.CharField(source="name")
    soort = serializers.CharField(source="family", help_text="Family, e.g. `Publiekrecht (Wgr)`.")
    omschrijving = serializers.CharField(source="description")

    class Meta:
        ref_name = "Samenwerkingsvorm"


@extend_schema_view(
    list=extend_schema(summary="List ICT domains", description="All ICT domains, in order (not paginated)."),
    retrieve=extend_schema(
        summary="One ICT domain",
        parameters=[OpenApiParameter("slug", OpenApiTypes.STR, OpenApiParameter.PATH)],
    ),
)
class IctDomainViewSet(ReadOnlyApiViewMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = IctDomainSerializer
    lookup_field = "slug"
    pagination_class = None
    filter_backends = []

    def get_queryset(self):
        return services.domains().order_by("order", "name")


@extend_schema_view(
    list=extend_schema(
        summary="List cooperation forms",
        description="All legal and organisational forms of cooperation, in order (not paginated).",
    ),
    retrieve=extend_schema(
        summary="One cooperation form",
        parameters=[OpenApiParameter("code", OpenApiTypes.STR, OpenApiParameter.PATH)],
    ),
)
class CooperationFormViewSet(ReadOnlyApiViewMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = CooperationFormSerializer
    lookup_field = "code"
    pagination_class = None
    filter_backends = []

    def get_queryset(self):
        return services.forms().order_by("order", "name")
