# SPDX-License-Identifier: EUPL-1.2
"""Several changes to a case at once (the API and the command line): all or nothing."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from . import services
from .models import BusinessCase

SCOPE_FIELDS = ("horizon", "start_year", "go_live_year")
ALLOCATION_FIELDS = (
    "allocation_key",
    "custom_weights",
    "discount_rate",
    "distribution",
    "baseline_uncertainty_pct",
    "draws",
    "seed",
)


def _unknown(given: dict, known: set, message: str, field: str) -> None:
    extra = sorted(set(given) - known)
    if extra:
        raise ValidationError({field: [message % {"keys": ", ".join(extra)}]})


@transaction.atomic
def update_case(case: BusinessCase, user, changes: dict) -> BusinessCase:
    """Apply `changes` (internal names: name, scenario, partners, domains, horizon, start_year,
    go_live_year, baselines {code: {...}}, savings {domain: {...}}, hidden_costs {key: {...}}, and
    the allocation fields) in the order of the steps. Raises ValidationError; nothing is kept then."""
    if {"name", "scenario", "partners"} & set(changes):
        services.save_partners(
            case,
            user,
            name=changes.get("name", case.name),
            scenario=changes.get("scenario", case.scenario),
            partners=changes.get("partners", services.partner_list(case)),
        )
    if {"domains", *SCOPE_FIELDS} & set(changes):
        services.save_scope(
            case,
            user,
            domains=changes.get("domains", list(case.domains.all())),
            **{name: changes.get(name, getattr(case, name)) for name in SCOPE_FIELDS},
        )
    if "baselines" in changes:
        _unknown(
            changes["baselines"], set(case.baselines), _("Geen deelnemende gemeente: %(keys)s."), "baselines"
        )
        services.save_baselines(case, user, changes["baselines"])
    if "savings" in changes:
        domains = {row["domain"] for row in case.savings}
        _unknown(
            changes["savings"], domains, _("Domein hoort niet bij deze businesscase: %(keys)s."), "savings"
        )
        services.save_savings(case, user, changes["savings"])
    if "hidden_costs" in changes:
        keys = {row["key"] for row in case.hidden_costs}
        _unknown(
            changes["hidden_costs"], keys, _("Onbekende verborgen kostenpost: %(keys)s."), "hidden_costs"
        )
        services.save_hidden_costs(case, user, changes["hidden_costs"])
    allocation = {name: changes[name] for name in ALLOCATION_FIELDS if name in changes}
    if allocation:
        services.save_allocation(case, user, **allocation)
    case.refresh_from_db()
    return case


def create_with_changes(user, *, name, scenario, partners, changes: dict, owner=None) -> BusinessCase:
    """A new case with the defaults, then `changes` applied; all or nothing."""
    with transaction.atomic():
        case = services.create_case(user, name=name, scenario=scenario, partners=partners, owner=owner)
        return update_case(case, user, changes)
