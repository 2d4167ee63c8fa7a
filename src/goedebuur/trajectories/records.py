# SPDX-License-Identifier: EUPL-1.2
"""History of a trajectory: after every change, a full snapshot as plain JSON data."""

from django.utils import timezone

from goedebuur.history import services as history

from .models import Trajectory

HISTORY_MODEL = "trajectories.trajectory"


def _iso(value):
    return value.isoformat() if value else None


def snapshot(trajectory: Trajectory) -> dict:
    return {
        "name": trajectory.name,
        "description": trajectory.description,
        "initiator": trajectory.initiator.code,
        "domains": sorted(trajectory.domains.values_list("slug", flat=True)),
        "intended_form": trajectory.intended_form.code if trajectory.intended_form_id else None,
        "phase": trajectory.phase,
        "state": trajectory.state,
        "state_reason": trajectory.state_reason,
        "public_summary": trajectory.public_summary,
        "cooperation": trajectory.cooperation.slug if trajectory.cooperation_id else None,
        "participants": [
            {"municipality": code, "status": status}
            for code, status in trajectory.participants.order_by("municipality__code").values_list(
                "municipality__code", "status"
            )
        ],
        "checklist": {
            code: {"status": status, "note": note}
            for code, status, note in trajectory.checklist.order_by("item__code").values_list(
                "item__code", "status", "note"
            )
        },
        "decisions": [
            {
                "phase": d.phase,
                "outcome": d.outcome,
                "date": _iso(d.date),
                "body": d.body,
                "minutes_url": d.minutes_url,
                "note": d.note,
            }
            for d in trajectory.decisions.order_by("recorded_at", "id")
        ],
        "ambitions": {
            a.municipality.code: {
                "kwaliteit": a.kwaliteit,
                "kosten": a.kosten,
                "kwetsbaarheid": a.kwetsbaarheid,
                "personeel": a.personeel,
                "motive": a.motive,
                "must_haves": a.must_haves,
                "deal_breakers": a.deal_breakers,
            }
            for a in trajectory.ambitions.select_related("municipality").order_by("municipality__code")
        },
        "business_cases": sorted(trajectory.business_cases.values_list("pk", flat=True)),
        "acknowledged": sorted(trajectory.acknowledgements.values_list("municipality__code", flat=True)),
    }


def touch(trajectory: Trajectory) -> None:
    """Mark the trajectory as changed when one of its parts (checklist, ambition, decision, answer,
    link) changed: `updated_at` only, without raising its revision, so that an editor of the
    trajectory's own details is not refused because someone ticked a checklist item meanwhile."""
    Trajectory.objects.filter(pk=trajectory.pk).update(updated_at=timezone.now())


def record(trajectory: Trajectory, action: str, user, note: str = "") -> None:
    history.record_change(
        model=HISTORY_MODEL,
        object_id=trajectory.pk,
        object_repr=trajectory.name,
        action=action,
        user=user,
        snapshot=snapshot(trajectory),
        note=note,
    )


def versions(trajectory: Trajectory):
    return history.versions(HISTORY_MODEL, trajectory.pk)
