# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/partners/{code}: the partner finder (ranked candidates with a score per criterion)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import APIView

from goedebuur.api import ReadOnlyApiViewMixin

from .. import services
from ..services import WEIGHT_PARAMS, FinderQuery
from .serializers import PartnerQuerySerializer, PartnerRankingSerializer


class PartnerView(ReadOnlyApiViewMixin, APIView):
    @extend_schema(
        summary="Partner finder: rank all other municipalities as ICT partners",
        description=(
            "Scores every other municipality on explainable criteria (shared border, distance, shared "
            "regions, size, application landscape, suppliers, contract end dates, ambitions, existing "
            "cooperation), each 0..1 with a Dutch reason, and returns the best `top`. Missing data "
            "lowers `betrouwbaarheid` instead of scoring zero. Weights are relative numbers 0-100."
        ),
        parameters=[
            OpenApiParameter(
                "code", OpenApiTypes.STR, OpenApiParameter.PATH, description="CBS code, e.g. `GM0340`."
            ),
            PartnerQuerySerializer,
        ],
        responses=PartnerRankingSerializer,
    )
    def get(self, request, code):
        query = PartnerQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        params = query.validated_data
        finder_query = FinderQuery(
            weights=services.weights_from_percentages(
                {key: params.get(p) for key, p in WEIGHT_PARAMS.items()}
            ),
            max_km=params.get("maxAfstandKm"),
            region=params.get("regio", ""),
            size=params.get("omvang", ""),
            min_population=params.get("minInwoners"),
            max_population=params.get("maxInwoners"),
            domain=params.get("domein", ""),
        )
        try:
            ranking = services.rank_query(
                code.upper(), finder_query, top=params["top"], include_register=params["metRegister"]
            )
        except KeyError:
            raise exceptions.NotFound("Onbekende gemeentecode.") from None
        context = {"request": request, "origin": ranking.code}
        return Response(PartnerRankingSerializer(ranking, context=context).data)
