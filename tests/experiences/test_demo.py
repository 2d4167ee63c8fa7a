# SPDX-License-Identifier: EUPL-1.2
"""The demo content loads idempotently, is labelled as demo, spreads over phases, domains, forms,
provinces and years, and gives the same known top hits on both search backends."""

import pytest

from goedebuur.accounts.services import ensure_demo_accounts
from goedebuur.cooperations.services import load_demo_cooperations
from goedebuur.experiences import search
from goedebuur.experiences.demo import load_demo
from goedebuur.experiences.models import Answer, Lesson, Question

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    ensure_demo_accounts()
    load_demo_cooperations()
    load_demo()


def test_it_loads_labelled_demo_items_once(demo):
    counts = (Lesson.objects.count(), Question.objects.count(), Answer.objects.count())
    assert counts[0] >= 20 and counts[1] >= 6 and counts[2] >= 6
    assert "0 demo-ervaringen en 0 demo-vragen" in load_demo()
    assert (Lesson.objects.count(), Question.objects.count(), Answer.objects.count()) == counts
    assert not Lesson.objects.filter(is_demo=False).exists()


def test_the_facets_show_a_meaningful_spread(demo, admin_user):
    facets = search.search(admin_user, "").facets
    assert len(facets["phase"]) == 5
    assert len(facets["domain"]) >= 7
    assert len(facets["form"]) >= 6
    assert len(facets["province"]) >= 6
    assert len(facets["year"]) >= 4


# (user, query) -> the expected first hits, the same on SQLite FTS5 and PostgreSQL
KNOWN_TOP_HITS = [
    (None, "migratiekosten", ["Migratie van het zaaksysteem kostte twee keer zo veel als begroot"]),
    (None, "uittreding rekenmethode", ["Uittreding bleek duurder dan de hele samenwerking"]),
    (None, "bestuurlijke drukte", ["Bestuurlijke drukte: vier overleggen voor één besluit"]),
    (
        None,
        "licentiekosten cloud",
        ["Cloudmigratie: licentiekosten stegen, beheerkosten daalden minder dan gedacht"],
    ),
    (None, "intentieverklaring vaag", ["Een intentieverklaring die te vaag was"]),
    (None, "verdeelsleutel", []),  # members only: invisible to anonymous visitors
    (
        "redacteur.veenendaal",
        "verdeelsleutel",
        ["Welke verdeelsleutel gebruiken jullie voor gedeelde werkplekken?"],
    ),
    (
        "redacteur.veenendaal",
        "verdeelsleutel inwonertal",
        ["Kostenverdeelsleutel op inwoners werkte niet voor werkplekken"],
    ),
    ("redacteur.utrecht", "verdeelsleutel", []),  # Utrecht is no member of the FoodValley cooperation
    ("redacteur.rhenen", "uitwijk testen", ["Hoe vaak testen jullie de uitwijk naar de achtervanggemeente?"]),
]


@pytest.mark.parametrize("username,query,expected", KNOWN_TOP_HITS)
def test_both_backends_give_the_known_top_hits_on_the_demo_corpus(demo, username, query, expected):
    from goedebuur.accounts.models import User

    user = User.objects.get(username=username) if username else None
    titles = [hit.entry.title for hit in search.search(user, query).hits]
    assert titles[: len(expected)] == expected
    if not expected:
        assert titles == []


def test_migraties_finds_the_lessons_about_migratie(demo):
    titles = {hit.entry.title for hit in search.search(None, "migraties").hits}
    assert {
        "Migratie van het zaaksysteem kostte twee keer zo veel als begroot",
        "Harmonisatie van werkprocessen vóór de technische migratie",
        "Datamigratie: begin met opschonen",
    } <= titles
