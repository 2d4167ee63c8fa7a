# SPDX-License-Identifier: EUPL-1.2
"""Each persona sees exactly what the rules allow, in every place an item can show up:
list pages, detail pages, search results with snippets and counts, feeds, panels and the API."""

import pytest

PUBLIC, MUNICIPAL, MEMBERS = "Openbare migratieles", "Gemeentelijke migratieles", "Geheime migratieles"
EXPECTED = {
    "anonymous_client": {PUBLIC},
    "reader_a_client": {PUBLIC, MUNICIPAL, MEMBERS},
    "editor_a_client": {PUBLIC, MUNICIPAL, MEMBERS},
    "editor_b_client": {PUBLIC, MUNICIPAL},
    "admin_client": {PUBLIC, MUNICIPAL, MEMBERS},
}
ALL = {PUBLIC, MUNICIPAL, MEMBERS}

pytestmark = pytest.mark.django_db


def _count_text(n: int) -> str:
    return "1 resultaat" if n == 1 else f"{n} resultaten"


def _shown(html: str) -> set[str]:
    return {title for title in ALL if title in html}


@pytest.mark.parametrize("persona", EXPECTED)
def test_the_lesson_list_shows_only_visible_lessons(persona, lessons, request):
    html = request.getfixturevalue(persona).get("/ervaringen").content.decode()
    assert _shown(html) == EXPECTED[persona]
    assert _count_text(len(EXPECTED[persona])) in html


@pytest.mark.parametrize("persona", EXPECTED)
def test_the_search_page_shows_only_visible_hits_snippets_and_counts(persona, lessons, request):
    html = request.getfixturevalue(persona).get("/zoeken?q=migraties").content.decode()
    assert _shown(html) == EXPECTED[persona]
    assert _count_text(len(EXPECTED[persona])) in html
    assert ("alleen leden" in html) == (MEMBERS in EXPECTED[persona])
    assert f"({len(EXPECTED[persona])})" in html  # the kind facet counts visible items only


@pytest.mark.parametrize("persona", EXPECTED)
def test_a_detail_page_is_404_for_who_may_not_see_it(persona, lessons, request):
    client = request.getfixturevalue(persona)
    for key, title in (("public", PUBLIC), ("municipal", MUNICIPAL), ("members", MEMBERS)):
        response = client.get(f"/ervaringen/{lessons[key].pk}")
        assert response.status_code == (200 if title in EXPECTED[persona] else 404)


@pytest.mark.parametrize("path", ["/ervaringen/feed.atom", "/ervaringen/feed.rss"])
def test_feeds_carry_public_items_only(path, lessons, editor_a_client):
    html = editor_a_client.get(path).content.decode()
    assert _shown(html) == {PUBLIC}


@pytest.mark.parametrize("persona", EXPECTED)
def test_the_api_lists_and_searches_only_visible_lessons(persona, lessons, request):
    client = request.getfixturevalue(persona)
    listed = {item["titel"] for item in client.get("/api/v1/ervaringen").json()["results"]}
    found = client.get("/api/v1/zoeken?q=migraties").json()
    assert listed == EXPECTED[persona]
    assert {hit["titel"] for hit in found["results"]} == EXPECTED[persona]
    assert found["count"] == len(EXPECTED[persona])
    assert sum(v["aantal"] for v in found["facetten"]["soort"]) == len(EXPECTED[persona])
    for key, title in (("public", PUBLIC), ("municipal", MUNICIPAL), ("members", MEMBERS)):
        status = client.get(f"/api/v1/ervaringen/{lessons[key].pk}").status_code
        assert status == (200 if title in EXPECTED[persona] else 404)


@pytest.mark.parametrize("persona", EXPECTED)
def test_the_cooperation_panel_shows_only_visible_lessons(persona, lessons, cooperation, request):
    for lesson in lessons.values():
        if lesson.cooperation is None:
            from goedebuur.experiences import services

            data = services.lesson_input(lesson)
            data.cooperation = cooperation
            services.save_lesson(data, lesson.author, lesson=lesson)
    html = request.getfixturevalue(persona).get(cooperation.get_absolute_url()).content.decode()
    assert _shown(html) == EXPECTED[persona]
