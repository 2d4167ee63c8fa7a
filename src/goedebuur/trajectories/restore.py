# SPDX-License-Identifier: EUPL-1.2
"""Restore a trajectory to one of its recorded versions (part of the app's public API, re-exported
by services): its details, domains, checklist and ambitions come back as they were in that version.
The phase and state only change through the step plan, and invitations, answers, decisions (a log)
and acknowledgements stay as they are. The restore is itself recorded in the history."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from goedebuur.cooperations.models import CooperationForm, IctDomain
from goedebuur.core.trajectory import alignment as core
from goedebuur.history import services as history
from goedebuur.municipalities.models import Municipality

from . import records
from .models import Ambition, ChecklistItem, ChecklistState, Participant, Trajectory


@transaction.atomic
def restore_version(trajectory: Trajectory, record_id: int, user) -> Trajectory:
    record = history.version(records.HISTORY_MODEL, trajectory.pk, record_id)
    if record is None:
        raise ValidationError(_("Deze versie bestaat niet."))
    state = record.snapshot
    real = user if user is not None and user.is_authenticated else None
    trajectory.name = state["name"]
    trajectory.description = state["description"]
    trajectory.intended_form = CooperationForm.objects.filter(code=state["intended_form"]).first()
    trajectory.public_summary = state["public_summary"]
    trajectory.save()
    trajectory.domains.set(IctDomain.objects.filter(slug__in=state["domains"]))
    _restore_checklist(trajectory, state.get("checklist", {}), real)
    _restore_ambitions(trajectory, state.get("ambitions", {}), real)
    records.record(
        trajectory,
        "restore",
        user,
        _("hersteld naar de versie van %(at)s") % {"at": f"{record.at:%d-%m-%Y %H:%M}"},
    )
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
