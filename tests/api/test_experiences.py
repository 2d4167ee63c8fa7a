# SPDX-License-Identifier: EUPL-1.2
"""Writes through /api/v1/ervaringen, /vragen and /vragen/{id}/antwoorden (reads per persona: see
tests/experiences/test_visibility.py)."""

import pytest

from goedebuur.experiences.models import Answer, Lesson, Question

from ..experiences.factories import make_answer, make_lesson, make_question

pytestmark = pytest.mark.django_db


def test_an_editor_shares_a_lesson(editor_a_client):
    response = editor_a_client.post(
        "/api/v1/ervaringen",
        {
            "titel": "Migratie",
            "tekst": "<script>x</script>**Let op**",
            "domeinen": ["applicaties"],
            "fase": "inrichten",
            "vorm": "dvo",
            "trefwoordenInvoer": ["migratie", "kosten"],
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["gemeente"] == "GM0345" and body["domeinen"] == ["applicaties"] and body["vorm"] == "dvo"
    assert body["tekstHtml"].strip() == "<p><strong>Let op</strong></p>"
    assert sorted(body["trefwoorden"]) == ["kosten", "migratie"]


def test_members_only_without_a_cooperation_is_a_400_problem(editor_a_client):
    response = editor_a_client.post(
        "/api/v1/ervaringen",
        {"titel": "x", "tekst": "y", "zichtbaarheid": "leden"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["invalidParams"][0]["name"] == "samenwerking"
    assert not Lesson.objects.exists()


@pytest.mark.parametrize("persona,status", [("anonymous_client", 401), ("reader_a_client", 403)])
def test_only_editors_share_lessons(persona, status, request):
    client = request.getfixturevalue(persona)
    response = client.post(
        "/api/v1/ervaringen", {"titel": "x", "tekst": "y"}, content_type="application/json"
    )
    assert response.status_code == status


def test_a_user_asks_and_another_municipality_answers(editor_a_client, editor_b_client):
    response = editor_a_client.post("/api/v1/vragen", {"titel": "Wie?"}, content_type="application/json")
    assert response.status_code == 201 and response.json()["zichtbaarheid"] == "gemeenten"
    question_id = response.json()["id"]
    response = editor_b_client.post(
        f"/api/v1/vragen/{question_id}/antwoorden", {"tekst": "Wij."}, content_type="application/json"
    )
    assert response.status_code == 201
    answers = editor_a_client.get(f"/api/v1/vragen/{question_id}/antwoorden").json()["results"]
    assert [(a["gemeente"], a["geaccepteerd"]) for a in answers] == [("GM0344", False)]


def test_answers_of_an_invisible_question_are_404(editor_a, editor_b, anonymous_client):
    question = make_question(editor_a)
    make_answer(question, editor_b)
    assert anonymous_client.get(f"/api/v1/vragen/{question.pk}/antwoorden").status_code == 404
    response = anonymous_client.post(
        f"/api/v1/vragen/{question.pk}/antwoorden", {"tekst": "x"}, content_type="application/json"
    )
    assert response.status_code in (401, 404)
    assert Answer.objects.count() == 1 and Question.objects.count() == 1


def test_search_validates_its_parameters(anonymous_client):
    response = anonymous_client.get("/api/v1/zoeken?fase=onbekend&jaar=x")
    assert response.status_code == 400
    assert {p["name"] for p in response.json()["invalidParams"]} == {"fase", "jaar"}


def test_search_answers_ranked_hits_with_marked_fragments(editor_a, anonymous_client):
    make_lesson(editor_a, title="Migratie", body="De migratie van het zaaksysteem <b>liep</b> uit.")
    body = anonymous_client.get("/api/v1/zoeken?q=migraties").json()
    assert body["count"] == 1
    assert "<mark>migratie</mark>" in body["results"][0]["fragment"]
    assert "<b>" not in body["results"][0]["fragment"]


def test_it_gives_the_revision_of_a_lesson_and_a_question_as_etag(editor_a, api_client):
    lesson = make_lesson(editor_a)
    lesson.save()
    response = api_client.get(f"/api/v1/ervaringen/{lesson.pk}")
    assert response["ETag"] == f'"{lesson.revision}"' and response.json()["revisie"] == lesson.revision
    question = make_question(editor_a, visibility="openbaar")
    assert api_client.get(f"/api/v1/vragen/{question.pk}")["ETag"] == f'"{question.revision}"'
