# SPDX-License-Identifier: EUPL-1.2
"""The trajectories block of the personal dashboard: open invitations, and per trajectory of the
user's municipality the phase and what blocks the next step (highlighted where it must act)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from goedebuur.pages.services import DashboardItem, Section

from . import services
from .models import Participant, Trajectory

LIMIT = 20


def sections(user) -> list[Section]:
    if not (user.is_authenticated and user.municipality_id):
        return []
    municipality = user.municipality
    items = []
    trajectories = services.with_related(services.trajectories_of(municipality)).exclude(
        state=Trajectory.State.STOPPED
    )[:LIMIT]
    for trajectory in trajectories:
        own = next((p for p in trajectory.participants.all() if p.municipality_id == municipality.pk), None)
        url = trajectory.get_absolute_url()
        if own is not None and own.status == Participant.Status.INVITED:
            items.append(
                DashboardItem(
                    text=_("Uitnodiging: %(name)s") % {"name": trajectory.name},
                    url=url,
                    note=_("van %(initiator)s; neem haar aan of wijs haar af")
                    % {"initiator": trajectory.initiator.name},
                    urgent=True,
                )
            )
            continue
        status = services.step_status(trajectory)
        phase = trajectory.get_phase_display()
        if trajectory.state == Trajectory.State.PAUSED:
            items.append(DashboardItem(text=f"{trajectory.name}: {phase}", url=url, note=_("gepauzeerd")))
            continue
        ours = [b for b in status.advance_blockers if municipality.name in b.who]
        if ours:
            note = " ".join(b.reason for b in ours)
        elif status.advance_blockers:
            note = " ".join(b.reason for b in status.advance_blockers[:2])
        else:
            note = _("Niets houdt de volgende fase tegen.")
        items.append(DashboardItem(text=f"{trajectory.name}: {phase}", url=url, note=note, urgent=bool(ours)))
    items.sort(key=lambda item: not item.urgent)
    return [
        Section(
            title=_("Samenwerkingstrajecten"),
            items=items,
            empty_text=_("Uw gemeente neemt nog niet deel aan een samenwerkingstraject."),
            more_url=reverse("trajectories:list"),
            more_text=_("Alle trajecten"),
            order=40,
        )
    ]
