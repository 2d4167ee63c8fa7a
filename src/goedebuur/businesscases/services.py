# SPDX-License-Identifier: EUPL-1.2
"""Public API of the business-case app: make and change cases step by step, turn a stored case
into the pure `goedebuur.core.businesscase.Case` and compute its result.

Every change goes through `_commit`, which validates the whole case with the core (Dutch
messages, nothing saved on error), saves, and records a snapshot in the history."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from goedebuur.core import businesscase as core
from goedebuur.core import montecarlo
from goedebuur.core.businesscase_defaults import default_saving, hidden_cost_checklist
from goedebuur.core.harmonisation import ContractUse, double_contracts
from goedebuur.history import services as history
from goedebuur.municipalities.models import Municipality
from goedebuur.profiles import permissions as profile_permissions
from goedebuur.profiles import services as profiles

from .models import BusinessCase

HISTORY_MODEL = "businesscases.businesscase"
HIGH_RISK = 0.25  # a municipality with this chance or more of a negative NPV gets a warning
MAX_PAGE_DRAWS = 100_000


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


# --- defaults ----------------------------------------------------------------------------------


def partner_defaults(municipality: Municipality, user) -> dict:
    """The baseline row of a new partner: the ICT spend from its profile when `user` may see that
    municipality's costs, otherwise the benchmark € per inhabitant; with the source of each."""
    profile = profiles.profile_for(municipality)
    inhabitants = profile.inhabitants
    may_see_costs = profile_permissions.can_view_contracts(user, municipality)
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
            "inhabitants": f"{inhabitants or 0:,}".replace(",", "."),
        }
    return {
        "eur": eur,
        "source": source,
        "author": "Goede Buur",
        "inhabitants": inhabitants,
        "ict_spend_eur": spend,
        "workplaces": workplaces,
    }


def _checklist_rows(case: BusinessCase, partners: list[Municipality]) -> list[dict]:
    pure = to_core(case, partners)
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
        for c in hidden_cost_checklist(pure.partners, case.horizon)
    ]


def _saving_row(domain, horizon: int) -> dict:
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
        if not profile_permissions.can_view_contracts(user, municipality):
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


# --- changes -----------------------------------------------------------------------------------


def _author(user) -> str:
    return user.get_username() if user is not None and user.is_authenticated else "Goede Buur"


def _check(case: BusinessCase, partners: list[Municipality]) -> None:
    problems = core.validate(to_core(case, partners))
    if case.go_live_year < 1 or case.go_live_year > case.horizon:
        problems.append(("go_live_year", _("Het jaar van de overstap valt buiten de horizon.")))
    if not 1 <= case.draws <= MAX_PAGE_DRAWS:
        problems.append(("draws", _("Het aantal trekkingen moet 1 tot en met 100.000 zijn.")))
    if problems:
        errors: dict[str, list[str]] = {}
        for field, message in problems:
            errors.setdefault(field, []).append(message)
        raise ValidationError(errors)


@transaction.atomic
def _commit(case: BusinessCase, user, *, partners=None, domains=None, note="") -> BusinessCase:
    partners = partner_list(case) if partners is None else list(partners)
    _check(case, partners)
    created = case.pk is None
    case.updated_by = user if user is not None and user.is_authenticated else None
    case.status = (
        BusinessCase.Status.COMPLETE
        if case.hidden_costs and all(row.get("confirmed") for row in case.hidden_costs)
        else BusinessCase.Status.DRAFT
    )
    case.save()
    case.partners.set(partners)
    if domains is not None:
        case.domains.set(domains)
    history.record_change(
        model=HISTORY_MODEL,
        object_id=case.pk,
        object_repr=str(case),
        action="create" if created else "update",
        user=user,
        snapshot=snapshot(case),
        note=note,
    )
    return case


def create_case(user, *, name: str, scenario: str, partners, owner: Municipality | None = None, **fields):
    """A new draft case with every default filled in (baselines, unconfirmed hidden-cost checklist,
    double contracts). The owner is the user's municipality (administrators may pass one)."""
    owner = owner or getattr(user, "municipality", None)
    partners = list(partners)
    if owner is None:
        raise ValidationError(
            {"partners": [_("Een businesscase hoort bij een gemeente; kies een eigenaar.")]}
        )
    if owner not in partners:
        raise ValidationError(
            {"partners": [_("Uw eigen gemeente (%(name)s) moet meedoen.") % {"name": owner.name}]}
        )
    case = BusinessCase(owner=owner, created_by=user, name=name.strip(), scenario=scenario.strip(), **fields)
    case.baselines = {m.code: partner_defaults(m, user) for m in partners}
    case.hidden_costs = _checklist_rows(case, partners)
    refresh_double_contracts(case, partners, user)
    case.step = "scope"
    return _commit(case, user, partners=partners, domains=[], note=_("aangemaakt"))


def save_partners(case: BusinessCase, user, *, name: str, scenario: str, partners) -> BusinessCase:
    partners = list(partners)
    if case.owner not in partners:
        raise ValidationError(
            {"partners": [_("De eigenaar (%(name)s) moet meedoen.") % {"name": case.owner.name}]}
        )
    case.name, case.scenario = name.strip(), scenario.strip()
    codes = {m.code for m in partners}
    case.baselines = {m.code: case.baselines.get(m.code) or partner_defaults(m, user) for m in partners}
    case.custom_weights = {k: v for k, v in (case.custom_weights or {}).items() if k in codes}
    fresh = {row["key"]: row for row in _checklist_rows(case, partners)}
    case.hidden_costs = [
        row if row.get("confirmed") else fresh.get(row["key"], row) for row in case.hidden_costs
    ]
    refresh_double_contracts(case, partners, user)
    return _commit(case, user, partners=partners)


def save_scope(case: BusinessCase, user, *, domains, horizon: int, start_year: int, go_live_year: int):
    case.horizon, case.start_year, case.go_live_year = horizon, start_year, go_live_year
    existing = {row["domain"]: row for row in case.savings}
    case.savings = [existing.get(d.slug) or _saving_row(d, horizon) for d in domains]
    for row in case.savings:
        row["start_year"] = min(int(row["start_year"]), max(horizon, 1))
    for row in case.hidden_costs:
        row["year"] = min(int(row["year"]), max(horizon, 0))
    partners = partner_list(case)
    refresh_double_contracts(case, partners, user)
    case.step = "basislijn"
    return _commit(case, user, partners=partners, domains=list(domains))


def _merge(old: dict, new: dict, user, fields) -> dict:
    """`old` updated with `new`; the author becomes the user when a value changed."""
    merged = dict(old)
    changed = any(_norm(old.get(f)) != _norm(new.get(f)) for f in fields if f in new)
    merged.update({f: new[f] for f in fields if f in new})
    if changed:
        merged["author"] = _author(user)
    return merged


def _norm(value):
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return float(value)
    return value


def save_baselines(case: BusinessCase, user, values: dict[str, dict]) -> BusinessCase:
    fields = ("eur", "source", "inhabitants", "ict_spend_eur", "workplaces")
    case.baselines = {
        code: _merge(row, values.get(code, {}), user, fields) for code, row in case.baselines.items()
    }
    case.step = "besparingen"
    return _commit(case, user)


def save_savings(case: BusinessCase, user, values: dict[str, dict]) -> BusinessCase:
    fields = ("domain_share_pct", "low", "likely", "high", "start_year", "ramp_years", "source")
    case.savings = [_merge(row, values.get(row["domain"], {}), user, fields) for row in case.savings]
    case.step = "verborgen-kosten"
    return _commit(case, user)


def save_hidden_costs(
    case: BusinessCase, user, values: dict[str, dict], *, require_all=False
) -> BusinessCase:
    fields = ("low", "likely", "high", "year", "source", "confirmed")
    case.hidden_costs = [_merge(row, values.get(row["key"], {}), user, fields) for row in case.hidden_costs]
    if require_all:
        open_items = [row["label"] for row in case.hidden_costs if not row.get("confirmed")]
        if open_items:
            raise ValidationError(
                {
                    "hidden_costs": [
                        _("Bevestig elke verborgen kostenpost of zet hem expliciet op nul: %(items)s.")
                        % {"items": "; ".join(open_items)}
                    ]
                }
            )
        case.step = "verdeling"
    return _commit(case, user)


def save_allocation(case: BusinessCase, user, **values) -> BusinessCase:
    allowed = ("allocation_key", "custom_weights", "discount_rate", "distribution", "draws", "seed")
    for name in (*allowed, "baseline_uncertainty_pct"):
        if name in values:
            setattr(case, name, values[name])
    case.step = "resultaat"
    return _commit(case, user)


@transaction.atomic
def delete_case(case: BusinessCase, user) -> None:
    history.record_change(
        model=HISTORY_MODEL,
        object_id=case.pk,
        object_repr=str(case),
        action="delete",
        user=user,
        snapshot=snapshot(case),
    )
    case.delete()


def snapshot(case: BusinessCase) -> dict:
    return {
        "owner": case.owner.code,
        "name": case.name,
        "scenario": case.scenario,
        "partners": sorted(case.partners.values_list("code", flat=True)) if case.pk else [],
        "domains": sorted(case.domains.values_list("slug", flat=True)) if case.pk else [],
        "horizon": case.horizon,
        "start_year": case.start_year,
        "go_live_year": case.go_live_year,
        "discount_rate": str(case.discount_rate),
        "distribution": case.distribution,
        "baseline_uncertainty_pct": str(case.baseline_uncertainty_pct),
        "draws": case.draws,
        "seed": case.seed,
        "allocation_key": case.allocation_key,
        "custom_weights": case.custom_weights,
        "baselines": case.baselines,
        "savings": case.savings,
        "hidden_costs": case.hidden_costs,
        "double_contracts": case.double_contracts,
        "status": case.status,
        "is_demo": case.is_demo,
    }


# --- results -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    case: core.Case
    deterministic: montecarlo.Deterministic
    simulation: montecarlo.Simulation
    tornado_base: int
    tornado: tuple[montecarlo.TornadoBar, ...]
    warnings: tuple[montecarlo.Outcome, ...]  # municipalities with a high chance of a negative NPV


def compute_pure(pure: core.Case, draws: int, seed: int) -> Result:
    simulation = montecarlo.simulate(pure, draws=draws, seed=seed)
    base, bars = montecarlo.tornado(pure)
    return Result(
        case=pure,
        deterministic=montecarlo.deterministic(pure),
        simulation=simulation,
        tornado_base=base,
        tornado=bars,
        warnings=tuple(o for o in simulation.outcomes if o.p_negative >= HIGH_RISK),
    )


def compute(case: BusinessCase, *, draws: int | None = None, seed: int | None = None) -> Result:
    """The result of a stored case: deterministic schedule, Monte Carlo and tornado."""
    return compute_pure(to_core(case), draws or case.draws, case.seed if seed is None else seed)
