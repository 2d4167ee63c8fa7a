# SPDX-License-Identifier: EUPL-1.2
"""The ledger's rules: who may, what is refused, the forecast copy, the comparison, the overview."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from goedebuur.core.ledger import verdict
from goedebuur.ledger import services
from goedebuur.ledger.models import Ledger

from ..factories import RHENEN, UTRECHT, VEENENDAAL, make_cooperation
from .factories import START, forecast_year, make_ledger, make_started_case, record

pytestmark = pytest.mark.django_db


@pytest.fixture
def ledger(editor_a):
    return make_ledger(editor_a)


def test_it_copies_the_forecast_and_the_baselines_of_the_business_case(ledger):
    assert ledger.forecast["years"][0] == START
    assert set(ledger.forecast["series"]) == {VEENENDAAL, RHENEN, services.TOTAL}
    case = ledger.business_case
    assert ledger.baselines[VEENENDAAL]["eur"] == case.baselines[VEENENDAAL]["eur"]
    assert ledger.baselines[VEENENDAAL]["source"].startswith("uit de businesscase")


def test_an_entered_baseline_wins_over_the_business_case(editor_a):
    ledger = make_ledger(editor_a, baselines={VEENENDAAL: {"eur": "1234567", "source": "begroting 2021"}})
    assert ledger.baselines[VEENENDAAL] == {"eur": 1234567, "source": "begroting 2021"}


def test_a_later_change_of_the_business_case_does_not_move_the_yardstick(ledger, editor_a):
    before = ledger.forecast
    from goedebuur.businesscases import services as businesscases

    businesscases.save_allocation(ledger.business_case, editor_a, seed=99)
    ledger.refresh_from_db()
    assert ledger.forecast == before
    services.refresh_forecast(ledger, editor_a)
    assert ledger.forecast["seed"] == 99


def test_only_editors_of_members_may_change_it(ledger, reader_a, editor_b, admin_user):
    for user in (reader_a, editor_b):
        with pytest.raises(PermissionDenied):
            record(ledger, user, VEENENDAAL, START)
    record(ledger, admin_user, VEENENDAAL, START, savings=1)


def test_visibility_decides_who_sees_it(ledger, reader_a, editor_b, admin_user):
    from django.contrib.auth.models import AnonymousUser

    anonymous = AnonymousUser()
    assert services.can_view(reader_a, ledger) and services.can_view(admin_user, ledger)
    assert not services.can_view(editor_b, ledger) and not services.can_view(anonymous, ledger)
    ledger.visibility = Ledger.Visibility.MUNICIPAL
    assert services.can_view(editor_b, ledger) and not services.can_view(anonymous, ledger)
    ledger.visibility = Ledger.Visibility.PUBLIC
    assert services.can_view(anonymous, ledger)


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"savings": -5}, "savings"),
        ({"savings": "12,5"}, "savings"),
        ({"savings": 10**11}, "savings"),
        ({"year": 2099}, "year"),
        ({"year": START - 5}, "year"),
        ({"municipality": UTRECHT}, "municipality"),
        ({"source_title": ""}, "source_title"),
        ({"source_url": "javascript:alert(1)"}, "source_url"),
        ({"source_kind": "gerucht"}, "source_kind"),
    ],
)
def test_bad_figures_are_refused_and_change_nothing(ledger, editor_a, values, field):
    base = {"municipality": VEENENDAAL, "year": START, "savings": 10, "source_title": "Jaarrekening"}
    with pytest.raises(ValidationError) as refused:
        services.save_entry(ledger, editor_a, services.EntryInput(**(base | values)))
    assert field in refused.value.message_dict
    assert not services.entries(ledger).exists()
    assert services.versions(ledger).count() == 1


def test_a_business_case_without_any_member_is_refused(editor_a, editor_b):
    cooperation = make_cooperation(editor_a, members=(VEENENDAAL, RHENEN))
    other = make_started_case(editor_b, partners=(UTRECHT, "GM0363"))
    with pytest.raises(ValidationError) as refused:
        services.save_ledger(cooperation, editor_a, visibility="prive", start_year=START, business_case=other)
    assert "business_case" in refused.value.message_dict


def test_the_total_counts_only_years_every_member_reported(ledger, editor_a):
    record(ledger, editor_a, VEENENDAAL, START, savings=100)
    record(ledger, editor_a, RHENEN, START, savings=50)
    record(ledger, editor_a, VEENENDAAL, START + 1, savings=100)
    result = services.comparison(ledger)
    assert [v.year for v in result.total.years] == [START]
    assert result.total.years[0].realised.savings == 150
    assert result.incomplete_years == (START + 1,)
    assert [v.year for v in result.municipalities[VEENENDAAL].years] == [START, START + 1]


def test_a_year_far_below_the_band_is_named(ledger, editor_a):
    band = forecast_year(ledger, START)
    cost = abs(band.cumulative.p10) + 1_000_000
    record(ledger, editor_a, VEENENDAAL, START, yearly=cost)
    record(ledger, editor_a, RHENEN, START)
    result = services.comparison(ledger)
    assert (result.total.code, result.total.year) == (verdict.BELOW, START)


def test_figures_at_the_forecast_median_are_within_expectation(ledger, editor_a):
    for code in (VEENENDAAL, RHENEN):
        f = forecast_year(ledger, START, code)
        record(ledger, editor_a, code, START, savings=f.savings_p50, yearly=f.costs_p50)
    assert services.comparison(ledger).total.code == verdict.WITHIN


def test_the_overview_counts_only_shared_ledgers(editor_a, editor_b):
    private = make_ledger(editor_a)
    shared = make_ledger(editor_a, visibility=Ledger.Visibility.MUNICIPAL)
    for target in (private, shared):
        for code in (VEENENDAAL, RHENEN):
            record(target, editor_a, code, START, savings=10)
    seen = services.overview(editor_b)
    assert [r.slug for r in seen.rows] == [shared.cooperation.slug]
    assert seen.total.compared == 1
    assert services.overview(None).rows == ()


def test_the_uplift_is_not_used_below_the_minimum_count(editor_a):
    shared = make_ledger(editor_a, visibility=Ledger.Visibility.PUBLIC)
    for code in (VEENENDAAL, RHENEN):
        for year in (START, START + 1, START + 2):  # savings start after the go-live year
            f = forecast_year(shared, year, code)
            record(shared, editor_a, code, year, savings=f.savings_p50 // 2, yearly=f.costs_p50)
    uplift = services.suggested_uplift(None)
    assert (uplift.cases, uplift.usable) == (1, False)
    assert uplift.savings_ratio == pytest.approx(0.5, abs=0.01)
    assert services.uplift_of(services.overview(None).rows, minimum=1).usable


def test_history_restores_figures_that_were_changed_and_removed(ledger, editor_a):
    record(ledger, editor_a, VEENENDAAL, START, savings=100)
    version = services.versions(ledger).first()
    record(ledger, editor_a, VEENENDAAL, START, savings=999)
    services.delete_entry(ledger, editor_a, VEENENDAAL, START)
    assert not services.entries(ledger).exists()
    services.restore_version(ledger, version.pk, editor_a)
    assert services.entries(ledger).get().savings == 100


def test_a_deleted_cooperation_leaves_the_overview(editor_a):
    from goedebuur.cooperations import services as cooperations

    shared = make_ledger(editor_a, visibility=Ledger.Visibility.PUBLIC)
    assert [r.slug for r in services.overview(None).rows] == [shared.cooperation.slug]
    cooperations.delete_cooperation(shared.cooperation, editor_a)
    assert services.overview(None).rows == ()
