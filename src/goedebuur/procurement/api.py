# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/inkoopkansen: joint-purchasing opportunities, with the visibility rules of the page."""

from django.urls import path
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework.views import APIView

from goedebuur.api import ApiAutoSchema, ApiViewMixin

from . import services


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


class OpportunityQuerySerializer(serializers.Serializer):
    gemeente = serializers.CharField(
        required=False,
        default="",
        allow_blank=True,
        help_text="CBS code of the municipality the groups must include (`GM0345`). Municipal users: "
        "always their own municipality (another code answers 400); administrators: any, or none for "
        "every group.",
    )
    regio = serializers.CharField(
        required=False,
        default="",
        allow_blank=True,
        help_text="Only partners in this region, `<region division>:<code>` (`arbeidsmarktregio:AM16`).",
    )
    provincie = serializers.CharField(
        required=False, default="", allow_blank=True, help_text="Only partners in this province (`PV26`)."
    )
    vensterMaanden = serializers.IntegerField(
        required=False,
        default=services.DEFAULT_MONTHS,
        min_value=1,
        max_value=services.MAX_MONTHS,
        help_text="Contracts ending within this many months of each other form a group.",
    )
    modus = serializers.ChoiceField(
        choices=list(services.MODES),
        required=False,
        default="component",
        help_text="`component`: same GEMMA reference component; `leverancier`: same supplier.",
    )
    horizon = serializers.DateField(
        required=False,
        default=None,
        allow_null=True,
        help_text="Only contracts ending on or before this date (default: five years from today).",
    )


class ContractSerializer(serializers.Serializer):
    gemeente = serializers.CharField(source="municipality_code")
    gemeenteNaam = serializers.CharField(source="municipality_name")
    leverancier = serializers.CharField(source="supplier")
    product = serializers.CharField()
    gedeeld = serializers.BooleanField(
        source="visible", help_text="false: this municipality does not share its contracts with you."
    )
    einddatum = serializers.DateField(source="end_date", allow_null=True, help_text="null when not shared.")
    kostenPerJaarEur = serializers.IntegerField(
        source="yearly_cost", allow_null=True, help_text="null when unknown or not shared."
    )
    demo = serializers.BooleanField(source="is_demo", help_text="Demo data, not a real contract.")

    class Meta:
        ref_name = "InkoopkansContract"


class SubjectSerializer(serializers.Serializer):
    sleutel = serializers.CharField(
        source="key", help_text="GEMMA id of the component, or the supplier's id."
    )
    naam = serializers.CharField(source="name")

    class Meta:
        ref_name = "InkoopkansOnderwerp"


class MemberSerializer(serializers.Serializer):
    code = serializers.CharField()
    naam = serializers.CharField(source="name")

    class Meta:
        ref_name = "InkoopkansGemeente"


class GroupSerializer(serializers.Serializer):
    rang = serializers.IntegerField(source="rank")
    modus = serializers.CharField(source="mode")
    onderwerpen = SubjectSerializer(
        source="keys",
        many=True,
        help_text="Components (several when the same contracts fulfil them all) or the supplier.",
    )
    gemeenten = MemberSerializer(source="municipalities", many=True)
    aantalGemeenten = serializers.IntegerField(source="size")
    gezamenlijkeWaardeEurPerJaar = serializers.IntegerField(
        source="known_value", help_text="Sum of the known yearly costs of the contracts shared with you."
    )
    contractenZonderKosten = serializers.IntegerField(source="unknown_value")
    contractenNietGedeeld = serializers.IntegerField(source="hidden")
    gemiddeldeAfstandKm = serializers.FloatField(
        source="mean_distance_km",
        help_text="Mean great-circle distance between the members' inside points.",
    )
    vensterBegin = serializers.DateField(
        source="window_start",
        allow_null=True,
        help_text="First end date; null when a member's is not shared.",
    )
    vensterEind = serializers.DateField(source="window_end", allow_null=True)
    bandBegin = serializers.DateField(
        source="band_start", help_text="Where all end dates lie as far as you may know (the timeline band)."
    )
    bandEind = serializers.DateField(source="band_end")
    toelichting = serializers.CharField(source="reason", help_text="Plain-language reason (Dutch).")
    contracten = ContractSerializer(source="contracts", many=True)

    class Meta:
        ref_name = "Inkoopkans"


class ResultSerializer(serializers.Serializer):
    gemeente = serializers.SerializerMethodField()
    gebied = serializers.CharField(source="area_name")
    peildatum = serializers.DateField(source="today")
    horizon = serializers.DateField()
    vensterMaanden = serializers.IntegerField(source="request.months")
    modus = serializers.CharField(source="request.mode")
    bekekenContracten = serializers.IntegerField(source="contracts_considered")
    bekekenGemeenten = serializers.IntegerField(source="municipalities_considered")
    inkoopkansen = GroupSerializer(source="groups", many=True)
    rekentijdSeconden = serializers.FloatField(source="seconds")

    class Meta:
        ref_name = "Inkoopkansen"

    def get_gemeente(self, result) -> str | None:
        return result.focus[0] if result.focus else None


FIELDS = {
    "municipality": "gemeente",
    "region": "regio",
    "province": "provincie",
    "months": "vensterMaanden",
    "mode": "modus",
    "horizon": "horizon",
}


def opportunities_for(user, data: dict) -> services.Result:
    """Validated query parameters -> the result; bad input as a DRF ValidationError."""
    try:
        return services.find_opportunities(
            user,
            services.OpportunityRequest(
                municipality=data["gemeente"],
                region=data["regio"],
                province=data["provincie"],
                months=data["vensterMaanden"],
                mode=data["modus"],
                horizon=data["horizon"],
            ),
        )
    except services.OpportunityError as error:
        raise ValidationError({FIELDS.get(error.field, "nonFieldErrors"): [error.message]}) from error


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


urlpatterns = [
    path("inkoopkansen", OpportunitiesView.as_view(), name="inkoopkansen"),
]
