# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/businesscases: business cases for ICT cooperation, with the rules of the pages
(`goedebuur.businesscases.permissions`): a login is needed; a case is visible to its owner
municipality, the partner municipalities and administrators (404 for everyone else); the owner's
editors and administrators change it. Every write goes through the app's services (the whole case
is validated by the finance core; nothing is saved on error; history is recorded)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from goedebuur.api import ApiAutoSchema, ApiViewMixin, PageNumberPagination, check_if_match, page_parameters
from goedebuur.cooperations.models import IctDomain
from goedebuur.history.services import etag
from goedebuur.municipalities.models import Municipality

from .. import changes, permissions, presenters, services
from ..models import BusinessCase
from .serializers import (
    BusinessCasePageSerializer,
    BusinessCaseSerializer,
    CalculationRequestSerializer,
    CalculationSerializer,
    api_names,
    internal_changes,
)


class LoginSchema(ApiAutoSchema):
    """Every operation needs a login: no anonymous security requirement; 401 and 403 documented."""

    def get_auth(self):
        return AutoSchema.get_auth(self)

    def _problem_codes(self):
        return super()._problem_codes() | {"401", "403"}


ID_PARAMETER = OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH, description="Id of the case.")


class BusinessCaseApiMixin(ApiViewMixin):
    permission_classes = [IsAuthenticated]
    schema = LoginSchema()

    def case(self) -> BusinessCase:
        case = get_object_or_404(BusinessCase.objects.select_related("owner"), pk=self.kwargs["id"])
        if not permissions.can_view(self.request.user, case):
            raise Http404
        return case

    def editable(self) -> BusinessCase:
        case = self.case()
        if not permissions.can_edit(self.request.user, case):
            raise exceptions.PermissionDenied(
                "Alleen redacteuren van de eigenaar mogen deze businesscase wijzigen."
            )
        return case

    def answer(self, case, status_code=status.HTTP_200_OK, headers=None):
        data = BusinessCaseSerializer(case, context={"request": self.request}).data
        response = Response(data, status=status_code, headers=headers)
        response["ETag"] = etag(case)  # send it back in If-Match
        return response


def _in_api_names(error: DjangoValidationError) -> DjangoValidationError:
    """A service's refusal with its field names (`hidden_costs.2.amount`) in the API's names
    (`verborgenKosten.2.bedrag`), read from the serializers; the API's problem mapping does the rest."""
    if not hasattr(error, "error_dict"):
        return error
    top, nested = api_names()

    def rename(field: str) -> str:
        first, *rest = field.split(".")
        return ".".join(
            [top.get(first) or nested.get(first, first), *(nested.get(part, part) for part in rest)]
        )

    return DjangoValidationError({rename(field): messages for field, messages in error.message_dict.items()})


def _resolve(data: dict) -> dict:
    """Municipality codes and domain slugs to records; unknown ones answer 400."""
    resolved = internal_changes(data)
    if "partners" in resolved:
        codes = [code.upper() for code in resolved["partners"]]
        found = {m.code: m for m in Municipality.objects.filter(code__in=codes)}
        unknown = [code for code in codes if code not in found]
        if unknown:
            raise serializers.ValidationError({"gemeenten": [f"Onbekende gemeente: {', '.join(unknown)}."]})
        resolved["partners"] = [found[code] for code in dict.fromkeys(codes)]
    if "domains" in resolved:
        found = {d.slug: d for d in IctDomain.objects.filter(slug__in=resolved["domains"])}
        unknown = [slug for slug in resolved["domains"] if slug not in found]
        if unknown:
            raise serializers.ValidationError({"domeinen": [f"Onbekend ICT-domein: {', '.join(unknown)}."]})
        resolved["domains"] = [found[slug] for slug in dict.fromkeys(resolved["domains"])]
    return resolved


@extend_schema(tags=["businesscases"])
class BusinessCaseListView(BusinessCaseApiMixin, APIView):
    @extend_schema(
        summary="Business cases you may see",
        operation_id="businesscases_list",
        description="Cases of your municipality and cases shared with it as a partner; administrators "
        "see all. Newest change first, paginated.",
        parameters=page_parameters(),
        responses=BusinessCasePageSerializer,
    )
    def get(self, request):
        cases = permissions.visible_cases(request.user).select_related("owner").order_by("-updated_at", "-pk")
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(cases, request, view=self)
        data = BusinessCaseSerializer(page, many=True, context={"request": request}).data
        return paginator.get_paginated_response(data)

    @extend_schema(
        summary="Create a business case",
        description="For editors of a municipality; the case belongs to your municipality, which must be "
        "one of `gemeenten`. Every input you leave out gets its default with its source (baseline from "
        "the profile or the benchmark, the unconfirmed hidden-cost checklist, savings per domain).",
        request=BusinessCaseSerializer,
        responses={201: BusinessCaseSerializer},
    )
    def post(self, request):
        if not permissions.can_create(request.user):
            raise exceptions.PermissionDenied(
                "Alleen redacteuren van een gemeente kunnen een businesscase opstellen."
            )
        serializer = BusinessCaseSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        resolved = _resolve(serializer.validated_data)
        try:
            case = changes.create_with_changes(
                request.user,
                name=resolved.pop("name"),
                scenario=resolved.pop("scenario", ""),
                partners=resolved.pop("partners"),
                changes=resolved,
            )
        except DjangoValidationError as error:
            raise _in_api_names(error) from None
        location = reverse("api:businesscase-detail", kwargs={"id": case.pk}, request=request)
        return self.answer(case, status.HTTP_201_CREATED, headers={"Location": location})


@extend_schema(tags=["businesscases"])
class BusinessCaseDetailView(BusinessCaseApiMixin, APIView):
    revision_checked = True  # the schema adds ETag, If-Match, 409 and 412

    @extend_schema(summary="One business case", parameters=[ID_PARAMETER], responses=BusinessCaseSerializer)
    def get(self, request, id):
        return self.answer(self.case())

    @extend_schema(
        summary="Change a business case",
        description="Only the fields given change; `basislijn`, `besparingen` and `verborgenKosten` change "
        "per entry (by municipality code, domain or key). All or nothing. For the owner's editors and "
        "administrators. Send the `ETag` of your GET in `If-Match`: a case changed since answers 412, a "
        "change that loses a race 409.",
        parameters=[ID_PARAMETER],
        request=BusinessCaseSerializer,
        responses=BusinessCaseSerializer,
    )
    def patch(self, request, id):
        case = self.editable()
        check_if_match(request, case)
        serializer = BusinessCaseSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        try:
            case = changes.update_case(case, request.user, _resolve(serializer.validated_data))
        except DjangoValidationError as error:
            raise _in_api_names(error) from None
        return self.answer(case)

    @extend_schema(summary="Delete a business case", parameters=[ID_PARAMETER], responses={204: None})
    def delete(self, request, id):
        case = self.editable()
        check_if_match(request, case)
        services.delete_case(case, request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(tags=["businesscases"])
class CalculationView(BusinessCaseApiMixin, APIView):
    @extend_schema(
        summary="Compute a business case",
        description="The deterministic schedule (every range at its most likely value), the Monte Carlo "
        "simulation (P10/P50/P90 of NPV and payback, the chance of a negative NPV per municipality) and "
        "the tornado. `trekkingen` and `seed` default to the case's own; the same inputs and seed "
        "always give the same answer. Changes nothing; anyone who may see the case may compute it.",
        parameters=[ID_PARAMETER],
        request=CalculationRequestSerializer,
        responses=CalculationSerializer,
    )
    def post(self, request, id):
        case = self.case()
        query = CalculationRequestSerializer(data=request.data)
        query.is_valid(raise_exception=True)
        result = services.compute(
            case, draws=query.validated_data.get("trekkingen"), seed=query.validated_data.get("seed")
        )
        url = reverse("api:businesscase-detail", kwargs={"id": case.pk}, request=request)
        return Response(CalculationSerializer(presenters.result_data(result, url)).data)


urlpatterns = [
    path("businesscases", BusinessCaseListView.as_view(), name="businesscase-list"),
    path("businesscases/<int:id>", BusinessCaseDetailView.as_view(), name="businesscase-detail"),
    path("businesscases/<int:id>/berekening", CalculationView.as_view(), name="businesscase-berekening"),
]
