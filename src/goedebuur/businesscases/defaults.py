# SPDX-License-Identifier: EUPL-1.2
"""Default inputs of a stored case, each with its source: baselines from the profiles (or the
benchmark), the hidden-cost checklist, savings per domain, and double contracts computed from the
partners' application landscapes."""

from __future__ import annotations

from dataclasses import replace

from django.utils.translation import gettext as _

from goedebuur.common import euros, number, percent
from goedebuur.core.businesscase import model as core
from goedebuur.core.businesscase.defaults import Calculation, checklist_with_calculations, default_saving
from goedebuur.core.businesscase.harmonisation import ContractUse, double_contracts
from goedebuur.municipalities.models import Municipality
from goedebuur.profiles import services as profiles

from .conversion import to_core
from .models import BusinessCase

# --- defaults ----------------------------------------------------------------------------------


def partner_defaults(municipality: Municipality, user) -> dict:
    """The baseline row of a new partner: the ICT spend from its profile when `user` may see that
    municipality's costs, otherwise the benchmark € per inhabitant; with the source of each."""
    profile = profiles.profile_for(municipality)
    inhabitants = profile.inhabitants
    may_see_costs = profiles.can_view_contracts(user, municipality)
    spend = profile.ict_spend_eur if may_see_costs else None
    workplaces = profile.workplaces
    if spend is not None:
        year = f" ({profile.ict_spend_year})" if profile.ict_spend_year else ""
        source = _("ICT-profiel van %(name)s%(year)s") % {"name": municipality.name, "year": year}
        eur = spend
    else:
        eur = core.benchmark_baseline(inhabitants or 0)
        source = _("%(note)s × %(inhabitants)s inwoners") % {
            "note": core.BENCHMARK_NOTE,
            "inhabitants": number(inhabitants or 0),
        }
    return {
        "eur": eur,
        "source": source,
        "author": "Goede Buur",
        "inhabitants": inhabitants,
        "ict_spend_eur": spend,
        "workplaces": workplaces,
    }


def calculation_text(calculation: Calculation) -> str:
    """How a default hidden cost was computed, in words and in the active language's numbers."""
    values = calculation.values
    if calculation.basis == "scope":
        where = (
            _("de hele ICT")
            if calculation.share_pct is None
            else _("de gekozen domeinen (%(share)s van het totaal)")
            % {"share": percent(calculation.share_pct)}
        )
        return _(
            "%(low)s tot %(high)s (waarschijnlijk %(likely)s) van %(amount)s, de ICT-kosten per jaar van %(where)s"
        ) % {
            "low": percent(values.low, sign=False),
            "high": percent(values.high),
            "likely": percent(values.likely),
            "amount": euros(calculation.in_scope_eur),
            "where": where,
        }
    if calculation.basis == "partner":
        return _("%(count)d gemeenten × %(amount)s") % {
            "count": calculation.partners,
            "amount": euros(values.likely),
        }
    if calculation.network_needed:
        return _("%(links)d verbinding(en)") % {"links": calculation.links}
    return _("%(links)d verbinding(en); niet nodig voor deze domeinen") % {"links": calculation.links}


def checklist(partners, horizon: int, scope) -> list[core.HiddenCost]:
    """The default hidden costs (`goedebuur.core.businesscase.defaults`), each source ending with
    how its amount was computed."""
    return [
        replace(
            cost,
            source=f"{cost.source} " + _("Berekening: %(how)s.") % {"how": calculation_text(calculation)},
        )
        for cost, calculation in checklist_with_calculations(partners, horizon, scope)
    ]


def with_calculations(case: core.Case) -> core.Case:
    """`case` (read from a TOML file by the core) with the calculation added to the source of every
    hidden cost that still has its default source."""
    scope = [(s.domain, s.domain_share_pct) for s in case.savings]
    bare = {
        cost.key: cost.source for cost, _c in checklist_with_calculations(case.partners, case.horizon, scope)
    }
    described = {cost.key: cost.source for cost in checklist(case.partners, case.horizon, scope)}
    return replace(
        case,
        hidden_costs=tuple(
            replace(cost, source=described[cost.key]) if bare.get(cost.key) == cost.source else cost
            for cost in case.hidden_costs
        ),
    )


def checklist_rows(case: BusinessCase, partners: list[Municipality]) -> list[dict]:
    """The default hidden costs for the case's partners and scope (the domains of its savings,
    with their share of the ICT cost): percentages apply to the ICT cost in scope."""
    pure = to_core(case, partners)
    scope = [(s.domain, s.domain_share_pct) for s in pure.savings]
    return [
        {
            "key": c.key,
            "label": c.label,
            "kind": c.kind,
            "low": c.amount.low,
            "likely": c.amount.likely,
            "high": c.amount.high,
            "year": c.year,
            "source": c.source,
            "author": "Goede Buur",
            "confirmed": False,
        }
        for c in checklist(pure.partners, case.horizon, scope)
    ]


def saving_row(domain, horizon: int) -> dict:
    saving = default_saving(domain.slug, domain.name, horizon)
    return {
        "domain": saving.domain,
        "label": saving.label,
        "domain_share_pct": saving.domain_share_pct,
        "low": saving.percent.low,
        "likely": saving.percent.likely,
        "high": saving.percent.high,
        "start_year": saving.start_year,
        "ramp_years": saving.ramp_years,
        "source": saving.source,
        "author": "Goede Buur",
    }


def refresh_double_contracts(case: BusinessCase, partners: list[Municipality], user) -> None:
    """Recompute the double contracts from the partners' application landscapes. Contracts of a
    municipality whose costs `user` may not see are left out (and named in the notes)."""
    uses, notes = [], []
    for municipality in partners:
        if not profiles.can_view_contracts(user, municipality):
            notes.append(
                _("De contracten van %(name)s worden niet met u gedeeld: niet meegeteld.")
                % {"name": municipality.name}
            )
            continue
        for application in profiles.landscape(municipality):
            contract = getattr(application, "contract", None)
            for component in application.components.all():
                uses.append(
                    ContractUse(
                        municipality=municipality.code,
                        component=component.gemma_id or component.name,
                        product=str(application.product_id),
                        label=f"{application.product.supplier.name} {application.product.name}",
                        yearly_cost_eur=contract.yearly_cost_eur if contract else None,
                        end_date=contract.end_date if contract else None,
                    )
                )
    inhabitants = {m.code: (case.baselines.get(m.code) or {}).get("inhabitants") for m in partners}
    found, missing = double_contracts(
        uses,
        start_year=case.start_year,
        go_live_year=min(case.go_live_year, case.horizon),
        horizon=case.horizon,
        inhabitants=inhabitants,
    )
    case.double_contracts = [
        {
            "municipality": c.municipality,
            "label": c.label,
            "yearly_cost_eur": c.yearly_cost_eur,
            "end_date": c.end_date,
            "amounts": list(c.amounts),
        }
        for c in found
    ]
    case.double_contract_notes = notes + missing
