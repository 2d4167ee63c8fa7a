# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/partners/{code}: the partner finder (ranked candidates with a score per criterion)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.cache import patch_cache_control, patch_vary_headers
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from goedebuur.api import AnonymousCacheMixin, ReadOnlyApiViewMixin

from .. import services
from ..services import FILTER_PARAMS, WEIGHT_PARAMS, FinderQuery
from .serializers import PartnerQuerySerializer, PartnerRankingSerializer


def _refusal(error: DjangoValidationError, params: dict, given) -> serializers.ValidationError:
    """Nothing to rank, as 400 with `invalidParams` naming the parameters that caused it: the weighted
    criteria without data, every weight (all 0), or the filters that leave nobody."""
    detail = {}
    for field, errors in error.error_dict.items():
        for item in errors:
            message = item.messages[0]
            if field == "weights" and item.code == "no_data":
                names = [WEIGHT_PARAMS[k] for k in item.params["criteria"]]
            elif field == "weights":
                names = list(WEIGHT_PARAMS.values())
            else:
                names = [p for p in FILTER_PARAMS if p in given] or [field]
            for name in names:
                detail.setdefault(name, []).append(message)
    return serializers.ValidationError(detail)


class PartnerView(AnonymousCacheMixin, ReadOnlyApiViewMixin, APIView):
    anonymous_cache_version = staticmethod(lambda request: services.features_version())

    @extend_schema(
        summary="Partner finder: rank all other municipalities as ICT partners",
        description=(
            "Scores every other municipality on explainable criteria (shared regelingen in the register, "
            "shared regions, distance, shared border, size, council similarity; for logged-in municipal "
            "users also application landscape, suppliers, contract end dates and ambitions), each 0..1 with a "
            "reason naming the evidence, and returns the best `top`. What the caller may not see is never "
            "used (`verborgenCriteria`). Missing data counts as unknown, not zero: it lowers "
            "`betrouwbaarheid`. Weights are relative numbers 0-100. When there is nothing to rank (every "
            "weight 0, all weight on criteria without data, or filters that leave nobody) the answer is 400 "
            "with `invalidParams` naming the parameters."
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
            ranking = services.rank_for(
                request.user,
                code.upper(),
                finder_query,
                top=params["top"],
                include_register=params["metRegister"],
            )
        except KeyError:
            raise exceptions.NotFound("Onbekende gemeentecode.") from None
        except DjangoValidationError as error:
            raise _refusal(error, params, request.query_params) from None
        context = {"request": request, "origin": ranking.code, "all_scores": params["alleScores"]}
        response = Response(PartnerRankingSerializer(ranking, context=context).data)
        # The ranking depends on who asks (what they may see): never from a shared cache.
        patch_cache_control(response, private=True)
        patch_vary_headers(response, ("Cookie", "Authorization"))
        return response
