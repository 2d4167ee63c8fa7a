# SPDX-License-Identifier: EUPL-1.2
"""What the result page, the report, the PDF and the XLSX export all show, built once: the inputs
with their source and author, and the result per municipality."""

from dataclasses import dataclass
from datetime import date as Date

from django.utils import timezone
from django.utils.translation import gettext as _

from goedebuur.common import date, euros, number, percent
from goedebuur.core.businesscase import model as core
from goedebuur.core.businesscase.finance import DEFAULT_DISCOUNT_RATE, DISCOUNT_RATE_SOURCE
from goedebuur.core.businesscase.montecarlo import TOTAL

from . import charts, services
from .models import BusinessCase


@dataclass(frozen=True)
class InputRow:
    group: str
    label: str
    value: str
    source: str
    author: str


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
                    "inh": number(partner.inhabitants) if partner.inhabitants is not None else "?",
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
                    "low": percent(saving.percent.low),
                    "likely": percent(saving.percent.likely),
                    "high": percent(saving.percent.high),
                    "share": percent(saving.domain_share_pct),
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
            percent(round(rate * 100, 4)),
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
                "unc": percent(pure.baseline_uncertainty_pct),
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


def glossary() -> list[tuple[str, str]]:
    """The words of the report a college or council member may not know, each in one sentence:
    shown as "Wat betekent dit?" on the result page, the report and the PDF. (Every explanation
    is a format string, so a percent sign is written %%.)"""
    return [(term, explanation % {}) for term, explanation in _GLOSSARY()]


def _GLOSSARY() -> list[tuple[str, str]]:  # noqa: N802
    return [
        (
            _("NCW (netto contante waarde)"),
            _(
                "Alle besparingen min alle kosten over de hele periode, omgerekend naar geld van nu: een euro "
                "over tien jaar telt minder dan een euro vandaag. Positief betekent: de samenwerking levert "
                "meer op dan ze kost."
            ),
        ),
        (
            _("P10, P50 en P90"),
            _(
                "De berekening is duizenden keren herhaald met steeds andere waarden binnen de bandbreedtes. "
                "P50 is de middelste uitkomst; in 10 %% van de herhalingen is de uitkomst lager dan P10 en in "
                "10 %% hoger dan P90. Tussen P10 en P90 ligt dus 80 %% van de uitkomsten."
            ),
        ),
        (
            _("Kans op verlies (kans NCW < 0)"),
            _("Het deel van de herhalingen waarin de samenwerking meer kost dan ze oplevert."),
        ),
        (
            _("Terugverdiend in jaar"),
            _("Het jaar vanaf wanneer de opgetelde besparingen de opgetelde kosten blijvend overtreffen."),
        ),
        (
            _("Discontovoet"),
            _(
                "Het percentage waarmee toekomstige bedragen minder zwaar meetellen. Standaard 2,25 %%, de "
                "waarde die de Werkgroep discontovoet (2020) adviseert voor kosten-batenanalyses van de overheid."
            ),
        ),
        (
            _("Verborgen kosten"),
            _(
                "De kosten van het samenwerken zelf: voorbereiding, projectleiding, overstap, extra overleg "
                "en een reservering voor als de samenwerking stopt."
            ),
        ),
        (
            _("Verdeelsleutel"),
            _(
                "De afspraak hoe de gezamenlijke kosten over de gemeenten worden verdeeld, bijvoorbeeld naar inwoners."
            ),
        ),
        (
            _("Bandbreedte (laag, waarschijnlijk, hoog)"),
            _(
                "Voor elke onzekere invoer een laagste, meest waarschijnlijke en hoogste waarde in plaats van "
                "één getal."
            ),
        ),
        (
            _("PERT- en driehoeksverdeling"),
            _(
                "Twee manieren om waarden tussen laag en hoog te kiezen; bij PERT komen waarden dicht bij de "
                "waarschijnlijke waarde vaker voor."
            ),
        ),
        (
            _("Trekkingen en startgetal (seed)"),
            _(
                "Het aantal herhalingen van de berekening, en het getal waarmee het toeval begint: met "
                "hetzelfde startgetal geeft dezelfde invoer precies hetzelfde rapport."
            ),
        ),
        (
            _("Tornado (gevoeligheid)"),
            _(
                "Een grafiek die per invoer laat zien hoeveel de uitkomst verschuift als die invoer op zijn "
                "laagste of hoogste waarde staat; de langste balk is de grootste onzekerheid."
            ),
        ),
    ]


def _advice(total, unconfirmed, at_risk) -> tuple[str, str]:
    """(code, sentence): the advice that follows from the total outcome."""
    if unconfirmed:
        return "concept", _(
            "Nog geen advies: %(count)s verborgen kostenposten zijn nog niet bevestigd. Bevestig of pas ze aan; "
            "pas daarna is de uitkomst bruikbaar voor een besluit."
        ) % {"count": len(unconfirmed)}
    if total.npv[1] > 0 and total.p_negative < 0.25 and not at_risk:
        return "positief", _(
            "Positief: naar verwachting levert de samenwerking meer op dan ze kost, ook als het wat "
            "tegenzit. Ga door naar de volgende stap, onder de voorwaarden hieronder."
        )
    if total.npv[1] <= 0 and total.p_negative >= 0.75:
        return "negatief", _(
            "Negatief: de samenwerking kost naar verwachting meer dan ze oplevert. Ga niet door in deze vorm; "
            "kijk of een kleinere of andere samenwerking wel loont, of kies haar om een andere reden dan geld."
        )
    return "onzeker", _(
        "Onzeker: de uitkomst kan beide kanten op vallen. Zoek eerst de grootste onzekerheden hieronder uit "
        "(met offertes of cijfers van de partners) voordat u besluit."
    )


def college_summary(pure: core.Case, result, *, domains=(), today: Date | None = None) -> dict:
    """The one-page summary for college and council, in plain language: the question, the advice,
    what it costs and saves per municipality, the range and what drives it, the hidden costs and
    the conditions."""
    det = result.deterministic
    total = result.simulation.outcome(TOTAL)
    unconfirmed = [cost.label for cost in pure.hidden_costs if not cost.confirmed]
    at_risk = [
        o for o in result.simulation.outcomes if o.code != TOTAL and o.p_negative >= services.HIGH_RISK
    ]
    names = [p.name for p in pure.partners]
    partners_text = _("%(first)s en %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}
    domain_names = [str(d) for d in domains] or [s.label for s in pure.savings]
    scope = ", ".join(domain_names) if domain_names else _("hun ICT (geen domein gekozen)")
    first, last = pure.start_year, pure.start_year + pure.horizon - 1
    advice_code, advice = _advice(total, unconfirmed, at_risk)
    per_municipality = []
    for outcome in result.simulation.outcomes:
        rows = det.schedule[outcome.code]
        per_municipality.append(
            {
                "name": outcome.name,
                "is_total": outcome.code == TOTAL,
                "saves": sum(r.savings for r in rows),
                "costs": sum(r.cost_share + r.double_contracts for r in rows),
                "npv_p50": outcome.npv[1],
                "p_negative": round(outcome.p_negative * 100),
            }
        )
    drivers = [bar.label for bar in result.tornado[:3]]
    hidden_total = sum(det.joint_costs)
    biggest = sorted(pure.hidden_costs, key=lambda c: -c.amount.likely)[:3]
    assumed = sum(1 for c in pure.hidden_costs if c.source.startswith("Aanname"))
    conditions = []
    for saving in pure.savings:
        conditions.append(
            _("De besparing op %(domain)s wordt gehaald: %(pct)s van die kosten, vanaf %(year)s.")
            % {
                "domain": saving.label,
                "pct": percent(saving.percent.likely),
                "year": pure.start_year + saving.start_year - 1,
            }
        )
    conditions.append(
        _("De verborgen kosten blijven binnen de hoge schatting van %(high)s (eenmalig en jaarlijks samen).")
        % {"high": euros(_hidden_high(pure))}
    )
    conditions.append(
        _("Alle gemeenten doen mee tot %(last)s; wie eerder stopt, draagt de exitkosten.") % {"last": last}
    )
    if pure.double_contracts:
        conditions.append(
            _(
                "Lopende contracten worden niet verlengd en stoppen op hun einddatum (%(count)s dubbele contracten)."
            )
            % {"count": len(pure.double_contracts)}
        )
    if unconfirmed:
        conditions.append(_("Eerst bevestigen: %(items)s.") % {"items": "; ".join(unconfirmed)})
    return {
        "heading": _("Samenvatting voor college en raad"),
        "date": date(today or timezone.localdate()),
        "question": _(
            "Levert samenwerking van %(partners)s op %(scope)s in %(first)s tot en met %(last)s meer op dan "
            "ze kost, en voor elke gemeente?"
        )
        % {"partners": partners_text, "scope": scope, "first": first, "last": last},
        "advice_code": advice_code,
        "advice": advice,
        "at_risk": [
            _("%(name)s (%(p)s %%)") % {"name": o.name, "p": round(o.p_negative * 100)} for o in at_risk
        ],
        "per_municipality": per_municipality,
        "range": _(
            "Voor alle gemeenten samen is de netto contante waarde naar verwachting %(p50)s. Met 80 %% kans "
            "ligt ze tussen %(p10)s en %(p90)s; de kans op verlies is %(neg)s %%."
        )
        % {
            "p50": euros(total.npv[1]),
            "p10": euros(total.npv[0]),
            "p90": euros(total.npv[2]),
            "neg": round(total.p_negative * 100),
        },
        "drivers": drivers,
        "hidden": _(
            "De kosten van het samenwerken zelf zijn samen %(total)s over %(years)s jaar. De grootste posten: "
            "%(items)s. %(assumed)s van de %(count)s posten zijn aannames zonder gepubliceerde bron; "
            "controleer ze met offertes of eigen cijfers."
        )
        % {
            "total": euros(hidden_total),
            "years": pure.horizon,
            "items": "; ".join(f"{c.label} ({euros(c.amount.likely)})" for c in biggest),
            "assumed": assumed,
            "count": len(pure.hidden_costs),
        },
        "conditions": conditions,
    }


def _hidden_high(pure: core.Case) -> int:
    total = 0
    for cost in pure.hidden_costs:
        year = cost.year or pure.horizon
        times = pure.horizon - year + 1 if cost.kind == "jaarlijks" else 1
        total += cost.amount.high * times
    return int(total)


def report_data(
    pure: core.Case,
    result,
    *,
    owner: str = "",
    authors=None,
    is_demo=False,
    notes=(),
    domains=(),
    today: Date | None = None,
) -> dict:
    """Everything the report shows, for the HTML page, the PDF and the command line alike."""
    return {
        "college": college_summary(pure, result, domains=domains, today=today),
        "figures": charts.charts(result),
        "tornado_base": result.tornado_base,
        "glossary": glossary(),
        "warnings": [o for o in outcome_rows(result) if o["warning"]],
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
