# SPDX-License-Identifier: EUPL-1.2
import pytest

from goedebuur.experiences.models import Answer, Question, UsefulMark

from .factories import make_answer, make_question

pytestmark = pytest.mark.django_db


def test_a_user_asks_another_municipality_answers_and_the_asker_accepts(editor_a_client, editor_b_client):
    response = editor_a_client.post(
        "/vragen/nieuw", {"title": "Wie heeft een exitregeling?", "visibility": "gemeenten"}
    )
    question = Question.objects.get()
    assert response["Location"] == f"/vragen/{question.pk}"
    response = editor_b_client.post(f"/vragen/{question.pk}", {"body": "Wij, in de DVO."})
    answer = Answer.objects.get()
    assert response["Location"] == f"/vragen/{question.pk}#antwoord-{answer.pk}"
    assert (
        editor_b_client.post(f"/vragen/{question.pk}/accepteren", {"antwoord": answer.pk}).status_code == 403
    )
    editor_a_client.post(f"/vragen/{question.pk}/accepteren", {"antwoord": answer.pk})
    question.refresh_from_db()
    assert question.accepted_answer == answer
    assert "Geaccepteerd antwoord" in editor_b_client.get(f"/vragen/{question.pk}").content.decode()


def test_users_mark_answers_useful_but_not_their_own(editor_a, editor_b, reader_a_client, editor_b_client):
    answer = make_answer(make_question(editor_a), editor_b)
    reader_a_client.post(f"/antwoorden/{answer.pk}/nuttig")
    assert UsefulMark.objects.filter(answer=answer).count() == 1
    reader_a_client.post(f"/antwoorden/{answer.pk}/nuttig")
    assert UsefulMark.objects.filter(answer=answer).count() == 0
    assert editor_b_client.post(f"/antwoorden/{answer.pk}/nuttig").status_code == 403


def test_anonymous_visitors_cannot_ask_or_answer(editor_a, anonymous_client):
    question = make_question(editor_a, visibility="openbaar")
    assert anonymous_client.get("/vragen/nieuw").status_code == 302
    assert anonymous_client.post(f"/vragen/{question.pk}", {"body": "x"}).status_code == 403
    assert not Answer.objects.exists()


def test_a_question_for_municipalities_is_hidden_from_anonymous_visitors(
    editor_a, anonymous_client, editor_b_client
):
    question = make_question(editor_a, title="Interne vraag over migratie")
    assert anonymous_client.get(f"/vragen/{question.pk}").status_code == 404
    assert "Interne vraag" not in anonymous_client.get("/vragen").content.decode()
    assert "Interne vraag" in editor_b_client.get("/vragen").content.decode()


def test_an_empty_answer_is_refused(editor_a, editor_b_client):
    question = make_question(editor_a)
    response = editor_b_client.post(f"/vragen/{question.pk}", {"body": ""})
    assert response.status_code == 200 and not Answer.objects.exists()


def test_it_does_not_accept_an_answer_on_a_question_changed_since_the_page_was_opened(
    editor_a, editor_b, editor_a_client
):
    question = make_question(editor_a)
    answer = make_answer(question, editor_b)
    seen = question.revision
    question.save()
    response = editor_a_client.post(
        f"/vragen/{question.pk}/accepteren", {"antwoord": answer.pk, "revision": seen}, follow=True
    )
    assert "Iemand anders heeft dit gegeven gewijzigd" in response.content.decode()
    assert Question.objects.get(pk=question.pk).accepted_answer is None


def test_it_does_not_delete_an_answer_changed_since_the_page_was_opened(editor_a, editor_b, editor_b_client):
    answer = make_answer(make_question(editor_a), editor_b)
    seen = answer.revision
    answer.save()
    editor_b_client.post(f"/antwoorden/{answer.pk}/verwijderen", {"revision": seen})
    assert Answer.objects.get(pk=answer.pk).deleted_at is None
