# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/achtervangafspraken: achtervang agreements, their services, test log, feasibility check
and restore simulation, with the rules of the pages (`goedebuur.fallback.permissions`): a login
to read (401 without); an agreement exists only for users of its two municipalities and
administrators (404 for anyone else); writes for editors of either side and administrators (403
for readers). Writes go through `goedebuur.fallback.services` / `testplan` (validation, history)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from goedebuur.fallback import permissions, serialize, services, testplan
from goedebuur.fallback.models import Agreement, Service
from goedebuur.municipalities.models import Municipality

from .base import ApiViewMixin
from .fallback_serializers import (
    AgreementSerializer,
    FeasibilitySerializer,
    ServiceSerializer,
    SimulationSerializer,
    TestRecordSerializer,
    agreement_values,
    service_values,
)
from .revisions import check_if_match
from .schema import ApiAutoSchema

TAGS = ["achtervang"]
ID = OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH, description="`id` of the agreement.")
SERVICE_ID = OpenApiParameter(
    "dienst_id", OpenApiTypes.INT, OpenApiParameter.PATH, description="`id` of the service."
)


class LoginSchema(ApiAutoSchema):
    def get_auth(self):
        return AutoSchema.get_auth(self)

    def _problem_codes(self):
        return super()._problem_codes() | {"401"}


def _with_etag(response: Response) -> Response:
    """ETag: the revision of the single record in the response (see api/revisions.py)."""
    if isinstance(response.data, dict) and isinstance(response.data.get("revisie"), int):
        response["ETag"] = f'"{response.data["revisie"]}"'
    return response


def _errors(error: DjangoValidationError, names: dict) -> serializers.ValidationError:
    if hasattr(error, "error_dict"):
        return serializers.ValidationError({names.get(k, k): v for k, v in error.message_dict.items()})
    return serializers.ValidationError({"nonFieldErrors": error.messages})


class FallbackApiMixin(ApiViewMixin):
    permission_classes = [IsAuthenticated]
    schema = LoginSchema()

    def agreement(self) -> Agreement:
        agreement = get_object_or_404(
            Agreement.objects.select_related("party_a", "party_b"), pk=self.kwargs["id"]
        )
        if not permissions.can_view(self.request.user, agreement):
            raise Http404
        return agreement

    def editable(self) -> Agreement:
        agreement = self.agreement()
        if not permissions.can_edit(self.request.user, agreement):
            raise exceptions.PermissionDenied(
                "Alleen redacteuren van beide gemeenten mogen deze afspraak wijzigen."
            )
        return agreement


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
        values = agreement_values(serializer.validated_data, create=True)
        user = request.user
        if not user.is_platform_admin and user.municipality_id not in {
            values["party_a"].pk,
            values["party_b"].pk,
        }:
            raise serializers.ValidationError(
                {"gemeenteA": ["Uw eigen gemeente moet een van beide partijen zijn."]}
            )
        try:
            with transaction.atomic():
                agreement = services.save_agreement(Agreement(**values), user)
        except DjangoValidationError as error:
            raise _errors(error, AgreementSerializer.API_NAMES) from None
        data = AgreementSerializer(agreement, context={"request": request}).data
        return _with_etag(Response(data, status=status.HTTP_201_CREATED, headers={"Location": data["url"]}))


@extend_schema(tags=TAGS)
class AgreementDetailView(FallbackApiMixin, APIView):
    revision_checked = True  # ETag on reads, If-Match on writes (api/schema.py documents both)

    @extend_schema(summary="One agreement", parameters=[ID], responses=AgreementSerializer)
    def get(self, request, id):
        return _with_etag(Response(AgreementSerializer(self.agreement(), context={"request": request}).data))

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
        values = agreement_values(serializer.validated_data)
        if {"party_a", "party_b"} & set(values):
            raise serializers.ValidationError(
                {"gemeenteA": ["De partijen van een afspraak veranderen niet."]}
            )
        for key, value in values.items():
            setattr(agreement, key, value)
        try:
            with transaction.atomic():
                services.save_agreement(agreement, request.user)
        except DjangoValidationError as error:
            raise _errors(error, AgreementSerializer.API_NAMES) from None
        return _with_etag(Response(AgreementSerializer(agreement, context={"request": request}).data))

    @extend_schema(summary="Delete an agreement", parameters=[ID], responses={204: None})
    def delete(self, request, id):
        agreement = self.editable()
        check_if_match(request, agreement)
        services.delete_agreement(agreement, request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


def _guest(agreement, code) -> Municipality:
    for guest in agreement.guests():
        if guest.code == str(code or "").upper():
            return guest
    raise serializers.ValidationError({"gemeente": ["Deze gemeente is in deze afspraak geen gast."]})


@extend_schema(tags=TAGS)
class ServiceListView(FallbackApiMixin, APIView):
    @extend_schema(summary="Services in scope", parameters=[ID], responses=ServiceSerializer(many=True))
    def get(self, request, id):
        agreement = self.agreement()
        rows = agreement.services.select_related("guest").prefetch_related("depends_on")
        return Response(ServiceSerializer(rows, many=True).data)

    @extend_schema(
        summary="Add a service",
        description="`gemeente` is the guest whose service it is. With `applicatie` (an id from the "
        "guest's landscape, /api/v1/gemeenten/{code}/applicaties) `naam`, B/I/V, RTO and RPO left out are "
        "taken from it. `hangtAfVan`: ids of services of the same guest; a cycle answers 400.",
        parameters=[ID],
        request=ServiceSerializer,
        responses={201: ServiceSerializer},
    )
    def post(self, request, id):
        agreement = self.editable()
        serializer = ServiceSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        guest = _guest(agreement, serializer.validated_data.get("guest", {}).get("code"))
        values, deps = service_values(serializer.validated_data, agreement, guest)
        try:
            with transaction.atomic():
                service = services.save_service(
                    Service(agreement=agreement, guest=guest, **values), request.user, deps
                )
        except DjangoValidationError as error:
            raise _errors(error, ServiceSerializer.API_NAMES) from None
        return _with_etag(Response(ServiceSerializer(service).data, status=status.HTTP_201_CREATED))


@extend_schema(tags=TAGS)
class ServiceDetailView(FallbackApiMixin, APIView):
    revision_checked = True

    def service(self, agreement) -> Service:
        return get_object_or_404(
            Service.objects.select_related("guest"), pk=self.kwargs["dienst_id"], agreement=agreement
        )

    @extend_schema(summary="One service", parameters=[ID, SERVICE_ID], responses=ServiceSerializer)
    def get(self, request, id, dienst_id):
        return _with_etag(Response(ServiceSerializer(self.service(self.agreement())).data))

    @extend_schema(
        summary="Change some fields of a service",
        description="Only the fields given change; the guest cannot change.",
        parameters=[ID, SERVICE_ID],
        request=ServiceSerializer,
        responses=ServiceSerializer,
    )
    def patch(self, request, id, dienst_id):
        agreement = self.editable()
        service = self.service(agreement)
        check_if_match(request, service)
        serializer = ServiceSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        values, deps = service_values(serializer.validated_data, agreement, service.guest, partial=True)
        for key, value in values.items():
            setattr(service, key, value)
        try:
            with transaction.atomic():
                services.save_service(service, request.user, deps)
        except DjangoValidationError as error:
            raise _errors(error, ServiceSerializer.API_NAMES) from None
        return _with_etag(Response(ServiceSerializer(Service.objects.get(pk=service.pk)).data))

    @extend_schema(summary="Remove a service", parameters=[ID, SERVICE_ID], responses={204: None})
    def delete(self, request, id, dienst_id):
        agreement = self.editable()
        service = self.service(agreement)
        check_if_match(request, service)
        services.delete_service(service, request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(tags=TAGS)
class FeasibilityView(FallbackApiMixin, APIView):
    @extend_schema(
        summary="Feasibility check",
        description="Per direction (guest fails, host takes over): capacity, replication per RPO, initial "
        "seeding, distance band and RTO per service, each with the numbers, a traffic light "
        "(`groen`, `oranje`, `rood`) and a Dutch explanation. `nodig`/`beschikbaar` are null when unknown.",
        parameters=[ID],
        responses=FeasibilitySerializer,
    )
    def get(self, request, id):
        return Response(serialize.feasibility_dict(self.agreement()))


@extend_schema(tags=TAGS)
class SimulationView(FallbackApiMixin, APIView):
    @extend_schema(
        summary="Restore simulation",
        description="Per direction: the planner's restore order (`gepland`: the most RTOs met; Moore-Hodgson "
        "for one slot without dependencies, otherwise an EDD list-scheduling heuristic) and the naive order "
        "by criticality (`naief`), with start and end in hours after the failure.",
        parameters=[ID],
        responses=SimulationSerializer,
    )
    def get(self, request, id):
        return Response(serialize.simulation_dict(self.agreement()))


@extend_schema(tags=TAGS)
class TestListView(FallbackApiMixin, APIView):
    @extend_schema(summary="Test log", parameters=[ID], responses=TestRecordSerializer(many=True))
    def get(self, request, id):
        records = self.agreement().test_records.prefetch_related("results__service")
        return Response(TestRecordSerializer(records, many=True).data)

    @extend_schema(
        summary="Log a test",
        description="Closes the earliest open planned test of that kind and plans the next one a year after "
        "`datum`. `resultaten`: per tested service the achieved restore time and data loss in hours.",
        parameters=[ID],
        request=TestRecordSerializer,
        responses={201: TestRecordSerializer},
    )
    def post(self, request, id):
        agreement = self.editable()
        serializer = TestRecordSerializer(data=request.data, context={"agreement": agreement})
        serializer.is_valid(raise_exception=True)
        values, results = serializer.to_values()
        try:
            with transaction.atomic():
                record = testplan.record_test(agreement, values, results, request.user)
        except DjangoValidationError as error:
            raise _errors(error, TestRecordSerializer.API_NAMES) from None
        return Response(TestRecordSerializer(record).data, status=status.HTTP_201_CREATED)


urlpatterns = [
    path("achtervangafspraken", AgreementListView.as_view(), name="achtervangafspraak-list"),
    path("achtervangafspraken/<int:id>", AgreementDetailView.as_view(), name="achtervangafspraak-detail"),
    path("achtervangafspraken/<int:id>/diensten", ServiceListView.as_view(), name="achtervangdienst-list"),
    path(
        "achtervangafspraken/<int:id>/diensten/<int:dienst_id>",
        ServiceDetailView.as_view(),
        name="achtervangdienst-detail",
    ),
    path(
        "achtervangafspraken/<int:id>/haalbaarheid", FeasibilityView.as_view(), name="achtervang-haalbaarheid"
    ),
    path("achtervangafspraken/<int:id>/simulatie", SimulationView.as_view(), name="achtervang-simulatie"),
    path("achtervangafspraken/<int:id>/tests", TestListView.as_view(), name="achtervangtest-list"),
]
