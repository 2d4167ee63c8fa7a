# SPDX-License-Identifier: EUPL-1.2
"""Demo data for `goedebuur demo`: two scenarios of a business case for Rhenen, Veenendaal and
Renswoude, owned by Veenendaal and labelled as demo. "licht": joint purchasing of workplaces and
applications; "zwaar": a shared ICT department. The figures are illustrations, not the
municipalities' own."""

from django.contrib.auth import get_user_model
from django.db import transaction

from goedebuur.cooperations.models import IctDomain
from goedebuur.municipalities.models import Municipality

from . import services
from .models import BusinessCase

OWNER, PARTNERS = "GM0345", ("GM0340", "GM0345", "GM0339")
NAME = "Demo: ICT-samenwerking Rhenen, Veenendaal en Renswoude"
AUTHOR = "redacteur.veenendaal"
SCENARIOS = {
    "licht": {
        "domains": ("inkoop", "werkplek", "applicaties"),
        "savings": {"inkoop": (0, 3, 8), "werkplek": (0, 3, 8), "applicaties": (0, 2, 6)},
        "cost_factor": 0.4,  # joint purchasing needs far less migration and organisation
        "keep_zero": {"personeel", "netwerk"},
    },
    "zwaar": {
        "domains": ("infrastructuur-beheer", "werkplek", "hosting-datacenter", "applicaties"),
        "savings": {
            "infrastructuur-beheer": (0, 8, 18),
            "werkplek": (0, 6, 15),
            "hosting-datacenter": (0, 10, 25),
            "applicaties": (0, 5, 12),
        },
        "cost_factor": 1.0,
        "keep_zero": set(),
    },
}


@transaction.atomic
def load_demo() -> str:
    """Load the demo data (idempotent) and return one Dutch line for the command's output."""
    municipalities = Municipality.objects.in_bulk(list(PARTNERS), field_name="code")
    if len(municipalities) < len(PARTNERS):
        return ""
    user = get_user_model().objects.filter(username=AUTHOR).first()
    added = 0
    for scenario, spec in SCENARIOS.items():
        if BusinessCase.objects.filter(owner=municipalities[OWNER], name=NAME, scenario=scenario).exists():
            continue
        case = services.create_case(
            user,
            name=NAME,
            scenario=scenario,
            partners=[municipalities[c] for c in PARTNERS],
            owner=municipalities[OWNER],
            is_demo=True,
        )
        domains = list(IctDomain.objects.filter(slug__in=spec["domains"]))
        services.save_scope(case, user, domains=domains, horizon=10, start_year=2027, go_live_year=2)
        services.save_savings(
            case,
            user,
            {
                slug: {
                    "low": low,
                    "likely": likely,
                    "high": high,
                    "source": "demo: aanname voor dit scenario",
                }
                for slug, (low, likely, high) in spec["savings"].items()
            },
        )
        values = {}
        for row in case.hidden_costs:
            if row["key"] in spec["keep_zero"]:
                values[row["key"]] = {"low": 0, "likely": 0, "high": 0, "confirmed": True}
                continue
            factor = spec["cost_factor"]
            values[row["key"]] = {
                name: int(round(row[name] * factor / 100.0)) * 100 for name in ("low", "likely", "high")
            }
            values[row["key"]]["confirmed"] = True
        services.save_hidden_costs(case, user, values, require_all=True)
        services.save_allocation(case, user, allocation_key="inwoners", draws=10_000, seed=1)
        added += 1
    return f"Demo-businesscases toegevoegd: {added}"
