# SPDX-License-Identifier: EUPL-1.2
"""Factories for fallback tests: agreements and services built through the services."""

import datetime as dt
import itertools
from decimal import Decimal

from goedebuur.fallback import services
from goedebuur.fallback.models import Agreement, Service
from goedebuur.municipalities.models import Municipality

from ..factories import RHENEN, VEENENDAAL

_counter = itertools.count(1)


def municipality(code):
    return Municipality.objects.get(code=code)


def make_agreement(a=VEENENDAAL, b=RHENEN, user=None, **extra) -> Agreement:
    party_a, party_b = municipality(a), municipality(b)
    values = {
        "party_a": party_a,
        "party_b": party_b,
        "mutual": True,
        "site_a_name": f"Gemeentehuis {party_a.name}",
        "site_a_kind": Agreement.SiteKind.TOWN_HALL,
        "site_a_lat": party_a.point_lat,
        "site_a_lon": party_a.point_lon,
        "site_b_name": f"Gemeentehuis {party_b.name}",
        "site_b_kind": Agreement.SiteKind.TOWN_HALL,
        "site_b_lat": party_b.point_lat,
        "site_b_lon": party_b.point_lon,
        "link_type": Agreement.LinkType.DARK_FIBRE,
        "link_mbps": 1000,
        "restore_mbps": 1000,
        "restore_slots": 2,
        "reserved_vcpu_a": 32,
        "reserved_ram_gb_a": 128,
        "reserved_storage_gb_a": 8000,
        "reserved_workplaces_a": 20,
        "reserved_vcpu_b": 32,
        "reserved_ram_gb_b": 128,
        "reserved_storage_gb_b": 8000,
        "reserved_workplaces_b": 20,
        "start_date": dt.date(2025, 1, 1),
    }
    values.update(extra)
    return services.save_agreement(Agreement(**values), user)


def make_service(agreement, guest=None, user=None, depends_on=None, **extra) -> Service:
    values = {
        "agreement": agreement,
        "guest": guest or agreement.party_a,
        "name": f"Dienst {next(_counter)}",
        "beschikbaarheid": 3,
        "integriteit": 2,
        "vertrouwelijkheid": 2,
        "rto_hours": 8,
        "rpo_hours": 1,
        "data_gb": 500,
        "daily_change_gb": Decimal("20"),
        "vcpu": 4,
        "ram_gb": 16,
        "workplaces": 5,
    }
    values.update(extra)
    return services.save_service(Service(**values), user, depends_on=depends_on)
