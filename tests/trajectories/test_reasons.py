# SPDX-License-Identifier: EUPL-1.2
"""The step plan in words: every blocker code of the core has a sentence, in Dutch and English."""

import pytest
from django.utils import translation

from goedebuur.core.trajectory import workflow
from goedebuur.trajectories import services

CODES = [
    workflow.IS_STOPPED,
    workflow.IS_PAUSED,
    workflow.NOT_PAUSED,
    workflow.LAST_PHASE,
    workflow.FIRST_PHASE,
    workflow.TOO_FEW_PARTNERS,
    workflow.NO_GO,
    workflow.ALREADY_STOPPED,
    workflow.REASON_NEEDED,
    workflow.AMBITIONS_MISSING,
    workflow.UNACKNOWLEDGED,
]


@pytest.mark.parametrize("code", CODES)
def test_it_phrases_every_blocker_code_in_both_languages(code):
    with translation.override("nl"):
        dutch = services.phrase(workflow.Blocker(code, ("Rhenen",))).reason
    with translation.override("en"):
        english = services.phrase(workflow.Blocker(code, ("Rhenen",))).reason
    assert dutch.endswith(".") and english.endswith(".") and dutch != english


@pytest.mark.parametrize(
    ("blocker", "dutch"),
    [
        (
            workflow.Blocker(workflow.OPEN_ITEM, subject="Gedeeld belang"),
            "Checklistpunt 'Gedeeld belang' is nog niet afgerond.",
        ),
        (
            workflow.Blocker(workflow.NO_DECISION, subject="verkennen"),
            "Er is nog geen go-besluit vastgelegd: Gaan we samen ambities delen en een intentie uitspreken?",
        ),
    ],
)
def test_it_names_the_item_and_the_decision(blocker, dutch):
    with translation.override("nl"):
        assert services.phrase(blocker).reason == dutch


def test_it_names_the_decision_that_closes_a_phase():
    with translation.override("nl"):
        question = services.decision_question("overeenkomen")
    assert (question.question, question.usual_body) == (
        "Gaan we de samenwerking aan zoals afgesproken?",
        "colleges en raden",
    )
