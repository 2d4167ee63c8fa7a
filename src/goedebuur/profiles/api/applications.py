# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/gemeenten/{code}/applicaties: a municipality's application landscape, with the rules
of the pages (`permissions`): contracts only where `can_view_contracts` (left out of the answer
otherwise); writes for the municipality's editors and administrators, through `services`
(validation, history)."""

from django.shortcuts import get_object_or_404
from django.urls import path
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from goedebuur.api import PageNumberPagination, check_if_match, revision_field
from goedebuur.history.services import etag

from .. import permissions, services
from ..models import Application
from .access import CODE_PARAMETER, ID_PARAMETER, ProfileApiMixin


class ComponentSerializer(serializers.Serializer):
    gemmaId = serializers.CharField(source="gemma_id")
    naam = serializers.CharField(source="name")

    class Meta:
        ref_name = "ApplicatieComponent"


class ContractSerializer(serializers.Serializer):
    startdatum = serializers.DateField(source="start_date", allow_null=True, required=False)
    einddatum = serializers.DateField(source="end_date", allow_null=True, required=False)
    opzegtermijnMaanden = serializers.IntegerField(
        source="notice_months", allow_null=True, required=False, min_value=0
    )
    kostenPerJaarEur = serializers.IntegerField(
        source="yearly_cost_eur", allow_null=True, required=False, min_value=0
    )
    verlengingsopties = serializers.CharField(
        source="extension_options", allow_blank=True, required=False, max_length=1000
    )

    class Meta:
        ref_name = "Contract"


class ComponentsField(serializers.ListField):
    """Written as GEMMA ids or names (strings), answered as objects with `gemmaId` and `naam`."""

    def to_representation(self, components):
        return ComponentSerializer(components.all(), many=True).data


class ComponentsFieldExtension(OpenApiSerializerFieldExtension):
    target_class = ComponentsField

    def map_serializer_field(self, auto_schema, direction):
        if direction == "request":
            return {"type": "array", "items": {"type": "string", "maxLength": self.target.child.max_length}}
        return {"type": "array", "items": auto_schema.resolve_serializer(ComponentSerializer, direction).ref}


class ApplicationSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    url = serializers.SerializerMethodField()
    leverancier = serializers.CharField(
        source="supplier", max_length=200, help_text="Supplier name; spelling variants resolve to one record."
    )
    product = serializers.CharField(max_length=200)
    versie = serializers.CharField(source="version", max_length=60, allow_blank=True, default="")
    componenten = ComponentsField(
        source="components",
        child=serializers.CharField(max_length=200),
        help_text="GEMMA reference components by GEMMA id or exact name; at least one. Answered as "
        "objects with `gemmaId` and `naam`.",
    )
    hosting = serializers.ChoiceField(choices=Application.Hosting.values)
    beschikbaarheid = serializers.IntegerField(
        min_value=1,
        max_value=3,
        allow_null=True,
        default=None,
        help_text="1-3; null: highest GEMMA score of the components.",
    )
    integriteit = serializers.IntegerField(min_value=1, max_value=3, allow_null=True, default=None)
    vertrouwelijkheid = serializers.IntegerField(min_value=1, max_value=3, allow_null=True, default=None)
    rtoUren = serializers.IntegerField(
        source="rto_hours",
        min_value=0,
        allow_null=True,
        default=None,
        help_text="null: Goede Buur's default tier for the availability.",
    )
    rpoUren = serializers.IntegerField(source="rpo_hours", min_value=0, allow_null=True, default=None)
    contract = ContractSerializer(
        allow_null=True,
        default=None,
        help_text="Left out of the answer for those who may not see this municipality's contracts.",
    )
    demogegevens = serializers.BooleanField(source="is_demo", read_only=True)
    revisie = revision_field()

    class Meta:
        ref_name = "Applicatie"

    def get_url(self, application) -> str:
        return reverse(
            "api:applicatie-detail",
            kwargs={"code": application.municipality.code, "id": application.pk},
            request=self.context.get("request"),
        )

    def to_representation(self, application):
        data = super().to_representation(application)
        if not self.context.get("may_see_contracts"):
            del data["contract"]
        return data


class ApplicationPageSerializer(serializers.Serializer):
    """A page of the landscape (the project's `page`/`pageSize` pagination)."""

    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = ApplicationSerializer(many=True)

    class Meta:
        ref_name = "ApplicatiePagina"


class ApplicationApiMixin(ProfileApiMixin):
    serializer_class = ApplicationSerializer

    def context_for(self, municipality):
        return {
            "request": self.request,
            "may_see_contracts": permissions.can_view_contracts(self.request.user, municipality),
        }

    def answer(self, application, status_code=status.HTTP_200_OK, headers=None):
        fresh = services.landscape(application.municipality).get(pk=application.pk)
        data = ApplicationSerializer(fresh, context=self.context_for(application.municipality)).data
        response = Response(data, status=status_code, headers=headers)
        response["ETag"] = etag(fresh)
        return response


@extend_schema(tags=["profielen"])
class ApplicationListView(ApplicationApiMixin, APIView):
    @extend_schema(
        summary="Application landscape of a municipality",
        operation_id="gemeenten_applicaties_list",
        description="The applications, by product name, paginated (`page`, `pageSize`; the whole landscape "
        "in one file: `applicaties/export`). `contract` only for those who may see this municipality's "
        "contracts.",
        parameters=[
            CODE_PARAMETER,
            OpenApiParameter("page", OpenApiTypes.INT, description="Page number."),
            OpenApiParameter("pageSize", OpenApiTypes.INT, description="Results per page (at most 500)."),
        ],
        responses=ApplicationPageSerializer,
    )
    def get(self, request, code):
        municipality = self.municipality()
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(services.landscape(municipality), request, view=self)
        data = ApplicationSerializer(page, many=True, context=self.context_for(municipality)).data
        return paginator.get_paginated_response(data)

    @extend_schema(
        summary="Add an application",
        description="For the municipality's editors and administrators. B/I/V left out or null are "
        "pre-filled from the components' GEMMA scores, RTO/RPO from Goede Buur's default tiers. A "
        "product the municipality already has answers 400. Answers 201 with `Location`.",
        parameters=[CODE_PARAMETER],
        request=ApplicationSerializer,
        responses={201: ApplicationSerializer},
    )
    def post(self, request, code):
        municipality = self.municipality()
        self.check_edit(municipality)
        serializer = ApplicationSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        application = services.save_application(municipality, None, serializer.validated_data, request.user)
        location = reverse(
            "api:applicatie-detail", kwargs={"code": municipality.code, "id": application.pk}, request=request
        )
        return self.answer(application, status.HTTP_201_CREATED, headers={"Location": location})


@extend_schema(tags=["profielen"])
class ApplicationDetailView(ApplicationApiMixin, APIView):
    revision_checked = True  # the schema adds ETag, If-Match, 409 and 412

    def application(self, municipality) -> Application:
        return get_object_or_404(
            Application.objects.select_related("product__supplier", "municipality"),
            pk=self.kwargs["id"],
            municipality=municipality,
        )

    @extend_schema(
        summary="One application",
        parameters=[CODE_PARAMETER, ID_PARAMETER],
        responses=ApplicationSerializer,
    )
    def get(self, request, code, id):
        return self.answer(self.application(self.municipality()))

    def _save(self, request, partial):
        municipality = self.municipality()
        self.check_edit(municipality)
        application = self.application(municipality)
        check_if_match(request, application)
        serializer = ApplicationSerializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        saved = services.update_application(
            municipality, application, serializer.validated_data, request.user, partial=partial
        )
        return self.answer(saved)

    @extend_schema(
        summary="Replace an application",
        description="All fields; a missing `contract` removes the contract. For the municipality's "
        "editors and administrators.",
        parameters=[CODE_PARAMETER, ID_PARAMETER],
        request=ApplicationSerializer,
        responses=ApplicationSerializer,
    )
    def put(self, request, code, id):
        return self._save(request, partial=False)

    @extend_schema(
        summary="Change some fields of an application",
        description="Only the fields given change; `contract` is replaced as a whole when given (null "
        "removes it). Same permissions as PUT.",
        parameters=[CODE_PARAMETER, ID_PARAMETER],
        request=ApplicationSerializer,
        responses=ApplicationSerializer,
    )
    def patch(self, request, code, id):
        return self._save(request, partial=True)

    @extend_schema(
        summary="Delete an application",
        description="Removes the application and its contract; the history keeps the last version. "
        "Same permissions as PUT.",
        parameters=[CODE_PARAMETER, ID_PARAMETER],
        responses={204: None},
    )
    def delete(self, request, code, id):
        municipality = self.municipality()
        self.check_edit(municipality)
        application = self.application(municipality)
        check_if_match(request, application)
        services.delete_application(application, request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


urlpatterns = [
    path("gemeenten/<str:code>/applicaties", ApplicationListView.as_view(), name="applicatie-list"),
    path(
        "gemeenten/<str:code>/applicaties/<int:id>", ApplicationDetailView.as_view(), name="applicatie-detail"
    ),
]
