# SPDX-License-Identifier: EUPL-1.2
"""The field maps of a cluster proposal and of an achtervang pairing (requests and results), shared
by /api/v1/clusters, /api/v1/achtervang-koppels and the `clusters` and `achtervang-koppels`
commands' `--json`."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .. import services

DIVISIONS = list(services.COMPARABLE_DIVISIONS)


class ClusterRequestSerializer(serializers.Serializer):
    gebied = serializers.CharField(
        source="area",
        required=False,
        default=services.WHOLE_COUNTRY,
        help_text="`NL` (the whole country), a province code (`PV26`) or a region "
        "`<region division>:<code>` (`veiligheidsregio:VR09`).",
    )
    minGemeenten = serializers.IntegerField(source="min_count", required=False, default=2, min_value=1)
    maxGemeenten = serializers.IntegerField(
        source="max_count", required=False, default=8, min_value=1, allow_null=True
    )
    minInwoners = serializers.IntegerField(
        source="min_population", required=False, default=None, min_value=1, allow_null=True
    )
    maxInwoners = serializers.IntegerField(
        source="max_population", required=False, default=None, min_value=1, allow_null=True
    )
    aantalGroepen = serializers.IntegerField(
        source="groups",
        required=False,
        default=None,
        min_value=1,
        allow_null=True,
        help_text="Number of groups; empty: groups of the middle size between the bounds.",
    )
    bestaandeSamenwerkingenVast = serializers.BooleanField(
        source="keep_cooperations",
        required=False,
        default=False,
        help_text="Keep the current members of ongoing cooperations in the register together "
        "(cooperations whose members in the area do not border each other are reported, not kept).",
    )
    gewichtFit = serializers.FloatField(
        source="fit_weight",
        required=False,
        default=0.5,
        min_value=0,
        max_value=1,
        help_text="0: only compactness; 1: only fit (the partner finder's default weights).",
    )
    puntcontacten = serializers.BooleanField(
        source="point_contacts",
        required=False,
        default=True,
        help_text="Use municipalities touching in one point as neighbours.",
    )
    vergelijkMet = serializers.ChoiceField(
        source="compare_with",
        choices=DIVISIONS,
        required=False,
        allow_blank=True,
        default="",
        help_text="Also score an existing region division on the same objective.",
    )

    class Meta:
        ref_name = "ClusterVerzoek"


class MemberSerializer(serializers.Serializer):
    code = serializers.CharField()
    naam = serializers.CharField(source="name")
    inwoners = serializers.IntegerField(source="population", allow_null=True)

    class Meta:
        ref_name = "ClusterGemeente"


class ClusterGroupSerializer(serializers.Serializer):
    nummer = serializers.IntegerField(source="number")
    gemeenten = MemberSerializer(source="members", many=True)
    aantalGemeenten = serializers.IntegerField(source="count")
    inwoners = serializers.IntegerField(source="population")
    fit = serializers.FloatField(allow_null=True, help_text="Mean fit (0..1) over the pairs in the group.")
    spreidingKm = serializers.FloatField(
        source="spread_km", help_text="Root mean square distance of the centroids to the group's centre."
    )
    kleur = serializers.CharField(source="colour")

    class Meta:
        ref_name = "ClusterGroep"


class LinkSerializer(serializers.Serializer):
    van = serializers.CharField(source="code_a")
    naar = serializers.CharField(source="code_b")
    soort = serializers.ChoiceField(source="kind", choices=["veer", "tunnel", "puntcontact"])
    toelichting = serializers.CharField(source="description")

    class Meta:
        ref_name = "ClusterVerbinding"


class FixedSerializer(serializers.Serializer):
    slug = serializers.CharField()
    naam = serializers.CharField(source="name")
    gemeenten = serializers.ListField(source="members", child=serializers.CharField())
    vastgehouden = serializers.BooleanField(source="kept")
    reden = serializers.CharField(source="reason")

    class Meta:
        ref_name = "ClusterVasteSamenwerking"


class DivisionScoreSerializer(serializers.Serializer):
    naam = serializers.CharField(source="label")
    aantalGroepen = serializers.IntegerField(source="groups")
    gemiddeldeFit = serializers.FloatField(source="mean_fit", allow_null=True)
    spreidingKm2 = serializers.FloatField(source="sse_km2")
    groepenBinnenGrenzen = serializers.IntegerField(source="within_bounds")
    groepenAaneengesloten = serializers.IntegerField(source="connected")

    class Meta:
        ref_name = "ClusterIndelingScore"


class ComparisonSerializer(serializers.Serializer):
    regioIndeling = serializers.CharField(source="division")
    bestaand = DivisionScoreSerializer(source="existing")
    voorstel = DivisionScoreSerializer(
        source="optimised", help_text="Our optimiser with as many groups and no size bounds."
    )

    class Meta:
        ref_name = "ClusterVergelijking"


class AreaSerializer(serializers.Serializer):
    code = serializers.CharField(source="key")
    naam = serializers.CharField(source="name")

    class Meta:
        ref_name = "ClusterGebied"


class ClusterProposalSerializer(serializers.Serializer):
    gebied = AreaSerializer(source="area")
    aantalGemeenten = serializers.IntegerField(source="municipalities")
    aantalGroepen = serializers.SerializerMethodField()
    gemiddeldeFit = serializers.FloatField(source="mean_fit", allow_null=True)
    spreidingKm2 = serializers.FloatField(
        source="sse_km2",
        help_text="Within-group sum of squared distances of the centroids to their group's centre "
        "(RD New), in km².",
    )
    groepen = ClusterGroupSerializer(source="groups", many=True)
    verbindingen = LinkSerializer(source="links", many=True, help_text="Links added to the neighbour graph.")
    samenwerkingen = FixedSerializer(source="cooperations", many=True)
    waarschuwingen = serializers.ListField(
        source="warnings", child=serializers.CharField(), help_text="Bounds not met (Dutch)."
    )
    vergelijking = ComparisonSerializer(source="comparison", allow_null=True)
    rekentijdSeconden = serializers.FloatField(source="seconds")

    class Meta:
        ref_name = "ClusterVoorstel"

    def get_aantalGroepen(self, proposal) -> int:
        return len(proposal.groups)


class PairQuerySerializer(serializers.Serializer):
    minKm = serializers.FloatField(
        source="min_km", required=False, default=5, min_value=0, help_text="Minimum distance, km."
    )
    maxKm = serializers.FloatField(
        source="max_km", required=False, default=40, min_value=0, help_text="Maximum distance, km."
    )
    maxVerhoudingInwoners = serializers.FloatField(
        source="max_population_ratio",
        required=False,
        default=None,
        min_value=1,
        max_value=services.MAX_POPULATION_RATIO,
        allow_null=True,
        help_text="Capacity: in a pair, the larger municipality has at most this many times the "
        "inhabitants of the smaller.",
    )
    gebied = serializers.CharField(
        source="area",
        required=False,
        default=services.WHOLE_COUNTRY,
        help_text="`NL`, a province code or a region key.",
    )


class PairWarningSerializer(serializers.Serializer):
    toets = serializers.ChoiceField(source="topic", choices=["veiligheidsregio", "leverancier"])
    stoplicht = serializers.ChoiceField(source="level", choices=["groen", "oranje", "rood"])
    reden = serializers.CharField(source="reason", help_text="`safety_region_same` or `suppliers_shared`.")
    toelichting = serializers.CharField(source="explanation", help_text="What both share, with the numbers.")
    oplossing = serializers.CharField(source="fix", help_text="What would take the risk away.")

    class Meta:
        ref_name = "AchtervangKoppelWaarschuwing"


class PairGroupSerializer(serializers.Serializer):
    soort = serializers.ChoiceField(source="kind", choices=["paar", "driehoek"])
    gemeenten = MemberSerializer(
        source="members",
        many=True,
        help_text="A triangle is a cycle: each is the achtervang of the next, the last of the first.",
    )
    afstandKm = serializers.ListField(
        source="km",
        child=serializers.FloatField(),
        help_text="Per pair in the group: great-circle distance between the centroids, as everywhere.",
    )
    fit = serializers.FloatField()
    waarschuwingen = serializers.SerializerMethodField(
        help_text="Common-mode warnings: can both fail together? Empty when none is known."
    )

    class Meta:
        ref_name = "AchtervangKoppel"

    @extend_schema_field(PairWarningSerializer(many=True))
    def get_waarschuwingen(self, group) -> list:
        found = self.context.get("warnings", {}).get(tuple(m.code for m in group.members), [])
        return PairWarningSerializer(found, many=True).data


class LeftoverSerializer(serializers.Serializer):
    gemeente = MemberSerializer(source="member")
    reden = serializers.ChoiceField(
        source="reason", choices=["no_partner_in_band", "no_capacity", "partners_taken"]
    )
    toelichting = serializers.CharField(source="explanation")

    class Meta:
        ref_name = "AchtervangZonderKoppel"


class PairProposalSerializer(serializers.Serializer):
    gebied = AreaSerializer(source="area")
    koppels = PairGroupSerializer(source="groups", many=True)
    nietGekoppeld = LeftoverSerializer(source="leftovers", many=True)
    gemiddeldeFit = serializers.FloatField(source="mean_fit")
    toegestaneParen = serializers.IntegerField(source="allowed_pairs")
    rekentijdSeconden = serializers.FloatField(source="seconds")

    class Meta:
        ref_name = "AchtervangVoorstel"
