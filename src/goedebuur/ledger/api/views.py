# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/resultaten (the platform-wide view) and /api/v1/samenwerkingen/{slug}/resultaten (one
cooperation's ledger, its realised years and its history), with the rules of the pages
(`ledger.permissions`, `ledger.services`). A private ledger is 404 for outsiders."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.urls import path, reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from goedebuur.api import ApiViewMixin, ReadAnyoneWriteAuthenticated, check_if_match, conflict_error, refused
from goedebuur.cooperations import services as cooperations
from goedebuur.cooperations.models import CooperationForm, IctDomain
from goedebuur.history.services import EditConflict, etag

from .. import permissions, presenters, services
from ..models import Ledger
from .serializers import EntrySerializer, LedgerInputSerializer, LedgerSerializer, OverviewSerializer

SLUG = OpenApiParameter(
    "slug", OpenApiTypes.STR, OpenApiParameter.PATH, description="`slug` of the cooperation."
)
CODE = OpenApiParameter(
    "gemeenteCode", OpenApiTypes.STR, OpenApiParameter.PATH, description="CBS code of a member, e.g. GM0345."
)
YEAR = OpenApiParameter("jaar", OpenApiTypes.INT, OpenApiParameter.PATH, description="Calendar year.")
VERSION = OpenApiParameter(
    "versieId", OpenApiTypes.INT, OpenApiParameter.PATH, description="`id` of a version."
)


class LedgerApiMixin(ApiViewMixin):
    permission_classes = [ReadAnyoneWriteAuthenticated]
    queryset = Ledger.objects.none()

    def cooperation(self):
        cooperation = cooperations.get_live(self.kwargs["slug"])
        if cooperation is None:
            raise Http404
        return cooperation

    def ledger(self):
        ledger = services.ledger_of(self.cooperation())
        if ledger is None or not permissions.can_view(self.request.user, ledger):
            raise Http404
        return ledger

    def editable(self):
        ledger = self.ledger()
        services.check_editable(self.request.user, ledger.cooperation)
        return ledger

    def get_object(self):
        return self.editable()

    def answer(self, ledger, status_code=status.HTTP_200_OK):
        fresh = Ledger.objects.select_related("cooperation").get(pk=ledger.pk)
        data = LedgerSerializer(presenters.ledger_data(fresh), context={"request": self.request}).data
        response = Response(data, status=status_code)
        response["ETag"] = etag(fresh)
        return response


@extend_schema(tags=["resultaten"])
class LedgerView(LedgerApiMixin, GenericAPIView):
    serializer_class = LedgerSerializer
    revision_checked = True

    @extend_schema(
        summary="A cooperation's results against its business case",
        description="Baselines, the forecast copy, every realised year (all members together in complete "
        "years, and per municipality) against the P10-P90 band, the verdict and the source of each figure. "
        "404 when there is no ledger or the caller may not see it (visibility `prive`, `gemeenten`, `openbaar`).",
        parameters=[SLUG],
        responses=LedgerSerializer,
    )
    def get(self, request, slug):
        return self.answer(self.ledger())

    @extend_schema(
        summary="Start or change a cooperation's ledger",
        description="For editors of a current member and administrators. `businesscase`: linking another "
        "case takes a new copy of its forecast; a member's baseline left out is taken from that case. "
        "201 when the ledger is new.",
        parameters=[SLUG],
        request=LedgerInputSerializer,
        responses={200: LedgerSerializer, 201: LedgerSerializer},
    )
    def put(self, request, slug):
        cooperation = self.cooperation()
        services.check_editable(request.user, cooperation)
        existing = services.ledger_of(cooperation)
        if existing is not None:
            check_if_match(request, existing)
        serializer = LedgerInputSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            case = services.case_by_id(request.user, data.get("business_case"))
            ledger = services.save_ledger(
                cooperation,
                request.user,
                visibility=data["visibility"],
                start_year=data["start_year"],
                business_case=case,
                baselines={
                    row["gemeenteCode"]: {"eur": row["eur"], "source": row["bron"]}
                    for row in data["baselines"]
                },
            )
        except DjangoValidationError as error:
            raise refused(error, LedgerInputSerializer) from None
        except EditConflict as conflict:
            raise conflict_error(conflict) from None
        return self.answer(ledger, status.HTTP_201_CREATED if existing is None else status.HTTP_200_OK)


@extend_schema(tags=["resultaten"])
class EntryView(LedgerApiMixin, GenericAPIView):
    serializer_class = EntrySerializer

    @extend_schema(
        summary="Record what a member realised in a year",
        description="Savings, one-off and yearly costs (whole euros) and the source document (`bron` or "
        "`bronLink` required). Replaces the figures of that member and year. Answers the whole ledger.",
        parameters=[SLUG, CODE, YEAR],
        request=EntrySerializer,
        responses=LedgerSerializer,
    )
    def put(self, request, slug, gemeenteCode, jaar):
        ledger = self.editable()
        serializer = EntrySerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        values = services.EntryInput(
            municipality=gemeenteCode.upper(), year=jaar, **serializer.validated_data
        )
        try:
            services.save_entry(ledger, request.user, values)
        except DjangoValidationError as error:
            raise refused(error, EntrySerializer, municipality="gemeenteCode", year="jaar") from None
        return self.answer(ledger)

    @extend_schema(
        summary="Remove a member's figures of a year",
        description="The history keeps them (restore a version to bring them back).",
        parameters=[SLUG, CODE, YEAR],
        request=None,
        responses={204: None},
    )
    def delete(self, request, slug, gemeenteCode, jaar):
        ledger = self.editable()
        try:
            services.delete_entry(ledger, request.user, gemeenteCode.upper(), jaar)
        except DjangoValidationError as error:
            raise refused(error, EntrySerializer, year="jaar") from None
        return Response(status=status.HTTP_204_NO_CONTENT)


class LedgerVersionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    op = serializers.DateTimeField(source="at")
    actie = serializers.CharField(source="action")
    notitie = serializers.CharField(source="note")
    momentopname = serializers.JSONField(source="snapshot")

    class Meta:
        ref_name = "ResultatenVersie"


@extend_schema(tags=["resultaten"])
class VersionsView(LedgerApiMixin, GenericAPIView):
    serializer_class = LedgerVersionSerializer

    @extend_schema(
        summary="Versions of a ledger",
        description="Every change, newest first, with the full state after it. Paginated.",
        parameters=[SLUG],
        responses=LedgerVersionSerializer(many=True),
    )
    def get(self, request, slug):
        page = self.paginate_queryset(services.versions(self.ledger()))
        return self.get_paginated_response(LedgerVersionSerializer(page, many=True).data)


@extend_schema(tags=["resultaten"])
class RestoreView(LedgerApiMixin, GenericAPIView):
    serializer_class = LedgerSerializer

    @extend_schema(
        summary="Restore a version of a ledger",
        description="Settings, baselines, forecast copy and realised years as they were; recorded as a new "
        "version. Same permissions as PUT.",
        operation_id="resultaten_versie_herstellen",
        parameters=[SLUG, VERSION],
        request=None,
        responses=LedgerSerializer,
    )
    def post(self, request, slug, versieId):
        ledger = self.editable()
        if not services.versions(ledger).filter(pk=versieId).exists():
            raise Http404
        try:
            restored = services.restore_version(ledger, versieId, request.user)
        except DjangoValidationError as error:
            raise refused(error, LedgerSerializer) from None
        return self.answer(restored)


@extend_schema(tags=["resultaten"])
class OverviewView(ApiViewMixin, GenericAPIView):
    permission_classes = [ReadAnyoneWriteAuthenticated]
    serializer_class = OverviewSerializer
    queryset = Ledger.objects.none()

    @extend_schema(
        summary="Realised against forecast over all cooperations that share their results",
        description="Totals by ICT domain and by form, one row per shared ledger the caller may see, and the "
        "optimism-bias uplift the recorded misses suggest for new business cases (usable from `minimum` "
        "cooperations on). `domein` and `vorm` narrow the rows.",
        parameters=[
            OpenApiParameter("domein", OpenApiTypes.STR, description="Slug of an ICT domain."),
            OpenApiParameter("vorm", OpenApiTypes.STR, description="Code of a cooperation form."),
        ],
        responses=OverviewSerializer,
    )
    def get(self, request):
        domain, form = request.query_params.get("domein", ""), request.query_params.get("vorm", "")
        invalid = []
        if domain and not IctDomain.objects.filter(slug=domain).exists():
            invalid.append(("domein", "Onbekend ICT-domein."))
        if form and not CooperationForm.objects.filter(code=form).exists():
            invalid.append(("vorm", "Onbekende samenwerkingsvorm."))
        if invalid:
            raise serializers.ValidationError({name: [message] for name, message in invalid})
        overview = services.overview(request.user, domain=domain, form=form)

        def url(slug):
            return request.build_absolute_uri(reverse("ledger:detail", args=[slug]))

        return Response(OverviewSerializer(presenters.overview_data(overview, url)).data)


urlpatterns = [
    path("resultaten", OverviewView.as_view(), name="resultaten"),
    path("samenwerkingen/<slug:slug>/resultaten", LedgerView.as_view(), name="samenwerking-resultaten"),
    path(
        "samenwerkingen/<slug:slug>/resultaten/cijfers/<str:gemeenteCode>/<int:jaar>",
        EntryView.as_view(),
        name="samenwerking-resultaten-cijfers",
    ),
    path(
        "samenwerkingen/<slug:slug>/resultaten/versies",
        VersionsView.as_view(),
        name="samenwerking-resultaten-versies",
    ),
    path(
        "samenwerkingen/<slug:slug>/resultaten/versies/<int:versieId>/herstellen",
        RestoreView.as_view(),
        name="samenwerking-resultaten-herstellen",
    ),
]
