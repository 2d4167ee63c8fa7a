# SPDX-License-Identifier: EUPL-1.2
"""businesscases.presenters and the naming of a result: the total, the tornado's bars and the
evidence note in the user's language (the core leaves them to the app)."""

from dataclasses import replace

import pytest
from django.utils import translation

from goedebuur.businesscases import presenters, services
from goedebuur.core.businesscase.model import Range
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


def _summary(case):
    return presenters.college_summary(case, services.compute_pure(case, 1_000, 1))


def test_the_college_summary_answers_the_question_per_municipality_with_range_drivers_and_conditions():
    summary = _summary(example_case())
    assert summary["question"].startswith("Levert samenwerking van Rhenen en Veenendaal op ")
    assert [row["name"] for row in summary["per_municipality"]] == [
        "Rhenen",
        "Veenendaal",
        "Alle gemeenten samen",
    ]
    total = summary["per_municipality"][-1]
    assert total["saves"] == sum(row["saves"] for row in summary["per_municipality"][:-1])
    assert "80 % kans" in summary["range"] and len(summary["drivers"]) == 3
    assert any("exitkosten" in condition for condition in summary["conditions"])
    assert "aannames zonder gepubliceerde bron" in summary["hidden"]


def test_the_advice_follows_the_outcome():
    case = example_case()
    sure_loss = replace(case, savings=tuple(replace(s, percent=Range(0, 0, 1)) for s in case.savings))
    assert _summary(sure_loss)["advice_code"] == "negatief"
    sure_gain = replace(case, savings=tuple(replace(s, percent=Range(40, 50, 60)) for s in case.savings))
    assert _summary(sure_gain)["advice_code"] == "positief"
    draft = replace(
        case, hidden_costs=(replace(case.hidden_costs[0], confirmed=False), *case.hidden_costs[1:])
    )
    assert _summary(draft)["advice_code"] == "concept"


def test_municipalities_at_risk_are_named_once_together():
    case = example_case(savings=())
    summary = _summary(case)
    assert summary["at_risk"] == ["Rhenen (100 %)", "Veenendaal (100 %)"]


def test_every_word_of_the_glossary_is_explained():
    terms = dict(presenters.glossary())
    for word in ("NCW", "P10", "Discontovoet", "PERT", "seed", "Tornado"):
        assert any(word in term for term in terms), word
    assert all(len(explanation) > 40 and "%%" not in explanation for explanation in terms.values())
