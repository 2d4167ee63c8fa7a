# SPDX-License-Identifier: EUPL-1.2
"""What the result page, the report, the PDF and the XLSX export all show, built once: the inputs
with their source and author, and the result per municipality."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from goedebuur.common import euros, number
from goedebuur.core.businesscase import model as core
from goedebuur.core.businesscase.finance import DEFAULT_DISCOUNT_RATE, DISCOUNT_RATE_SOURCE
from goedebuur.core.businesscase.montecarlo import TOTAL

from . import services
from .models import BusinessCase


@dataclass(frozen=True)
class InputRow:
    group: str
    label: str
    value: str
    source: str
    author: str


def pct(value: float) -> str:
    """A percentage with the decimals it has, in the active language: 2,5 %."""
    decimals = len(f"{value:g}".partition(".")[2])
    return f"{number(value, decimals)} %"


def years(value) -> str:
    return _("niet binnen de horizon") if value is None else str(value)


def authors_of(case: BusinessCase) -> dict[str, str]:
    """Who last set each input of a stored case, by the keys `input_rows` uses."""
    authors = {f"basislijn:{code}": row.get("author", "") for code, row in case.baselines.items()}
    authors.update({f"besparing:{row['domain']}": row.get("author", "") for row in case.savings})
    authors.update({f"kosten:{row['key']}": row.get("author", "") for row in case.hidden_costs})
    return authors


def input_rows(
    pure: core.Case, authors: dict[str, str] | None = None, draws: int = 0, seed: int = 0
) -> list[InputRow]:
    """Every input of the case with its value, source and author (who last set it)."""
    authors = authors or {}
    rows = []
    for partner in pure.partners:
        rows.append(
            InputRow(
                _("Basislijn"),
                partner.name,
                _("%(eur)s per jaar; %(inh)s inwoners")
                % {
                    "eur": euros(partner.baseline_eur),
                    "inh": partner.inhabitants if partner.inhabitants is not None else "?",
                },
                partner.baseline_source,
                authors.get(f"basislijn:{partner.code}", ""),
            )
        )
    for saving in pure.savings:
        rows.append(
            InputRow(
                _("Besparing"),
                saving.label,
                _(
                    "%(low)s / %(likely)s / %(high)s van %(share)s van de ICT-kosten, vanaf jaar %(start)s, ingroei %(ramp)s jaar"
                )
                % {
                    "low": pct(saving.percent.low),
                    "likely": pct(saving.percent.likely),
                    "high": pct(saving.percent.high),
                    "share": pct(saving.domain_share_pct),
                    "start": saving.start_year,
                    "ramp": saving.ramp_years,
                },
                saving.source,
                authors.get(f"besparing:{saving.domain}", ""),
            )
        )
    for cost in pure.hidden_costs:
        when = _("jaarlijks vanaf jaar %(y)s") if cost.kind == "jaarlijks" else _("eenmalig in jaar %(y)s")
        status = _("bevestigd") if cost.confirmed else _("NIET BEVESTIGD")
        amount = cost.amount
        rows.append(
            InputRow(
                _("Verborgen kosten"),
                cost.label,
                f"{euros(amount.low)} / {euros(amount.likely)} / {euros(amount.high)}, "
                f"{when % {'y': cost.year or pure.horizon}} ({status})",
                cost.source,
                authors.get(f"kosten:{cost.key}", ""),
            )
        )
    for contract in pure.double_contracts:
        rows.append(
            InputRow(
                _("Dubbele contracten"),
                f"{contract.label} ({contract.municipality})",
                _("%(eur)s per jaar tot %(end)s")
                % {"eur": euros(contract.yearly_cost_eur), "end": contract.end_date},
                _("applicatielandschap (contracteinddatum)"),
                "Goede Buur",
            )
        )
    rate = pure.discount_rate
    settings = _("Rekeninstellingen")
    rows.append(
        InputRow(
            settings,
            _("Discontovoet"),
            pct(round(rate * 100, 4)),
            DISCOUNT_RATE_SOURCE if rate == DEFAULT_DISCOUNT_RATE else _("eigen keuze"),
            "",
        )
    )
    rows.append(
        InputRow(
            settings,
            _("Verdeelsleutel"),
            str(dict(BusinessCase.AllocationKey.choices).get(pure.allocation_key, "")),
            "",
            "",
        )
    )
    rows.append(
        InputRow(
            settings,
            _("Simulatie"),
            _("%(draws)s trekkingen, %(dist)s, startgetal %(seed)s, basislijn ± %(unc)s")
            % {
                "draws": number(draws),
                "dist": str(dict(BusinessCase.Distribution.choices).get(pure.distribution, "")),
                "seed": seed,
                "unc": pct(pure.baseline_uncertainty_pct),
            },
            "",
            "",
        )
    )
    return rows


def outcome_rows(result) -> list[dict]:
    rows = []
    for outcome in result.simulation.outcomes:
        rows.append(
            {
                "code": outcome.code,
                "name": outcome.name,
                "is_total": outcome.code == TOTAL,
                "npv_likely": result.deterministic.npv[outcome.code],
                "p10": outcome.npv[0],
                "p50": outcome.npv[1],
                "p90": outcome.npv[2],
                "p_negative": round(outcome.p_negative * 100),
                "payback": years(result.deterministic.payback[outcome.code]),
                "payback_p50": years(outcome.payback[1]),
                "discounted_payback": years(result.deterministic.discounted_payback[outcome.code]),
                "allocation": result.deterministic.allocation.get(
                    outcome.code, sum(result.deterministic.joint_costs)
                ),
                "warning": outcome.p_negative >= services.HIGH_RISK,
            }
        )
    return rows


def summary(pure: core.Case, result) -> str:
    total = result.simulation.outcome(TOTAL)
    return _(
        "Over %(horizon)s jaar is de netto contante waarde voor alle gemeenten samen naar verwachting "
        "%(p50)s (P50), met 80 %% kans tussen %(p10)s en %(p90)s. De kans op een negatieve uitkomst is "
        "%(neg)s %%. De verborgen kosten van de samenwerking zijn samen %(hidden)s."
    ) % {
        "horizon": pure.horizon,
        "p50": euros(total.npv[1]),
        "p10": euros(total.npv[0]),
        "p90": euros(total.npv[2]),
        "neg": round(total.p_negative * 100),
        "hidden": euros(sum(result.deterministic.joint_costs)),
    }


def evidence_note() -> str:
    """What research says about the savings of cooperation: shown with every result."""
    return (
        _(
            "Wat het onderzoek zegt: over 2005-2013 leidde intergemeentelijke samenwerking gemiddeld niet tot "
            "lagere totale uitgaven; alleen belastingheffing was ongeveer 15 %% goedkoper (COELO, Allers & De "
            "Greef, 2017). Servicepunt71 bespaarde in de eerste drie jaar € 3 miljoen, daarna daalde de "
            "kwaliteit en stegen de kosten. Alleen al het businessplan voor negen gemeenten in de regio "
            "Nijmegen kostte € 190.000. Reken daarom met bandbreedtes en neem de verborgen kosten serieus."
        )
        % {}
    )


def report_data(pure: core.Case, result, *, owner: str = "", authors=None, is_demo=False, notes=()) -> dict:
    """Everything the report shows, for the HTML page, the PDF and the command line alike."""
    return {
        "title": pure.name,
        "scenario": pure.scenario,
        "owner_name": owner,
        "is_demo": is_demo,
        "draws": result.simulation.draws,
        "seed": result.simulation.seed,
        "partners_text": ", ".join(f"{p.name} ({p.code})" for p in pure.partners),
        "inputs": input_rows(pure, authors, result.simulation.draws, result.simulation.seed),
        "outcomes": outcome_rows(result),
        "summary": summary(pure, result),
        "evidence": evidence_note(),
        "unconfirmed": [cost.label for cost in pure.hidden_costs if not cost.confirmed],
        "schedule": result.deterministic.schedule[TOTAL],
        "tornado": result.tornado,
        "risks": [bar.label for bar in result.tornado[:5]],
        "notes": list(notes),
    }


def _outcome_data(result, code: str) -> dict:
    det = result.deterministic
    outcome = result.simulation.outcome(code)
    low, mid, high = result.simulation.band[code]
    return {
        "code": None if code == TOTAL else code,
        "name": outcome.name,
        "npv_likely": det.npv[code],
        "npv_p10": outcome.npv[0],
        "npv_p50": outcome.npv[1],
        "npv_p90": outcome.npv[2],
        "p_negative": round(outcome.p_negative, 4),
        "payback": det.payback[code],
        "payback_p10": outcome.payback[0],
        "payback_p50": outcome.payback[1],
        "payback_p90": outcome.payback[2],
        "discounted_payback": det.discounted_payback[code],
        "hidden_cost_share": det.allocation.get(code, sum(det.joint_costs)),
        "cash_flows": [
            {
                "row": row,
                "cumulative_p10": low[row.year - 1],
                "cumulative_p50": mid[row.year - 1],
                "cumulative_p90": high[row.year - 1],
            }
            for row in det.schedule[code]
        ],
    }


def result_data(result, businesscase_url: str | None = None) -> dict:
    """The computed result as the objects its serializer (`api.serializers.CalculationSerializer`,
    which holds the API's field names) presents: the API's calculation and `businesscase --json`."""
    outcomes = result.simulation.outcomes
    return {
        "businesscase": businesscase_url,
        "draws": result.simulation.draws,
        "seed": result.simulation.seed,
        "distribution": result.simulation.distribution,
        "discount_rate": result.case.discount_rate,
        "horizon": result.case.horizon,
        "municipalities": [_outcome_data(result, o.code) for o in outcomes if o.code != TOTAL],
        "total": _outcome_data(result, TOTAL),
        "tornado": result.tornado,
        "warnings": [
            f"{o.name} heeft {round(o.p_negative * 100)} % kans op een negatieve netto contante waarde."
            for o in result.warnings
        ],
        "unconfirmed_costs": [c.label for c in result.case.hidden_costs if not c.confirmed],
    }
