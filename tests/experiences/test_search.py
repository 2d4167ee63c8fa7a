# SPDX-License-Identifier: EUPL-1.2
"""Search on whichever database runs the suite (SQLite FTS5 or PostgreSQL 'dutch')."""

import pytest
from django.db import connection

from goedebuur.experiences import search, services
from goedebuur.experiences.models import SearchEntry, Visibility

from ..factories import make_cooperation
from .factories import make_answer, make_lesson, make_question

pytestmark = pytest.mark.django_db


def _titles(results):
    return [hit.entry.title for hit in results.hits]


def test_a_dutch_query_finds_inflected_forms(editor_a, anonymous_client):
    make_lesson(editor_a, title="Les over de migratie", body="Eén migratie van het zaaksysteem.")
    make_lesson(editor_a, title="Over governance", body="Het bestuur vergaderde te vaak.")
    results = search.search(None, "migraties")
    assert _titles(results) == ["Les over de migratie"]
    assert "<mark>migratie</mark>" in results.hits[0].snippet


def test_every_word_of_the_query_must_match(editor_a):
    make_lesson(editor_a, title="Migratie", body="De kosten vielen tegen.")
    make_lesson(editor_a, title="Migratie", body="Alles ging goed.")
    assert search.search(None, "migratie kosten").total == 1


def test_a_word_in_the_title_ranks_above_a_word_in_the_body(editor_a):
    make_lesson(editor_a, title="Onze aanbesteding", body="Werkplekken en de exitstrategie bij leveranciers.")
    make_lesson(editor_a, title="Exitstrategie vooraf regelen", body="Leg vooraf vast hoe u uittreedt.")
    assert _titles(search.search(None, "exitstrategie"))[0] == "Exitstrategie vooraf regelen"


def test_fts_syntax_typed_by_a_user_is_searched_as_words(editor_a):
    make_lesson(editor_a, title="Near and not", body="tekst")
    assert search.search(None, 'NOT "near" AND *').total in (0, 1)  # no error


def test_snippets_escape_the_text_before_marking(editor_a):
    make_lesson(editor_a, title="Escape", body="Gebruik <script>alert(1)</script> nooit; de migratie wel.")
    snippet = search.search(None, "migratie").hits[0].snippet
    assert "<script>" not in snippet and "<mark>migratie</mark>" in snippet


def test_facets_count_the_matching_items_per_value(editor_a):
    make_lesson(editor_a, title="Migratie A", phase="inrichten", domains=("applicaties",))
    make_lesson(editor_a, title="Migratie B", phase="inrichten", domains=("applicaties", "werkplek"))
    make_lesson(
        editor_a, title="Migratie C", phase="verkennen", domains=("werkplek",), form="wgr-centrumregeling"
    )
    make_lesson(editor_a, title="Iets anders", body="bestuur", phase="verkennen")
    results = search.search(None, "migratie")
    counts = {name: {v.value: v.count for v in values} for name, values in results.facets.items()}
    assert counts["phase"] == {"inrichten": 2, "verkennen": 1}
    assert counts["domain"] == {"applicaties": 2, "werkplek": 2}
    assert counts["form"] == {"wgr-centrumregeling": 1}
    assert counts["province"] == {"PV26": 3}
    assert counts["kind"] == {"ervaring": 3}


def test_a_filter_narrows_the_hits_but_not_its_own_facet(editor_a):
    make_lesson(editor_a, title="Migratie A", phase="inrichten")
    make_lesson(editor_a, title="Migratie C", phase="verkennen")
    results = search.search(None, "migratie", search.Filters(phase="verkennen"))
    assert _titles(results) == ["Migratie C"]
    assert {v.value: v.count for v in results.facets["phase"]} == {"inrichten": 1, "verkennen": 1}
    assert [v.value for v in results.facets["phase"] if v.selected] == ["verkennen"]


def test_questions_and_answers_are_found_too(editor_a, editor_b):
    question = make_question(
        editor_a, title="Hoe regelen jullie de uittreding?", visibility=Visibility.PUBLIC
    )
    make_answer(question, editor_b, body="Met een uittredingsregeling en een vergoeding.")
    kinds = sorted(hit.entry.kind for hit in search.search(None, "uittreding").hits)
    assert kinds == ["antwoord", "vraag"]


def test_hidden_and_deleted_items_leave_the_index(editor_a, admin_user):
    lesson = make_lesson(editor_a, title="Migratie verborgen")
    other = make_lesson(editor_a, title="Migratie verwijderd")
    services.set_hidden(lesson, admin_user, True, "Bevat persoonsgegevens")
    services.soft_delete(other, editor_a)
    assert search.search(admin_user, "migratie").total == 0
    services.set_hidden(lesson, admin_user, False, "Persoonsgegevens verwijderd")
    assert search.search(None, "migratie").total == 1


def test_an_edit_updates_the_index(editor_a):
    lesson = make_lesson(editor_a, title="Eerste titel", body="over werkplekken")
    data = services.lesson_input(lesson)
    data.body = "over datacenters"
    services.save_lesson(data, editor_a, lesson=lesson)
    assert search.search(None, "werkplekken").total == 0
    assert search.search(None, "datacenters").total == 1


def test_rebuild_restores_a_lost_index(editor_a, editor_b):
    make_lesson(editor_a, title="Migratie", body="kosten")
    question = make_question(editor_a, title="Migratie vraag", visibility=Visibility.PUBLIC)
    make_answer(question, editor_b, body="Migratie antwoord")
    SearchEntry.objects.all().delete()
    assert search.rebuild() == 3
    assert search.search(None, "migratie").total == 3


def test_an_empty_query_lists_everything_visible_newest_first(editor_a):
    make_lesson(editor_a, title="Oud")
    make_lesson(editor_a, title="Nieuw")
    assert _titles(search.search(None, "")) == ["Nieuw", "Oud"]


def test_pages_follow_each_other_in_rank_order_without_gaps_or_repeats(editor_a):
    for number in range(7):
        # more mentions of the word in the body: a higher score
        make_lesson(editor_a, title=f"Les {number}", body="Over de migratie. " + "migratie " * number)
    everything = _titles(search.search(None, "migratie", per_page=20))
    paged = [
        title
        for page in (1, 2, 3)
        for title in _titles(search.search(None, "migratie", page=page, per_page=3))
    ]
    assert paged == everything and len(set(paged)) == 7
    assert search.search(None, "migratie", page=3, per_page=3).page.paginator.num_pages == 3


def test_a_query_of_only_stop_words_lists_everything(editor_a):
    make_lesson(editor_a, title="Iets")
    assert search.search(None, "de het een").total == 1


def test_members_only_items_never_reach_an_outsider_in_hits_snippets_or_counts(editor_a, editor_b):
    cooperation = make_cooperation(members=("GM0345", "GM0340"))
    make_lesson(
        editor_a,
        title="Geheime migratie",
        body="migratie",
        visibility=Visibility.MEMBERS,
        cooperation=cooperation,
    )
    make_lesson(editor_a, title="Intern", body="migratie", visibility=Visibility.MUNICIPAL)
    for user, expected in ((None, 0), (editor_b, 1), (editor_a, 2)):
        results = search.search(user, "migratie")
        assert results.total == expected
        assert sum(v.count for v in results.facets["kind"]) == expected
        assert all("Geheime" not in hit.entry.title for hit in results.hits) or user == editor_a


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite backend")
def test_sqlite_stores_dutch_stems_in_fts5(editor_a):
    lesson = make_lesson(editor_a, title="Migraties", body="samenwerkingen")
    entry = SearchEntry.objects.get(kind="ervaring", object_id=lesson.pk)
    with connection.cursor() as cursor:
        cursor.execute("SELECT title, body FROM experiences_fts WHERE rowid = %s", [entry.pk])
        assert cursor.fetchone() == ("migreer", "samenwerk")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL backend")
def test_postgresql_stores_a_dutch_tsvector(editor_a):
    lesson = make_lesson(editor_a, title="Migraties", body="samenwerkingen")
    entry = SearchEntry.objects.get(kind="ervaring", object_id=lesson.pk)
    assert "migratie" in entry.vector and "samenwerk" in entry.vector


def test_facets_with_a_domain_and_a_phase_filter_count_the_other_filters_only(editor_a):
    make_lesson(editor_a, title="Migratie A", phase="inrichten", domains=("applicaties",))
    make_lesson(editor_a, title="Migratie B", phase="inrichten", domains=("applicaties", "werkplek"))
    make_lesson(editor_a, title="Migratie C", phase="verkennen", domains=("werkplek",))
    make_lesson(editor_a, title="Migratie D", phase="verkennen", domains=("applicaties",))
    results = search.search(None, "migratie", search.Filters(domain="werkplek", phase="inrichten"))
    counts = {name: {v.value: v.count for v in values} for name, values in results.facets.items()}
    assert _titles(results) == ["Migratie B"]
    assert counts["domain"] == {"applicaties": 2, "werkplek": 1}  # within phase inrichten
    assert counts["phase"] == {"inrichten": 1, "verkennen": 1}  # within domain werkplek
    assert counts["kind"] == {"ervaring": 1}


def test_an_unknown_filter_value_matches_nothing(editor_a):
    make_lesson(editor_a, title="Migratie")
    assert search.search(None, "migratie", search.Filters(domain="bestaat-niet")).total == 0


def test_entries_loaded_from_a_backup_are_searchable(editor_a, tmp_path):
    from django.core.management import call_command

    from goedebuur.experiences.search.backends import backend

    make_lesson(editor_a, title="Migratie uit de backup")
    dump = tmp_path / "entries.json"
    call_command("dumpdata", "experiences.searchentry", output=str(dump), verbosity=0)
    backend().clear()
    SearchEntry.objects.all().delete()
    assert search.search(None, "migratie").total == 0
    call_command("loaddata", str(dump), verbosity=0)
    assert [hit.entry.title for hit in search.search(None, "migraties").hits] == ["Migratie uit de backup"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL backend")
def test_a_backup_made_on_sqlite_without_vectors_is_searchable_on_postgresql(editor_a, tmp_path):
    import json

    from django.core.management import call_command

    make_lesson(editor_a, title="Migratie uit SQLite")
    dump = tmp_path / "entries.json"
    call_command("dumpdata", "experiences.searchentry", output=str(dump), verbosity=0)
    rows = json.loads(dump.read_text())
    for row in rows:
        row["fields"]["vector"] = None  # as SQLite writes it
    dump.write_text(json.dumps(rows))
    SearchEntry.objects.all().delete()
    call_command("loaddata", str(dump), verbosity=0)
    assert search.search(None, "migraties").total == 1


def test_the_search_page_names_the_municipality_a_common_or_region_name_means(anonymous_client):
    body = anonymous_client.get("/zoeken?q=Den+Haag").content.decode()
    assert '<a href="/gemeenten/GM0518">&#x27;s-Gravenhage</a> · ook bekend als Den Haag' in body
    body = anonymous_client.get("/zoeken?q=FoodValley").content.decode()
    assert '<a href="/gemeenten/GM0340">Rhenen</a> · in de regio FoodValley' in body
    assert 'id="gevonden-gemeenten"' not in anonymous_client.get("/zoeken?q=migratiekosten").content.decode()
