# SPDX-License-Identifier: EUPL-1.2
"""Checklist and decisions of a trajectory (part of the app's public API, re-exported by services)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from goedebuur.common import date_within
from goedebuur.core.trajectory import workflow as flow
from goedebuur.history import services as history
from goedebuur.history.services import expect_revision

from .models import PHASE_CHOICES, ChecklistItem, ChecklistState, Decision, Trajectory
from .rules import check_editable


def ensure_checklist() -> int:
    """Create the default checklist items that are missing (by code); edits by administrators are
    kept. Returns how many were created."""
    existing = set(ChecklistItem.objects.values_list("code", flat=True))
    missing = [
        ChecklistItem(
            code=item.code, phase=item.phase, title=item.title, tip=item.tip, required=item.required, order=i
        )
        for i, item in enumerate(flow.CHECKLIST)
        if item.code not in existing
    ]
    ChecklistItem.objects.bulk_create(missing, ignore_conflicts=True)
    return len(missing)


def checklist(trajectory: Trajectory) -> list[dict]:
    """Per phase: the phase and its active items, each with the trajectory's state (or None)."""
    ensure_checklist()
    states = {s.item_id: s for s in trajectory.checklist.select_related("updated_by")}
    phase_names = dict(PHASE_CHOICES)
    by_phase: dict[str, list] = {code: [] for code in flow.PHASE_CODES}
    for item in ChecklistItem.objects.filter(active=True):
        by_phase[item.phase].append({"item": item, "state": states.get(item.pk)})
    return [
        {
            "code": code,
            "name": phase_names[code],
            "rows": by_phase[code],
            "current": code == trajectory.phase,
        }
        for code in flow.PHASE_CODES
    ]


def open_required_items(trajectory: Trajectory, phase: str | None = None) -> list[ChecklistItem]:
    ensure_checklist()
    settled = trajectory.checklist.exclude(status=ChecklistState.Status.OPEN).values("item_id")
    return list(
        ChecklistItem.objects.filter(phase=phase or trajectory.phase, required=True, active=True).exclude(
            pk__in=settled
        )
    )


@transaction.atomic
def set_checklist_status(
    trajectory: Trajectory, item: ChecklistItem, status: str, note: str, user, revision=None
) -> ChecklistState:
    """`revision`: the revision of the item's state the editor saw (None: no check beyond the race)."""
    check_editable(user, trajectory)
    if status not in ChecklistState.Status.values:
        raise ValidationError({"status": _("Kies open, gedaan of niet van toepassing.")})
    if not item.active:
        raise ValidationError({"item": _("Dit checklistpunt is niet meer in gebruik.")})
    if trajectory.state == Trajectory.State.STOPPED:
        raise ValidationError(_("Het traject is gestopt."))
    state, created = ChecklistState.objects.get_or_create(trajectory=trajectory, item=item)
    if not created:
        expect_revision(state, revision)
    state.status = status
    state.note = note.strip()
    state.updated_by = user if user is not None and user.is_authenticated else None
    state.save()
    trajectory.touch()
    history.record(trajectory, "update", user, _("checklist: %(item)s") % {"item": item.title})
    return state


def latest_decision(trajectory: Trajectory) -> Decision | None:
    """The latest decision about the current phase, taken since the trajectory (re-)entered it."""
    return (
        trajectory.decisions.filter(phase=trajectory.phase, recorded_at__gte=trajectory.phase_entered_at)
        .order_by("-recorded_at", "-id")
        .first()
    )


@transaction.atomic
def record_decision(
    trajectory: Trajectory,
    user,
    *,
    outcome: str,
    date: dt.date,
    body: str,
    minutes_url: str = "",
    note: str = "",
) -> Decision:
    """A go or no-go decision about the current phase."""
    check_editable(user, trajectory)
    errors = {}
    if trajectory.state == Trajectory.State.STOPPED:
        errors["__all__"] = [_("Het traject is gestopt; er worden geen besluiten meer vastgelegd.")]
    if outcome not in Decision.Outcome.values:
        errors["outcome"] = [_("Kies go of no-go.")]
    if body not in Decision.Body.values:
        errors["body"] = [_("Kies wie het besluit nam.")]
    if date is None:
        errors["date"] = [_("Vul de datum van het besluit in.")]
    elif date > dt.date.today() + dt.timedelta(days=1):
        errors["date"] = [_("Een besluit kan niet in de toekomst liggen.")]
    elif not date_within(date, back=10):
        errors["date"] = [_("Dit besluit ligt meer dan tien jaar terug; controleer de datum.")]
    if errors:
        raise ValidationError(errors)
    decision = Decision.objects.create(
        trajectory=trajectory,
        phase=trajectory.phase,
        outcome=outcome,
        date=date,
        body=body,
        minutes_url=minutes_url.strip(),
        note=note.strip(),
        recorded_by=user if user is not None and user.is_authenticated else None,
    )
    trajectory.touch()
    history.record(
        trajectory,
        "update",
        user,
        _("besluit %(outcome)s in fase %(phase)s") % {"outcome": outcome, "phase": trajectory.phase_name},
    )
    return decision
