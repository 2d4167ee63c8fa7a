# SPDX-License-Identifier: EUPL-1.2
"""Fictional demo cooperations, clearly labelled as such (`is_demo`, "Demo:" in the name); loaded by
`services.load_demo_cooperations`."""

import datetime as dt

from .models import Cooperation, Membership

DEMO_COOPERATIONS = [
    {
        "name": "Demo: Achtervang Utrechtse Heuvelrug en Zeist",
        "description": "Fictief voorbeeld: twee buurgemeenten verkennen of zij elkaars uitwijklocatie kunnen zijn.",
        "form": "convenant-intentieverklaring",
        "status": Cooperation.Status.VERKENNING,
        "domains": ["achtervang-uitwijk", "informatiebeveiliging-privacy"],
        "members": [("GM1581", Membership.Role.TREKKER), ("GM0355", Membership.Role.DEELNEMER)],
        "start": dt.date(2026, 3, 1),
    },
    {
        "name": "Demo: Gezamenlijke inkoop werkplekken FoodValley",
        "description": "Fictief voorbeeld: zes gemeenten kopen samen laptops en werkplekbeheer in.",
        "form": "gezamenlijke-aanbesteding",
        "status": Cooperation.Status.INTENTIE,
        "domains": ["inkoop", "werkplek"],
        "members": [
            ("GM0228", Membership.Role.TREKKER),
            ("GM0203", Membership.Role.DEELNEMER),
            ("GM0289", Membership.Role.DEELNEMER),
            ("GM0279", Membership.Role.DEELNEMER),
            ("GM0267", Membership.Role.DEELNEMER),
            ("GM0345", Membership.Role.DEELNEMER),
        ],
        "start": dt.date(2025, 9, 15),
    },
    {
        "name": "Demo: Gedeelde CISO Zwolle en omgeving",
        "description": "Fictief voorbeeld: Zwolle levert een CISO en privacyfunctionaris aan drie buurgemeenten.",
        "form": "dvo",
        "status": Cooperation.Status.ACTIEF,
        "domains": ["informatiebeveiliging-privacy"],
        "members": [
            ("GM0193", Membership.Role.GASTHEER),
            ("GM0148", Membership.Role.DEELNEMER),
            ("GM0166", Membership.Role.DEELNEMER),
            ("GM1896", Membership.Role.DEELNEMER),
        ],
        "start": dt.date(2023, 1, 1),
    },
]
