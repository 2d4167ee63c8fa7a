# SPDX-License-Identifier: EUPL-1.2
"""Demo data for `goedebuur demo`: a fictional cooperation of Rhenen, Veenendaal and Renswoude that
started in 2022 with a business case, and four years of realised figures (2022-2025) per
municipality, labelled as demo (`is_demo`, "Demo:" in the names). The realised figures are derived
from the forecast with fixed factors (savings lag behind, migration costs overrun), an illustration
of a typical miss, not the municipalities' own figures."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction

from goedebuur.businesscases import services as businesscases
from goedebuur.cooperations import services as cooperations
from goedebuur.cooperations.models import Cooperation, CooperationForm, IctDomain
from goedebuur.municipalities.models import Municipality

from . import services
from .models import Ledger

OWNER, PARTNERS = "GM0345", ("GM0340", "GM0345", "GM0339")
NAME = "Demo: Gedeelde ICT-afdeling Rhenen, Veenendaal en Renswoude"
CASE_NAME = "Demo: businesscase gedeelde ICT-afdeling (2022)"
AUTHOR = "redacteur.veenendaal"
START = 2022
SAVINGS = {"infrastructuur-beheer": (0, 8, 18), "werkplek": (0, 6, 15), "applicaties": (0, 5, 12)}
# realised = forecast P50 x factor, per year from the start: (savings factor, costs factor)
FACTORS = ((0.9, 1.15), (0.55, 1.35), (0.6, 1.2), (0.7, 1.1))


def _case(user, municipalities):
    case = businesscases.create_case(
        user,
        name=CASE_NAME,
        scenario="",
        partners=[municipalities[c] for c in PARTNERS],
        owner=municipalities[OWNER],
        is_demo=True,
    )
    domains = list(IctDomain.objects.filter(slug__in=SAVINGS))
    businesscases.save_scope(case, user, domains=domains, horizon=10, start_year=START, go_live_year=2)
    businesscases.save_savings(
        case,
        user,
        {
            slug: {"low": low, "likely": likely, "high": high, "source": "demo: aanname"}
            for slug, (low, likely, high) in SAVINGS.items()
        },
    )
    values = {
        row["key"]: {"low": row["low"], "likely": row["likely"], "high": row["high"], "confirmed": True}
        for row in case.hidden_costs
    }
    businesscases.save_hidden_costs(case, user, values, require_all=True)
    return businesscases.save_allocation(case, user, allocation_key="inwoners", draws=10_000, seed=1)


@transaction.atomic
def load_demo() -> str:
    """Load the demo ledger (idempotent) and return one Dutch line for the command's output."""
    municipalities = Municipality.objects.in_bulk(list(PARTNERS), field_name="code")
    if (
        len(municipalities) < len(PARTNERS)
        or Ledger.objects.filter(is_demo=True, cooperation__name=NAME).exists()
    ):
        return ""
    user = get_user_model().objects.filter(username=AUTHOR).first()
    cooperation = Cooperation.objects.filter(name=NAME, is_demo=True).first()
    if cooperation is None:
        cooperation = cooperations.save_cooperation(
            cooperations.CooperationInput(
                name=NAME,
                description="Fictief voorbeeld: drie gemeenten delen sinds 2022 één ICT-afdeling, met een "
                "businesscase vooraf en de gerealiseerde cijfers achteraf.",
                form=CooperationForm.objects.get(code="wgr-bedrijfsvoeringsorganisatie"),
                status=Cooperation.Status.ACTIEF,
                start_date=dt.date(START, 1, 1),
                domains=list(IctDomain.objects.filter(slug__in=SAVINGS)),
                members=[cooperations.MemberInput(municipalities[code]) for code in PARTNERS],
                sources=[cooperations.SourceInput(description="Demogegevens van Goede Buur (fictief)")],
                is_demo=True,
            ),
            user=None,
            note="demogegevens",
        )
    case = _case(user, municipalities)
    ledger = services.save_ledger(
        cooperation,
        None,
        visibility=Ledger.Visibility.PUBLIC,
        start_year=START,
        business_case=case,
        is_demo=True,
    )
    for code in PARTNERS:
        series = ledger.forecast["series"][code]
        for i, (saving_factor, cost_factor) in enumerate(FACTORS):
            savings, costs = series["savings_p50"][i], series["costs_p50"][i]
            one_off = round(costs * cost_factor * (0.8 if i < 2 else 0.0) / 100) * 100
            yearly = round(costs * cost_factor / 100) * 100 - one_off
            services.save_entry(
                ledger,
                None,
                services.EntryInput(
                    municipality=code,
                    year=START + i,
                    savings=max(0, round(savings * saving_factor / 100) * 100),
                    one_off_costs=max(0, one_off),
                    yearly_costs=max(0, yearly),
                    source_kind="jaarrekening",
                    source_title=f"Demo: jaarrekening {START + i} van {municipalities[code].name} (fictief)",
                ),
            )
    return "Demoresultaten toegevoegd: 1 samenwerking met 4 jaar cijfers"
