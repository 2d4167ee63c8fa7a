# SPDX-License-Identifier: EUPL-1.2
"""Public API of the business-case app: make and change cases step by step, turn a stored case
into the pure `goedebuur.core.businesscase.model.Case` and compute its result.

Every change goes through `_commit`, which validates the whole case with the core (Dutch
messages, nothing saved on error), saves, and records the change in the history (the case's
tracker: `history.py`); `delete_case` and `restore_version` record theirs too. A case is
`Versioned`: a save or delete from an outdated copy raises `EditConflict`. After every committed
change the case's result is computed and stored with the fingerprint of its inputs (`stored.py`);
`compute` reads it, and computes it once when it belongs to other inputs."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from goedebuur.common import cached
from goedebuur.core.businesscase import model as core
from goedebuur.core.businesscase import montecarlo
from goedebuur.history import services as history
from goedebuur.municipalities.models import Municipality

from . import defaults, permissions, problems, stored
from .conversion import partner_list, to_core
from .models import BusinessCase, StoredResult
from .permissions import can_create, can_edit, can_view, visible_cases  # published for other apps

__all__ = ["can_create", "can_edit", "can_view", "partner_list", "to_core", "visible_cases"]

HIGH_RISK = 0.25  # a municipality with this chance or more of a negative NPV gets a warning
MAX_PAGE_DRAWS = 100_000
MAX_SEED = 2_147_483_647
FIRST_YEARS = (2000, 2100)
TEXT_LIMITS = {"name": 200, "scenario": 60}
MAX_SOURCE = 500


# --- who may -----------------------------------------------------------------------------------
# `user=None` is the platform itself (the demo data); pages and API always pass the signed-in user.


def _require_create(user) -> None:
    if user is not None and not permissions.can_create(user):
        raise PermissionDenied(_("Alleen redacteuren van een gemeente kunnen een businesscase opstellen."))


def _require_edit(user, case: BusinessCase) -> None:
    if user is not None and not permissions.can_edit(user, case):
        raise PermissionDenied(_("U mag deze businesscase niet wijzigen."))


# --- changes -----------------------------------------------------------------------------------


def _author(user) -> str:
    return user.get_username() if user is not None and user.is_authenticated else "Goede Buur"


def _field_problems(case: BusinessCase) -> list[tuple[str, str]]:
    """The rules on the stored fields that the core does not know (it computes, it does not store)."""
    found = []
    for name, limit in TEXT_LIMITS.items():
        if len(getattr(case, name)) > limit:
            found.append((name, _("Gebruik hooguit %(limit)d tekens.") % {"limit": limit}))
    if not FIRST_YEARS[0] <= case.start_year <= FIRST_YEARS[1]:
        low, high = FIRST_YEARS
        message = _("Het eerste jaar ligt tussen %(low)d en %(high)d.") % {"low": low, "high": high}
        found.append(("start_year", message))
    if case.go_live_year < 1 or case.go_live_year > case.horizon:
        found.append(("go_live_year", _("Het jaar van de overstap valt buiten de horizon.")))
    if not 1 <= case.draws <= MAX_PAGE_DRAWS:
        found.append(("draws", _("Het aantal trekkingen moet 1 tot en met 100.000 zijn.")))
    if not 0 <= case.seed <= MAX_SEED:
        found.append(("seed", _("Het startgetal ligt tussen 0 en %(max)d.") % {"max": MAX_SEED}))
    rows = (
        [("baselines", row) for row in case.baselines.values()]
        + [("savings", row) for row in case.savings]
        + [("hidden_costs", row) for row in case.hidden_costs]
    )
    for group, row in rows:
        if len(str(row.get("source") or "")) > MAX_SOURCE:
            found.append((group, _("Een bron is hooguit %(limit)d tekens.") % {"limit": MAX_SOURCE}))
    return found


def _check(case: BusinessCase, partners: list[Municipality]) -> None:
    errors = problems.messages_by_field(core.validate(to_core(case, partners)))
    for field, message in _field_problems(case):
        errors.setdefault(field, []).append(message)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def _commit(case: BusinessCase, user, *, partners=None, domains=None, note="") -> BusinessCase:
    _require_edit(user, case)
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
    history.record(case, history.Action.CREATE if created else history.Action.UPDATE, user, note)
    _refresh_after_commit(case)
    return case


def create_case(user, *, name: str, scenario: str, partners, owner: Municipality | None = None, **fields):
    """A new draft case with every default filled in (baselines, unconfirmed hidden-cost checklist,
    double contracts). The owner is the user's municipality (administrators may pass one)."""
    _require_create(user)
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
    case.baselines = {m.code: defaults.partner_defaults(m, user) for m in partners}
    case.hidden_costs = defaults.checklist_rows(case, partners)
    defaults.refresh_double_contracts(case, partners, user)
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
    case.baselines = {
        m.code: case.baselines.get(m.code) or defaults.partner_defaults(m, user) for m in partners
    }
    case.custom_weights = {k: v for k, v in (case.custom_weights or {}).items() if k in codes}
    _refresh_checklist(case, partners)
    defaults.refresh_double_contracts(case, partners, user)
    return _commit(case, user, partners=partners)


def _refresh_checklist(case: BusinessCase, partners: list[Municipality]) -> None:
    """The default hidden costs recomputed for the current partners and scope; a row that was
    confirmed or changed by a user keeps its values."""
    fresh = {row["key"]: row for row in defaults.checklist_rows(case, partners)}
    case.hidden_costs = [
        row
        if row.get("confirmed") or row.get("author", "Goede Buur") != "Goede Buur"
        else fresh.get(row["key"], row)
        for row in case.hidden_costs
    ]


def save_scope(case: BusinessCase, user, *, domains, horizon: int, start_year: int, go_live_year: int):
    case.horizon, case.start_year, case.go_live_year = horizon, start_year, go_live_year
    existing = {row["domain"]: row for row in case.savings}
    case.savings = [existing.get(d.slug) or defaults.saving_row(d, horizon) for d in domains]
    for row in case.savings:
        row["start_year"] = min(int(row["start_year"]), max(horizon, 1))
    for row in case.hidden_costs:
        row["year"] = min(int(row["year"]), max(horizon, 0))
    partners = partner_list(case)
    _refresh_checklist(case, partners)
    defaults.refresh_double_contracts(case, partners, user)
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
    _refresh_checklist(case, partner_list(case))
    case.step = "besparingen"
    return _commit(case, user)


def save_savings(case: BusinessCase, user, values: dict[str, dict]) -> BusinessCase:
    fields = ("domain_share_pct", "low", "likely", "high", "start_year", "ramp_years", "source")
    case.savings = [_merge(row, values.get(row["domain"], {}), user, fields) for row in case.savings]
    _refresh_checklist(case, partner_list(case))
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
    """Delete the case; raises EditConflict when it changed after `case` was loaded (or after the
    revision the caller set with `expect_revision`). The history keeps it restorable."""
    _require_edit(user, case)
    case.save(update_fields=["revision"])  # the revision check of history/locking.py
    history.record(case, history.Action.DELETE, user)
    case.delete()


def versions(case_id: int):
    """The history of a case, also after it was deleted."""
    return history.removed_versions(BusinessCase, case_id)


def restore_version(case_id: int, record_id: int, user) -> BusinessCase:
    """Bring a case back to the state recorded in one of its history records, also when it was
    deleted (it then comes back with the same id). Records a "restore" change."""
    case = BusinessCase.objects.filter(pk=case_id).first()
    if case is not None:
        _require_edit(user, case)
        restored = history.restore(case, record_id, user)
        _refresh_after_commit(restored)
        return restored
    latest = versions(case_id).first()
    if user is not None and (latest is None or not permissions.can_restore_deleted(user, latest.snapshot)):
        raise PermissionDenied(_("U mag deze businesscase niet wijzigen."))
    restored = history.restore_removed(BusinessCase, case_id, record_id, user)
    _refresh_after_commit(restored)
    return restored


def snapshot(case: BusinessCase) -> dict:
    """The case's state as its history stores it."""
    return history.tracker_for(case).snapshot(case)


# --- results -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    case: core.Case
    deterministic: montecarlo.Deterministic
    simulation: montecarlo.Simulation
    tornado_base: int
    tornado: tuple[montecarlo.TornadoBar, ...]
    warnings: tuple[montecarlo.Outcome, ...]  # municipalities with a high chance of a negative NPV


def _named(simulation: montecarlo.Simulation) -> montecarlo.Simulation:
    """The total named in the user's language (the core leaves its name empty)."""
    total = _("Alle gemeenten samen")
    return replace(
        simulation,
        outcomes=tuple(
            replace(o, name=total) if o.code == montecarlo.TOTAL else o for o in simulation.outcomes
        ),
    )


def _bar_label(bar: montecarlo.TornadoBar) -> str:
    """A tornado bar's label in the user's language (the core gives a saving's or cost's own label)."""
    if bar.key.startswith("besparing:"):
        return _("Besparing %(label)s") % {"label": bar.label}
    return {"basislijn": _("ICT-kosten basislijn (factor)"), "discontovoet": _("Discontovoet")}.get(
        bar.key, bar.label
    )


def _translated(pure: core.Case, computed: stored.Computed) -> Result:
    simulation = _named(computed.simulation)
    return Result(
        case=pure,
        deterministic=computed.deterministic,
        simulation=simulation,
        tornado_base=computed.tornado_base,
        tornado=tuple(replace(bar, label=_bar_label(bar)) for bar in computed.tornado),
        warnings=tuple(o for o in simulation.outcomes if o.p_negative >= HIGH_RISK),
    )


def compute_pure(pure: core.Case, draws: int, seed: int) -> Result:
    """The result of a pure case (a TOML file of the `businesscase` command); nothing stored."""
    return _translated(pure, stored.compute(pure, draws, seed))


def _store(case: BusinessCase, pure: core.Case) -> stored.Computed:
    """Compute the case's result and store it with the fingerprint of its inputs."""
    computed = stored.compute(pure, case.draws, case.seed)
    StoredResult.objects.update_or_create(
        case=case,
        defaults={
            "fingerprint": stored.fingerprint(pure, case.draws, case.seed),
            "data": stored.to_json(computed),
        },
    )
    return computed


def refresh_result(case_id: int) -> None:
    """Compute and store the result of case `case_id` unless the stored one belongs to its current
    inputs (the case deleted: nothing). Run after every committed change of a case's inputs."""
    case = BusinessCase.objects.filter(pk=case_id).first()
    if case is None:
        return
    pure = to_core(case)
    current = StoredResult.objects.filter(case=case).values_list("fingerprint", flat=True).first()
    if current != stored.fingerprint(pure, case.draws, case.seed):
        _store(case, pure)


def _refresh_after_commit(case: BusinessCase) -> None:
    """The result is computed once the change is committed: no lock is held while the Monte Carlo
    runs, and a change that is rolled back computes nothing. Several changes in one transaction
    (the API's `update_case`) compute once: the later calls find the stored result current."""
    case_id = case.pk
    transaction.on_commit(lambda: refresh_result(case_id))


def compute(case: BusinessCase, *, draws: int | None = None, seed: int | None = None) -> Result:
    """The result of a stored case: deterministic schedule, Monte Carlo and tornado.

    With the case's own draws and seed (every page, the report, the PDF, the exports and the API
    unless it asks for others) it is the result stored with the case when its inputs changed; when
    the stored result belongs to other inputs (changed by a path that did not compute, e.g. a
    municipality renamed, a restore from an older release, new calculation code) or none is stored,
    it is computed and stored now, once, so a stale result is never shown. Other draws or seeds
    (the API's `berekening` with `trekkingen`/`seed`) are computed for the request and kept in the
    shared cache (goedebuur.common.cache), keyed on the pure case, the draws and the seed."""
    pure = to_core(case)
    draws = draws or case.draws
    seed = case.seed if seed is None else seed
    if (draws, seed) != (case.draws, case.seed):
        return cached(("businesscase", pure, draws, seed), None, lambda: compute_pure(pure, draws, seed))
    row = StoredResult.objects.filter(case=case).first()
    if row is not None and row.fingerprint == stored.fingerprint(pure, draws, seed):
        return _translated(pure, stored.from_json(row.data))
    return _translated(pure, _store(case, pure))


def forecast_by_year(case: BusinessCase, *, draws: int | None = None) -> montecarlo.YearlyBand:
    """The case's forecast per calendar year (P10/P50/P90 of each year's net and of the cumulative
    position, P50 savings and costs), from the same seed as its report. The savings ledger keeps a
    copy of it when a cooperation links its business case."""
    return montecarlo.yearly_band(to_core(case), draws or case.draws, case.seed)
