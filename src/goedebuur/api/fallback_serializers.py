# SPDX-License-Identifier: EUPL-1.2
"""Serializers of /api/v1/achtervangafspraken (Dutch lowerCamelCase field names)."""

from rest_framework import serializers
from rest_framework.reverse import reverse

from goedebuur.cooperations.models import Cooperation
from goedebuur.fallback import services, testplan
from goedebuur.fallback.models import Agreement, TestKind
from goedebuur.municipalities.models import Municipality
from goedebuur.profiles.models import Application

from .revisions import revision_field

# Ids are BigAutoFields: a larger number cannot be looked up (SQLite and PostgreSQL fail on it).
MAX_ID = 2**63 - 1

AGREEMENT_FIELDS = {
    # api name: (model field, serializer field)
    "wederzijds": ("mutual", serializers.BooleanField(default=True)),
    "verbinding": ("link_type", serializers.ChoiceField(choices=Agreement.LinkType.values)),
    "bandbreedteMbps": ("link_mbps", serializers.IntegerField(min_value=1)),
    "hersteldoorvoerMbps": ("restore_mbps", serializers.IntegerField(min_value=1, default=1000)),
    "herstelslots": ("restore_slots", serializers.IntegerField(min_value=1, max_value=32, default=2)),
    "piekfactor": (
        "peak_factor",
        serializers.DecimalField(max_digits=4, decimal_places=1, min_value=1, max_value=24, default=3),
    ),
    "minimaleAfstandKm": ("min_km", serializers.DecimalField(max_digits=6, decimal_places=1, default=5)),
    "maximaleAfstandKm": ("max_km", serializers.DecimalField(max_digits=6, decimal_places=1, default=40)),
    "contactpersonenA": ("contacts_a", serializers.CharField(allow_blank=True, default="")),
    "contactpersonenB": ("contacts_b", serializers.CharField(allow_blank=True, default="")),
    "escalatie": ("escalation", serializers.CharField(allow_blank=True, default="")),
    "ingangsdatum": ("start_date", serializers.DateField()),
    "evaluatiedatum": ("review_date", serializers.DateField(allow_null=True, default=None)),
}
for side in ("a", "b"):
    upper = side.upper()
    AGREEMENT_FIELDS.update(
        {
            f"reserveringVcpu{upper}": (
                f"reserved_vcpu_{side}",
                serializers.IntegerField(min_value=0, default=0),
            ),
            f"reserveringRamGb{upper}": (
                f"reserved_ram_gb_{side}",
                serializers.IntegerField(min_value=0, default=0),
            ),
            f"reserveringOpslagGb{upper}": (
                f"reserved_storage_gb_{side}",
                serializers.IntegerField(min_value=0, default=0),
            ),
            f"reserveringWerkplekken{upper}": (
                f"reserved_workplaces_{side}",
                serializers.IntegerField(min_value=0, default=0),
            ),
        }
    )


class LocationSerializer(serializers.Serializer):
    naam = serializers.CharField(source="name", max_length=150)
    soort = serializers.ChoiceField(source="kind", choices=Agreement.SiteKind.values)
    lat = serializers.FloatField(min_value=-90, max_value=90, help_text="Latitude (WGS84).")
    lon = serializers.FloatField(min_value=-180, max_value=180, help_text="Longitude (WGS84).")

    class Meta:
        ref_name = "AchtervangLocatie"


class AgreementSerializer(serializers.Serializer):
    """Reservation fields `...A` are what municipality A keeps free as host for B, and vice versa."""

    API_NAMES = {
        "party_a": "gemeenteA",
        "party_b": "gemeenteB",
        "cooperation": "samenwerking",
        "site_a_name": "locatieA.naam",
        "site_a_kind": "locatieA.soort",
        "site_a_lat": "locatieA.lat",
        "site_a_lon": "locatieA.lon",
        "site_b_name": "locatieB.naam",
        "site_b_kind": "locatieB.soort",
        "site_b_lat": "locatieB.lat",
        "site_b_lon": "locatieB.lon",
        **{model: api for api, (model, _f) in AGREEMENT_FIELDS.items()},
    }

    id = serializers.IntegerField(read_only=True)
    url = serializers.SerializerMethodField()
    gemeenteA = serializers.SlugRelatedField(
        slug_field="code", queryset=Municipality.objects.all(), source="party_a"
    )
    gemeenteB = serializers.SlugRelatedField(
        slug_field="code", queryset=Municipality.objects.all(), source="party_b"
    )
    locatieA = LocationSerializer(
        source="site_a",
        required=False,
        help_text="Site of municipality A (town hall or datacenter). Left out on create: the town hall at "
        "the municipality's inside point.",
    )
    locatieB = LocationSerializer(
        source="site_b", required=False, help_text="Site of municipality B; as locatieA."
    )
    samenwerking = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Cooperation.objects.filter(deleted_at__isnull=True),
        allow_null=True,
        default=None,
        source="cooperation",
        help_text="Slug of the cooperation in the register this agreement belongs to, if any.",
    )
    afstandKm = serializers.SerializerMethodField()
    testsActueel = serializers.SerializerMethodField()
    geplandeTests = serializers.SerializerMethodField()
    openActies = serializers.SerializerMethodField()
    demogegevens = serializers.BooleanField(read_only=True, source="is_demo")
    revisie = revision_field()

    class Meta:
        ref_name = "Achtervangafspraak"

    def get_fields(self):
        fields = super().get_fields()
        for api, (model, field) in AGREEMENT_FIELDS.items():
            fields[api] = field.__class__(*field._args, source=model, **field._kwargs)
        return fields

    def get_url(self, agreement) -> str:
        return reverse(
            "api:achtervangafspraak-detail", kwargs={"id": agreement.pk}, request=self.context.get("request")
        )

    def get_afstandKm(self, agreement) -> float:
        return round(services.distance_km(agreement), 2)

    def get_testsActueel(self, agreement) -> bool:
        return testplan.tests_current(agreement)

    def get_geplandeTests(self, agreement) -> list[dict]:
        today = testplan.today()
        return [
            {
                "soort": p.kind,
                "datum": p.planned_date.isoformat(),
                "uitgevoerd": p.record_id is not None,
                "teLaat": testplan.is_overdue(p, today),
            }
            for p in agreement.planned_tests.all()
        ]

    def get_openActies(self, agreement) -> list[dict]:
        return [
            {
                "id": a.pk,
                "actie": a.description,
                "eigenaar": a.owner,
                "gemeente": a.owner_municipality.code,
                "uiterlijk": a.due_date.isoformat(),
            }
            for a in testplan.open_actions([agreement])
        ]


def agreement_values(validated: dict, *, create: bool = False) -> dict:
    """Validated API data -> model values; on create a missing site is the party's town hall at its
    inside point (as the page does)."""
    values = dict(validated)
    if create:
        for side in ("a", "b"):
            party = values.get(f"party_{side}")
            if f"site_{side}" not in values and party is not None:
                default = services.site_defaults(party)
                values[f"site_{side}"] = {
                    "name": default["name"],
                    "kind": Agreement.SiteKind.TOWN_HALL,
                    "lat": default["lat"],
                    "lon": default["lon"],
                }
    for side in ("a", "b"):
        site = values.pop(f"site_{side}", None)
        if site is not None:
            for key, value in site.items():
                values[f"site_{side}_{key}"] = value
    return values


class ServiceSerializer(serializers.Serializer):
    API_NAMES = {
        "name": "naam",
        "guest": "gemeente",
        "application": "applicatie",
        "rto_hours": "rtoUren",
        "rpo_hours": "rpoUren",
        "data_gb": "dataGb",
        "daily_change_gb": "wijzigingenPerDagGb",
        "ram_gb": "ramGb",
        "workplaces": "werkplekken",
        "depends_on": "hangtAfVan",
    }

    id = serializers.IntegerField(read_only=True)
    gemeente = serializers.CharField(
        source="guest.code", help_text="CBS code of the guest whose service it is."
    )
    applicatie = serializers.IntegerField(
        source="application_id",
        min_value=1,
        max_value=MAX_ID,
        allow_null=True,
        required=False,
        help_text="Application id in the guest's landscape.",
    )
    naam = serializers.CharField(source="name", max_length=200, required=False)
    beschikbaarheid = serializers.IntegerField(min_value=1, max_value=3, required=False)
    integriteit = serializers.IntegerField(min_value=1, max_value=3, required=False)
    vertrouwelijkheid = serializers.IntegerField(min_value=1, max_value=3, required=False)
    rtoUren = serializers.IntegerField(source="rto_hours", min_value=0, required=False)
    rpoUren = serializers.IntegerField(source="rpo_hours", min_value=0, required=False)
    dataGb = serializers.IntegerField(source="data_gb", min_value=0)
    wijzigingenPerDagGb = serializers.DecimalField(
        source="daily_change_gb", max_digits=9, decimal_places=1, min_value=0
    )
    vcpu = serializers.IntegerField(min_value=0, default=0)
    ramGb = serializers.IntegerField(source="ram_gb", min_value=0, default=0)
    werkplekken = serializers.IntegerField(source="workplaces", min_value=0, default=0)
    hangtAfVan = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID),
        required=False,
        help_text="Ids of services that must be restored first.",
    )
    revisie = revision_field()

    class Meta:
        ref_name = "Achtervangdienst"

    def to_representation(self, service):
        data = super().to_representation(service)
        data["hangtAfVan"] = sorted(d.pk for d in service.depends_on.all())
        return data


def service_values(validated: dict, agreement, guest, partial=False):
    """Validated API data -> (model values, dependencies or None)."""
    values = {k: v for k, v in validated.items() if k not in ("guest", "hangtAfVan", "application_id")}
    if "application_id" in validated:
        app_id = validated["application_id"]
        application = None
        if app_id is not None:
            application = (
                Application.objects.filter(pk=app_id, municipality=guest).select_related("product").first()
            )
            if application is None:
                raise serializers.ValidationError(
                    {"applicatie": ["Deze applicatie staat niet in het landschap van de gast."]}
                )
            for key, value in services.application_defaults(application).items():
                values.setdefault(key, value)
        values["application"] = application
    if not partial:
        missing = [
            api
            for key, api in (("name", "naam"), ("rto_hours", "rtoUren"), ("rpo_hours", "rpoUren"))
            if key not in values
        ] + [k for k in ("beschikbaarheid", "integriteit", "vertrouwelijkheid") if k not in values]
        if missing:
            raise serializers.ValidationError(
                {name: ["Dit veld is verplicht zonder applicatie."] for name in missing}
            )
    deps = None
    if "hangtAfVan" in validated:
        ids = set(validated["hangtAfVan"])
        deps = list(agreement.services.filter(pk__in=ids))
        if len(deps) != len(ids):
            raise serializers.ValidationError({"hangtAfVan": ["Onbekende dienst in deze afspraak."]})
    return values, deps


class ResultSerializer(serializers.Serializer):
    dienst = serializers.IntegerField(source="service_id")
    hersteltijdUren = serializers.DecimalField(
        source="restore_hours", max_digits=7, decimal_places=2, min_value=0
    )
    gegevensverliesUren = serializers.DecimalField(
        source="data_loss_hours", max_digits=7, decimal_places=2, min_value=0
    )
    binnenRto = serializers.BooleanField(source="met_rto", read_only=True)
    binnenRpo = serializers.BooleanField(source="met_rpo", read_only=True)

    class Meta:
        ref_name = "Achtervangtestresultaat"


class TestRecordSerializer(serializers.Serializer):
    API_NAMES = {
        "kind": "soort",
        "date": "datum",
        "passed": "geslaagd",
        "findings": "bevindingen",
        "results": "resultaten",
    }

    id = serializers.IntegerField(read_only=True)
    soort = serializers.ChoiceField(source="kind", choices=TestKind.values)
    datum = serializers.DateField(source="date")
    scenario = serializers.CharField()
    geslaagd = serializers.BooleanField(source="passed")
    bevindingen = serializers.CharField(source="findings", allow_blank=True, default="")
    resultaten = ResultSerializer(source="results", many=True, required=False)

    class Meta:
        ref_name = "Achtervangtest"

    def to_representation(self, record):
        data = super().to_representation(record)
        data["resultaten"] = ResultSerializer(record.results.all(), many=True).data
        return data

    def to_values(self):
        data = dict(self.validated_data)
        rows = data.pop("results", [])
        agreement = self.context["agreement"]
        by_id = {s.pk: s for s in agreement.services.all()}
        results = []
        for row in rows:
            service = by_id.get(row["service_id"])
            if service is None:
                raise serializers.ValidationError({"resultaten": ["Onbekende dienst in deze afspraak."]})
            results.append(
                {
                    "service": service,
                    "restore_hours": row["restore_hours"],
                    "data_loss_hours": row["data_loss_hours"],
                }
            )
        return data, results


# --- schema only: the dicts of goedebuur.fallback.serialize -------------------------------------


class CheckSerializer(serializers.Serializer):
    toets = serializers.ChoiceField(
        choices=["capaciteit", "replicatie", "synchronisatie", "afstand", "hersteltijd"]
    )
    onderwerp = serializers.CharField()
    stoplicht = serializers.ChoiceField(choices=["groen", "oranje", "rood"])
    nodig = serializers.FloatField(allow_null=True)
    beschikbaar = serializers.FloatField(allow_null=True)
    eenheid = serializers.CharField()
    toelichting = serializers.CharField()

    class Meta:
        ref_name = "AchtervangToets"


class FeasibilityDirectionSerializer(serializers.Serializer):
    gast = serializers.CharField()
    gastNaam = serializers.CharField()
    gastheer = serializers.CharField()
    gastheerNaam = serializers.CharField()
    stoplicht = serializers.ChoiceField(choices=["groen", "oranje", "rood"])
    toetsen = CheckSerializer(many=True)

    class Meta:
        ref_name = "AchtervangHaalbaarheidRichting"


class FeasibilitySerializer(serializers.Serializer):
    afspraak = serializers.IntegerField()
    stoplicht = serializers.ChoiceField(choices=["groen", "oranje", "rood"])
    afstandKm = serializers.FloatField()
    richtingen = FeasibilityDirectionSerializer(many=True)

    class Meta:
        ref_name = "AchtervangHaalbaarheid"


class ScheduledSerializer(serializers.Serializer):
    dienst = serializers.IntegerField()
    naam = serializers.CharField()
    slot = serializers.IntegerField()
    startUur = serializers.FloatField()
    klaarUur = serializers.FloatField(allow_null=True)
    rtoUur = serializers.FloatField()
    binnenRto = serializers.BooleanField()

    class Meta:
        ref_name = "AchtervangHerstelstap"


class ScheduleSerializer(serializers.Serializer):
    methode = serializers.CharField()
    binnenRto = serializers.IntegerField()
    aantalDiensten = serializers.IntegerField()
    klaarNaUur = serializers.FloatField(allow_null=True)
    diensten = ScheduledSerializer(many=True)

    class Meta:
        ref_name = "AchtervangHerstelplanning"


class SimulationDirectionSerializer(serializers.Serializer):
    gast = serializers.CharField()
    gastNaam = serializers.CharField()
    gastheer = serializers.CharField()
    gastheerNaam = serializers.CharField()
    gepland = ScheduleSerializer()
    naief = ScheduleSerializer()
    extraBinnenRto = serializers.IntegerField()

    class Meta:
        ref_name = "AchtervangSimulatieRichting"


class SimulationSerializer(serializers.Serializer):
    afspraak = serializers.IntegerField()
    herstelslots = serializers.IntegerField()
    doorvoerPerSlotMbps = serializers.FloatField()
    richtingen = SimulationDirectionSerializer(many=True)

    class Meta:
        ref_name = "AchtervangSimulatie"
