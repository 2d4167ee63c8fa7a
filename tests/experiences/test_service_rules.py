# SPDX-License-Identifier: EUPL-1.2
"""The rules of sharing a lesson live in the services: the same bad input through page, API and
service gets the same refusal, and nothing is saved."""

import pytest
from django.core.exceptions import ValidationError

from goedebuur.experiences import services
from goedebuur.experiences.models import Lesson

from ..factories import RHENEN, UTRECHT
from ..trajectories.factories import make_trajectory
from .factories import make_answer, make_question

pytestmark = pytest.mark.django_db

UNKNOWN_TRAJECTORY = "Onbekend traject, of u neemt er niet aan deel."
MEMBERS_NEED_COOPERATION = "Kies het samenwerkingsverband waarvan de leden dit mogen zien."


def _page(client, **extra):
    return client.post(
        "/ervaringen/nieuw",
        {"title": "Exit", "body": "Regel de uittreding.", "visibility": "openbaar", **extra},
    )


def _api(client, **extra):
    return client.post(
        "/api/v1/ervaringen",
        {"titel": "Exit", "tekst": "Regel de uittreding.", **extra},
        content_type="application/json",
    )


def _refusal(response, name):
    return [p["reason"] for p in response.json()["invalidParams"] if p["name"] == name]


def test_it_refuses_a_trajectory_the_author_does_not_take_part_in_everywhere(editor_a, editor_a_client):
    elsewhere = make_trajectory(initiator=UTRECHT, invitees=(RHENEN,))
    page = _page(editor_a_client, trajectory=elsewhere.pk)
    assert page.status_code == 200 and UNKNOWN_TRAJECTORY in page.content.decode()
    api = _api(editor_a_client, traject=elsewhere.pk)
    assert api.status_code == 400 and _refusal(api, "traject") == [UNKNOWN_TRAJECTORY]
    with pytest.raises(ValidationError) as refused:
        services.save_lesson(
            services.LessonInput(title="Exit", body="Regel de uittreding.", trajectory=elsewhere), editor_a
        )
    assert refused.value.message_dict == {"trajectory": [UNKNOWN_TRAJECTORY]}
    assert not Lesson.objects.exists()


def test_it_refuses_members_only_without_a_cooperation_everywhere(editor_a, editor_a_client):
    page = _page(editor_a_client, visibility="leden")
    assert page.status_code == 200 and MEMBERS_NEED_COOPERATION in page.content.decode()
    api = _api(editor_a_client, zichtbaarheid="leden")
    assert api.status_code == 400 and _refusal(api, "samenwerking") == [MEMBERS_NEED_COOPERATION]
    with pytest.raises(ValidationError) as refused:
        services.save_lesson(services.LessonInput(title="Exit", body="x", visibility="leden"), editor_a)
    assert refused.value.message_dict == {"cooperation": [MEMBERS_NEED_COOPERATION]}
    assert not Lesson.objects.exists()


def test_it_refuses_readers_in_the_service_as_on_page_and_api(reader_a, reader_a_client):
    assert _page(reader_a_client).status_code == 403
    assert _api(reader_a_client).status_code == 403
    with pytest.raises(services.PermissionDenied):
        services.save_lesson(services.LessonInput(title="Exit", body="x"), reader_a)
    assert not Lesson.objects.exists()


def test_it_lets_only_the_asker_accept_an_answer_on_page_and_in_the_service(
    editor_a, editor_b, editor_b_client
):
    question = make_question(editor_a)
    answer = make_answer(question, editor_b)
    assert (
        editor_b_client.post(f"/vragen/{question.pk}/accepteren", {"antwoord": answer.pk}).status_code == 403
    )
    with pytest.raises(services.PermissionDenied):
        services.accept_answer(question, answer, editor_b)
    question.refresh_from_db()
    assert question.accepted_answer is None


def test_it_refuses_an_answer_to_a_question_the_user_may_not_see_on_api_and_in_the_service(
    editor_a, editor_b, editor_b_client, cooperation
):
    question = make_question(
        editor_a, visibility="leden", cooperation=cooperation
    )  # Utrecht (B) is no member
    api = editor_b_client.post(
        f"/api/v1/vragen/{question.pk}/antwoorden",
        {"tekst": "Zo doen wij dat."},
        content_type="application/json",
    )
    assert api.status_code == 404
    with pytest.raises(services.PermissionDenied):
        services.answer_question(question, editor_b, "Zo doen wij dat.")
    assert not question.answers.exists()
