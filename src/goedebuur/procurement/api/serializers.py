# SPDX-License-Identifier: EUPL-1.2
"""The joint-purchasing opportunities' field map: the query parameters and the ranked groups, shared
by /api/v1/inkoopkansen and `goedebuur inkoopkansen --json`."""

from rest_framework import serializers

from .. import services


class OpportunityQuerySerializer(serializers.Serializer):
    gemeente = serializers.CharField(
        source="municipality",
        required=False,
        default="",
        allow_blank=True,
        help_text="CBS code of the municipality the groups must include (`GM0345`). Municipal users: "
        "always their own municipality (another code answers 400); administrators: any, or none for "
        "every group.",
    )
    regio = serializers.CharField(
        source="region",
        required=False,
        default="",
        allow_blank=True,
        help_text="Only partners in this region, `<region division>:<code>` (`arbeidsmarktregio:AM16`).",
    )
    provincie = serializers.CharField(
        source="province",
        required=False,
        default="",
        allow_blank=True,
        help_text="Only partners in this province (`PV26`).",
    )
    vensterMaanden = serializers.IntegerField(
        source="months",
        required=False,
        default=services.DEFAULT_MONTHS,
        min_value=1,
        max_value=services.MAX_MONTHS,
        help_text="Contracts ending within this many months of each other form a group.",
    )
    modus = serializers.ChoiceField(
        source="mode",
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
        help_text="Mean great-circle distance between the members' centroids.",
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
