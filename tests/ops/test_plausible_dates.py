# SPDX-License-Identifier: EUPL-1.2
"""Absurd dates are refused by the services, on every surface (issue 18, item 8): a decision dated
1900 or in the future, a restore test planned in 2001, a test logged from decades ago, an agreement
or contract starting before 1980 or far ahead."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from goedebuur.fallback import testplan
from goedebuur.fallback.models import FollowUpAction, PlannedTest
from goedebuur.profiles import services as profiles
from goedebuur.trajectories import services as trajectories
from tests.fallback.factories import make_agreement
from tests.profiles.conftest import application_values
from tests.trajectories.factories import make_trajectory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def decide(trajectory, user, day):
    return trajectories.record_decision(trajectory, user, outcome="go", date=day, body="colleges")


def test_a_decision_dated_1900_or_in_the_future_is_refused_everywhere(editor_a, editor_a_client):
    trajectory = make_trajectory(user=editor_a)
    for day in (dt.date(1900, 1, 1), TODAY + dt.timedelta(days=30)):
        with pytest.raises(ValidationError) as refused:
            decide(trajectory, editor_a, day)
        assert list(refused.value.message_dict) == ["date"]
    page = editor_a_client.post(
        f"/trajecten/{trajectory.pk}/besluiten",
        {"outcome": "go", "date": "1900-01-01", "body": "colleges"},
        follow=True,
    )
    assert "meer dan tien jaar terug" in page.content.decode()
    api = editor_a_client.post(
        f"/api/v1/trajecten/{trajectory.pk}/besluiten",
        {"besluit": "go", "datum": "1900-01-01", "genomenDoor": "colleges"},
        content_type="application/json",
    )
    assert api.status_code == 400 and [p["name"] for p in api.json()["invalidParams"]] == ["datum"]
    assert not trajectory.decisions.exists()
    assert decide(trajectory, editor_a, TODAY - dt.timedelta(days=400)).pk  # last year's: fine


def test_a_restore_test_planned_in_2001_is_refused(editor_a, editor_a_client):
    agreement = make_agreement(user=editor_a)
    before = PlannedTest.objects.count()
    with pytest.raises(ValidationError) as refused:
        testplan.schedule_test(agreement, "hersteltest", dt.date(2001, 5, 1), editor_a)
    assert list(refused.value.message_dict) == ["planned_date"]
    with pytest.raises(ValidationError):
        testplan.schedule_test(agreement, "hersteltest", TODAY.replace(year=TODAY.year + 6), editor_a)
    page = editor_a_client.post(
        f"/achtervang/{agreement.pk}/tests/plannen", {"kind": "hersteltest", "planned_date": "2001-05-01"}
    )
    assert (
        "Plan een test tussen een jaar geleden en vijf jaar vooruit"
        in editor_a_client.get(page.url).content.decode()
    )
    assert PlannedTest.objects.count() == before
    assert testplan.schedule_test(agreement, "hersteltest", TODAY + dt.timedelta(days=90), editor_a).pk


def test_a_test_logged_from_decades_ago_is_refused(editor_a):
    agreement = make_agreement(user=editor_a)
    values = {"kind": "hersteltest", "date": dt.date(1999, 3, 1), "scenario": "Uitwijk", "passed": True}
    with pytest.raises(ValidationError) as refused:
        testplan.record_test(agreement, values, [], editor_a)
    assert "meer dan tien jaar terug" in refused.value.message_dict["date"][0]


def test_an_agreement_starting_before_1980_or_far_ahead_is_refused(editor_a):
    for day in (dt.date(1900, 1, 1), TODAY.replace(year=TODAY.year + 6)):
        with pytest.raises(ValidationError) as refused:
            make_agreement(user=editor_a, start_date=day)
        assert list(refused.value.message_dict) == ["start_date"]


def test_a_follow_up_action_due_in_a_century_is_refused(editor_a):
    agreement = make_agreement(user=editor_a)
    action = FollowUpAction(
        agreement=agreement, description="Back-up testen", owner="ICT", owner_municipality=editor_a.municipality,
        due_date=dt.date(2126, 1, 1),
    )  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        testplan.save_action(action, editor_a)
    assert list(refused.value.message_dict) == ["due_date"]


def test_a_contract_starting_in_1900_is_refused(editor_a):
    values = application_values(contract={"start_date": "1900-01-01", "end_date": "2028-03-31"})
    with pytest.raises(ValidationError) as refused:
        profiles.upsert_application(editor_a.municipality, values, editor_a)
    assert refused.value.message_dict == {"contract.start_date": ["Kies een datum tussen 1980 en 2100."]}
