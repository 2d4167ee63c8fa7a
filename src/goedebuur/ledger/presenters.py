# SPDX-License-Identifier: EUPL-1.2
"""A ledger and the platform-wide view as plain data (Dutch keys), for the API and its serializers."""

from . import phrases, services


def _band(band):
    return None if band is None else {"p10": band.p10, "p50": band.p50, "p90": band.p90}


def _years(comparison):
    return [
        {
            "jaar": v.year,
            "besparing": v.realised.savings,
            "eenmaligeKosten": v.realised.one_off_costs,
            "jaarlijkseKosten": v.realised.yearly_costs,
            "netto": v.realised.net,
            "cumulatiefNetto": v.cumulative_net,
            "positie": v.code,
            "positieCumulatief": v.cumulative_code,
            "prognoseJaar": _band(v.forecast.net) if v.forecast else None,
            "prognoseCumulatief": _band(v.forecast.cumulative) if v.forecast else None,
        }
        for v in comparison.years
    ]


def _verdict(comparison):
    return {"code": comparison.code, "jaar": comparison.year, "tekst": phrases.verdict(comparison)}


def ledger_data(ledger) -> dict:
    result = services.comparison(ledger)
    forecast = ledger.forecast or {}
    return {
        "samenwerking": ledger.cooperation.slug,
        "samenwerkingNaam": ledger.cooperation.name,
        "visibility": ledger.visibility,
        "start_year": ledger.start_year,
        "business_case": ledger.business_case_id,
        "baselines": [
            {"gemeenteCode": code, "eur": row.get("eur"), "bron": row.get("source", "")}
            for code, row in sorted(ledger.baselines.items())
        ],
        "revisie": ledger.revision,
        "demogegevens": ledger.is_demo,
        "prognose": {
            "businesscase": forecast.get("case"),
            "naam": forecast.get("case_name", ""),
            "overgenomenOp": forecast.get("taken_on"),
            "trekkingen": forecast.get("draws"),
            "startgetal": forecast.get("seed"),
        }
        if forecast
        else None,
        "oordeel": _verdict(result.total),
        "onvolledigeJaren": list(result.incomplete_years),
        "jaren": _years(result.total),
        "gemeenten": [
            {
                "gemeenteCode": code,
                "gemeenteNaam": result.names[code],
                "basislijnEur": (ledger.baselines.get(code) or {}).get("eur"),
                "basislijnBron": (ledger.baselines.get(code) or {}).get("source", ""),
                "oordeel": _verdict(c),
                "jaren": _years(c),
            }
            for code, c in result.municipalities.items()
        ],
        "cijfers": [
            {
                "gemeenteCode": e.municipality.code,
                "jaar": e.year,
                "besparing": e.savings,
                "eenmaligeKosten": e.one_off_costs,
                "jaarlijkseKosten": e.yearly_costs,
                "soortBron": e.source_kind,
                "bron": e.source_title,
                "bronLink": e.source_url,
                "toelichting": e.note,
            }
            for e in services.entries(ledger)
        ],
    }


def _group(g):
    return {
        "sleutel": g.key,
        "naam": g.name,
        "samenwerkingen": g.cooperations,
        "vergeleken": g.compared,
        "onderP10": g.below,
        "binnenBand": g.within,
        "bovenP90": g.above,
        "nettoGerealiseerd": g.realised_net,
        "nettoVerwachtP50": g.forecast_net_p50,
    }


def uplift_data(uplift) -> dict:
    return {
        "besparingCorrectie": uplift.savings_uplift,
        "kostenCorrectie": uplift.cost_uplift,
        "mediaanBesparingRatio": uplift.savings_ratio,
        "mediaanKostenRatio": uplift.cost_ratio,
        "aantalBesparing": uplift.savings_cases,
        "aantalKosten": uplift.cost_cases,
        "gemist": uplift.misses,
        "minimum": uplift.minimum,
        "bruikbaar": uplift.usable,
        "tekst": phrases.uplift_sentence(uplift),
    }


def overview_data(overview, url) -> dict:
    """`url(slug)`: the page of a cooperation's results."""
    return {
        "totaal": _group(overview.total),
        "perDomein": [_group(g) for g in overview.by_domain],
        "perVorm": [_group(g) for g in overview.by_form],
        "opslag": uplift_data(overview.uplift),
        "samenwerkingen": [
            {
                "samenwerking": r.slug,
                "naam": r.name,
                "vorm": r.form,
                "domeinen": list(r.domains),
                "zichtbaarheid": r.visibility,
                "oordeel": r.comparison.code,
                "oordeelJaar": r.comparison.year,
                "vergelekenJaren": r.comparison.compared,
                "nettoGerealiseerd": r.realised_net,
                "nettoVerwachtP50": r.forecast_net_p50,
                "demogegevens": r.is_demo,
                "url": url(r.slug),
            }
            for r in overview.rows
        ],
    }
