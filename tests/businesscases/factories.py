# SPDX-License-Identifier: EUPL-1.2
"""Factories for business-case tests: plain functions that build cases through the services."""

from goedebuur.businesscases import services
from goedebuur.cooperations.models import IctDomain
from goedebuur.municipalities.models import Municipality

from ..factories import RHENEN, VEENENDAAL


def make_case(
    user,
    partners=(RHENEN, VEENENDAAL),
    name="Testcase",
    scenario="licht",
    complete=True,
    domains=("werkplek", "applicaties"),
):
    """A case owned by the user's municipality; `complete` confirms every hidden cost."""
    municipalities = list(Municipality.objects.filter(code__in=partners))
    case = services.create_case(user, name=name, scenario=scenario, partners=municipalities)
    services.save_scope(
        case,
        user,
        domains=list(IctDomain.objects.filter(slug__in=domains)),
        horizon=10,
        start_year=2027,
        go_live_year=2,
    )
    if complete:
        services.save_hidden_costs(
            case, user, {row["key"]: {"confirmed": True} for row in case.hidden_costs}, require_all=True
        )
    services.save_allocation(case, user, draws=2_000, seed=1)
    case.refresh_from_db()
    return case
