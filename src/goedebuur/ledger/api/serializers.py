# SPDX-License-Identifier: EUPL-1.2
"""The field map of the savings ledger in the API (Dutch lowerCamelCase, the services' names as
`source`). Output serializers read the presenter's plain dicts (`presenters.py`)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..models import Entry, Ledger

POSITIONS = ["below", "within", "above", "no_forecast", "no_figures"]
VISIBILITIES = list(Ledger.Visibility.values)


class BandSerializer(serializers.Serializer):
    p10 = serializers.IntegerField()
    p50 = serializers.IntegerField()
    p90 = serializers.IntegerField()

    class Meta:
        ref_name = "ResultatenBand"


class YearSerializer(serializers.Serializer):
    jaar = serializers.IntegerField()
    besparing = serializers.IntegerField(help_text="Realised savings, whole euros.")
    eenmaligeKosten = serializers.IntegerField()
    jaarlijkseKosten = serializers.IntegerField()
    netto = serializers.IntegerField(help_text="Savings minus both costs.")
    cumulatiefNetto = serializers.IntegerField()
    positie = serializers.ChoiceField(POSITIONS, help_text="This year's net against the year's P10-P90 band.")
    positieCumulatief = serializers.ChoiceField(POSITIONS)
    prognoseJaar = BandSerializer(allow_null=True)
    prognoseCumulatief = BandSerializer(allow_null=True)

    class Meta:
        ref_name = "ResultatenJaar"


class VerdictSerializer(serializers.Serializer):
    code = serializers.ChoiceField(
        POSITIONS, help_text="`below`: the cumulative position fell below P10 in `jaar`."
    )
    jaar = serializers.IntegerField(allow_null=True)
    tekst = serializers.CharField(help_text="The verdict as a sentence in the request's language.")

    class Meta:
        ref_name = "ResultatenOordeel"


class MunicipalityResultSerializer(serializers.Serializer):
    gemeenteCode = serializers.CharField()
    gemeenteNaam = serializers.CharField()
    basislijnEur = serializers.IntegerField(allow_null=True)
    basislijnBron = serializers.CharField(allow_blank=True)
    oordeel = VerdictSerializer()
    jaren = YearSerializer(many=True)

    class Meta:
        ref_name = "ResultatenGemeente"


class EntrySerializer(serializers.Serializer):
    """One realised year of one municipality (input of PUT .../cijfers/{gemeenteCode}/{jaar})."""

    gemeenteCode = serializers.CharField(source="municipality", read_only=True)
    jaar = serializers.IntegerField(source="year", read_only=True)
    besparing = serializers.IntegerField(source="savings", min_value=0, help_text="Whole euros.")
    eenmaligeKosten = serializers.IntegerField(source="one_off_costs", min_value=0, default=0)
    jaarlijkseKosten = serializers.IntegerField(source="yearly_costs", min_value=0, default=0)
    soortBron = serializers.ChoiceField(Entry.SourceKind.values, source="source_kind", default="jaarrekening")
    bron = serializers.CharField(
        source="source_title",
        allow_blank=True,
        default="",
        max_length=300,
        help_text="The source document (e.g. `Jaarrekening 2028, p. 41`); `bron` or `bronLink` is required.",
    )
    bronLink = serializers.CharField(source="source_url", allow_blank=True, default="", max_length=500)
    toelichting = serializers.CharField(source="note", allow_blank=True, default="", max_length=2000)

    class Meta:
        ref_name = "ResultatenCijfers"


class BaselineSerializer(serializers.Serializer):
    gemeenteCode = serializers.CharField(max_length=6)
    eur = serializers.IntegerField(min_value=0, help_text="Yearly ICT costs before the start, whole euros.")
    bron = serializers.CharField(allow_blank=True, default="", max_length=300)

    class Meta:
        ref_name = "ResultatenBasislijn"


class ForecastSerializer(serializers.Serializer):
    businesscase = serializers.IntegerField(allow_null=True)
    naam = serializers.CharField()
    overgenomenOp = serializers.DateField()
    trekkingen = serializers.IntegerField()
    startgetal = serializers.IntegerField()

    class Meta:
        ref_name = "ResultatenPrognose"


class LedgerInputSerializer(serializers.Serializer):
    """What PUT on a cooperation's ledger takes."""

    zichtbaarheid = serializers.ChoiceField(
        VISIBILITIES,
        source="visibility",
        help_text="`prive`: the members only; `gemeenten`: everyone signed in for a municipality; "
        "`openbaar`: everyone. Only `gemeenten` and `openbaar` count in /resultaten.",
    )
    startjaar = serializers.IntegerField(source="start_year", min_value=2000, max_value=2100)
    businesscase = serializers.IntegerField(
        source="business_case",
        allow_null=True,
        default=None,
        min_value=1,
        max_value=2_147_483_647,
        help_text="`id` of the business case whose forecast is the yardstick (a copy is taken).",
    )
    basislijnen = BaselineSerializer(many=True, source="baselines", default=list)

    class Meta:
        ref_name = "ResultatenInvoer"


class LedgerSerializer(serializers.Serializer):
    """A cooperation's ledger with its comparison."""

    samenwerking = serializers.CharField(read_only=True)
    samenwerkingNaam = serializers.CharField(read_only=True)
    zichtbaarheid = serializers.ChoiceField(VISIBILITIES, source="visibility", read_only=True)
    startjaar = serializers.IntegerField(source="start_year", read_only=True)
    businesscase = serializers.IntegerField(source="business_case", allow_null=True, read_only=True)
    basislijnen = BaselineSerializer(many=True, source="baselines", read_only=True)
    revisie = serializers.IntegerField(read_only=True)
    demogegevens = serializers.BooleanField(read_only=True)
    prognose = ForecastSerializer(read_only=True, allow_null=True)
    oordeel = VerdictSerializer(read_only=True, help_text="All members together, complete years only.")
    onvolledigeJaren = serializers.ListField(child=serializers.IntegerField(), read_only=True)
    jaren = YearSerializer(many=True, read_only=True)
    gemeenten = MunicipalityResultSerializer(many=True, read_only=True)
    cijfers = serializers.SerializerMethodField()

    class Meta:
        ref_name = "Resultaten"

    @extend_schema_field(EntrySerializer(many=True))
    def get_cijfers(self, data):
        return data["cijfers"]


class GroupSerializer(serializers.Serializer):
    sleutel = serializers.CharField(allow_blank=True)
    naam = serializers.CharField()
    samenwerkingen = serializers.IntegerField()
    vergeleken = serializers.IntegerField(help_text="With figures and a forecast for at least one year.")
    onderP10 = serializers.IntegerField()
    binnenBand = serializers.IntegerField()
    bovenP90 = serializers.IntegerField()
    nettoGerealiseerd = serializers.IntegerField()
    nettoVerwachtP50 = serializers.IntegerField()

    class Meta:
        ref_name = "ResultatenGroep"


class UpliftSerializer(serializers.Serializer):
    besparingCorrectie = serializers.FloatField(
        allow_null=True, help_text="Share to lower expected savings by."
    )
    kostenCorrectie = serializers.FloatField(allow_null=True, help_text="Share to raise expected costs by.")
    mediaanBesparingRatio = serializers.FloatField(allow_null=True)
    mediaanKostenRatio = serializers.FloatField(allow_null=True)
    aantalBesparing = serializers.IntegerField()
    aantalKosten = serializers.IntegerField()
    gemist = serializers.IntegerField(help_text="Cooperations that saved less than their P50.")
    minimum = serializers.IntegerField()
    bruikbaar = serializers.BooleanField(help_text="True from `minimum` cooperations on.")
    tekst = serializers.CharField()

    class Meta:
        ref_name = "ResultatenOpslag"


class OverviewRowSerializer(serializers.Serializer):
    samenwerking = serializers.CharField()
    naam = serializers.CharField()
    vorm = serializers.CharField()
    domeinen = serializers.ListField(child=serializers.CharField())
    zichtbaarheid = serializers.ChoiceField(VISIBILITIES)
    oordeel = serializers.ChoiceField(POSITIONS)
    oordeelJaar = serializers.IntegerField(allow_null=True)
    vergelekenJaren = serializers.IntegerField()
    nettoGerealiseerd = serializers.IntegerField()
    nettoVerwachtP50 = serializers.IntegerField()
    demogegevens = serializers.BooleanField()
    url = serializers.URLField()

    class Meta:
        ref_name = "ResultatenRij"


class OverviewSerializer(serializers.Serializer):
    totaal = GroupSerializer()
    perDomein = GroupSerializer(many=True)
    perVorm = GroupSerializer(many=True)
    opslag = UpliftSerializer()
    samenwerkingen = OverviewRowSerializer(many=True)

    class Meta:
        ref_name = "ResultatenOverzicht"
