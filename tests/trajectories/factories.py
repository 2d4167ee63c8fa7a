# SPDX-License-Identifier: EUPL-1.2
"""Factories for trajectory tests: plain functions that build records through the services."""

import datetime as dt

from goedebuur.cooperations.models import CooperationForm, IctDomain
from goedebuur.municipalities.models import Municipality
from goedebuur.trajectories import services
from goedebuur.trajectories.models import ChecklistState, Trajectory
from goedebuur.trajectories.permissions import can_speak_for

from ..factories import RHENEN, VEENENDAAL


def municipality(code):
    return Municipality.objects.get(code=code)


def make_trajectory(
    initiator=VEENENDAAL, invitees=(RHENEN,), accept=True, name="ICT-samenwerking Vallei", user=None, **extra
) -> Trajectory:
    extra.setdefault("domains", list(IctDomain.objects.filter(slug="infrastructuur-beheer")))
    extra.setdefault("intended_form", CooperationForm.objects.get(code="samenwerkingsovereenkomst"))
    trajectory = services.create_trajectory(
        user,
        name=name,
        initiator=municipality(initiator),
        invitees=[municipality(c) for c in invitees],
        **extra,
    )
    if accept:  # each invitee accepts (as the platform itself: `user` speaks for the initiator)
        for code in invitees:
            services.respond(trajectory, municipality(code), True, None)
    return trajectory


def scores(kwaliteit=3, kosten=3, kwetsbaarheid=3, personeel=3, motive="verbeteren", **extra):
    return dict(
        kwaliteit=kwaliteit,
        kosten=kosten,
        kwetsbaarheid=kwetsbaarheid,
        personeel=personeel,
        motive=motive,
        **extra,
    )


def settle_required_items(trajectory, user=None):
    for item in services.open_required_items(trajectory):
        services.set_checklist_status(trajectory, item, ChecklistState.Status.DONE, "", user)


def go(trajectory, user=None):
    services.record_decision(trajectory, user, outcome="go", date=dt.date(2026, 11, 1), body="colleges")


def advance(trajectory, user=None):
    """Settle what the current phase needs and move on."""
    settle_required_items(trajectory, user)
    go(trajectory, user)
    return services.take_action(trajectory, "volgende-fase", user)


def align(trajectory, user=None):
    """Every partner fills in the same ambitions: `user` where it may speak for the partner, the
    platform itself (no user) for the others."""
    for participant in services.accepted(trajectory):
        speaker = (
            user if user is not None and can_speak_for(user, trajectory, participant.municipality) else None
        )
        services.save_ambition(trajectory, participant.municipality, scores(), speaker)


EDE = "GM0228"  # no editor on the platform


def ede_invitation(user):
    """Veenendaal invites Ede, and `user` invites a person at Ede by e-mail (an address in Ede's own
    mail domain: sent at once). Returns (trajectory, invitation)."""
    trajectory = make_trajectory(invitees=(EDE,), accept=False)
    domain = sorted(municipality(EDE).mail_domains)[0]
    return trajectory, services.invite_contact(trajectory, municipality(EDE), f"ict@{domain}", user)
