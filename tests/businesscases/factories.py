# SPDX-License-Identifier: EUPL-1.2
"""Factories for business-case tests: plain functions that build cases through the services."""

from unittest import mock

from goedebuur.businesscases import services, stored
from goedebuur.businesscases.models import StoredResult
from goedebuur.cooperations.models import IctDomain
from goedebuur.core.businesscase import montecarlo
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


def counting_simulations():
    """A context that counts the Monte Carlo runs (the pure function), still computing them."""
    return mock.patch.object(montecarlo, "simulate", wraps=montecarlo.simulate)


def stored_row(case) -> StoredResult:
    return StoredResult.objects.get(case=case)


def current_fingerprint(case) -> str:
    """The fingerprint of the case's inputs as they are stored now."""
    case.refresh_from_db()
    return stored.fingerprint(services.to_core(case), case.draws, case.seed)
