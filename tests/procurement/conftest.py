# SPDX-License-Identifier: EUPL-1.2
"""Landscapes for the opportunity tests, with end dates relative to today (in months):

| municipality          | Zaakregistratiecomponent          | Burgerzakencomponent      | Documentregistratie |
|-----------------------|-----------------------------------|---------------------------|---------------------|
| Veenendaal (A)        | Centric Key2Zaken, +10, € 48.000   | Centric Key2Burgerzaken, +30, € 20.000 |        |
| Utrecht (B)           | Xxllnc Zaaksysteem, +12, € 200.000 | Centric Key2Burgerzaken, +31 |                  |
| Rhenen                | Mintlab Zaaksysteem.nl, +14, € 30.000 |                        |                     |
| Renswoude             | Centric Key2Zaken, +20, cost unknown |                          |                     |
| Ede                   | Centric Key2Zaken, +50             |                           | Decos JOIN, +40      |
| Wageningen            |                                   |                           | Decos JOIN, +45      |

Expected with an 18-month window: Zaakregistratie {Veenendaal, Utrecht, Rhenen, Renswoude};
Burgerzaken {Veenendaal, Utrecht}; Documentregistratie {Ede, Wageningen} (no Veenendaal or Utrecht)."""

import pytest
from django.utils import timezone

from goedebuur.core.procurement.opportunities import add_months
from goedebuur.municipalities.models import Municipality
from goedebuur.profiles import services as profiles

from ..factories import RENSWOUDE, RHENEN, UTRECHT, VEENENDAAL

EDE, WAGENINGEN = "GM0228", "GM0289"
ZAAK, BURGERZAKEN, DOCUMENT = (
    "Zaakregistratiecomponent",
    "Burgerzakencomponent",
    "Documentregistratiecomponent",
)

LANDSCAPES = [
    (VEENENDAAL, "Centric", "Key2Zaken", ZAAK, 10, 48_000),
    (VEENENDAAL, "Centric", "Key2Burgerzaken", BURGERZAKEN, 30, 20_000),
    (UTRECHT, "Xxllnc", "Zaaksysteem", ZAAK, 12, 200_000),
    (UTRECHT, "Centric", "Key2Burgerzaken", BURGERZAKEN, 31, 30_000),
    (RHENEN, "Mintlab", "Zaaksysteem.nl", ZAAK, 14, 30_000),
    (RENSWOUDE, "Centric B.V.", "Key2Zaken", ZAAK, 20, None),
    (EDE, "Centric", "Key2Zaken", ZAAK, 50, 60_000),
    (EDE, "Decos", "JOIN", DOCUMENT, 40, 25_000),
    (WAGENINGEN, "Decos", "JOIN", DOCUMENT, 45, 15_000),
]


def months_from_today(months):
    return add_months(timezone.localdate(), months)


def create_landscapes():
    for code, supplier, product, component, months, cost in LANDSCAPES:
        profiles.upsert_application(
            Municipality.objects.get(code=code),
            {
                "supplier": supplier,
                "product": product,
                "components": [component],
                "hosting": "saas",
                "contract": {"end_date": months_from_today(months), "yearly_cost_eur": cost},
            },
            None,
        )


@pytest.fixture
def landscapes(db):
    create_landscapes()
