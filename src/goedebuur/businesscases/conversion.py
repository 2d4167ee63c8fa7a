# SPDX-License-Identifier: EUPL-1.2
"""From a stored case to the pure `goedebuur.core.businesscase.model.Case`."""

from __future__ import annotations

from goedebuur.core.businesscase import model as core
from goedebuur.municipalities.models import Municipality

from .models import BusinessCase

# --- from the record to the core ---------------------------------------------------------------


def partner_list(case: BusinessCase) -> list[Municipality]:
    return list(case.partners.order_by("name"))


def to_core(case: BusinessCase, partners: list[Municipality] | None = None) -> core.Case:
    """The pure case for this record (`partners` overrides the stored partners, for validation
    before the many-to-many field is saved)."""
    partners = partner_list(case) if partners is None else sorted(partners, key=lambda m: m.name)
    return core.Case(
        name=case.name,
        scenario=case.scenario,
        partners=tuple(_partner(m, case.baselines.get(m.code) or {}) for m in partners),
        savings=tuple(_saving(row) for row in case.savings),
        hidden_costs=tuple(_hidden_cost(row) for row in case.hidden_costs),
        horizon=case.horizon,
        start_year=case.start_year,
        discount_rate=float(case.discount_rate),
        allocation_key=case.allocation_key,
        custom_weights={k: float(v) for k, v in (case.custom_weights or {}).items() if v is not None},
        double_contracts=tuple(
            core.DoubleContract(
                row["municipality"],
                row["label"],
                row["yearly_cost_eur"],
                row["end_date"],
                tuple(row["amounts"]),
            )
            for row in case.double_contracts
            if any(m.code == row["municipality"] for m in partners)
        ),
        distribution=case.distribution,
        baseline_uncertainty_pct=float(case.baseline_uncertainty_pct),
    )


def _partner(municipality: Municipality, row: dict) -> core.Partner:
    return core.Partner(
        code=municipality.code,
        name=municipality.name,
        inhabitants=row.get("inhabitants"),
        baseline_eur=int(row.get("eur") or 0),
        baseline_source=row.get("source", ""),
        ict_spend_eur=row.get("ict_spend_eur"),
        workplaces=row.get("workplaces"),
    )


def _saving(row: dict) -> core.Saving:
    return core.Saving(
        domain=row["domain"],
        label=row["label"],
        domain_share_pct=float(row["domain_share_pct"]),
        percent=core.Range(float(row["low"]), float(row["likely"]), float(row["high"])),
        start_year=int(row["start_year"]),
        ramp_years=int(row["ramp_years"]),
        source=row.get("source", ""),
    )


def _hidden_cost(row: dict) -> core.HiddenCost:
    return core.HiddenCost(
        key=row["key"],
        label=row["label"],
        kind=row["kind"],
        amount=core.Range(float(row["low"]), float(row["likely"]), float(row["high"])),
        year=int(row["year"]),
        source=row.get("source", ""),
        confirmed=bool(row.get("confirmed")),
    )
