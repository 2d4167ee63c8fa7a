# SPDX-License-Identifier: EUPL-1.2
"""Ambition alignment (goedebuur.core.trajectory.alignment): divergences on known inputs and the gate."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goedebuur.core.trajectory.alignment import (
    K_CODES,
    PartnerAmbition,
    avoidance_warnings,
    divergences,
    fingerprint,
    gate,
    score_gaps,
    split_lines,
)
from goedebuur.core.trajectory.workflow import AMBITIONS_MISSING


def ambition(partner, kwaliteit=3, kosten=3, kwetsbaarheid=3, personeel=3, motive="verbeteren", **extra):
    scores = dict(kwaliteit=kwaliteit, kosten=kosten, kwetsbaarheid=kwetsbaarheid, personeel=personeel)
    return PartnerAmbition(partner, scores, motive, **extra)


def test_it_lists_divergences_largest_gap_first():
    rhenen = ambition("Rhenen", kwaliteit=5, kosten=1, kwetsbaarheid=4, personeel=3)
    veenendaal = ambition("Veenendaal", kwaliteit=4, kosten=5, kwetsbaarheid=1, personeel=2)
    found = divergences([rhenen, veenendaal])
    assert [(d.topic, d.gap) for d in found] == [("kosten", 4), ("kwetsbaarheid", 3)]
    assert found[0].detail == "Scores: Rhenen 1, Veenendaal 5."
    assert score_gaps([rhenen, veenendaal])[0] == ("kwaliteit", "Kwaliteit", 1)


def test_a_gap_of_one_is_not_a_divergence():
    assert divergences([ambition("A", kosten=3), ambition("B", kosten=4)]) == []


def test_different_motives_and_conflicting_demands_come_first():
    a = ambition("Rhenen", kosten=0, deal_breakers=("Eigen serverruimte opgeven",))
    b = ambition(
        "Veenendaal",
        kosten=4,
        motive="vermijden",
        must_haves=("eigen serverruimte opgeven.",),
    )
    kinds = [(d.kind, d.gap) for d in divergences([a, b])]
    assert kinds == [("breekpunt", 5), ("score", 4), ("motief", 3)]
    assert avoidance_warnings([a, b]) == ["Veenendaal"]


def test_three_partners_use_the_widest_gap():
    found = divergences([ambition("A", personeel=0), ambition("B", personeel=2), ambition("C", personeel=5)])
    assert [(d.topic, d.gap) for d in found] == [("personeel", 5)]


def test_it_rejects_incomplete_or_out_of_range_scores():
    with pytest.raises(ValueError):
        PartnerAmbition("A", {"kwaliteit": 3}, "verbeteren")
    with pytest.raises(ValueError):
        ambition("A", kosten=6)
    with pytest.raises(ValueError):
        ambition("A", motive="geld")


def test_it_splits_typed_lists_per_line():
    assert split_lines("- eigen beheer\n\n * één leverancier \n") == ("eigen beheer", "één leverancier")


def test_the_gate_blocks_until_every_partner_filled_it_in():
    (blocker,) = gate(["Rhenen", "Veenendaal"], [ambition("Rhenen")], {})
    assert blocker.who == ("Veenendaal",)
    assert blocker.code == AMBITIONS_MISSING


def test_the_gate_opens_without_divergences():
    assert gate(["Rhenen", "Veenendaal"], [ambition("Rhenen"), ambition("Veenendaal")], {}) == []


def test_the_gate_blocks_until_every_partner_acknowledged_the_current_divergences():
    ambitions = [ambition("Rhenen", kosten=0), ambition("Veenendaal", kosten=5)]
    current = fingerprint(divergences(ambitions))
    (blocker,) = gate(["Rhenen", "Veenendaal"], ambitions, {"Rhenen": current})
    assert blocker.who == ("Veenendaal",)
    assert gate(["Rhenen", "Veenendaal"], ambitions, {"Rhenen": current, "Veenendaal": current}) == []


def test_an_acknowledgement_lapses_when_the_divergences_change():
    before = [ambition("Rhenen", kosten=0), ambition("Veenendaal", kosten=5)]
    acknowledged = dict.fromkeys(["Rhenen", "Veenendaal"], fingerprint(divergences(before)))
    after = [ambition("Rhenen", kosten=0), ambition("Veenendaal", kosten=4)]
    (blocker,) = gate(["Rhenen", "Veenendaal"], after, acknowledged)
    assert blocker.who == ("Rhenen", "Veenendaal")


scores = st.fixed_dictionaries({code: st.integers(0, 5) for code in K_CODES})


@given(st.lists(scores, min_size=1, max_size=5))
def test_divergences_are_sorted_and_above_the_threshold(all_scores):
    ambitions = [PartnerAmbition(f"G{i}", s, "verbeteren") for i, s in enumerate(all_scores)]
    found = divergences(ambitions)
    gaps = [d.gap for d in found]
    assert gaps == sorted(gaps, reverse=True)
    assert all(gap >= 2 for gap in gaps)
    assert len(found) == sum(1 for _, _, gap in score_gaps(ambitions) if gap >= 2)


def test_several_conflicts_keep_their_order():
    a = ambition("A", deal_breakers=("x", "y"))
    b = ambition("B", must_haves=("y", "x"))
    assert [d.topic for d in divergences([a, b])] == ["x", "y"]
