# SPDX-License-Identifier: EUPL-1.2
"""businesscases.problems: the core's problem codes as Dutch sentences (and English ones)."""

import pytest
from django.utils import translation

from goedebuur.businesscases.problems import MESSAGES, phrase
from goedebuur.core.businesscase.model import Problem


@pytest.mark.parametrize(
    ("problem", "sentence"),
    [
        (Problem("horizon", "horizon_range", {"max": 30}), "De horizon moet 1 tot en met 30 jaar zijn."),
        (
            Problem("partners.0.inhabitants", "inhabitants_negative", {"name": "Rhenen"}),
            "Het aantal inwoners van Rhenen kan niet negatief zijn.",
        ),
        (
            Problem("savings.0.percent", "range_order", {"label": "werkplek", "saving": True}),
            "besparing werkplek: de laagste waarde is hoger dan de hoogste.",
        ),
        (
            Problem(
                "hidden_costs.1.amount",
                "range_too_high",
                {"label": "Migratie", "saving": False, "upper": 1e10},
            ),
            "Migratie: de hoogste waarde is te groot (hooguit 10.000.000.000).",
        ),
        (
            Problem("discount_rate", "discount_rate_range", {"low": -0.05, "high": 0.5}),
            "De discontovoet moet tussen -5 % en 50 % liggen.",
        ),
        (
            Problem("savings", "saving_shares_above_whole", {"total": 120.5}),
            "De domeinen beslaan samen 120,5 % van de ICT-kosten: meer dan 100 %.",
        ),
        (
            Problem(
                "allocation_key",
                "allocation_workplaces_missing",
                {"key": "werkplekken", "names": ("Rhenen",)},
            ),
            "Voor de verdeling naar werkplekken ontbreekt het aantal werkplekken van: Rhenen.",
        ),
        (
            Problem(
                "gemeente.0.code", "toml_municipality_unknown", {"where": "gemeente.0", "code": "GM9999"}
            ),
            "gemeente.0: onbekende gemeente 'GM9999'; geef een CBS-code (GM....) of een naam.",
        ),
        (
            Problem("case.horizon", "not_a_whole_number", {"where": "case", "key": "horizon"}),
            "case: 'horizon' moet een geheel getal zijn.",
        ),
        (
            Problem("verborgen_kosten", "toml_cost_unknown", {"keys": ("koffie",), "choices": ("a", "b")}),
            "Onbekende verborgen kostenpost: koffie. Kies uit: a, b.",
        ),
        (
            Problem("baseline_uncertainty_pct", "baseline_uncertainty_range"),
            "De onzekerheid van de basislijn moet 0 tot en met 100 % zijn.",
        ),
    ],
)
def test_it_phrases_a_problem_in_dutch(problem, sentence):
    assert phrase(problem) == sentence


def test_every_code_has_a_sentence_that_formats():
    values = {
        "max": 30,
        "low": 0.0,
        "high": 0.5,
        "name": "X",
        "label": "X",
        "upper": 100,
        "total": 101,
        "choices": ("a",),
        "key": "k",
        "names": ("X",),
        "error": "e",
        "where": "w",
        "code": "c",
        "keys": ("k",),
        "line": 3,
    }
    for code in MESSAGES:
        sentence = phrase(Problem("f", code, values))
        assert sentence.endswith(".") and "%(" not in sentence and "%%" not in sentence, code


def test_it_phrases_in_english_when_english_is_active():
    with translation.override("en"):
        assert (
            phrase(Problem("horizon", "horizon_range", {"max": 30})) == "The horizon must be 1 to 30 years."
        )
