# SPDX-License-Identifier: EUPL-1.2
"""The partner finder's field map: the query parameters and the ranked candidates with a score per
criterion. The serializers read a `scoring.Ranking`; `RankingJsonSerializer` is the same map without
the API's links, for `goedebuur partners --json`."""

from django.urls import reverse
from rest_framework import serializers

from goedebuur.cooperations import services as cooperations
from goedebuur.core.partners.scoring import CRITERIA, DETOUR_FACTOR
from goedebuur.municipalities.api.fields import computed, municipality_url

from ..reasons import criterion_label, phrase, strongest
from ..services import REGION_CHOICES, SIZE_BANDS, WEIGHT_MAX, WEIGHT_PARAMS, default_weight


def _rounded(attribute: str, digits: int, scale: float = 1):
    return lambda obj, _context: round(getattr(obj, attribute) * scale, digits)


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
        help_text="Count the cooperations in the register (`false`: no shared regelingen).",
    )
    alleScores = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Also return `scores`: the total of every candidate that passed the filters, by code "
        "(for colouring a map).",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, param in WEIGHT_PARAMS.items():
            self.fields[param] = serializers.FloatField(
                required=False,
                min_value=0,
                max_value=WEIGHT_MAX,
                help_text=f"Weight of '{key}', 0-{WEIGHT_MAX}; default {default_weight(key)}. "
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
    criterium = serializers.ChoiceField(source="key", choices=list(CRITERIA), help_text="Criterion key.")
    naam = computed(
        serializers.CharField,
        lambda s, _context: criterion_label(s.key),
        help_text="Name of the criterion in the interface's language (Dutch by default).",
    )
    score = computed(
        serializers.FloatField,
        lambda s, _context: round(s.score, 4) if s.has_data else None,
        allow_null=True,
        help_text="0..1; null when there is no data for this pair (the mean of the others is used).",
    )
    gewicht = computed(serializers.FloatField, _rounded("weight", 6, 100), help_text="Weight used (0-100).")
    gegevensAanwezig = serializers.BooleanField(source="has_data")
    toelichting = computed(
        serializers.CharField,
        lambda s, _context: phrase(s.reason),
        help_text="Plain-language reason naming the evidence (Dutch by default).",
    )

    class Meta:
        ref_name = "PartnerCriterium"


def _compare_url(candidate, context) -> str:
    compare = context["request"].build_absolute_uri(reverse("partners:compare"))
    return f"{compare}?a={context['origin']}&b={candidate.code}"


def _web_page(candidate, context) -> str:
    return context["request"].build_absolute_uri(reverse("municipalities:detail", args=[candidate.code]))


class CandidateSerializer(serializers.Serializer):
    rang = serializers.IntegerField(source="rank")
    code = serializers.CharField()
    naam = serializers.CharField(source="name")
    url = computed(serializers.URLField, municipality_url, help_text="The candidate in the API.")
    webpagina = computed(serializers.URLField, _web_page, help_text="The candidate's page on Goede Buur.")
    score = computed(serializers.FloatField, _rounded("score", 4), help_text="Total fit, 0..1.")
    betrouwbaarheid = computed(
        serializers.FloatField,
        _rounded("confidence", 4),
        help_text="Share of the weight backed by data for this candidate, 0..1.",
    )
    afstandKm = computed(
        serializers.FloatField,
        _rounded("distance_km", 2),
        help_text="Great-circle distance between centroids.",
    )
    wegafstandKmSchatting = computed(
        serializers.FloatField,
        _rounded("road_km", 1),
        help_text=f"Estimated road distance: great-circle × {DETOUR_FACTOR} (a proxy, not a route).",
    )
    samenwerktAl = serializers.BooleanField(
        source="cooperating", help_text="Already cooperating in the register (any domain)."
    )
    samenwerktInDomein = serializers.BooleanField(
        source="cooperating_in_domain", help_text="Already cooperating in the requested `domein`."
    )
    ontbrekendeGegevens = serializers.ListField(
        source="missing",
        child=serializers.ChoiceField(choices=list(CRITERIA)),
        help_text="Keys of the weighted criteria without data for this candidate.",
    )
    belangrijksteRedenen = computed(
        serializers.ListField,
        lambda candidate, _context: strongest(candidate),
        child=serializers.CharField(),
        help_text="The reasons of the criteria that add most to the score.",
    )
    criteria = computed(
        serializers.ListField,
        lambda candidate, _context: list(candidate.criteria.values()),
        child=CriterionSerializer(),
    )
    vergelijk = computed(serializers.URLField, _compare_url, help_text="Side-by-side comparison page.")

    class Meta:
        ref_name = "PartnerKandidaat"


def _all_scores(ranking, context):
    if not context.get("all_scores"):
        return None
    return {code: round(score, 4) for code, score in ranking.score_by_code().items()}


class PartnerRankingSerializer(serializers.Serializer):
    gemeente = computed(
        serializers.DictField,
        lambda ranking, _context: {"code": ranking.code, "naam": ranking.name},
        child=serializers.CharField(),
        help_text="`code` and `naam`.",
    )
    gewichten = computed(
        serializers.DictField,
        lambda ranking, _context: {WEIGHT_PARAMS[k]: round(w * 100, 6) for k, w in ranking.weights.items()},
        child=serializers.FloatField(),
        help_text="Weights used, by parameter.",
    )
    aantalKandidaten = serializers.IntegerField(
        source="considered", help_text="Candidates that passed the filters."
    )
    verborgenCriteria = computed(
        serializers.ListField,
        lambda ranking, _context: [k for k in CRITERIA if k in ranking.hidden],
        child=serializers.ChoiceField(choices=list(CRITERIA)),
        help_text="Criteria computed from data the caller may not see (ICT profiles: log in as a municipal "
        "user; contracts: only those the caller may see). They count for no candidate.",
    )
    opmerkingen = computed(
        serializers.ListField,
        lambda ranking, _context: [phrase(note) for note in ranking.notes],
        child=serializers.CharField(),
        help_text="Explanations about missing data of the municipality itself.",
    )
    kandidaten = CandidateSerializer(source="candidates", many=True)
    scores = computed(
        serializers.DictField,
        _all_scores,
        child=serializers.FloatField(),
        required=False,
        help_text="Only with `alleScores=true`: the total of every candidate that passed the filters, by code.",
    )

    class Meta:
        ref_name = "PartnerRanglijst"

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if data.get("scores") is None:
            data.pop("scores", None)
        return data


# --- the same ranking for `goedebuur partners --json`: without links, criteria by key --------


class CriterionJsonSerializer(CriterionSerializer):
    criterium = None
    naam = None
    gewicht = None
    gegevensAanwezig = None


class CandidateJsonSerializer(CandidateSerializer):
    url = None
    webpagina = None
    wegafstandKmSchatting = None
    samenwerktInDomein = None
    ontbrekendeGegevens = None
    belangrijksteRedenen = None
    vergelijk = None
    criteria = serializers.DictField(child=CriterionJsonSerializer())


class RankingJsonSerializer(PartnerRankingSerializer):
    kandidaten = CandidateJsonSerializer(source="candidates", many=True)
    scores = None
