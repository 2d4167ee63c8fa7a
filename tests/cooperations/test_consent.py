# SPDX-License-Identifier: EUPL-1.2
"""Consent for changes in who takes part (services.answer_member_change and the member rules of
save_cooperation and restore_version): invitations, removals, answers, withdrawal, the administrator's
override, and register entries that follow the register."""

import dataclasses
import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from goedebuur.accounts.models import User
from goedebuur.cooperations import permissions, services
from goedebuur.cooperations.models import MemberChange, Membership
from goedebuur.history import services as history
from goedebuur.municipalities.models import Municipality

from ..factories import (
    RENSWOUDE,
    RHENEN,
    UTRECHT,
    VEENENDAAL,
    cooperation_input,
    gr_participant,
    gr_record,
    make_cooperation,
    make_user,
    write_gr_file,
)

OPEN = MemberChange.Status.OPEN


def municipality(code):
    return Municipality.objects.get(code=code)


def members(cooperation, current=True):
    qs = Membership.objects.filter(cooperation=cooperation)
    if current:
        qs = qs.filter(left_on__isnull=True)
    return sorted(qs.values_list("municipality__code", flat=True))


def open_changes(cooperation):
    return {(c.kind, c.municipality.code) for c in services.open_member_changes(cooperation)}


def with_members(cooperation, *codes, left=None):
    values = services.input_from(cooperation)
    values.members = [services.MemberInput(municipality(c), left_on=(left or {}).get(c)) for c in codes]
    return values


@pytest.fixture
def editor_rhenen(db):
    return make_user(RHENEN, username="editor-rhenen")


@pytest.fixture
def editor_renswoude(db):
    return make_user(RENSWOUDE, username="editor-renswoude")


@pytest.fixture
def pair(db):
    """Rhenen and Veenendaal, both accepted members (as the seed loads them)."""
    return make_cooperation(user=None, members=(RHENEN, VEENENDAAL), name="ICT Rhenen-Veenendaal")


# --- creating --------------------------------------------------------------------------------


def test_it_makes_the_creators_municipality_a_member_and_invites_the_others(editor_a):
    cooperation = make_cooperation(user=editor_a, members=(VEENENDAAL, RHENEN, UTRECHT), invited_accept=False)
    assert members(cooperation) == [VEENENDAAL]
    assert open_changes(cooperation) == {("toetreden", RHENEN), ("toetreden", UTRECHT)}
    assert "wacht op instemming" in services.versions(cooperation).get().note
    # at creation there is no other member to ask: each invited municipality decides for itself
    (change,) = [c for c in services.open_member_changes(cooperation) if c.municipality.code == UTRECHT]
    assert [m.code for m in services.member_change_waits_for(change)] == [UTRECHT]


def test_an_invited_municipality_joins_when_its_editor_accepts(editor_a, editor_b):
    cooperation = make_cooperation(user=editor_a, members=(VEENENDAAL, UTRECHT), invited_accept=False)
    assert not permissions.can_edit(editor_b, cooperation)
    change = services.answer_member_change(cooperation, municipality(UTRECHT), editor_b, agree=True)
    assert change.status == MemberChange.Status.ACCEPTED and change.decided_by == editor_b
    assert members(cooperation) == [UTRECHT, VEENENDAAL]
    assert permissions.can_edit(editor_b, cooperation)
    assert services.versions(cooperation).first().note == "Uitnodiging van Utrecht: Utrecht stemt in"


def test_consent_the_platform_already_holds_needs_no_new_answer(editor_a):
    """As when a trajectory enters the register: its partners accepted the trajectory themselves."""
    values = cooperation_input(members=(VEENENDAAL, RHENEN, UTRECHT))
    cooperation = services.save_cooperation(values, editor_a, consented=[municipality(RHENEN)])
    assert members(cooperation) == [RHENEN, VEENENDAAL]
    assert open_changes(cooperation) == {("toetreden", UTRECHT)}
    note = services.versions(cooperation).get().note
    assert "Utrecht wacht op instemming" in note and "Rhenen" not in note


def test_the_system_and_the_seed_add_members_at_once(pair):
    assert members(pair) == [RHENEN, VEENENDAAL] and not open_changes(pair)


# --- inviting into an existing entry -----------------------------------------------------------


def test_an_invitation_needs_the_invited_municipality_and_the_other_members(
    pair, editor_rhenen, editor_a, editor_b
):
    services.save_cooperation(with_members(pair, RHENEN, VEENENDAAL, UTRECHT), editor_rhenen, instance=pair)
    assert members(pair) == [RHENEN, VEENENDAAL]
    (change,) = services.open_member_changes(pair)
    assert {m.code for m in services.member_change_waits_for(change)} == {UTRECHT, VEENENDAAL}

    services.answer_member_change(pair, municipality(UTRECHT), editor_b, agree=True)
    assert members(pair) == [RHENEN, VEENENDAAL]  # Veenendaal has not agreed yet
    services.answer_member_change(pair, municipality(UTRECHT), editor_a, agree=True)
    assert members(pair) == [RHENEN, UTRECHT, VEENENDAAL] and not open_changes(pair)


def test_one_refusal_declines_the_invitation(pair, editor_rhenen, editor_a, editor_b):
    services.save_cooperation(with_members(pair, RHENEN, VEENENDAAL, UTRECHT), editor_rhenen, instance=pair)
    change = services.answer_member_change(pair, municipality(UTRECHT), editor_a, agree=False)
    assert change.status == MemberChange.Status.DECLINED
    with pytest.raises(ValidationError) as error:
        services.answer_member_change(pair, municipality(UTRECHT), editor_b, agree=True)
    assert error.value.code == "nothing_open"
    assert members(pair) == [RHENEN, VEENENDAAL]


def test_the_proposer_withdraws_but_cannot_accept_for_others(pair, editor_rhenen):
    services.save_cooperation(with_members(pair, RHENEN, VEENENDAAL, UTRECHT), editor_rhenen, instance=pair)
    with pytest.raises(PermissionDenied):
        services.answer_member_change(pair, municipality(UTRECHT), editor_rhenen, agree=True)
    change = services.answer_member_change(pair, municipality(UTRECHT), editor_rhenen, agree=False)
    assert change.status == MemberChange.Status.WITHDRAWN and not open_changes(pair)


def test_leaving_an_invited_municipality_off_the_list_withdraws_it_and_other_edits_keep_it(
    pair, editor_rhenen
):
    services.save_cooperation(with_members(pair, RHENEN, VEENENDAAL, UTRECHT), editor_rhenen, instance=pair)
    values = dataclasses.replace(services.input_from(pair), name="Nieuwe naam")
    services.save_cooperation(values, editor_rhenen, instance=pair)
    assert open_changes(pair) == {("toetreden", UTRECHT)}
    services.save_cooperation(with_members(pair, RHENEN, VEENENDAAL), editor_rhenen, instance=pair)
    assert not open_changes(pair)
    assert pair.member_changes.get().status == MemberChange.Status.WITHDRAWN


def test_only_editors_of_a_municipality_that_is_asked_may_answer(pair, editor_rhenen, editor_renswoude, db):
    services.save_cooperation(with_members(pair, RHENEN, VEENENDAAL, UTRECHT), editor_rhenen, instance=pair)
    reader_utrecht = make_user(UTRECHT, User.Role.READER, username="reader-utrecht")
    for user in (reader_utrecht, editor_renswoude, make_user(None, username="zonder-gemeente")):
        with pytest.raises(PermissionDenied):
            services.answer_member_change(pair, municipality(UTRECHT), user, agree=True)
    assert open_changes(pair) == {("toetreden", UTRECHT)}


def test_a_municipality_answers_once(pair, editor_rhenen, editor_b):
    services.save_cooperation(with_members(pair, RHENEN, VEENENDAAL, UTRECHT), editor_rhenen, instance=pair)
    services.answer_member_change(pair, municipality(UTRECHT), editor_b, agree=True)
    with pytest.raises(ValidationError):
        services.answer_member_change(pair, municipality(UTRECHT), editor_b, agree=False)


def test_roles_and_join_dates_need_no_consent(pair, editor_rhenen):
    values = services.input_from(pair)
    for member in values.members:
        member.role, member.joined_on = Membership.Role.GASTHEER, dt.date(2020, 1, 1)
    services.save_cooperation(values, editor_rhenen, instance=pair)
    assert set(pair.memberships.values_list("role", "joined_on")) == {
        (Membership.Role.GASTHEER, dt.date(2020, 1, 1))
    }
    assert not open_changes(pair)


# --- removing -------------------------------------------------------------------------------


def test_removing_a_member_waits_for_that_member(pair, editor_rhenen, editor_a):
    services.save_cooperation(with_members(pair, RHENEN, RENSWOUDE), editor_rhenen, instance=pair)
    assert members(pair) == [RHENEN, VEENENDAAL]
    assert open_changes(pair) == {("uittreden", VEENENDAAL), ("toetreden", RENSWOUDE)}
    assert permissions.can_edit(editor_a, pair)

    services.answer_member_change(pair, municipality(VEENENDAAL), editor_a, agree=True)
    assert members(pair) == [RHENEN]
    assert not Membership.objects.filter(cooperation=pair, municipality__code=VEENENDAAL).exists()
    assert not permissions.can_edit(editor_a, pair)


def test_a_leave_date_for_another_member_is_a_removal_that_keeps_it_as_former_member(
    pair, editor_rhenen, editor_a
):
    left = {VEENENDAAL: dt.date(2025, 12, 31)}
    services.save_cooperation(with_members(pair, RHENEN, VEENENDAAL, left=left), editor_rhenen, instance=pair)
    assert members(pair) == [RHENEN, VEENENDAAL]
    services.answer_member_change(pair, municipality(VEENENDAAL), editor_a, agree=True)
    assert members(pair) == [RHENEN]
    assert pair.memberships.get(municipality__code=VEENENDAAL).left_on == dt.date(2025, 12, 31)


def test_a_former_member_returns_only_with_consent(editor_rhenen, editor_a):
    cooperation = make_cooperation(user=None, members=(RHENEN, VEENENDAAL, RENSWOUDE))
    Membership.objects.filter(cooperation=cooperation, municipality__code=RENSWOUDE).update(
        left_on=dt.date(2024, 1, 1)
    )
    services.save_cooperation(
        with_members(cooperation, RHENEN, VEENENDAAL, RENSWOUDE), editor_rhenen, instance=cooperation
    )
    assert members(cooperation) == [RHENEN, VEENENDAAL]
    assert open_changes(cooperation) == {("toetreden", RENSWOUDE)}
    listed = {m.municipality.code: m.member_status for m in cooperation.members}
    assert listed == {RHENEN: "geaccepteerd", VEENENDAAL: "geaccepteerd", RENSWOUDE: "uitgenodigd"}
    # a later edit lists it once and keeps the invitation
    renamed = dataclasses.replace(services.input_from(cooperation), name="Hernoemd")
    services.save_cooperation(renamed, editor_rhenen, instance=cooperation)
    assert open_changes(cooperation) == {("toetreden", RENSWOUDE)}


def test_a_member_that_left_no_longer_holds_up_a_change(editor_rhenen, editor_a, editor_b, admin_user):
    cooperation = make_cooperation(user=None, members=(RHENEN, VEENENDAAL, RENSWOUDE))
    services.save_cooperation(
        with_members(cooperation, RHENEN, VEENENDAAL, RENSWOUDE, UTRECHT), editor_rhenen, instance=cooperation
    )
    services.answer_member_change(cooperation, municipality(UTRECHT), editor_b, agree=True)
    services.answer_member_change(cooperation, municipality(UTRECHT), editor_a, agree=True)
    assert UTRECHT not in members(cooperation)  # Renswoude has not answered
    services.save_cooperation(
        with_members(cooperation, RHENEN, VEENENDAAL, UTRECHT), admin_user, instance=cooperation
    )
    assert members(cooperation) == [RHENEN, UTRECHT, VEENENDAAL] and not open_changes(cooperation)


def test_whose_consent_counts_is_fixed_when_the_change_is_made(editor_rhenen, editor_b, admin_user):
    cooperation = make_cooperation(user=None, members=(RHENEN, VEENENDAAL))
    services.save_cooperation(
        with_members(cooperation, RHENEN, VEENENDAAL, UTRECHT), editor_rhenen, instance=cooperation
    )
    services.save_cooperation(
        with_members(cooperation, RHENEN, VEENENDAAL, UTRECHT, RENSWOUDE), admin_user, instance=cooperation
    )
    assert RENSWOUDE in members(cooperation)
    change = services.open_member_changes(cooperation).get()
    assert {m.code for m in services.member_change_waits_for(change)} == {UTRECHT, VEENENDAAL}


# --- administrators and restores ---------------------------------------------------------------


def test_an_administrators_change_applies_at_once(pair, admin_user):
    services.save_cooperation(with_members(pair, RHENEN, UTRECHT), admin_user, instance=pair)
    assert members(pair) == [RHENEN, UTRECHT] and not open_changes(pair)


def test_an_administrator_decides_an_open_change_at_once(pair, editor_rhenen, admin_user):
    services.save_cooperation(with_members(pair, RHENEN, VEENENDAAL, UTRECHT), editor_rhenen, instance=pair)
    change = services.answer_member_change(pair, municipality(UTRECHT), admin_user, agree=True)
    assert change.status == MemberChange.Status.ACCEPTED and change.decided_by == admin_user
    assert members(pair) == [RHENEN, UTRECHT, VEENENDAAL]
    assert "beheerder" in services.versions(pair).first().note


def test_a_restore_cannot_bring_back_a_member_without_consent(pair, editor_rhenen, admin_user):
    services.save_cooperation(with_members(pair, RHENEN, VEENENDAAL, UTRECHT), admin_user, instance=pair)
    with_utrecht = services.versions(pair).first()
    services.save_cooperation(with_members(pair, RHENEN, VEENENDAAL), admin_user, instance=pair)
    services.restore_version(pair, with_utrecht.pk, editor_rhenen)
    assert members(pair) == [RHENEN, VEENENDAAL]
    assert open_changes(pair) == {("toetreden", UTRECHT)}


def test_a_restore_cannot_remove_a_member_without_consent(pair, editor_rhenen, admin_user):
    first = services.versions(pair).get()
    services.save_cooperation(with_members(pair, RHENEN, VEENENDAAL, UTRECHT), admin_user, instance=pair)
    services.restore_version(pair, first.pk, editor_rhenen)
    assert members(pair) == [RHENEN, UTRECHT, VEENENDAAL]
    assert open_changes(pair) == {("uittreden", UTRECHT)}


# --- the GR-register -----------------------------------------------------------------------------


def test_register_entries_follow_the_register_not_invitations(tmp_path, editor_rhenen):
    record = gr_record("200", "Regeling ICT Vallei", [gr_participant(VEENENDAAL), gr_participant(RHENEN)])
    services.import_register(write_gr_file(tmp_path, [record]), register_date=dt.date(2026, 5, 16))
    entry = services.register_entries().get()
    assert members(entry) == [RHENEN, VEENENDAAL]  # accepted by definition
    assert permissions.can_edit(editor_rhenen, entry)
    with pytest.raises(ValidationError) as error:
        services.save_cooperation(
            with_members(entry, RHENEN, VEENENDAAL, UTRECHT), editor_rhenen, instance=entry
        )
    assert "members" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.answer_member_change(entry, municipality(UTRECHT), editor_rhenen, agree=True)
    assert not open_changes(entry) and members(entry) == [RHENEN, VEENENDAAL]


def test_linking_an_entry_to_the_register_ends_its_open_changes(tmp_path, editor_a):
    cooperation = make_cooperation(
        user=editor_a, members=(VEENENDAAL, RHENEN), name="Regeling ICT Vallei", invited_accept=False
    )
    assert open_changes(cooperation) == {("toetreden", RHENEN)}
    record = gr_record("201", "Regeling ICT Vallei", [gr_participant(VEENENDAAL), gr_participant(RHENEN)])
    services.import_register(write_gr_file(tmp_path, [record]), register_date=dt.date(2026, 5, 16))
    cooperation.refresh_from_db()
    assert cooperation.from_register and not open_changes(cooperation)
    assert members(cooperation) == [RHENEN, VEENENDAAL]
    assert not services.member_changes_waiting_for(municipality(RHENEN)).exists()


def test_the_history_of_an_entry_tells_the_invitation_and_the_answers(
    pair, editor_rhenen, editor_a, editor_b
):
    services.save_cooperation(with_members(pair, RHENEN, VEENENDAAL, UTRECHT), editor_rhenen, instance=pair)
    services.answer_member_change(pair, municipality(UTRECHT), editor_b, agree=True)
    services.answer_member_change(pair, municipality(UTRECHT), editor_a, agree=True)
    notes = [r.note for r in history.versions(pair)][:3]
    assert notes == [
        "Uitnodiging van Utrecht: Veenendaal stemt in",
        "Uitnodiging van Utrecht: Utrecht stemt in",
        "Uitnodiging van Utrecht wacht op instemming",
    ]
    changes = history.versions(pair).first().changes
    assert any(c["field"] == "members" for c in changes)
