# SPDX-License-Identifier: EUPL-1.2
"""goedebuur.core.businesscase.toml_input: the documented example loads; bad files give every problem as a code."""

from pathlib import Path

import pytest

from goedebuur.core.businesscase.defaults import CHECKLIST_KEYS
from goedebuur.core.businesscase.model import BENCHMARK_EUR, CaseError, Problem
from goedebuur.core.businesscase.toml_input import load_case, load_case_file

EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "businesscase-voorbeeld.toml"
KNOWN = {"GM0340": ("Rhenen", 20_000), "GM0345": ("Veenendaal", 67_000)}


def lookup(code):
    return KNOWN.get(code)


def test_the_documented_example_loads_with_defaults_filled_in():
    case, draws, seed = load_case(EXAMPLE.read_text(encoding="utf-8"), lookup)
    assert (draws, seed, case.horizon, case.scenario) == (20_000, 1, 10, "zwaar")
    rhenen, veenendaal = case.partners
    assert (rhenen.name, rhenen.inhabitants, rhenen.baseline_eur) == ("Rhenen", 20_000, 1_900_000)
    assert veenendaal.inhabitants == 68_000 and veenendaal.baseline_eur == 68_000 * BENCHMARK_EUR
    assert "M&I/Partners" in veenendaal.baseline_source
    costs = {c.key: c for c in case.hidden_costs}
    assert costs["migratie"].amount.likely == 300_000 and costs["migratie"].confirmed
    assert costs["exit"].amount.high == 0 and costs["exit"].confirmed
    assert not costs["governance"].confirmed  # not in the file: default, unconfirmed
    werkplek = next(s for s in case.savings if s.domain == "werkplek")
    assert werkplek.domain_share_pct == 15.0 and werkplek.percent.likely == 5
    (double,) = case.double_contracts
    assert double.amounts[:4] == (0, 36_500, 36_500, 0)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            'horizon = 0\n[[gemeente]]\ncode="GM0340"\n[[gemeente]]\ncode="GM0345"',
            Problem("horizon", "horizon_range", {"max": 30}),
        ),
        (
            '[[gemeente]]\ncode="GM0340"\ninwoners=-1\n[[gemeente]]\ncode="GM0345"',
            Problem("partners.0.inhabitants", "inhabitants_negative", {"name": "Rhenen"}),
        ),
        (
            '[[gemeente]]\ncode="GM0340"\n[[gemeente]]\ncode="GM0345"\n[[besparing]]\ndomein="werkplek"\nlaag=9\nwaarschijnlijk=5\nhoog=1',
            Problem("savings.0.percent", "range_order", {"label": "werkplek", "saving": True}),
        ),
        (
            '[[gemeente]]\ncode="GM9999"',
            Problem(
                "gemeente.0.code", "toml_municipality_unknown", {"where": "gemeente.0", "code": "GM9999"}
            ),
        ),
        (
            'horizon = "tien"\n[[gemeente]]\ncode="GM0340"\n[[gemeente]]\ncode="GM0345"',
            Problem("case.horizon", "not_a_whole_number", {"where": "case", "key": "horizon"}),
        ),
        (
            "[verborgen_kosten.koffie]\nlaag=1",
            Problem(
                "verborgen_kosten", "toml_cost_unknown", {"keys": ("koffie",), "choices": CHECKLIST_KEYS}
            ),
        ),
    ],
)
def test_bad_files_are_rejected_with_every_problem(text, problem):
    with pytest.raises(CaseError) as error:
        load_case(f'naam = "x"\n{text}', lookup)
    assert problem in error.value.problems, error.value.problems


def test_a_file_that_is_no_toml_is_rejected():
    with pytest.raises(CaseError) as error:
        load_case("naam = ", lookup)
    assert [p.code for p in error.value.problems] == ["toml_invalid"]


def test_a_file_must_be_utf8_and_may_start_with_a_byte_order_mark():
    with pytest.raises(CaseError) as error:
        load_case_file(b'naam = "x"\n\nscenario = "\xe9\xe9n"\n', lookup)
    assert error.value.problems == [Problem("toml", "toml_not_utf8", {"line": 3})]
    case, _draws, _seed = load_case_file(b"\xef\xbb\xbf" + EXAMPLE.read_bytes(), lookup)
    assert case.name == "ICT-samenwerking Rhenen en Veenendaal"


def test_unknown_keys_are_problems_with_their_names_and_the_known_ones():
    text = EXAMPLE.read_text(encoding="utf-8").replace('bron = "voorbeeld: begroting"', 'brom = "x"')
    with pytest.raises(CaseError) as error:
        load_case(text, lookup)
    [problem] = [p for p in error.value.problems if p.code == "toml_unknown_keys"]
    assert problem.field == "gemeente.0" and problem.values["keys"] == ("brom",)
    assert "bron" in problem.values["choices"]
