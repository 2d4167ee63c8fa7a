# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/partners/{code}: the partner finder (ranked candidates with a score per criterion)."""

from django.urls import path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from goedebuur.cooperations import services as cooperations
from goedebuur.core.partners.scoring import CRITERIA, DETOUR_FACTOR
from goedebuur.partners import services
from goedebuur.partners.params import (
    REGION_CHOICES,
    SIZE_BANDS,
    WEIGHT_MAX,
    WEIGHT_PARAMS,
    FinderQuery,
    default_weight,
)

from .base import ReadOnlyApiViewMixin


class PartnerQuerySerializer(serializers.Serializer):
    top = serializers.IntegerField(
        required=False, default=10, min_value=1, max_value=341, help_text="Number of candidates returned."
    )
    maxAfstandKm = serializers.FloatField(
        required=False, min_value=0.1, help_text="Only candidates at most this far (great-circle, km)."
    )
    regio = serializers.ChoiceField(
        required=False,
        choices=[code for code, _label in REGION_CHOICES],
        help_text="Only candidates in the same region of this division, e.g. `arbeidsmarktregio`.",
    )
    omvang = serializers.ChoiceField(
        required=False,
        choices=list(SIZE_BANDS),
        help_text="Size band: `klein` (< 25,000), `middel` (25,000-75,000), `groot` (75,000-150,000), "
        "`zeer-groot` (>= 150,000) or `vergelijkbaar` (half to double the municipality's population).",
    )
    minInwoners = serializers.IntegerField(required=False, min_value=0, help_text="Minimum population.")
    maxInwoners = serializers.IntegerField(required=False, min_value=0, help_text="Maximum population.")
    domein = serializers.SlugField(
        required=False,
        help_text="ICT domain slug (see /api/v1/ict-domeinen): candidates already cooperating with the "
        "municipality in this domain get `samenwerktInDomein: true`.",
    )
    metRegister = serializers.BooleanField(
        required=False,
        default=True,
        help_text="Count existing cooperations in the register (`false`: reference data only).",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, param in WEIGHT_PARAMS.items():
            self.fields[param] = serializers.FloatField(
                required=False,
                min_value=0,
                max_value=WEIGHT_MAX,
                help_text=f"Weight of '{CRITERIA[key]}' ({key}), 0-{WEIGHT_MAX}; default {default_weight(key)}. "
                "Only the ratios between weights matter.",
            )

    def validate_domein(self, value):
        if not cooperations.domains().filter(slug=value).exists():
            raise serializers.ValidationError("Onbekend ICT-domein; zie /api/v1/ict-domeinen.")
        return value

    def validate(self, attrs):
        low, high = attrs.get("minInwoners"), attrs.get("maxInwoners")
        if low is not None and high is not None and low > high:
            raise serializers.ValidationError({"maxInwoners": "Moet minstens minInwoners zijn."})
        return attrs


class CriterionSerializer(serializers.Serializer):
    criterium = serializers.ChoiceField(choices=list(CRITERIA), help_text="Criterion key.")
    naam = serializers.CharField(help_text="Dutch name of the criterion.")
    score = serializers.FloatField(
        allow_null=True,
        help_text="0..1; null when there is no data for this pair (the mean of the others is used).",
    )
    gewicht = serializers.FloatField(help_text="Weight used (0-100).")
    gegevensAanwezig = serializers.BooleanField()
    toelichting = serializers.CharField(help_text="Plain-language reason (Dutch).")

    class Meta:
        ref_name = "PartnerCriterium"


class CandidateSerializer(serializers.Serializer):
    rang = serializers.IntegerField()
    code = serializers.CharField()
    naam = serializers.CharField()
    url = serializers.URLField(help_text="The candidate in the API.")
    score = serializers.FloatField(help_text="Total fit, 0..1.")
    betrouwbaarheid = serializers.FloatField(help_text="Share of the weight backed by real data, 0..1.")
    afstandKm = serializers.FloatField(help_text="Great-circle distance between centroids.")
    wegafstandKmSchatting = serializers.FloatField(
        help_text=f"Estimated road distance: great-circle × {DETOUR_FACTOR} (a proxy, not a route)."
    )
    samenwerktAl = serializers.BooleanField(help_text="Already cooperating in the register (any domain).")
    samenwerktInDomein = serializers.BooleanField(help_text="Already cooperating in the requested `domein`.")
    ontbrekendeGegevens = serializers.ListField(child=serializers.CharField())
    criteria = CriterionSerializer(many=True)
    vergelijk = serializers.URLField(help_text="Side-by-side comparison page.")

    class Meta:
        ref_name = "PartnerKandidaat"


class PartnerRankingSerializer(serializers.Serializer):
    gemeente = serializers.DictField(child=serializers.CharField(), help_text="`code` and `naam`.")
    gewichten = serializers.DictField(child=serializers.FloatField(), help_text="Weights used, by parameter.")
    aantalKandidaten = serializers.IntegerField(help_text="Candidates that passed the filters.")
    opmerkingen = serializers.ListField(
        child=serializers.CharField(), help_text="Explanations about missing data of the municipality itself."
    )
    kandidaten = CandidateSerializer(many=True)

    class Meta:
        ref_name = "PartnerRanglijst"


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
        weights = {
            key: (default_weight(key) if params.get(param) is None else params[param]) / 100
            for key, param in WEIGHT_PARAMS.items()
        }
        finder_query = FinderQuery(
            weights=weights,
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
        compare = reverse("partners:compare", request=request)
        return Response(
            {
                "gemeente": {"code": ranking.code, "naam": ranking.name},
                "gewichten": {param: round(weights[key] * 100, 6) for key, param in WEIGHT_PARAMS.items()},
                "aantalKandidaten": ranking.considered,
                "opmerkingen": ranking.notes,
                "kandidaten": [
                    {
                        "rang": c.rank,
                        "code": c.code,
                        "naam": c.name,
                        "url": reverse("api:gemeente-detail", args=[c.code], request=request),
                        "score": round(c.score, 4),
                        "betrouwbaarheid": round(c.confidence, 4),
                        "afstandKm": round(c.distance_km, 2),
                        "wegafstandKmSchatting": round(c.road_km, 1),
                        "samenwerktAl": c.cooperating,
                        "samenwerktInDomein": c.cooperating_in_domain,
                        "ontbrekendeGegevens": list(c.missing),
                        "criteria": [
                            {
                                "criterium": s.key,
                                "naam": s.label,
                                "score": round(s.score, 4) if s.has_data else None,
                                "gewicht": round(s.weight * 100, 6),
                                "gegevensAanwezig": s.has_data,
                                "toelichting": s.reason,
                            }
                            for s in c.criteria.values()
                        ],
                        "vergelijk": f"{compare}?a={ranking.code}&b={c.code}",
                    }
                    for c in ranking.candidates
                ],
            }
        )


urlpatterns = [
    path("partners/<str:code>", PartnerView.as_view(), name="partners"),
]
