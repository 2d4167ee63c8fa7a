# SPDX-License-Identifier: EUPL-1.2
"""goedebuur.core.businesscase.harmonisation: double contracts from contract end dates."""

from datetime import date

import pytest

from goedebuur.core.businesscase.harmonisation import ContractUse, double_contracts, overlap_fraction

INHABITANTS = {"GM0340": 20_000, "GM0345": 68_000}


def use(code, product, end=None, cost=None, component="zaak"):
    return ContractUse(code, component, product, f"Leverancier {product}", cost, end)


def test_overlap_fraction_counts_days_of_the_calendar_year():
    assert overlap_fraction(2028, date(2028, 1, 1), date(2028, 12, 31)) == 1.0
    assert overlap_fraction(2027, date(2027, 1, 1), date(2027, 7, 1)) == pytest.approx(182 / 365)
    assert overlap_fraction(2029, date(2028, 1, 1), date(2028, 12, 31)) == 0.0


def test_the_smaller_partner_pays_its_old_contract_until_its_end_date():
    uses = [use("GM0345", "zaaksysteem-a"), use("GM0340", "zaaksysteem-b", date(2029, 12, 31), 36_500)]
    found, notes = double_contracts(uses, start_year=2027, go_live_year=2, horizon=5, inhabitants=INHABITANTS)
    assert notes == []
    assert len(found) == 1
    contract = found[0]
    assert contract.municipality == "GM0340"  # Veenendaal is larger: its product is kept
    assert contract.amounts == (0, 36_500, 36_500, 0, 0)  # 2028 and 2029, from go-live to the end date


def test_the_product_most_partners_use_is_kept():
    inhabitants = {**INHABITANTS, "GM0339": 5_000}
    uses = [
        use("GM0345", "a", date(2030, 1, 1), 10_000),
        use("GM0340", "b", date(2030, 1, 1), 10_000),
        use("GM0339", "b", date(2030, 1, 1), 10_000),
    ]
    found, _notes = double_contracts(
        uses, start_year=2027, go_live_year=1, horizon=3, inhabitants=inhabitants
    )
    assert [c.municipality for c in found] == ["GM0345"]


def test_same_product_means_no_double_costs_and_unknown_dates_are_noted():
    same = [use("GM0345", "a", date(2030, 1, 1), 1), use("GM0340", "a", date(2031, 1, 1), 1)]
    assert double_contracts(same, start_year=2027, go_live_year=1, horizon=3, inhabitants=INHABITANTS) == (
        [],
        [],
    )
    unknown = [use("GM0345", "a"), use("GM0340", "b")]
    found, notes = double_contracts(
        unknown, start_year=2027, go_live_year=1, horizon=3, inhabitants=INHABITANTS
    )
    assert found == [] and "einddatum of kosten onbekend" in notes[0]


def test_contracts_of_municipalities_outside_the_case_are_ignored():
    uses = [use("GM0345", "a"), use("GM0344", "b", date(2030, 1, 1), 99_000)]
    assert double_contracts(uses, start_year=2027, go_live_year=1, horizon=3, inhabitants=INHABITANTS) == (
        [],
        [],
    )
