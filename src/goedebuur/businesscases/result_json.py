# SPDX-License-Identifier: EUPL-1.2
"""The computed result as JSON with the API's Dutch lowerCamelCase names (API and command line)."""

from goedebuur.core.businesscase.montecarlo import TOTAL


def _municipality(result, outcome) -> dict:
    code = outcome.code
    det = result.deterministic
    low, mid, high = result.simulation.band[code]
    return {
        "code": None if code == TOTAL else code,
        "naam": outcome.name,
        "ncwWaarschijnlijk": det.npv[code],
        "ncwP10": outcome.npv[0],
        "ncwP50": outcome.npv[1],
        "ncwP90": outcome.npv[2],
        "kansNcwNegatief": round(outcome.p_negative, 4),
        "terugverdiendJaar": det.payback[code],
        "terugverdiendP10": outcome.payback[0],
        "terugverdiendP50": outcome.payback[1],
        "terugverdiendP90": outcome.payback[2],
        "verdisconteerdTerugverdiendJaar": det.discounted_payback[code],
        "aandeelVerborgenKostenEur": det.allocation.get(code, sum(det.joint_costs)),
        "kasstromen": [
            {
                "jaar": row.year,
                "kalenderjaar": row.calendar_year,
                "besparingenEur": row.savings,
                "verborgenKostenEur": row.cost_share,
                "dubbeleContractenEur": row.double_contracts,
                "nettoEur": row.net,
                "cumulatiefEur": row.cumulative,
                "cumulatiefP10Eur": low[row.year - 1],
                "cumulatiefP50Eur": mid[row.year - 1],
                "cumulatiefP90Eur": high[row.year - 1],
            }
            for row in det.schedule[code]
        ],
    }


def result_dict(result, high_risk: float) -> dict:
    outcomes = result.simulation.outcomes
    return {
        "trekkingen": result.simulation.draws,
        "seed": result.simulation.seed,
        "kansverdeling": result.simulation.distribution,
        "discontovoet": result.case.discount_rate,
        "horizonJaren": result.case.horizon,
        "gemeenten": [_municipality(result, o) for o in outcomes if o.code != TOTAL],
        "totaal": _municipality(result, result.simulation.outcome(TOTAL)),
        "tornado": [
            {
                "sleutel": bar.key,
                "label": bar.label,
                "laag": bar.low,
                "hoog": bar.high,
                "ncwBijLaag": bar.npv_low,
                "ncwBijHoog": bar.npv_high,
            }
            for bar in result.tornado
        ],
        "waarschuwingen": [
            f"{o.name} heeft {round(o.p_negative * 100)} % kans op een negatieve netto contante waarde."
            for o in outcomes
            if o.p_negative >= high_risk
        ],
        "onbevestigdeKosten": [c.label for c in result.case.hidden_costs if not c.confirmed],
    }
