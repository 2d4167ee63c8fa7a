# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/clusters (POST a request, get a proposal) and /api/v1/achtervang-koppels."""

from drf_spectacular.utils import extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from goedebuur.api import ApiViewMixin, ReadOnlyApiViewMixin
from goedebuur.common import HeavyAnonymousThrottle

from .. import caching, common_mode, services
from .serializers import (
    ClusterProposalSerializer,
    ClusterRequestSerializer,
    PairProposalSerializer,
    PairQuerySerializer,
)


class ClustersView(ApiViewMixin, APIView):
    permission_classes = [AllowAny]
    throttle_classes = [HeavyAnonymousThrottle]

    def get_serializer_class(self):
        """The request's field map: the API's problem handler names a refusal's field by it."""
        return ClusterRequestSerializer

    @extend_schema(
        summary="Propose clusters",
        description=(
            "Partition an area into contiguous groups of municipalities (connected in the neighbour "
            "graph, with the stated ferry, tunnel and point-contact links) within bounds on their size, "
            "maximising fit and compactness. Stores no record; the result is kept in the shared cache per inputs and data version. Infeasible bounds answer 400 with "
            "the field in `invalidParams` and a Dutch reason."
        ),
        request=ClusterRequestSerializer,
        responses={200: ClusterProposalSerializer},
    )
    def post(self, request):
        body = ClusterRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        proposal = caching.proposal(services.ClusterRequest(**body.validated_data))
        return Response(ClusterProposalSerializer(proposal).data)


class FallbackPairsView(ReadOnlyApiViewMixin, APIView):
    throttle_classes = [HeavyAnonymousThrottle]

    def get_serializer_class(self):
        """The query's field map: the API's problem handler names a refusal's field by it."""
        return PairQuerySerializer

    @extend_schema(
        summary="Propose achtervang pairs",
        description=(
            "A maximum-fit matching of the municipalities into pairs (a triangle where an odd count "
            "requires it) whose centroids lie between `minKm` and `maxKm` apart (great-circle); "
            "municipalities left over are listed with the reason. Each pair has its common-mode "
            "`waarschuwingen` (can both fail together?): the same safety region for everyone, products both "
            "take as SaaS from the same supplier only for users who may see landscapes (logged-in "
            "municipal users and administrators)."
        ),
        parameters=[PairQuerySerializer],
        responses={200: PairProposalSerializer},
    )
    def get(self, request):
        query = PairQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        proposal = caching.fallback_pairs(services.PairRequest(**query.validated_data))
        warnings = common_mode.warnings_for(proposal, request.user)
        return Response(PairProposalSerializer(proposal, context={"warnings": warnings}).data)
