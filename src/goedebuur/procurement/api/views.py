# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/inkoopkansen: joint-purchasing opportunities, with the visibility rules of the page."""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import extend_schema
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework.views import APIView

from goedebuur.api import ApiAutoSchema, ApiViewMixin, refused

from .. import services
from .serializers import OpportunityQuerySerializer, ResultSerializer


class CanViewLandscape(BasePermission):
    """Logged-in municipal users and administrators: 401 without a login, 403 without a
    municipality."""

    message = "Inkoopkansen zijn alleen te zien voor medewerkers van een gemeente en beheerders."

    def has_permission(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return False
        return services.can_view(request.user)


class AuthenticatedReadSchema(ApiAutoSchema):
    """A GET that needs a login: no anonymous security requirement; 401 and 403 documented."""

    def get_auth(self):
        return AutoSchema.get_auth(self)

    def _problem_codes(self):
        return super()._problem_codes() | {"400", "401", "403"}


def opportunities_for(user, data: dict) -> services.Result:
    """Validated query parameters (named as the service names them, through the serializer's
    `source`s) -> the result; a refusal in the API's parameter names."""
    try:
        return services.find_opportunities(user, services.OpportunityRequest(**data))
    except DjangoValidationError as error:
        raise refused(error, OpportunityQuerySerializer) from None


class OpportunitiesView(ApiViewMixin, APIView):
    permission_classes = [CanViewLandscape]
    schema = AuthenticatedReadSchema()
    query_serializer = OpportunityQuerySerializer

    @extend_schema(
        summary="Joint-purchasing opportunities",
        description=(
            "Groups of municipalities whose contracts for the same GEMMA reference component (or with "
            "the same supplier) end within `vensterMaanden` of each other, ranked by the number of "
            "municipalities, the combined yearly value and the mean distance. Needs a login: municipal "
            "users see the groups their own municipality is part of, other members' end dates and costs "
            "only where those are shared with them (`gedeeld: false` otherwise; the member still "
            "counts); administrators see everything."
        ),
        parameters=[OpportunityQuerySerializer],
        responses={200: ResultSerializer},
    )
    def get(self, request):
        query = OpportunityQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        result = opportunities_for(request.user, query.validated_data)
        return Response(ResultSerializer(result).data)
