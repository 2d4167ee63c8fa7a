# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/regio-indelingen: region divisions (province, COROP, safety region, ...) and their regions."""

from django.db.models import Count, Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from goedebuur.api import ReadOnlyApiViewMixin

from ..models import Municipality, Region, RegionType


class RegionSerializer(serializers.Serializer):
    code = serializers.CharField()
    naam = serializers.CharField(source="name")
    sleutel = serializers.SerializerMethodField(
        help_text="`<region division>:<code>`: the value for the `regio` filter of /gemeenten and /matrix."
    )
    aantalGemeenten = serializers.SerializerMethodField()
    gemeenten = serializers.SerializerMethodField(help_text="CBS codes of the member municipalities.")

    class Meta:
        ref_name = "Regio"

    def get_sleutel(self, region) -> str:
        return f"{region.region_type.code}:{region.code}"

    def get_aantalGemeenten(self, region) -> int:
        return len(region.municipalities.all())

    def get_gemeenten(self, region) -> list[str]:
        return [m.code for m in region.municipalities.all()]


class RegionTypeSerializer(serializers.Serializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:regio-indeling-detail", lookup_field="code")
    code = serializers.CharField(help_text="E.g. `provincie`, `corop`, `arbeidsmarktregio`.")
    naam = serializers.CharField(source="name")
    jaar = serializers.IntegerField(source="year", allow_null=True, help_text="Year of the division.")
    bron = serializers.CharField(source="source", help_text="Where the division comes from.")
    aantalRegios = serializers.IntegerField(source="region_count")

    class Meta:
        ref_name = "RegioIndeling"


class RegionTypeDetailSerializer(RegionTypeSerializer):
    regios = RegionSerializer(source="regions", many=True)

    class Meta:
        ref_name = "RegioIndelingDetail"


CODE_PARAMETER = OpenApiParameter(
    "code", OpenApiTypes.STR, OpenApiParameter.PATH, description="Code of the region division, e.g. `corop`."
)


@extend_schema_view(
    list=extend_schema(
        summary="List region divisions",
        description="All region divisions with their number of regions (not paginated).",
    ),
    retrieve=extend_schema(
        summary="One region division",
        description="A region division with its regions and their member municipalities.",
        parameters=[CODE_PARAMETER],
    ),
    regions=extend_schema(
        summary="Regions of a region division",
        description="The regions of one division with their member municipalities (not paginated).",
        parameters=[CODE_PARAMETER],
        responses=RegionSerializer(many=True),
    ),
)
class RegionTypeViewSet(ReadOnlyApiViewMixin, viewsets.ReadOnlyModelViewSet):
    lookup_field = "code"
    pagination_class = None
    filter_backends = []

    def get_queryset(self):
        qs = RegionType.objects.annotate(region_count=Count("regions")).order_by("order", "name")
        if self.action != "list":
            regions = Region.objects.select_related("region_type").order_by("name")
            qs = qs.prefetch_related(
                Prefetch("regions", queryset=regions),
                Prefetch("regions__municipalities", queryset=Municipality.objects.order_by("code")),
            )
        return qs

    def get_serializer_class(self):
        return RegionTypeSerializer if self.action == "list" else RegionTypeDetailSerializer

    @action(detail=True, url_path="regios")
    def regions(self, request, code=None):
        region_type = self.get_object()
        return Response(RegionSerializer(region_type.regions.all(), many=True).data)
