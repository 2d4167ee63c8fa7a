# SPDX-License-Identifier: EUPL-1.2
"""The transition table of a trajectory (goedebuur.core.trajectory.workflow): every allowed and forbidden
transition, and random action sequences that never leave the defined states."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goedebuur.core.trajectory import workflow
from goedebuur.core.trajectory.workflow import (
    ACTIONS,
    ACTIVE,
    ADVANCE,
    BACK,
    CHECKLIST,
    DECISIONS,
    PAUSE,
    PAUSED,
    PHASE_CODES,
    RESUME,
    STATES,
    STOP,
    STOPPED,
    Blocker,
    TrajectoryFacts,
    TransitionError,
    allowed_actions,
    apply,
    blockers,
    checklist_for,
    may_enter_register,
)

REASON_CODES = {
    workflow.IS_STOPPED,
    workflow.IS_PAUSED,
    workflow.NOT_PAUSED,
    workflow.LAST_PHASE,
    workflow.FIRST_PHASE,
    workflow.TOO_FEW_PARTNERS,
    workflow.OPEN_ITEM,
    workflow.NO_GO,
    workflow.NO_DECISION,
    workflow.ALREADY_STOPPED,
    workflow.REASON_NEEDED,
}


def ready(phase="verkennen", state=ACTIVE, **extra):
    """Facts under which advancing is allowed (a go decision, two partners, nothing open)."""
    return TrajectoryFacts(phase=phase, state=state, decision="go", **extra)


def test_it_keeps_the_phase_codes_other_apps_import():
    assert PHASE_CODES == ("verkennen", "intentie", "overeenkomen", "inrichten", "uitvoeren")


def test_every_phase_has_checklist_items_with_tips_and_a_decision():
    for phase in PHASE_CODES:
        items = checklist_for(phase)
        assert items, phase
        assert all(item.tip and item.title for item in items)
        assert phase in DECISIONS
    assert len({item.code for item in CHECKLIST}) == len(CHECKLIST)


# --- the table, transition by transition ------------------------------------------------------

ALLOWED = [
    # (phase, state, action) -> (phase, state)
    *[((p, ACTIVE, ADVANCE), (PHASE_CODES[i + 1], ACTIVE)) for i, p in enumerate(PHASE_CODES[:-1])],
    *[((p, ACTIVE, BACK), (PHASE_CODES[i - 1], ACTIVE)) for i, p in enumerate(PHASE_CODES) if i > 0],
    *[((p, ACTIVE, PAUSE), (p, PAUSED)) for p in PHASE_CODES],
    *[((p, PAUSED, RESUME), (p, ACTIVE)) for p in PHASE_CODES],
    *[((p, ACTIVE, STOP), (p, STOPPED)) for p in PHASE_CODES],
    *[((p, PAUSED, STOP), (p, STOPPED)) for p in PHASE_CODES],
]
ALLOWED_KEYS = {key for key, _ in ALLOWED}
FORBIDDEN = [
    (phase, state, action)
    for phase in PHASE_CODES
    for state in STATES
    for action in ACTIONS
    if (phase, state, action) not in ALLOWED_KEYS
]


@pytest.mark.parametrize(("start", "end"), ALLOWED, ids=lambda v: "-".join(v))
def test_it_allows(start, end):
    phase, state, action = start
    assert apply(ready(phase, state), action, reason="budget ontbreekt") == end


@pytest.mark.parametrize("key", FORBIDDEN, ids=lambda v: "-".join(v))
def test_it_forbids_with_a_reason_code(key):
    phase, state, action = key
    with pytest.raises(TransitionError) as error:
        apply(ready(phase, state), action, reason="budget ontbreekt")
    assert error.value.blockers
    assert all(b.code in REASON_CODES for b in error.value.blockers)


def test_the_table_covers_every_combination():
    assert len(ALLOWED) + len(FORBIDDEN) == len(PHASE_CODES) * len(STATES) * len(ACTIONS)
    assert {(p, s, a) for p, s, a in FORBIDDEN if s == STOPPED} == {
        (p, STOPPED, a) for p in PHASE_CODES for a in ACTIONS
    }


# --- what blocks advancing ------------------------------------------------------------------


def test_it_blocks_advancing_without_a_go_decision():
    (blocker,) = blockers(TrajectoryFacts("verkennen", ACTIVE), ADVANCE)
    assert (blocker.code, blocker.subject) == (workflow.NO_DECISION, "verkennen")
    assert ADVANCE not in allowed_actions(TrajectoryFacts("verkennen", ACTIVE))


def test_it_blocks_advancing_after_a_no_go_decision():
    (blocker,) = blockers(TrajectoryFacts("intentie", ACTIVE, decision="no-go"), ADVANCE)
    assert blocker.code == workflow.NO_GO


def test_it_names_open_required_items_and_missing_partners():
    facts = TrajectoryFacts(
        "verkennen", ACTIVE, accepted_partners=1, open_required_items=("Gedeeld belang",), decision="go"
    )
    found = [(b.code, b.subject) for b in blockers(facts, ADVANCE)]
    assert found == [(workflow.TOO_FEW_PARTNERS, ""), (workflow.OPEN_ITEM, "Gedeeld belang")]


def test_alignment_only_blocks_the_move_to_overeenkomen():
    waiting = (Blocker(workflow.AMBITIONS_MISSING, ("Rhenen",)),)
    assert blockers(ready("intentie", alignment_blockers=waiting), ADVANCE) == list(waiting)
    assert blockers(ready("verkennen", alignment_blockers=waiting), ADVANCE) == []
    assert blockers(ready("overeenkomen", alignment_blockers=waiting), ADVANCE) == []


def test_it_needs_a_reason_to_stop():
    with pytest.raises(TransitionError, match=workflow.REASON_NEEDED):
        apply(ready(), STOP, reason="  ")


def test_the_last_phase_has_no_next():
    assert blockers(ready("uitvoeren"), ADVANCE)[0].code == workflow.LAST_PHASE


def test_it_rejects_unknown_actions_and_states():
    with pytest.raises(ValueError, match="actie"):
        blockers(ready(), "springen")
    with pytest.raises(ValueError, match="fase"):
        blockers(TrajectoryFacts("onbekend", ACTIVE), PAUSE)


def test_a_trajectory_enters_the_register_only_after_the_agreement_phase():
    assert [p for p in PHASE_CODES if may_enter_register(p, ACTIVE)] == ["inrichten", "uitvoeren"]
    assert not may_enter_register("uitvoeren", STOPPED)
    assert may_enter_register("inrichten", PAUSED)


# --- property: random sequences stay inside the defined states --------------------------------

facts_strategy = st.fixed_dictionaries(
    {
        "accepted_partners": st.integers(0, 4),
        "open_required_items": st.lists(st.sampled_from(["a", "b"]), max_size=2).map(tuple),
        "decision": st.sampled_from(["", "go", "no-go"]),
        "alignment_blockers": st.sampled_from([(), (Blocker("x."),)]),
    }
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(list(ACTIONS)), facts_strategy), max_size=40))
def test_random_action_sequences_never_reach_an_undefined_state(steps):
    phase, state = PHASE_CODES[0], ACTIVE
    for action, extra in steps:
        facts = TrajectoryFacts(phase, state, **extra)
        allowed = allowed_actions(facts)
        if action in allowed:
            new_phase, new_state = apply(facts, action, reason="reden")
            assert abs(PHASE_CODES.index(new_phase) - PHASE_CODES.index(phase)) <= 1
            if new_phase != phase:
                assert new_state == ACTIVE == state
            phase, state = new_phase, new_state
        else:
            with pytest.raises(TransitionError):
                apply(facts, action, reason="reden")
        assert phase in PHASE_CODES
        assert state in STATES
        if state == STOPPED:
            assert allowed_actions(TrajectoryFacts(phase, state, decision="go")) == ()
