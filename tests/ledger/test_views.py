# SPDX-License-Identifier: EUPL-1.2
"""The ledger's pages per persona: the results page, settings, figures, history and the overview."""

import pytest

from goedebuur.ledger import services
from goedebuur.ledger.models import Ledger

from ..factories import RHENEN, VEENENDAAL, make_cooperation
from .factories import START, make_ledger, record

pytestmark = pytest.mark.django_db


@pytest.fixture
def ledger(editor_a):
    ledger = make_ledger(editor_a)
    record(
        ledger, editor_a, VEENENDAAL, START, savings=1000, yearly=200, source="Jaarrekening 2022 Veenendaal"
    )
    record(ledger, editor_a, RHENEN, START, savings=500)
    return ledger


def _url(ledger, rest=""):
    return f"/samenwerkingen/{ledger.cooperation.slug}/resultaten{rest}"


def test_members_see_the_verdict_chart_and_sources(ledger, reader_a_client):
    page = reader_a_client.get(_url(ledger)).content.decode()
    assert "Jaarrekening 2022 Veenendaal" in page
    assert '<svg class="ledger-chart"' in page and "prognose P10-P90" in page
    assert any(text in page for text in ("Binnen de verwachting", "Onder P10 in 2022", "Boven P90 in 2022"))
    assert "Cijfers van een jaar invoeren" not in page  # a reader does not edit


def test_the_page_draws_each_year_and_the_cumulative_position_against_their_bands(ledger, reader_a_client):
    page = reader_a_client.get(_url(ledger)).content.decode()
    assert page.count('<svg class="ledger-chart"') == 2
    assert "Gerealiseerd tegen de prognose (per jaar)" in page
    assert "Gerealiseerd tegen de prognose (cumulatief)" in page
    # the year's realised net: 1,500 savings - 200 costs
    assert f"In {START} gerealiseerd: € 1.300." in page


def test_a_private_ledger_is_hidden_from_outsiders(ledger, editor_b_client, anonymous_client):
    for client in (editor_b_client, anonymous_client):
        page = client.get(_url(ledger)).content.decode()
        assert "Jaarrekening 2022" not in page
        assert "nog geen resultaten vastgelegd" in page
        assert client.get(_url(ledger, ".csv")).status_code == 404
        assert client.get(_url(ledger, "/geschiedenis")).status_code == 404


def test_a_public_ledger_is_shown_to_anyone(ledger, anonymous_client):
    ledger.visibility = Ledger.Visibility.PUBLIC
    ledger.save()
    assert "Jaarrekening 2022 Veenendaal" in anonymous_client.get(_url(ledger)).content.decode()


def test_an_editor_records_a_year_through_the_form(ledger, editor_a_client):
    response = editor_a_client.post(
        _url(ledger, "/cijfers"),
        {
            "municipality": VEENENDAAL,
            "year": START + 1,
            "savings": "€ 12.500",
            "one_off_costs": "0",
            "yearly_costs": "2.000",
            "source_kind": "evaluatie",
            "source_title": "Evaluatie 2023",
            "source_url": "https://example.org/evaluatie.pdf",
        },
    )
    assert response.status_code == 302
    entry = services.entries(ledger).get(year=START + 1)
    assert (entry.savings, entry.yearly_costs, entry.source_kind) == (12500, 2000, "evaluatie")


def test_a_bad_amount_is_refused_with_a_dutch_message(ledger, editor_a_client):
    response = editor_a_client.post(
        _url(ledger, "/cijfers"),
        {
            "municipality": VEENENDAAL,
            "year": START + 1,
            "savings": "12,5",
            "one_off_costs": "0",
            "yearly_costs": "0",
            "source_kind": "jaarrekening",
            "source_title": "x",
        },
    )
    assert response.status_code == 200
    assert "Vul een heel bedrag in euro" in response.content.decode()
    assert not services.entries(ledger).filter(year=START + 1).exists()


def test_others_may_not_open_the_forms(ledger, reader_a_client, editor_b_client, anonymous_client):
    for client in (reader_a_client, editor_b_client):
        assert client.get(_url(ledger, "/cijfers")).status_code == 403
        assert client.get(_url(ledger, "/instellingen")).status_code == 403
    assert anonymous_client.get(_url(ledger, "/cijfers")).status_code == 302  # to the login page


def test_an_editor_starts_a_ledger_with_a_business_case(editor_a, editor_a_client):
    from .factories import make_started_case

    cooperation = make_cooperation(editor_a)
    case = make_started_case(editor_a)
    response = editor_a_client.post(
        f"/samenwerkingen/{cooperation.slug}/resultaten/instellingen",
        {
            "visibility": "gemeenten",
            "start_year": START,
            "business_case": case.pk,
            f"baseline_{VEENENDAAL}": "2.000.000",
            f"baseline_source_{VEENENDAAL}": "begroting",
        },
    )
    assert response.status_code == 302
    ledger = services.ledger_of(cooperation)
    assert (ledger.visibility, ledger.business_case_id) == ("gemeenten", case.pk)
    assert ledger.baselines[VEENENDAAL] == {"eur": 2000000, "source": "begroting"}
    assert RHENEN in ledger.baselines  # taken from the business case


def test_the_history_can_be_restored_by_an_editor(ledger, editor_a_client, reader_a_client):
    first = services.versions(ledger).last()
    assert "herstellen" not in reader_a_client.get(_url(ledger, "/geschiedenis")).content.decode()
    response = editor_a_client.post(_url(ledger, f"/geschiedenis/{first.pk}/herstellen"))
    assert response.status_code == 302
    assert not services.entries(ledger).exists()  # the first version had no figures yet


def test_an_entry_is_deleted_by_an_editor_only(ledger, editor_a_client, reader_a_client):
    path = _url(ledger, f"/cijfers/{RHENEN}/{START}/verwijderen")
    assert reader_a_client.post(path).status_code == 403
    assert editor_a_client.post(path).status_code == 302
    assert not services.entries(ledger).filter(municipality__code=RHENEN).exists()


def test_the_overview_shows_shared_ledgers_and_the_uplift_with_its_count(ledger, editor_b_client):
    assert ledger.cooperation.name not in editor_b_client.get("/resultaten").content.decode()
    ledger.visibility = Ledger.Visibility.MUNICIPAL
    ledger.save()
    page = editor_b_client.get("/resultaten").content.decode()
    assert ledger.cooperation.name in page
    assert "Nog te weinig gedeelde resultaten voor een advies: 1 samenwerking(en)" in page


def test_the_overview_filters_by_domain_and_ignores_unknown_ones(ledger, editor_b_client):
    ledger.visibility = Ledger.Visibility.MUNICIPAL
    ledger.save()
    assert ledger.cooperation.name not in editor_b_client.get("/resultaten?domein=werkplek").content.decode()
    assert (
        ledger.cooperation.name
        in editor_b_client.get("/resultaten?domein=infrastructuur-beheer").content.decode()
    )
    assert editor_b_client.get("/resultaten?domein=bestaat-niet").status_code == 200


def test_the_cooperation_page_links_to_the_results(ledger, reader_a_client):
    page = reader_a_client.get(f"/samenwerkingen/{ledger.cooperation.slug}").content.decode()
    assert "Resultaten: gerealiseerd tegen de businesscase" in page


def test_the_business_case_page_shows_the_suggested_uplift(ledger, reader_a_client):
    page = reader_a_client.get(f"/businesscases/{ledger.business_case_id}").content.decode()
    assert "Wat eerdere samenwerkingen werkelijk bespaarden" in page
    assert "Dit rust op 0 samenwerkingen" in page  # the ledger is private: it does not count
    assert ledger.cooperation.name in page  # but it measures against this case


def test_the_overview_follows_a_change_at_once_despite_its_cache(ledger, editor_a, editor_b_client):
    ledger.visibility = Ledger.Visibility.MUNICIPAL
    ledger.save()
    assert ledger.cooperation.name in editor_b_client.get("/resultaten").content.decode()  # now cached
    services.save_ledger(
        ledger.cooperation,
        editor_a,
        visibility="prive",
        start_year=START,
        business_case=ledger.business_case,
        revision=ledger.revision,
    )
    assert ledger.cooperation.name not in editor_b_client.get("/resultaten").content.decode()
