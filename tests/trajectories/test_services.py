# SPDX-License-Identifier: EUPL-1.2
"""The trajectories service layer: invitations, checklist, decisions, the step plan, ambitions and
the move into the register, with history for every change."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from goedebuur.cooperations.models import Cooperation
from goedebuur.history.models import ChangeRecord
from goedebuur.trajectories import services
from goedebuur.trajectories.models import ChecklistItem, Participant, Trajectory

from ..factories import RENSWOUDE, RHENEN, VEENENDAAL, make_user
from .factories import advance, align, go, make_trajectory, municipality, scores, settle_required_items


def test_the_initiator_takes_part_and_invitees_are_e_mailed(db, django_capture_on_commit_callbacks):
    make_user(RHENEN, username="redacteur-rhenen").__class__.objects.filter(
        username="redacteur-rhenen"
    ).update(email="ict@rhenen.example")
    with django_capture_on_commit_callbacks(execute=True):
        trajectory = make_trajectory(accept=False)
    statuses = {p.municipality.code: p.status for p in trajectory.participants.all()}
    assert statuses == {VEENENDAAL: "deelnemer", RHENEN: "uitgenodigd"}
    (message,) = mail.outbox
    assert message.to == ["ict@rhenen.example"]
    assert "Veenendaal nodigt Rhenen uit" in message.body
    assert ChecklistItem.objects.count() >= 15


def test_it_rejects_a_trajectory_without_invitees(db):
    with pytest.raises(ValidationError) as error:
        make_trajectory(invitees=(VEENENDAAL,))
    assert "invitees" in error.value.message_dict
    assert not Trajectory.objects.exists()


def test_an_invitee_accepts_or_declines_once(db):
    trajectory = make_trajectory(invitees=(RHENEN, RENSWOUDE), accept=False)
    services.respond(trajectory, municipality(RHENEN), True, None)
    services.respond(trajectory, municipality(RENSWOUDE), False, None)
    assert trajectory.participants.get(municipality__code=RENSWOUDE).status == Participant.Status.DECLINED
    with pytest.raises(ValidationError, match="geen openstaande uitnodiging"):
        services.respond(trajectory, municipality(RHENEN), False, None)
    services.invite(trajectory, [municipality(RENSWOUDE)], None)
    assert trajectory.participants.get(municipality__code=RENSWOUDE).status == Participant.Status.INVITED


def test_advancing_needs_the_required_items_and_a_go_decision(db):
    trajectory = make_trajectory()
    with pytest.raises(ValidationError) as error:
        services.take_action(trajectory, "volgende-fase", None)
    reasons = error.value.message_dict["action"]
    assert any("Gedeeld belang" in r for r in reasons)
    assert any("go-besluit" in r for r in reasons)
    settle_required_items(trajectory)
    go(trajectory)
    assert services.take_action(trajectory, "volgende-fase", None).phase == "intentie"


def test_a_go_decision_of_an_earlier_visit_to_the_phase_does_not_count(db):
    trajectory = make_trajectory()
    trajectory = advance(trajectory)
    trajectory = services.take_action(trajectory, "vorige-fase", None)
    assert trajectory.phase == "verkennen"
    assert services.latest_decision(trajectory) is None
    assert "volgende-fase" not in services.step_status(trajectory).allowed


def test_the_move_to_overeenkomen_waits_for_aligned_ambitions(db):
    trajectory = advance(make_trajectory())
    settle_required_items(trajectory)
    go(trajectory)
    blockers = services.step_status(trajectory).advance_blockers
    assert [b.who for b in blockers] == [("Rhenen", "Veenendaal")]

    services.save_ambition(trajectory, municipality(VEENENDAAL), scores(kosten=5), None)
    services.save_ambition(trajectory, municipality(RHENEN), scores(kosten=1), None)
    picture = services.picture(trajectory)
    assert [d.topic for d in picture.divergences] == ["kosten"]
    assert "bevestigd" in services.step_status(trajectory).advance_blockers[0].reason

    services.acknowledge(trajectory, municipality(VEENENDAAL), None)
    services.acknowledge(trajectory, municipality(RHENEN), None)
    assert services.take_action(trajectory, "volgende-fase", None).phase == "overeenkomen"


def test_it_rejects_ambitions_out_of_range_and_saves_nothing(db):
    trajectory = make_trajectory()
    with pytest.raises(ValidationError) as error:
        services.save_ambition(trajectory, municipality(RHENEN), scores(kosten=6), None)
    assert "kosten" in error.value.message_dict
    assert not trajectory.ambitions.exists()


def test_stopping_needs_a_reason_and_is_final(db):
    trajectory = make_trajectory()
    with pytest.raises(ValidationError):
        services.take_action(trajectory, "stoppen", None, reason="")
    trajectory = services.take_action(trajectory, "stoppen", None, reason="Geen bestuurlijk draagvlak")
    assert (trajectory.state, trajectory.state_reason) == ("gestopt", "Geen bestuurlijk draagvlak")
    assert services.step_status(trajectory).allowed == ()


def test_a_trajectory_past_overeenkomen_enters_the_register(db):
    user = make_user(VEENENDAAL)
    trajectory = advance(make_trajectory(), user)
    align(trajectory, user)
    trajectory = advance(trajectory, user)
    with pytest.raises(ValidationError, match="Overeenkomen"):
        services.promote_to_register(trajectory, user)
    trajectory = advance(trajectory, user)
    cooperation = services.promote_to_register(trajectory, user)
    assert cooperation.status == Cooperation.Status.ACTIEF
    assert sorted(cooperation.memberships.values_list("municipality__code", flat=True)) == [
        RHENEN,
        VEENENDAAL,
    ]
    assert Trajectory.objects.get(pk=trajectory.pk).cooperation == cooperation
    with pytest.raises(ValidationError, match="al in het register"):
        services.promote_to_register(trajectory, user)


def test_every_change_is_recorded_with_a_snapshot(db):
    trajectory = make_trajectory()
    records = ChangeRecord.objects.filter(model="trajectories.trajectory", object_id=str(trajectory.pk))
    assert records.count() == 2  # created, Rhenen accepted
    latest = records.order_by("-id").first()
    assert {"municipality": RHENEN, "status": "deelnemer"} in latest.snapshot["participants"]


def test_administrators_edits_of_the_checklist_survive_seeding(db):
    services.ensure_checklist()
    item = ChecklistItem.objects.get(code="nulmeting")
    item.title = "Nulmeting (eigen tekst)"
    item.save()
    assert services.ensure_checklist() == 0
    assert ChecklistItem.objects.get(code="nulmeting").title == "Nulmeting (eigen tekst)"


def test_a_stopped_trajectory_keeps_its_checklist(db):
    trajectory = services.take_action(make_trajectory(), "stoppen", None, reason="Geen draagvlak")
    item = ChecklistItem.objects.get(code="nulmeting")
    with pytest.raises(ValidationError, match="gestopt"):
        services.set_checklist_status(trajectory, item, "gedaan", "", None)
    assert not trajectory.checklist.exists()
