# SPDX-License-Identifier: EUPL-1.2
"""Factories for ledger tests: a cooperation of Veenendaal and Rhenen with a business case that
started in 2022 (so that realised years lie in the past) and its ledger, all through the services."""

from goedebuur.businesscases import services as businesscases
from goedebuur.cooperations.models import IctDomain
from goedebuur.ledger import services
from goedebuur.ledger.models import Ledger

from ..businesscases.factories import make_case
from ..factories import make_cooperation

START = 2022


def make_started_case(user, **kwargs):
    case = make_case(user, **kwargs)
    businesscases.save_scope(
        case,
        user,
        domains=list(IctDomain.objects.filter(slug__in=case.domain_slugs)),
        horizon=10,
        start_year=START,
        go_live_year=2,
    )
    businesscases.save_allocation(case, user, draws=500, seed=1)
    case.refresh_from_db()
    return case


def make_ledger(user, *, cooperation=None, case=None, visibility=Ledger.Visibility.PRIVATE, **kwargs):
    cooperation = cooperation or make_cooperation(user)
    case = case if case is not None else make_started_case(user)
    return services.save_ledger(
        cooperation, user, visibility=visibility, start_year=START, business_case=case or None, **kwargs
    )


def record(ledger, user, code, year, savings=0, one_off=0, yearly=0, source="Jaarrekening"):
    return services.save_entry(
        ledger,
        user,
        services.EntryInput(
            municipality=code,
            year=year,
            savings=savings,
            one_off_costs=one_off,
            yearly_costs=yearly,
            source_title=source,
        ),
    )


def forecast_year(ledger, year, code=services.TOTAL):
    return services.forecast_of(ledger, code)[year]
