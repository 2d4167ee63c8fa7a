# SPDX-License-Identifier: EUPL-1.2
"""Demo trajectories for `goedebuur demo`, fictional and labelled as such ("Demo:" in the name,
`is_demo`): Rhenen and Veenendaal sharing ambitions about a common case system, and Ede and
Wageningen further along, agreeing on fallback. Loading is idempotent."""

import datetime as dt

from django.db import transaction

from goedebuur.accounts import services as accounts
from goedebuur.cooperations.models import CooperationForm, IctDomain
from goedebuur.municipalities.models import Municipality

from . import services
from .models import ChecklistItem, Trajectory

RHENEN_VEENENDAAL = "Demo: Gezamenlijk zaaksysteem Rhenen en Veenendaal"
EDE_WAGENINGEN = "Demo: Achtervang Ede en Wageningen"


def _user(username):
    return accounts.user_named(username)


def _tick(trajectory, codes, user, note=""):
    for item in ChecklistItem.objects.filter(code__in=codes):
        services.set_checklist_status(trajectory, item, "gedaan", note, user)


def _go(trajectory, user, date, body="colleges", note=""):
    services.record_decision(trajectory, user, outcome="go", date=date, body=body, note=note)


def _rhenen_veenendaal(codes) -> Trajectory:
    rhenen_user = _user("redacteur.rhenen")
    trajectory = services.create_trajectory(
        rhenen_user,
        name=RHENEN_VEENENDAAL,
        initiator=codes["GM0340"],
        invitees=[codes["GM0345"]],
        domains=list(IctDomain.objects.filter(slug__in=["applicaties", "infrastructuur-beheer"])),
        intended_form=CooperationForm.objects.filter(code="dvo").first(),
        description="Fictief voorbeeld: Rhenen en Veenendaal onderzoeken één gezamenlijk zaaksysteem, "
        "beheerd door Veenendaal.",
        is_demo=True,
        notify=False,  # the demo accepts at once; no e-mail on the console
    )
    services.respond(trajectory, codes["GM0345"], True, _user("redacteur.veenendaal"))
    _tick(trajectory, ["gedeeld-belang", "nulmeting"], rhenen_user, "Besproken in de regiegroep.")
    _go(
        trajectory,
        rhenen_user,
        dt.date(2026, 10, 6),
        note="Beide colleges stemmen in met verdere verkenning.",
    )
    trajectory = services.take_action(trajectory, "volgende-fase", rhenen_user)
    services.save_ambition(
        trajectory,
        codes["GM0340"],
        {
            "kwaliteit": 4,
            "kosten": 2,
            "kwetsbaarheid": 5,
            "personeel": 3,
            "motive": "verbeteren",
            "must_haves": "Eén zaaksysteem voor beide gemeenten\nAchtervang voor elkaar",
            "deal_breakers": "Eigen serverruimte opgeven vóór 2028",
        },
        rhenen_user,
    )
    return trajectory


def _ede_wageningen(codes) -> Trajectory:
    user = _user("beheerder")
    trajectory = services.create_trajectory(
        user,
        name=EDE_WAGENINGEN,
        initiator=codes["GM0228"],
        invitees=[codes["GM0289"]],
        domains=list(IctDomain.objects.filter(slug__in=["achtervang-uitwijk"])),
        intended_form=CooperationForm.objects.filter(code="samenwerkingsovereenkomst").first(),
        description="Fictief voorbeeld: Ede en Wageningen worden elkaars uitwijklocatie.",
        public_summary=True,
        is_demo=True,
        notify=False,  # the demo accepts at once; no e-mail on the console
    )
    services.respond(trajectory, codes["GM0289"], True, None)  # Wageningen has no demo editor: the platform
    _tick(trajectory, ["gedeeld-belang"], user)
    _go(trajectory, user, dt.date(2026, 3, 2))
    trajectory = services.take_action(trajectory, "volgende-fase", user)
    for code, scores in (("GM0228", (3, 3, 5, 2)), ("GM0289", (4, 2, 5, 1))):
        values = dict(zip(("kwaliteit", "kosten", "kwetsbaarheid", "personeel"), scores, strict=True))
        services.save_ambition(trajectory, codes[code], values | {"motive": "verbeteren"}, user)
    _tick(trajectory, ["ambities", "intentieverklaring"], user)
    _go(trajectory, user, dt.date(2026, 6, 15), note="Intentieverklaring getekend.")
    trajectory = services.take_action(trajectory, "volgende-fase", user)
    _tick(
        trajectory, ["governance"], user, "Stuurgroep van beide portefeuillehouders; kosten naar inwonertal."
    )
    return trajectory


@transaction.atomic
def load_demo() -> str:
    """Load the demo data (idempotent) and return one Dutch line for the command's output."""
    services.ensure_checklist()
    codes = Municipality.objects.in_bulk(["GM0340", "GM0345", "GM0228", "GM0289"], field_name="code")
    added = 0
    for name, build in ((RHENEN_VEENENDAAL, _rhenen_veenendaal), (EDE_WAGENINGEN, _ede_wageningen)):
        if not Trajectory.objects.filter(name=name, is_demo=True).exists():
            build(codes)
            added += 1
    return f"{added} demotrajecten geladen" if added else "demotrajecten waren er al"
