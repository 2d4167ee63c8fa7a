# SPDX-License-Identifier: EUPL-1.2
"""Serializers of /api/v1/businesscases: the case with its inputs (each with source and author) and
the computed result. They are the one map between the API's Dutch lowerCamelCase names and the
names of the model and the services (each field's `source`)."""

from rest_framework import serializers

from goedebuur.api import PageLinkField, field_names, revision_field
from goedebuur.core.businesscase.finance import ALLOCATION_KEYS
from goedebuur.core.businesscase.model import DISTRIBUTIONS, MAX_HORIZON


class BaselineSerializer(serializers.Serializer):
    eur = serializers.IntegerField(required=False, help_text="Yearly ICT cost before the cooperation, euros.")
    bron = serializers.CharField(source="source", required=False, allow_blank=True, max_length=500)
    inwoners = serializers.IntegerField(source="inhabitants", required=False, allow_null=True)
    ictUitgavenEur = serializers.IntegerField(
        source="ict_spend_eur",
        required=False,
        allow_null=True,
        help_text="Prior ICT spend (for that allocation key).",
    )
    werkplekken = serializers.IntegerField(source="workplaces", required=False, allow_null=True)
    auteur = serializers.CharField(source="author", read_only=True, help_text="Who last set this input.")

    class Meta:
        ref_name = "BusinesscaseBasislijn"


class SavingSerializer(serializers.Serializer):
    domein = serializers.CharField(
        source="domain", help_text="Slug of the ICT domain (one of the case's `domeinen`)."
    )
    label = serializers.CharField(read_only=True)
    aandeelPct = serializers.FloatField(
        source="domain_share_pct", required=False, help_text="The domain's share of the ICT cost, %."
    )
    laag = serializers.FloatField(
        source="low", required=False, help_text="Lowest saving, % of the domain's cost."
    )
    waarschijnlijk = serializers.FloatField(source="likely", required=False)
    hoog = serializers.FloatField(source="high", required=False)
    vanafJaar = serializers.IntegerField(
        source="start_year", required=False, help_text="First year (1-based) with savings."
    )
    ingroeiJaren = serializers.IntegerField(
        source="ramp_years", required=False, help_text="Years to reach the full saving."
    )
    bron = serializers.CharField(source="source", required=False, allow_blank=True, max_length=500)
    auteur = serializers.CharField(source="author", read_only=True)

    class Meta:
        ref_name = "BusinesscaseBesparing"


class HiddenCostSerializer(serializers.Serializer):
    sleutel = serializers.CharField(
        source="key",
        help_text="voorbereiding, projectorganisatie, migratie, harmonisatie, netwerk, personeel, governance, exit.",
    )
    label = serializers.CharField(read_only=True)
    soort = serializers.CharField(source="kind", read_only=True, help_text="`eenmalig` or `jaarlijks`.")
    laag = serializers.IntegerField(source="low", required=False, help_text="Euros, all partners together.")
    waarschijnlijk = serializers.IntegerField(source="likely", required=False)
    hoog = serializers.IntegerField(source="high", required=False)
    jaar = serializers.IntegerField(
        source="year", required=False, help_text="Year (1-based; 0 = the last year of the horizon)."
    )
    bron = serializers.CharField(source="source", required=False, allow_blank=True, max_length=500)
    bevestigd = serializers.BooleanField(
        source="confirmed", required=False, help_text="Confirmed (or explicitly zeroed) by a user."
    )
    auteur = serializers.CharField(source="author", read_only=True)

    class Meta:
        ref_name = "BusinesscaseVerborgenKosten"


class DoubleContractSerializer(serializers.Serializer):
    gemeente = serializers.CharField(source="municipality", max_length=6)
    label = serializers.CharField(max_length=200)
    kostenPerJaarEur = serializers.IntegerField(source="yearly_cost_eur")
    einddatum = serializers.DateField(source="end_date")
    bedragenPerJaarEur = serializers.ListField(source="amounts", child=serializers.IntegerField())

    class Meta:
        ref_name = "BusinesscaseDubbelContract"


class UtcDateTimeField(serializers.DateTimeField):
    """As stored (UTC, `+00:00`), not converted to the server's time zone."""

    def to_representation(self, value):
        return value.isoformat() if value else None


class BusinessCaseSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    webpagina = PageLinkField()
    naam = serializers.CharField(source="name", max_length=200)
    scenario = serializers.CharField(required=False, allow_blank=True, max_length=60)
    eigenaar = serializers.CharField(
        source="owner.code", read_only=True, help_text="CBS code of the owner municipality."
    )
    gemeenten = serializers.ListField(
        source="partner_codes", child=serializers.CharField(), help_text="CBS codes, at least two."
    )
    domeinen = serializers.ListField(source="domain_slugs", child=serializers.CharField(), required=False)
    horizonJaren = serializers.IntegerField(
        source="horizon", required=False, min_value=1, max_value=MAX_HORIZON
    )
    eersteJaar = serializers.IntegerField(source="start_year", required=False, min_value=2000, max_value=2100)
    overstapJaar = serializers.IntegerField(
        source="go_live_year", required=False, min_value=1, max_value=MAX_HORIZON
    )
    discontovoet = serializers.DecimalField(
        source="discount_rate",
        required=False,
        max_digits=6,
        decimal_places=4,
        help_text="0.0225 = 2.25 % (the default).",
    )
    kansverdeling = serializers.ChoiceField(
        source="distribution", choices=list(DISTRIBUTIONS), required=False
    )
    onzekerheidBasislijnPct = serializers.DecimalField(
        source="baseline_uncertainty_pct", required=False, max_digits=5, decimal_places=2
    )
    trekkingen = serializers.IntegerField(source="draws", required=False, min_value=1, max_value=100_000)
    seed = serializers.IntegerField(required=False, min_value=0, max_value=2_147_483_647)
    verdeelsleutel = serializers.ChoiceField(
        source="allocation_key", choices=list(ALLOCATION_KEYS), required=False
    )
    eigenVerdeling = serializers.DictField(
        source="custom_weights", child=serializers.FloatField(), required=False
    )
    basislijn = serializers.DictField(
        source="baselines", child=BaselineSerializer(), required=False, help_text="By CBS code."
    )
    besparingen = serializers.ListField(source="savings", child=SavingSerializer(), required=False)
    verborgenKosten = serializers.ListField(
        source="hidden_costs", child=HiddenCostSerializer(), required=False
    )
    dubbeleContracten = DoubleContractSerializer(source="double_contracts", many=True, read_only=True)
    status = serializers.CharField(
        read_only=True, help_text="`concept` until every hidden cost is confirmed."
    )
    demo = serializers.BooleanField(source="is_demo", read_only=True)
    gewijzigdOp = UtcDateTimeField(source="updated_at", read_only=True)
    revisie = revision_field()

    class Meta:
        ref_name = "Businesscase"


class BusinessCasePageSerializer(serializers.Serializer):
    """A page of the list (the project's `page`/`pageSize` pagination)."""

    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = BusinessCaseSerializer(many=True)

    class Meta:
        ref_name = "BusinesscasePagina"


def internal_changes(data: dict) -> dict:
    """Validated data (already in the names of the services, through the fields' sources) -> the
    keyword arguments of `changes.update_case`: rows by their key, codes and slugs still as text."""
    out = dict(data)
    if "partner_codes" in out:
        out["partners"] = [code.upper() for code in out.pop("partner_codes")]
    if "domain_slugs" in out:
        out["domains"] = out.pop("domain_slugs")
    if "baselines" in out:
        out["baselines"] = {code.upper(): dict(row) for code, row in out["baselines"].items()}
    if "savings" in out:
        out["savings"] = {row["domain"]: _without(row, "domain") for row in out["savings"]}
    if "hidden_costs" in out:
        out["hidden_costs"] = {row["key"]: _without(row, "key") for row in out["hidden_costs"]}
    return out


def _without(row, key: str) -> dict:
    return {name: value for name, value in row.items() if name != key}


def api_names() -> tuple[dict[str, str], dict[str, str]]:
    """(top-level, nested) service name -> API name, read from the serializers' sources: the error
    keys of the services (`hidden_costs.2.amount`) in the API's names (`verborgenKosten.2.bedrag`)."""
    top = {"partners": "gemeenten", "domains": "domeinen"} | field_names(BusinessCaseSerializer)
    nested = {
        **top,
        **field_names(BaselineSerializer),
        **field_names(SavingSerializer),
        **field_names(HiddenCostSerializer),
        "partners": "gemeenten",
        "double_contracts": "dubbeleContracten",
        "amount": "bedrag",
        "percent": "besparing",
    }
    return top, nested


class CalculationRequestSerializer(serializers.Serializer):
    trekkingen = serializers.IntegerField(
        required=False, min_value=1, max_value=100_000, help_text="Monte Carlo draws (default: the case's)."
    )
    seed = serializers.IntegerField(
        required=False, min_value=0, max_value=2_147_483_647, help_text="Seed (default: the case's)."
    )

    class Meta:
        ref_name = "BusinesscaseBerekeningVraag"


class CashFlowSerializer(serializers.Serializer):
    jaar = serializers.IntegerField(source="row.year")
    kalenderjaar = serializers.IntegerField(source="row.calendar_year")
    besparingenEur = serializers.IntegerField(source="row.savings")
    verborgenKostenEur = serializers.IntegerField(source="row.cost_share")
    dubbeleContractenEur = serializers.IntegerField(source="row.double_contracts")
    nettoEur = serializers.IntegerField(source="row.net")
    cumulatiefEur = serializers.IntegerField(source="row.cumulative")
    cumulatiefP10Eur = serializers.IntegerField(source="cumulative_p10")
    cumulatiefP50Eur = serializers.IntegerField(source="cumulative_p50")
    cumulatiefP90Eur = serializers.IntegerField(source="cumulative_p90")

    class Meta:
        ref_name = "BusinesscaseKasstroom"


class MunicipalityResultSerializer(serializers.Serializer):
    code = serializers.CharField(allow_null=True, help_text="null for the total.")
    naam = serializers.CharField(source="name")
    ncwWaarschijnlijk = serializers.IntegerField(
        source="npv_likely", help_text="NPV with every input at its likely value."
    )
    ncwP10 = serializers.IntegerField(source="npv_p10")
    ncwP50 = serializers.IntegerField(source="npv_p50")
    ncwP90 = serializers.IntegerField(source="npv_p90")
    kansNcwNegatief = serializers.FloatField(source="p_negative")
    terugverdiendJaar = serializers.IntegerField(
        source="payback", allow_null=True, help_text="null: not within the horizon."
    )
    terugverdiendP10 = serializers.IntegerField(source="payback_p10", allow_null=True)
    terugverdiendP50 = serializers.IntegerField(source="payback_p50", allow_null=True)
    terugverdiendP90 = serializers.IntegerField(source="payback_p90", allow_null=True)
    verdisconteerdTerugverdiendJaar = serializers.IntegerField(source="discounted_payback", allow_null=True)
    aandeelVerborgenKostenEur = serializers.IntegerField(source="hidden_cost_share")
    kasstromen = CashFlowSerializer(source="cash_flows", many=True)

    class Meta:
        ref_name = "BusinesscaseGemeenteUitkomst"


class TornadoSerializer(serializers.Serializer):
    sleutel = serializers.CharField(source="key")
    label = serializers.CharField()
    laag = serializers.FloatField(source="low")
    hoog = serializers.FloatField(source="high")
    ncwBijLaag = serializers.IntegerField(source="npv_low")
    ncwBijHoog = serializers.IntegerField(source="npv_high")

    class Meta:
        ref_name = "BusinesscaseTornado"


class CalculationSerializer(serializers.Serializer):
    # presents `presenters.result_data(result, url)`; no docstring: it would enter openapi.yaml
    businesscase = serializers.URLField()
    trekkingen = serializers.IntegerField(source="draws")
    seed = serializers.IntegerField()
    kansverdeling = serializers.CharField(source="distribution")
    discontovoet = serializers.FloatField(source="discount_rate")
    horizonJaren = serializers.IntegerField(source="horizon")
    gemeenten = MunicipalityResultSerializer(source="municipalities", many=True)
    totaal = MunicipalityResultSerializer(source="total")
    tornado = TornadoSerializer(many=True)
    waarschuwingen = serializers.ListField(source="warnings", child=serializers.CharField())
    onbevestigdeKosten = serializers.ListField(source="unconfirmed_costs", child=serializers.CharField())

    class Meta:
        ref_name = "BusinesscaseBerekening"


class ResultSerializer(CalculationSerializer):
    """The same without the link to a stored case: `goedebuur businesscase --json` (a TOML file)."""

    businesscase = None

    class Meta:
        ref_name = "BusinesscaseUitkomst"  # not in the API
