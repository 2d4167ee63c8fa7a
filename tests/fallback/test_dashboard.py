# SPDX-License-Identifier: EUPL-1.2
import datetime as dt

import pytest

from goedebuur.fallback import dashboard, testplan
from goedebuur.fallback.models import FollowUpAction

from ..factories import RHENEN, make_user
from .factories import make_agreement

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreement(freeze):
    freeze(dt.date(2026, 1, 15))
    agreement = make_agreement(start_date=dt.date(2025, 1, 1))  # tests planned 1 January 2026
    testplan.save_action(
        FollowUpAction(
            agreement=agreement,
            description="Escalatielijst bijwerken",
            owner="ICT Rhenen",
            owner_municipality=agreement.party_b,
            due_date=dt.date(2026, 2, 1),
        ),
        None,
    )
    return agreement


def texts(user):
    return [item.text for section in dashboard.sections(user) for item in section.items]


def test_both_municipalities_see_overdue_tests_and_open_actions(agreement, editor_a):
    rhenen = make_user(RHENEN, username="rhenen")
    for user in (editor_a, rhenen):
        items = texts(user)
        assert sum("is te laat" in t for t in items) == 2
        assert any("Escalatielijst bijwerken" in t for t in items)


def test_nothing_is_overdue_before_the_planned_date(agreement, reader_a, freeze):
    freeze(dt.date(2025, 12, 31))
    items = [i for s in dashboard.sections(reader_a) for i in s.items]
    assert not any(i.urgent for i in items)
    assert [i.text for i in items] == ["Actie: Escalatielijst bijwerken (achtervang Veenendaal – Rhenen)"]


def test_an_outsider_gets_no_block(agreement, editor_b, admin_user):
    assert dashboard.sections(editor_b) == []
    assert dashboard.sections(admin_user) == []


def test_the_dashboard_page_shows_the_block(agreement, editor_a_client):
    page = editor_a_client.get("/mijn-overzicht").content.decode()
    assert "Achtervang: tests en acties" in page and "Escalatielijst bijwerken" in page
