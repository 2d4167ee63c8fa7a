# SPDX-License-Identifier: EUPL-1.2
"""/achtervang/kaart: the country view and what it shows to whom."""

import datetime as dt

import pytest

from goedebuur.fallback import testplan
from goedebuur.fallback.models import TestKind

from .factories import make_agreement

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreement(freeze):
    freeze(dt.date(2026, 3, 1))
    agreement = make_agreement(start_date=dt.date(2025, 6, 1))
    for kind in TestKind.values:
        testplan.record_test(
            agreement,
            {
                "kind": kind,
                "date": dt.date(2026, 2, 1),
                "scenario": "x",
                "passed": True,
                "grade": "volledig",
                "findings": "",
            },
            [],
            None,
        )
    return agreement


def test_anonymous_visitors_see_no_agreements(agreement, anonymous_client):
    page = anonymous_client.get("/achtervang/kaart").content.decode()
    assert "Inloggen" in page
    assert "achtervang met" not in page and "Tests actueel" not in page


def test_municipal_users_see_who_with_whom_and_whether_tests_are_current(agreement, editor_b_client):
    page = editor_b_client.get("/achtervang/kaart").content.decode()
    assert "Veenendaal: achtervang met Rhenen, tests actueel" in page
    assert "Gemeenten met een achtervangafspraak" in page
    # Only the fact and the test status: no link to the agreement, no services or capacities.
    assert f"/achtervang/{agreement.pk}" not in page and "Mbit/s" not in page


def test_tests_not_current_show_as_such(agreement, editor_b, editor_b_client, freeze):
    freeze(dt.date(2027, 3, 1))
    editor_b_client.force_login(editor_b)  # the session from 2026 has expired by then
    page = editor_b_client.get("/achtervang/kaart").content.decode()
    assert "Veenendaal: achtervang met Rhenen, tests niet actueel" in page


def test_municipalities_without_one_get_a_suggested_partner(agreement, editor_b_client):
    page = editor_b_client.get("/achtervang/kaart").content.decode()
    assert "Utrecht heeft nog geen achtervangafspraak" in page
    assert "Voorgestelde partner" in page
