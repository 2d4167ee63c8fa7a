# SPDX-License-Identifier: EUPL-1.2
"""The demo ledger: a public demo cooperation with a business case and four realised years."""

import pytest

from goedebuur.ledger import demo, services
from goedebuur.ledger.models import Ledger

pytestmark = pytest.mark.django_db


def test_it_loads_a_labelled_demo_with_a_realised_history_once():
    assert demo.load_demo()
    ledger = Ledger.objects.get()
    assert ledger.is_demo and ledger.cooperation.is_demo and ledger.business_case.is_demo
    assert ledger.cooperation.name.startswith("Demo:")
    assert ledger.visibility == Ledger.Visibility.PUBLIC
    result = services.comparison(ledger)
    assert [v.year for v in result.total.years] == [2022, 2023, 2024, 2025]
    assert result.total.code in ("below", "within", "above")
    assert all(e.source_title.startswith("Demo:") for e in services.entries(ledger))
    assert demo.load_demo() == ""  # idempotent
    assert Ledger.objects.count() == 1
