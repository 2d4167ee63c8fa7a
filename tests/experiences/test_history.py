# SPDX-License-Identifier: EUPL-1.2
"""History pages of lessons, questions and answers, and restoring an earlier version, per persona."""

import pytest

from goedebuur.experiences import services
from goedebuur.experiences.models import Answer, Lesson, Question
from goedebuur.history.models import ChangeRecord

from .factories import make_answer, make_lesson, make_question

pytestmark = pytest.mark.django_db


def first_version(model, item):
    return ChangeRecord.objects.filter(model=model, object_id=str(item.pk), action="create").get()


def latest(model, item):
    return ChangeRecord.objects.filter(model=model, object_id=str(item.pk)).first()


def edited_lesson(user):
    lesson = make_lesson(user, title="Eerste titel", body="Eerste tekst", tags=["exit"])
    data = services.lesson_input(lesson)
    data.title, data.body, data.tags, data.domains = "Tweede titel", "Tweede tekst", ["kosten"], []
    return services.save_lesson(data, user, lesson=lesson)


def test_it_shows_restore_buttons_only_to_who_may_edit(editor_a, editor_a_client, editor_b_client):
    lesson = edited_lesson(editor_a)
    url = f"/ervaringen/{lesson.pk}/geschiedenis"
    page = editor_a_client.get(url).content.decode()
    assert "Deze versie herstellen" in page and "Eerste titel" in page
    other = editor_b_client.get(url)
    assert other.status_code == 200 and "Deze versie herstellen" not in other.content.decode()


def test_it_restores_an_earlier_version_of_a_lesson_and_records_it(editor_a, editor_a_client):
    lesson = edited_lesson(editor_a)
    record = first_version("experiences.lesson", lesson)
    response = editor_a_client.post(f"/ervaringen/{lesson.pk}/geschiedenis/{record.pk}/herstellen")
    assert response.status_code == 302
    lesson = Lesson.objects.get(pk=lesson.pk)
    assert (lesson.title, lesson.body) == ("Eerste titel", "Eerste tekst")
    assert [t.name for t in lesson.tags.all()] == ["exit"]
    assert list(lesson.domains.values_list("slug", flat=True)) == ["applicaties"]
    restore = latest("experiences.lesson", lesson)
    assert restore.action == "restore" and restore.user == editor_a


def test_it_forbids_restoring_a_lesson_to_others(
    editor_a, editor_b_client, reader_a_client, anonymous_client
):
    lesson = edited_lesson(editor_a)
    url = f"/ervaringen/{lesson.pk}/geschiedenis/{first_version('experiences.lesson', lesson).pk}/herstellen"
    assert editor_b_client.post(url).status_code == 403
    assert reader_a_client.post(url).status_code == 403
    assert anonymous_client.post(url).status_code == 302  # to the login page
    assert Lesson.objects.get(pk=lesson.pk).title == "Tweede titel"


def test_an_administrator_brings_back_a_deleted_lesson_with_its_attachment(
    editor_a, admin_client, editor_a_client
):
    lesson = make_lesson(editor_a, title="Met bijlage")
    attachment = services.add_attachment(lesson, editor_a, "notities.pdf", b"%PDF-1.4 notities")
    before = latest("experiences.lesson", lesson)
    services.remove_attachment(attachment, editor_a)
    services.soft_delete(Lesson.objects.get(pk=lesson.pk), editor_a)
    url = f"/ervaringen/{lesson.pk}/geschiedenis"
    assert editor_a_client.get(url).status_code == 404
    assert "is verwijderd" in admin_client.get(url).content.decode()
    assert admin_client.post(f"{url}/{before.pk}/herstellen").status_code == 302
    lesson = Lesson.objects.get(pk=lesson.pk)
    assert lesson.deleted_at is None
    assert lesson.attachments.get().deleted_at is None


def test_the_asker_restores_a_question_and_its_accepted_answer(
    editor_a, editor_b, editor_a_client, editor_b_client
):
    question = make_question(editor_a, title="Eerste vraag")
    answer = make_answer(question, editor_b)
    services.accept_answer(question, answer, editor_a)
    accepted = latest("experiences.question", question)
    services.accept_answer(Question.objects.get(pk=question.pk), None, editor_a)
    url = f"/vragen/{question.pk}/geschiedenis"
    assert "Deze versie herstellen" not in editor_b_client.get(url).content.decode()
    assert editor_b_client.post(f"{url}/{accepted.pk}/herstellen").status_code == 403
    assert editor_a_client.post(f"{url}/{accepted.pk}/herstellen").status_code == 302
    assert Question.objects.get(pk=question.pk).accepted_answer == answer
    assert latest("experiences.question", question).action == "restore"


def test_an_administrator_brings_back_a_deleted_answer(editor_a, editor_b, admin_client, reader_a_client):
    answer = make_answer(make_question(editor_a), editor_b, body="Eerste antwoord")
    first = first_version("experiences.answer", answer)
    services.soft_delete(answer, editor_b)
    url = f"/antwoorden/{answer.pk}/geschiedenis"
    assert reader_a_client.get(url).status_code == 404
    assert admin_client.post(f"{url}/{first.pk}/herstellen").status_code == 302
    assert Answer.objects.get(pk=answer.pk).deleted_at is None
