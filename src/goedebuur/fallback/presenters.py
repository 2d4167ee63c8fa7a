# SPDX-License-Identifier: EUPL-1.2
"""The feasibility check and the restore simulation as data, with the API's lowerCamelCase names:
one presenter for `/api/v1/achtervangafspraken/{id}/haalbaarheid` and `/simulatie` and for the
`achtervang` command's `--json`. Plain DRF serializers over `assessment.Report` (no API toolkit, so
the command line imports no API code). The class names are the OpenAPI component names."""

import math

from rest_framework import serializers

from goedebuur.core.fallback import restore_schedule as rs

LIGHTS = ["groen", "oranje", "rood"]


class Number(serializers.FloatField):
    """A float rounded to `digits` places; infinity (never finished) is null."""

    def __init__(self, *, digits=3, **kwargs):
        self.digits = digits
        super().__init__(**kwargs)

    def to_representation(self, value):
        if value is None or math.isinf(value):
            return None
        return round(float(value), self.digits)


class CheckSerializer(serializers.Serializer):
    toets = serializers.ChoiceField(
        source="topic", choices=["capaciteit", "replicatie", "synchronisatie", "afstand", "hersteltijd"]
    )
    onderwerp = serializers.CharField(source="subject")
    stoplicht = serializers.ChoiceField(source="status", choices=LIGHTS)
    nodig = Number(source="needed", allow_null=True)
    beschikbaar = Number(source="available", allow_null=True)
    eenheid = serializers.CharField(source="unit")
    toelichting = serializers.CharField(source="explanation")

    class Meta:
        ref_name = "AchtervangToets"


class FeasibilityDirectionSerializer(serializers.Serializer):
    gast = serializers.CharField(source="guest.code")
    gastNaam = serializers.CharField(source="guest.name")
    gastheer = serializers.CharField(source="host.code")
    gastheerNaam = serializers.CharField(source="host.name")
    stoplicht = serializers.ChoiceField(source="feasibility.status", choices=LIGHTS)
    toetsen = CheckSerializer(source="checks", many=True)

    class Meta:
        ref_name = "AchtervangHaalbaarheidRichting"


class FindingSerializer(serializers.Serializer):
    toets = serializers.ChoiceField(
        source="topic",
        choices=[
            "veiligheidsregio",
            "overstroming",
            "datacenter",
            "netwerk",
            "leverancier",
            "afstand",
            "versies",
            "testbewijs",
        ],
    )
    dienst = serializers.CharField(
        source="subject",
        allow_blank=True,
        help_text="The service in scope a version finding is about; else empty.",
    )
    stoplicht = serializers.ChoiceField(source="level", choices=LIGHTS)
    reden = serializers.CharField(source="reason", help_text="Reason code, e.g. `safety_region_same`.")
    toelichting = serializers.CharField(source="explanation", help_text="What was found, with its numbers.")
    oplossing = serializers.CharField(
        source="fix", allow_blank=True, help_text="What would fix it; empty when green."
    )

    class Meta:
        ref_name = "AchtervangGedeeldRisicoBevinding"


class CommonModeSerializer(serializers.Serializer):
    stoplicht = serializers.ChoiceField(source="level", choices=LIGHTS)
    bevindingen = FindingSerializer(source="findings", many=True)

    class Meta:
        ref_name = "AchtervangGedeeldRisico"


class FeasibilitySerializer(serializers.Serializer):
    afspraak = serializers.IntegerField(source="agreement.pk")
    stoplicht = serializers.ChoiceField(source="status", choices=LIGHTS)
    afstandKm = Number(source="distance_km", digits=2)
    richtingen = FeasibilityDirectionSerializer(source="results", many=True)
    gedeeldRisico = CommonModeSerializer(
        source="common_mode",
        help_text="Common-mode risk: can both fail together (safety region, flood area, data centre, network "
        "provider, supplier-hosted products, regional distance, version drift, restore-test evidence)? "
        "Apart from `stoplicht`.",
    )

    class Meta:
        ref_name = "AchtervangHaalbaarheid"


class ScheduledSerializer(serializers.Serializer):
    dienst = serializers.IntegerField(source="key")
    naam = serializers.CharField(source="name")
    slot = serializers.IntegerField(source="slot_number")
    startUur = Number(source="start")
    klaarUur = Number(source="end", allow_null=True)
    rtoUur = Number(source="rto_hours")
    binnenRto = serializers.BooleanField(source="met")

    class Meta:
        ref_name = "AchtervangHerstelstap"


class ScheduleSerializer(serializers.Serializer):
    methode = serializers.CharField(source="method")
    binnenRto = serializers.IntegerField(source="met_count")
    aantalDiensten = serializers.IntegerField(source="count")
    klaarNaUur = Number(source="makespan", allow_null=True)
    optimaliteit = serializers.ChoiceField(
        source="status",
        choices=rs.STATUSES,
        allow_null=True,
        help_text="Planned order only (null for the naive one): `optimal` (proven), `max_met` (the most "
        "RTOs met, proven; lateness possibly not minimal) or `bound` (not proven; see maxBinnenRto).",
    )
    maxBinnenRto = serializers.IntegerField(
        source="bound_met",
        allow_null=True,
        help_text="Upper bound on the RTOs any order meets (planned order only).",
    )
    diensten = ScheduledSerializer(source="by_start", many=True)

    class Meta:
        ref_name = "AchtervangHerstelplanning"


class SimulationDirectionSerializer(serializers.Serializer):
    gast = serializers.CharField(source="guest.code")
    gastNaam = serializers.CharField(source="guest.name")
    gastheer = serializers.CharField(source="host.code")
    gastheerNaam = serializers.CharField(source="host.name")
    gepland = ScheduleSerializer(source="best")
    naief = ScheduleSerializer(source="naive")
    extraBinnenRto = serializers.IntegerField(source="gain")

    class Meta:
        ref_name = "AchtervangSimulatieRichting"


class SimulationSerializer(serializers.Serializer):
    afspraak = serializers.IntegerField(source="agreement.pk")
    herstelslots = serializers.IntegerField(source="agreement.restore_slots")
    doorvoerPerSlotMbps = Number(source="rate_per_slot")
    richtingen = SimulationDirectionSerializer(source="results", many=True)

    class Meta:
        ref_name = "AchtervangSimulatie"


def feasibility(report) -> dict:
    return FeasibilitySerializer(report).data


def simulation(report) -> dict:
    return SimulationSerializer(report).data
