# SPDX-License-Identifier: EUPL-1.2
"""Serializers of /api/v1/businesscases: the case with its inputs (each with source and author) and
the computed result. Names are Dutch lowerCamelCase; `internal_changes` maps them to the names of
`goedebuur.businesscases.changes`."""

from django.urls import reverse
from rest_framework import serializers

from goedebuur.api import revision_field
from goedebuur.core.businesscase.finance import ALLOCATION_KEYS
from goedebuur.core.businesscase.model import DISTRIBUTIONS, MAX_HORIZON

from ..models import BusinessCase


class BaselineSerializer(serializers.Serializer):
    eur = serializers.IntegerField(required=False, help_text="Yearly ICT cost before the cooperation, euros.")
    bron = serializers.CharField(required=False, allow_blank=True, max_length=500)
    inwoners = serializers.IntegerField(required=False, allow_null=True)
    ictUitgavenEur = serializers.IntegerField(
        required=False, allow_null=True, help_text="Prior ICT spend (for that allocation key)."
    )
    werkplekken = serializers.IntegerField(required=False, allow_null=True)
    auteur = serializers.CharField(read_only=True, help_text="Who last set this input.")

    class Meta:
        ref_name = "BusinesscaseBasislijn"


class SavingSerializer(serializers.Serializer):
    domein = serializers.CharField(help_text="Slug of the ICT domain (one of the case's `domeinen`).")
    label = serializers.CharField(read_only=True)
    aandeelPct = serializers.FloatField(required=False, help_text="The domain's share of the ICT cost, %.")
    laag = serializers.FloatField(required=False, help_text="Lowest saving, % of the domain's cost.")
    waarschijnlijk = serializers.FloatField(required=False)
    hoog = serializers.FloatField(required=False)
    vanafJaar = serializers.IntegerField(required=False, help_text="First year (1-based) with savings.")
    ingroeiJaren = serializers.IntegerField(required=False, help_text="Years to reach the full saving.")
    bron = serializers.CharField(required=False, allow_blank=True, max_length=500)
    auteur = serializers.CharField(read_only=True)

    class Meta:
        ref_name = "BusinesscaseBesparing"


class HiddenCostSerializer(serializers.Serializer):
    sleutel = serializers.CharField(
        help_text="voorbereiding, projectorganisatie, migratie, harmonisatie, netwerk, personeel, governance, exit."
    )
    label = serializers.CharField(read_only=True)
    soort = serializers.CharField(read_only=True, help_text="`eenmalig` or `jaarlijks`.")
    laag = serializers.IntegerField(required=False, help_text="Euros, all partners together.")
    waarschijnlijk = serializers.IntegerField(required=False)
    hoog = serializers.IntegerField(required=False)
    jaar = serializers.IntegerField(
        required=False, help_text="Year (1-based; 0 = the last year of the horizon)."
    )
    bron = serializers.CharField(required=False, allow_blank=True, max_length=500)
    bevestigd = serializers.BooleanField(
        required=False, help_text="Confirmed (or explicitly zeroed) by a user."
    )
    auteur = serializers.CharField(read_only=True)

    class Meta:
        ref_name = "BusinesscaseVerborgenKosten"


class DoubleContractSerializer(serializers.Serializer):
    gemeente = serializers.CharField()
    label = serializers.CharField()
    kostenPerJaarEur = serializers.IntegerField()
    einddatum = serializers.DateField()
    bedragenPerJaarEur = serializers.ListField(child=serializers.IntegerField())

    class Meta:
        ref_name = "BusinesscaseDubbelContract"


class BusinessCaseSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    webpagina = serializers.URLField(read_only=True)
    naam = serializers.CharField(max_length=200)
    scenario = serializers.CharField(required=False, allow_blank=True, max_length=60)
    eigenaar = serializers.CharField(read_only=True, help_text="CBS code of the owner municipality.")
    gemeenten = serializers.ListField(child=serializers.CharField(), help_text="CBS codes, at least two.")
    domeinen = serializers.ListField(child=serializers.CharField(), required=False)
    horizonJaren = serializers.IntegerField(required=False, min_value=1, max_value=MAX_HORIZON)
    eersteJaar = serializers.IntegerField(required=False, min_value=2000, max_value=2100)
    overstapJaar = serializers.IntegerField(required=False, min_value=1, max_value=MAX_HORIZON)
    discontovoet = serializers.DecimalField(
        required=False, max_digits=6, decimal_places=4, help_text="0.0225 = 2.25 % (the default)."
    )
    kansverdeling = serializers.ChoiceField(choices=list(DISTRIBUTIONS), required=False)
    onzekerheidBasislijnPct = serializers.DecimalField(required=False, max_digits=5, decimal_places=2)
    trekkingen = serializers.IntegerField(required=False, min_value=1, max_value=100_000)
    seed = serializers.IntegerField(required=False, min_value=0, max_value=2_147_483_647)
    verdeelsleutel = serializers.ChoiceField(choices=list(ALLOCATION_KEYS), required=False)
    eigenVerdeling = serializers.DictField(child=serializers.FloatField(), required=False)
    basislijn = serializers.DictField(child=BaselineSerializer(), required=False, help_text="By CBS code.")
    besparingen = serializers.ListField(child=SavingSerializer(), required=False)
    verborgenKosten = serializers.ListField(child=HiddenCostSerializer(), required=False)
    dubbeleContracten = DoubleContractSerializer(many=True, read_only=True)
    status = serializers.CharField(
        read_only=True, help_text="`concept` until every hidden cost is confirmed."
    )
    demo = serializers.BooleanField(read_only=True)
    gewijzigdOp = serializers.DateTimeField(read_only=True)
    revisie = revision_field()

    class Meta:
        ref_name = "Businesscase"

    def to_representation(self, case: BusinessCase):
        request = self.context.get("request")
        page = reverse("businesscases:detail", args=[case.pk])
        return {
            "id": case.pk,
            "webpagina": request.build_absolute_uri(page) if request else page,
            "naam": case.name,
            "scenario": case.scenario,
            "eigenaar": case.owner.code,
            "gemeenten": sorted(case.baselines),
            "domeinen": [row["domain"] for row in case.savings],
            "horizonJaren": case.horizon,
            "eersteJaar": case.start_year,
            "overstapJaar": case.go_live_year,
            "discontovoet": str(case.discount_rate),
            "kansverdeling": case.distribution,
            "onzekerheidBasislijnPct": str(case.baseline_uncertainty_pct),
            "trekkingen": case.draws,
            "seed": case.seed,
            "verdeelsleutel": case.allocation_key,
            "eigenVerdeling": case.custom_weights,
            "basislijn": {
                code: {
                    "eur": row.get("eur"),
                    "bron": row.get("source", ""),
                    "inwoners": row.get("inhabitants"),
                    "ictUitgavenEur": row.get("ict_spend_eur"),
                    "werkplekken": row.get("workplaces"),
                    "auteur": row.get("author", ""),
                }
                for code, row in sorted(case.baselines.items())
            },
            "besparingen": [
                {
                    "domein": row["domain"],
                    "label": row["label"],
                    "aandeelPct": row["domain_share_pct"],
                    "laag": row["low"],
                    "waarschijnlijk": row["likely"],
                    "hoog": row["high"],
                    "vanafJaar": row["start_year"],
                    "ingroeiJaren": row["ramp_years"],
                    "bron": row.get("source", ""),
                    "auteur": row.get("author", ""),
                }
                for row in case.savings
            ],
            "verborgenKosten": [
                {
                    "sleutel": row["key"],
                    "label": row["label"],
                    "soort": row["kind"],
                    "laag": int(row["low"]),
                    "waarschijnlijk": int(row["likely"]),
                    "hoog": int(row["high"]),
                    "jaar": row["year"],
                    "bron": row.get("source", ""),
                    "bevestigd": bool(row.get("confirmed")),
                    "auteur": row.get("author", ""),
                }
                for row in case.hidden_costs
            ],
            "dubbeleContracten": [
                {
                    "gemeente": row["municipality"],
                    "label": row["label"],
                    "kostenPerJaarEur": row["yearly_cost_eur"],
                    "einddatum": row["end_date"],
                    "bedragenPerJaarEur": row["amounts"],
                }
                for row in case.double_contracts
            ],
            "status": case.status,
            "demo": case.is_demo,
            "gewijzigdOp": case.updated_at.isoformat() if case.updated_at else None,
            "revisie": case.revision,
        }


class BusinessCasePageSerializer(serializers.Serializer):
    """A page of the list (the project's `page`/`pageSize` pagination)."""

    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = BusinessCaseSerializer(many=True)

    class Meta:
        ref_name = "BusinesscasePagina"


TOP = {
    "naam": "name",
    "scenario": "scenario",
    "gemeenten": "partners",
    "domeinen": "domains",
    "horizonJaren": "horizon",
    "eersteJaar": "start_year",
    "overstapJaar": "go_live_year",
    "discontovoet": "discount_rate",
    "kansverdeling": "distribution",
    "onzekerheidBasislijnPct": "baseline_uncertainty_pct",
    "trekkingen": "draws",
    "seed": "seed",
    "verdeelsleutel": "allocation_key",
    "eigenVerdeling": "custom_weights",
}
BASELINE = {
    "eur": "eur",
    "bron": "source",
    "inwoners": "inhabitants",
    "ictUitgavenEur": "ict_spend_eur",
    "werkplekken": "workplaces",
}
SAVING = {
    "aandeelPct": "domain_share_pct",
    "laag": "low",
    "waarschijnlijk": "likely",
    "hoog": "high",
    "vanafJaar": "start_year",
    "ingroeiJaren": "ramp_years",
    "bron": "source",
}
COST = {
    "laag": "low",
    "waarschijnlijk": "likely",
    "hoog": "high",
    "jaar": "year",
    "bron": "source",
    "bevestigd": "confirmed",
}


def _rename(values: dict, names: dict) -> dict:
    return {names[key]: value for key, value in values.items() if key in names}


def internal_changes(data: dict) -> dict:
    """Validated API data -> the keyword names of `changes.update_case`."""
    out = _rename(data, TOP)
    if "basislijn" in data:
        out["baselines"] = {code.upper(): _rename(row, BASELINE) for code, row in data["basislijn"].items()}
    if "besparingen" in data:
        out["savings"] = {row["domein"]: _rename(row, SAVING) for row in data["besparingen"]}
    if "verborgenKosten" in data:
        out["hidden_costs"] = {row["sleutel"]: _rename(row, COST) for row in data["verborgenKosten"]}
    return out


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
