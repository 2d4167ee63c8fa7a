# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/gemeenten/{code}/netwerk: the municipalities one municipality shares most regelingen with.
The serializers read a `services.Network` (partners from `goedebuur.core.register.network`)."""

from django.urls import path, reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from goedebuur.api import ReadOnlyApiViewMixin

from .. import services
from ..models import Municipality
from .fields import computed, municipality_url


class NetworkQuerySerializer(serializers.Serializer):
    alleenIct = serializers.BooleanField(
        required=False, default=False, help_text="Count only cooperations with an ICT domain."
    )
    aantal = serializers.IntegerField(
        required=False, min_value=1, max_value=341, help_text="Return only the first this many partners."
    )


def _cooperation_url(shared, context) -> str:
    return context["request"].build_absolute_uri(
        reverse("api:samenwerking-detail", args=[shared.regeling.slug])
    )


class SharedRegelingSerializer(serializers.Serializer):
    slug = serializers.CharField(source="regeling.slug")
    naam = serializers.CharField(source="regeling.name")
    url = computed(serializers.URLField, _cooperation_url, help_text="The cooperation in the API.")
    sinds = serializers.DateField(
        source="since",
        allow_null=True,
        help_text="Since when both municipalities take part (the later join).",
    )
    aantalGemeenten = serializers.IntegerField(
        source="members", help_text="Number of municipalities taking part now."
    )
    gewicht = computed(
        serializers.FloatField,
        lambda shared, _context: round(float(shared.weight), 4),
        help_text="1 / (aantalGemeenten - 1): a small regeling weighs more.",
    )

    class Meta:
        ref_name = "NetwerkRegeling"


class NetworkPartnerSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="CBS code of the partner.")
    naam = computed(serializers.CharField, lambda partner, context: context["names"].get(partner.code, ""))
    url = computed(serializers.URLField, municipality_url, help_text="The partner in the API.")
    aantalGedeeld = serializers.IntegerField(source="count", help_text="Number of shared regelingen.")
    gewicht = computed(
        serializers.FloatField,
        lambda partner, _context: round(float(partner.weight), 4),
        help_text="Sum of the weights of the shared regelingen; the partners are ordered by it.",
    )
    sinds = serializers.DateField(
        source="since", allow_null=True, help_text="The earliest `sinds` of the shared regelingen."
    )
    regelingen = SharedRegelingSerializer(
        source="shared", many=True, help_text="The shared regelingen, smallest (heaviest) first."
    )

    class Meta:
        ref_name = "NetwerkPartner"


class NetworkSerializer(serializers.Serializer):
    code = serializers.CharField(source="municipality.code")
    naam = serializers.CharField(source="municipality.name")
    url = computed(
        serializers.URLField, lambda network, context: municipality_url(network.municipality, context)
    )
    alleenIct = serializers.BooleanField(source="ict_only")
    aantalPartners = computed(
        serializers.IntegerField,
        lambda network, _context: len(network.partners),
        help_text="All partners, also when `aantal` returns fewer.",
    )
    partners = computed(
        serializers.ListField,
        lambda network, context: network.partners[: context.get("limit")],
        child=NetworkPartnerSerializer(),
        help_text="Partners by weight (most first), then by number of shared regelingen, then by code.",
    )
    peildatum = serializers.DateField(
        source="register_date",
        allow_null=True,
        help_text="The reference date of the GR-register data; null before it was loaded.",
    )

    class Meta:
        ref_name = "Netwerk"


class NetworkView(ReadOnlyApiViewMixin, APIView):
    query_serializer = NetworkQuerySerializer

    @extend_schema(
        summary="Network of shared regelingen of one municipality",
        description=(
            "The municipalities that share current cooperations and gemeenschappelijke regelingen with "
            "this one, with the regelingen they share and since when. Each shared regeling weighs "
            "1 / (members - 1), so a bilateral regeling counts 1 and a GGD of 30 municipalities 1/29; "
            "partners are ordered by the sum. Not paginated."
        ),
        parameters=[
            OpenApiParameter(
                "code", OpenApiTypes.STR, OpenApiParameter.PATH, description="CBS code, e.g. `GM0345`."
            ),
            NetworkQuerySerializer,
        ],
        responses=NetworkSerializer,
    )
    def get(self, request, code):
        query = NetworkQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        params = query.validated_data
        municipality = Municipality.objects.filter(code=code.upper()).first()
        if municipality is None:
            raise exceptions.NotFound("Onbekende gemeentecode.")
        network = services.network(municipality, ict_only=params["alleenIct"])
        context = {"request": request, "names": network.names, "limit": params.get("aantal")}
        return Response(NetworkSerializer(network, context=context).data)


urlpatterns = [path("gemeenten/<str:code>/netwerk", NetworkView.as_view(), name="gemeente-netwerk")]
