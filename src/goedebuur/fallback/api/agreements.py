# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/achtervangafspraken and /achtervangafspraken/{id}: the agreements of the user's
municipality. Writes go through `goedebuur.fallback.services` (rules, history)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from goedebuur.api import check_if_match, refused, revision_field
from goedebuur.cooperations.models import Cooperation
from goedebuur.municipalities.models import Municipality

from .. import permissions, services
from ..models import Agreement
from .base import ID, TAGS, FallbackApiMixin, with_etag


class LocationSerializer(serializers.Serializer):
    naam = serializers.CharField(source="name", max_length=150)
    soort = serializers.ChoiceField(source="kind", choices=Agreement.SiteKind.values)
    lat = serializers.FloatField(min_value=-90, max_value=90, help_text="Latitude (WGS84).")
    lon = serializers.FloatField(min_value=-180, max_value=180, help_text="Longitude (WGS84).")
    datacenter = serializers.CharField(
        source="data_centre",
        max_length=150,
        allow_blank=True,
        required=False,
        help_text="The data centre the site's systems run in (common-mode check: the same on both sides is red).",
    )
    netwerkleverancier = serializers.CharField(
        source="network_provider",
        max_length=150,
        allow_blank=True,
        required=False,
        help_text="The site's network provider (the same on both sides is amber).",
    )
    overstromingsgebied = serializers.CharField(
        source="flood_area",
        max_length=150,
        allow_blank=True,
        required=False,
        help_text="The flood-risk area (e.g. the dike-ring area) the site lies in; the same on both sides is red.",
    )
    bronOverstromingsgebied = serializers.CharField(
        source="flood_source",
        max_length=300,
        allow_blank=True,
        required=False,
        help_text="Where the flood-risk area comes from (map, date).",
    )

    class Meta:
        ref_name = "AchtervangLocatie"


class AgreementSerializer(serializers.Serializer):
    """Reservation fields `...A` are what municipality A keeps free as host for B, and vice versa."""

    id = serializers.IntegerField(read_only=True)
    url = serializers.SerializerMethodField()
    gemeenteA = serializers.SlugRelatedField(
        slug_field="code", queryset=Municipality.objects.all(), source="party_a"
    )
    gemeenteB = serializers.SlugRelatedField(
        slug_field="code", queryset=Municipality.objects.all(), source="party_b"
    )
    locatieA = LocationSerializer(
        source="site_a",
        required=False,
        help_text="Site of municipality A (town hall or datacenter). Left out on create: the town hall at "
        "the municipality's inside point.",
    )
    locatieB = LocationSerializer(
        source="site_b", required=False, help_text="Site of municipality B; as locatieA."
    )
    samenwerking = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Cooperation.objects.filter(deleted_at__isnull=True),
        allow_null=True,
        default=None,
        source="cooperation",
        help_text="Slug of the cooperation in the register this agreement belongs to, if any.",
    )
    afstandKm = serializers.SerializerMethodField()
    testsActueel = serializers.SerializerMethodField()
    geplandeTests = serializers.SerializerMethodField()
    openActies = serializers.SerializerMethodField()
    demogegevens = serializers.BooleanField(read_only=True, source="is_demo")
    revisie = revision_field()
    wederzijds = serializers.BooleanField(source="mutual", default=True)
    verbinding = serializers.ChoiceField(source="link_type", choices=Agreement.LinkType.values)
    bandbreedteMbps = serializers.IntegerField(source="link_mbps", min_value=1)
    hersteldoorvoerMbps = serializers.IntegerField(source="restore_mbps", min_value=1, default=1000)
    herstelslots = serializers.IntegerField(source="restore_slots", min_value=1, max_value=32, default=2)
    piekfactor = serializers.DecimalField(
        source="peak_factor", max_digits=4, decimal_places=1, min_value=1, max_value=24, default=3
    )
    minimaleAfstandKm = serializers.DecimalField(source="min_km", max_digits=6, decimal_places=1, default=5)
    maximaleAfstandKm = serializers.DecimalField(source="max_km", max_digits=6, decimal_places=1, default=40)
    contactpersonenA = serializers.CharField(
        source="contacts_a", allow_blank=True, default="", max_length=2000
    )
    contactpersonenB = serializers.CharField(
        source="contacts_b", allow_blank=True, default="", max_length=2000
    )
    escalatie = serializers.CharField(source="escalation", allow_blank=True, default="", max_length=2000)
    ingangsdatum = serializers.DateField(source="start_date")
    evaluatiedatum = serializers.DateField(source="review_date", allow_null=True, default=None)
    reserveringVcpuA = serializers.IntegerField(source="reserved_vcpu_a", min_value=0, default=0)
    reserveringRamGbA = serializers.IntegerField(source="reserved_ram_gb_a", min_value=0, default=0)
    reserveringOpslagGbA = serializers.IntegerField(source="reserved_storage_gb_a", min_value=0, default=0)
    reserveringWerkplekkenA = serializers.IntegerField(source="reserved_workplaces_a", min_value=0, default=0)
    reserveringVcpuB = serializers.IntegerField(source="reserved_vcpu_b", min_value=0, default=0)
    reserveringRamGbB = serializers.IntegerField(source="reserved_ram_gb_b", min_value=0, default=0)
    reserveringOpslagGbB = serializers.IntegerField(source="reserved_storage_gb_b", min_value=0, default=0)
    reserveringWerkplekkenB = serializers.IntegerField(source="reserved_workplaces_b", min_value=0, default=0)

    class Meta:
        ref_name = "Achtervangafspraak"

    def get_url(self, agreement) -> str:
        return reverse(
            "api:achtervangafspraak-detail", kwargs={"id": agreement.pk}, request=self.context.get("request")
        )

    def get_afstandKm(self, agreement) -> float:
        return round(services.distance_km(agreement), 2)

    def get_testsActueel(self, agreement) -> bool:
        return services.tests_current(agreement)

    def get_geplandeTests(self, agreement) -> list[dict]:
        today = services.today()
        return [
            {
                "soort": p.kind,
                "datum": p.planned_date.isoformat(),
                "uitgevoerd": p.record_id is not None,
                "teLaat": services.is_overdue(p, today),
            }
            for p in agreement.planned_tests.all()
        ]

    def get_openActies(self, agreement) -> list[dict]:
        return [
            {
                "id": a.pk,
                "actie": a.description,
                "eigenaar": a.owner,
                "gemeente": a.owner_municipality.code,
                "uiterlijk": a.due_date.isoformat(),
            }
            for a in services.open_actions([agreement])
        ]


@extend_schema(tags=TAGS)
class AgreementListView(FallbackApiMixin, APIView):
    @extend_schema(
        summary="Achtervang agreements of the user's municipality",
        description="Municipal users see the agreements their municipality is a party to; administrators "
        "all. Not paginated (a municipality has one or a few).",
        responses=AgreementSerializer(many=True),
    )
    def get(self, request):
        agreements = permissions.visible_agreements(request.user).order_by("pk")
        return Response(AgreementSerializer(agreements, many=True, context={"request": request}).data)

    @extend_schema(
        summary="Create an agreement",
        description="For editors (their own municipality must be one of the parties) and administrators. "
        "Both yearly tests are planned a year after `ingangsdatum`. Answers 201.",
        request=AgreementSerializer,
        responses={201: AgreementSerializer},
    )
    def post(self, request):
        if not permissions.can_create(request.user):
            raise exceptions.PermissionDenied("Alleen redacteuren en beheerders maken achtervangafspraken.")
        serializer = AgreementSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            with transaction.atomic():
                agreement = services.save_agreement(Agreement(**serializer.validated_data), request.user)
        except DjangoValidationError as error:
            raise refused(error, serializer) from None
        data = AgreementSerializer(agreement, context={"request": request}).data
        response = Response(data, status=status.HTTP_201_CREATED, headers={"Location": data["url"]})
        return with_etag(response, agreement)


@extend_schema(tags=TAGS)
class AgreementDetailView(FallbackApiMixin, APIView):
    revision_checked = True  # ETag on reads, If-Match on writes (api/schema.py documents both)

    @extend_schema(summary="One agreement", parameters=[ID], responses=AgreementSerializer)
    def get(self, request, id):
        agreement = self.agreement()
        return with_etag(
            Response(AgreementSerializer(agreement, context={"request": request}).data), agreement
        )

    @extend_schema(
        summary="Change some fields of an agreement",
        description="Only the fields given change; the parties cannot change. For editors of either side "
        "and administrators.",
        parameters=[ID],
        request=AgreementSerializer,
        responses=AgreementSerializer,
    )
    def patch(self, request, id):
        agreement = self.editable()
        check_if_match(request, agreement)
        serializer = AgreementSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        if {"party_a", "party_b"} & set(serializer.validated_data):
            raise serializers.ValidationError(
                {"gemeenteA": ["De partijen van een afspraak veranderen niet."]}
            )
        for key, value in serializer.validated_data.items():
            setattr(agreement, key, value)
        try:
            with transaction.atomic():
                services.save_agreement(agreement, request.user)
        except DjangoValidationError as error:
            raise refused(error, serializer) from None
        return with_etag(
            Response(AgreementSerializer(agreement, context={"request": request}).data), agreement
        )

    @extend_schema(summary="Delete an agreement", parameters=[ID], responses={204: None})
    def delete(self, request, id):
        agreement = self.editable()
        check_if_match(request, agreement)
        services.delete_agreement(agreement, request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


urlpatterns = [
    path("achtervangafspraken", AgreementListView.as_view(), name="achtervangafspraak-list"),
    path("achtervangafspraken/<int:id>", AgreementDetailView.as_view(), name="achtervangafspraak-detail"),
]
