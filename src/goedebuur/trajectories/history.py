# SPDX-License-Identifier: EUPL-1.2
"""How a trajectory enters the history: after every change a full snapshot as plain JSON data
(details, partners, checklist, decisions, ambitions, links), and how such a snapshot is written back.

A restore brings back the details, domains, checklist and ambitions as they were in that version.
The phase and state only change through the step plan, and invitations, answers, decisions (a log)
and acknowledgements stay as they are."""

from goedebuur.cooperations.models import CooperationForm, IctDomain
from goedebuur.core.trajectory import alignment as core
from goedebuur.history import services as history
from goedebuur.municipalities.models import Municipality

from .models import Ambition, ChecklistItem, ChecklistState, Participant, Trajectory


def _iso(value):
    return value.isoformat() if value else None


def _real(user):
    return user if user is not None and user.is_authenticated else None


@history.register
class TrajectoryTracker(history.Tracker):
    model = Trajectory
    label = "trajectories.trajectory"

    def describe(self, trajectory):
        return trajectory.name

    def snapshot(self, trajectory):
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

    def apply(self, trajectory, state, *, user, object_id):
        trajectory.name = state["name"]
        trajectory.description = state["description"]
        trajectory.intended_form = CooperationForm.objects.filter(code=state["intended_form"]).first()
        trajectory.public_summary = state["public_summary"]
        trajectory.save()
        trajectory.domains.set(IctDomain.objects.filter(slug__in=state["domains"]))
        _restore_checklist(trajectory, state.get("checklist", {}), _real(user))
        _restore_ambitions(trajectory, state.get("ambitions", {}), _real(user))
        return trajectory


def _restore_checklist(trajectory, wanted: dict, user) -> None:
    items = ChecklistItem.objects.in_bulk(list(wanted), field_name="code")
    current = {s.item.code: s for s in trajectory.checklist.select_related("item")}
    for code, state in current.items():
        if code not in wanted:
            state.delete()  # not in that version: open again
    for code, values in wanted.items():
        if code not in items:
            continue
        state = current.get(code) or ChecklistState(trajectory=trajectory, item=items[code])
        if state.pk and (state.status, state.note) == (values["status"], values["note"]):
            continue
        state.status, state.note, state.updated_by = values["status"], values["note"], user
        state.save()


def _restore_ambitions(trajectory, wanted: dict, user) -> None:
    partners = set(
        trajectory.participants.filter(status=Participant.Status.ACCEPTED).values_list(
            "municipality__code", flat=True
        )
    )
    current = {a.municipality.code: a for a in trajectory.ambitions.select_related("municipality")}
    for code, ambition in current.items():
        if code not in wanted:
            ambition.delete()
    by_code = Municipality.objects.in_bulk([c for c in wanted if c in partners], field_name="code")
    fields = (*core.K_CODES, "motive", "must_haves", "deal_breakers")
    for code, values in wanted.items():
        if code not in by_code:
            continue
        ambition = current.get(code) or Ambition(trajectory=trajectory, municipality=by_code[code])
        if ambition.pk and all(getattr(ambition, f) == values[f] for f in fields):
            continue
        for name in fields:
            setattr(ambition, name, values[name])
        ambition.updated_by = user
        ambition.save()
