# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/gemeenten: the 342 municipalities, as JSON or GeoJSON."""

import django_filters
from django.core.validators import RegexValidator
from django.db.models import Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_serializer,
    extend_schema_view,
)
from rest_framework import serializers, viewsets
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from goedebuur.api import (
    GEOJSON_CONTENT_TYPE,
    AnonymousCacheMixin,
    GeoJSONRenderer,
    PageLinkField,
    ReadOnlyApiViewMixin,
)
from goedebuur.cooperations import services as cooperations

from .. import services
from ..models import Council, Municipality, Region
from .fields import computed, municipality_url

REGION_KEY = RegexValidator(
    r"^[a-z0-9-]+:[A-Za-z0-9_.-]+$",
    "Gebruik <regio-indeling>:<regiocode>, bijvoorbeeld arbeidsmarktregio:AM38.",
    code="invalid",
)
PROVINCE_CODE = RegexValidator(r"^PV\d{2}$", "Gebruik een provinciecode, bijvoorbeeld PV26.", code="invalid")


class MunicipalityFilter(django_filters.FilterSet):
    provincie = django_filters.CharFilter(
        validators=[PROVINCE_CODE], help_text="Province code (CBS), e.g. `PV26` (Utrecht)."
    )
    regio = django_filters.CharFilter(
        validators=[REGION_KEY],
        help_text="A region as `<region division code>:<region code>`, e.g. `arbeidsmarktregio:AM38` "
        "(FoodValley). See /api/v1/regio-indelingen.",
    )
    zoek = django_filters.CharFilter(
        help_text="Part of the name, also of a common name (`Den Haag`), a former municipality (`Weesp`) "
        "or the whole name of a region (`FoodValley`: its members); or the exact CBS code (`GM0345`)."
    )

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        found = services.search_municipalities(
            query=(data.get("zoek") or "").strip(),
            province=data.get("provincie") or "",
            region=data.get("regio") or "",
        )
        return queryset.filter(pk__in=found.values("pk"))


# --- serializers ---------------------------------------------------------------------------


class ProvinceSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="CBS province code, e.g. `PV26`.")
    naam = serializers.CharField(source="name")

    class Meta:
        ref_name = "Provincie"


class PointSerializer(serializers.Serializer):
    lat = serializers.FloatField(help_text="Latitude, WGS84.")
    lon = serializers.FloatField(help_text="Longitude, WGS84.")

    class Meta:
        ref_name = "Punt"


class MunicipalityRegionSerializer(serializers.Serializer):
    regioIndeling = serializers.CharField(source="region_type.code", help_text="Code of the region division.")
    code = serializers.CharField()
    naam = serializers.CharField(source="name")
    sleutel = serializers.SerializerMethodField(
        help_text="`<region division>:<code>`, the value for the `regio` filter."
    )

    class Meta:
        ref_name = "GemeenteRegio"

    def get_sleutel(self, region) -> str:
        return f"{region.region_type.code}:{region.code}"


class MunicipalityCooperationSerializer(serializers.Serializer):
    url = serializers.HyperlinkedRelatedField(
        view_name="api:samenwerking-detail", lookup_field="slug", source="cooperation", read_only=True
    )
    slug = serializers.CharField(source="cooperation.slug")
    naam = serializers.CharField(source="cooperation.name")
    rol = serializers.CharField(source="role", help_text="`deelnemer`, `gastheer` or `trekker`.")
    toegetredenOp = serializers.DateField(source="joined_on", allow_null=True)
    uitgetredenOp = serializers.DateField(
        source="left_on", allow_null=True, help_text="Empty while the municipality is a current member."
    )

    class Meta:
        ref_name = "GemeenteSamenwerking"


class CouncilPartySerializer(serializers.Serializer):
    naam = serializers.CharField(source="party", help_text="The party's name as the source gives it.")
    zetels = serializers.IntegerField(source="seats")

    class Meta:
        ref_name = "GemeenteraadPartij"


class CouncilSerializer(serializers.Serializer):
    totaalZetels = serializers.IntegerField(source="total_seats", help_text="Seats in the council.")
    partijen = CouncilPartySerializer(source="seats", many=True, help_text="Seats per party, most first.")
    zetelsZonderPartij = serializers.IntegerField(
        source="unassigned_seats",
        help_text="Seats the source names no party for: `totaalZetels` minus the parties' seats (0 for most).",
    )
    bron = serializers.CharField(source="source")
    peildatum = serializers.DateField(source="reference_date", help_text="The date the source describes.")

    class Meta:
        ref_name = "Gemeenteraad"


class MunicipalitySummarySerializer(serializers.Serializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:gemeente-detail", lookup_field="code")
    code = serializers.CharField(help_text="CBS municipality code, e.g. `GM0345`.")
    naam = serializers.CharField(source="name")
    provincie = ProvinceSerializer(source="province")
    inwoners = serializers.IntegerField(source="population", allow_null=True)
    inwonersPeiljaar = serializers.IntegerField(
        source="population_year", allow_null=True, help_text="Reference year of `inwoners`."
    )
    aantalSamenwerkingen = serializers.IntegerField(
        source="cooperation_count",
        help_text="Number of cooperations in the register the municipality is a current member of.",
    )

    class Meta:
        ref_name = "GemeenteSamenvatting"


class MunicipalitySerializer(MunicipalitySummarySerializer):
    webpagina = PageLinkField(help_text="The municipality's page on Goede Buur.")
    oppervlakteKm2 = serializers.DecimalField(
        source="area_km2", max_digits=8, decimal_places=2, coerce_to_string=False
    )
    centroide = serializers.SerializerMethodField(help_text="Centroid of the boundary.")
    binnenpunt = serializers.SerializerMethodField(
        help_text="A point guaranteed to lie inside the municipality (for labels and markers)."
    )
    regios = MunicipalityRegionSerializer(source="regions", many=True)
    buren = serializers.SerializerMethodField(help_text="Codes of the municipalities sharing a border.")
    puntcontacten = serializers.SerializerMethodField(
        help_text="Codes of the municipalities that touch it in a single point only (not neighbours)."
    )
    samenwerkingen = serializers.SerializerMethodField(
        help_text="Memberships of cooperations in the register, former ones included."
    )
    gemeenteraad = CouncilSerializer(
        source="council",
        allow_null=True,
        read_only=True,
        help_text="The council's seats per party, with source and reference date; null when not known.",
    )
    website = computed(
        serializers.URLField,
        lambda municipality, _context: municipality.website or None,
        allow_null=True,
        help_text="The municipality's institutional website (Register van Overheidsorganisaties).",
    )
    email = computed(
        serializers.EmailField,
        lambda municipality, _context: municipality.email or None,
        allow_null=True,
        help_text="The municipality's general e-mail address (Register van Overheidsorganisaties).",
    )

    class Meta:
        ref_name = "Gemeente"

    @extend_schema_field(PointSerializer)
    def get_centroide(self, municipality):
        return {"lat": municipality.centroid_lat, "lon": municipality.centroid_lon}

    @extend_schema_field(PointSerializer)
    def get_binnenpunt(self, municipality):
        return {"lat": municipality.point_lat, "lon": municipality.point_lon}

    def get_buren(self, municipality) -> list[str]:
        return sorted(m.code for m in municipality.neighbours.all())

    def get_puntcontacten(self, municipality) -> list[str]:
        return sorted(m.code for m in municipality.point_contacts.all())

    @extend_schema_field(MunicipalityCooperationSerializer(many=True))
    def get_samenwerkingen(self, municipality):
        memberships = [
            membership
            for cooperation in cooperations.cooperations_of(municipality)
            for membership in cooperation.memberships.all()
            if membership.municipality_id == municipality.pk
        ]
        return MunicipalityCooperationSerializer(memberships, many=True, context=self.context).data


# --- GeoJSON -------------------------------------------------------------------------------


class FeaturePropertiesSerializer(serializers.Serializer):
    code = serializers.CharField()
    naam = serializers.CharField(source="name")
    provincie = serializers.CharField(source="province.name", help_text="Province name.")
    provincieCode = serializers.CharField(source="province.code")
    inwoners = serializers.IntegerField(source="population", allow_null=True)
    aantalSamenwerkingen = serializers.IntegerField(source="cooperation_count")
    url = computed(serializers.URLField, municipality_url, help_text="The municipality in the API.")

    class Meta:
        ref_name = "GemeenteFeatureProperties"


GEOMETRY_SCHEMA = {
    "type": "object",
    "description": "Simplified boundary: a GeoJSON Polygon or MultiPolygon in WGS84 (RFC 7946).",
    "properties": {
        "type": {"type": "string", "enum": ["Polygon", "MultiPolygon"]},
        "coordinates": {"type": "array", "items": {}},
    },
    "required": ["type", "coordinates"],
}


@extend_schema_field(GEOMETRY_SCHEMA)
class GeometryField(serializers.JSONField):
    """A GeoJSON geometry. (Its own class: decorating `JSONField` itself would describe every JSON
    field of the API as a geometry.)"""


class FeatureSerializer(serializers.Serializer):
    type = computed(serializers.ChoiceField, lambda _obj, _context: "Feature", choices=["Feature"])
    id = serializers.CharField(source="code", help_text="CBS municipality code.")
    geometry = GeometryField(source="boundary")
    properties = FeaturePropertiesSerializer(source="*")

    class Meta:
        ref_name = "GemeenteFeature"


@extend_schema_serializer(many=False)
class FeatureCollectionSerializer(serializers.Serializer):
    type = computed(
        serializers.ChoiceField, lambda _obj, _context: "FeatureCollection", choices=["FeatureCollection"]
    )
    features = FeatureSerializer(source="*", many=True)

    class Meta:
        ref_name = "GemeenteFeatureCollection"


# --- view ----------------------------------------------------------------------------------

CODE_PARAMETER = OpenApiParameter(
    "code", OpenApiTypes.STR, OpenApiParameter.PATH, description="CBS municipality code, e.g. `GM0345`."
)


@extend_schema_view(
    list=extend_schema(
        summary="List municipalities",
        description=(
            "All 342 municipalities, paginated, filtered by province, region or name. With "
            "`Accept: application/geo+json` or `?format=geojson` the answer is a GeoJSON "
            "FeatureCollection of all matching municipalities (not paginated) with their boundaries."
        ),
        responses={
            (200, "application/json"): MunicipalitySummarySerializer,
            (200, GEOJSON_CONTENT_TYPE): FeatureCollectionSerializer,
        },
    ),
    retrieve=extend_schema(
        summary="One municipality",
        description=(
            "Regions, neighbours, centre points, area, inhabitants, cooperations, council (seats per "
            "party) and institutional website and e-mail of one municipality. With "
            "`Accept: application/geo+json` or `?format=geojson`: a GeoJSON Feature."
        ),
        parameters=[CODE_PARAMETER],
        responses={
            (200, "application/json"): MunicipalitySerializer,
            (200, GEOJSON_CONTENT_TYPE): FeatureSerializer,
        },
    ),
)
class MunicipalityViewSet(AnonymousCacheMixin, ReadOnlyApiViewMixin, viewsets.ReadOnlyModelViewSet):
    lookup_field = "code"
    anonymous_cache_version = staticmethod(lambda request: cooperations.register_version())
    renderer_classes = [JSONRenderer, GeoJSONRenderer]
    filterset_class = MunicipalityFilter
    serializer_class = MunicipalitySerializer

    def get_queryset(self):
        qs = services.with_cooperation_counts(Municipality.objects.select_related("province"))
        if self.action == "retrieve":
            return qs.prefetch_related(
                Prefetch(
                    "regions",
                    queryset=Region.objects.select_related("region_type").order_by(
                        "region_type__order", "code"
                    ),
                ),
                "neighbours",
                "point_contacts",
                Prefetch("council", queryset=Council.objects.prefetch_related("seats")),
            )
        if self._geojson():  # the boundary is deferred by default; load it in the same query
            qs = qs.defer(None).defer("svg_path")
        return qs.order_by("name", "code")

    def get_serializer_class(self):
        return MunicipalitySummarySerializer if self.action == "list" else MunicipalitySerializer

    def get_object(self):
        self.kwargs[self.lookup_field] = self.kwargs[self.lookup_field].upper()
        return super().get_object()

    def _geojson(self):
        renderer = getattr(self.request, "accepted_renderer", None)
        return renderer is not None and renderer.format == GeoJSONRenderer.format

    def list(self, request, *args, **kwargs):
        if self._geojson():
            qs = self.filter_queryset(self.get_queryset())
            return Response(FeatureCollectionSerializer(qs, context=self.get_serializer_context()).data)
        return super().list(request, *args, **kwargs)

    def retrieve(self, request, *args, **kwargs):
        municipality = self.get_object()
        if self._geojson():
            return Response(FeatureSerializer(municipality, context=self.get_serializer_context()).data)
        return Response(self.get_serializer(municipality).data)
