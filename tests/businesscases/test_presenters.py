# SPDX-License-Identifier: EUPL-1.2
"""businesscases.presenters and the naming of a result: the total, the tornado's bars and the
evidence note in the user's language (the core leaves them to the app)."""

import pytest
from django.utils import translation

from goedebuur.businesscases import presenters, services
from goedebuur.core.businesscase.montecarlo import TOTAL

from ..core.businesscase.businesscase_examples import example_case


def test_the_evidence_note_cites_the_research():
    assert "COELO" in presenters.evidence_note() and "Servicepunt71" in presenters.evidence_note()
    assert "15 % goedkoper" in presenters.evidence_note()


def test_the_total_and_the_tornado_are_named_in_dutch():
    result = services.compute_pure(example_case(), 500, 1)
    assert result.simulation.outcome(TOTAL).name == "Alle gemeenten samen"
    labels = {bar.key: bar.label for bar in result.tornado}
    assert labels["discontovoet"] == "Discontovoet"
    assert labels["basislijn"] == "ICT-kosten basislijn (factor)"
    assert any(
        key.startswith("besparing:") and label.startswith("Besparing ") for key, label in labels.items()
    )


@pytest.mark.parametrize("language", ["en"])
def test_they_are_english_on_the_english_interface(language):
    with translation.override(language):
        result = services.compute_pure(example_case(), 500, 1)
        assert result.simulation.outcome(TOTAL).name == "All municipalities together"
        assert {bar.key: bar.label for bar in result.tornado}["discontovoet"] == "Discount rate"
        assert presenters.evidence_note().startswith("What research says")
