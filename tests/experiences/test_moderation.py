# SPDX-License-Identifier: EUPL-1.2
import pytest

from goedebuur.experiences import search
from goedebuur.experiences.models import Lesson, Report
from goedebuur.history.models import ChangeRecord

from .factories import make_lesson

pytestmark = pytest.mark.django_db


def test_a_report_reaches_the_moderators_who_hide_the_item_with_a_reason(
    editor_a, editor_b_client, admin_client, anonymous_client
):
    lesson = make_lesson(editor_a, title="Migratie met namen")
    response = editor_b_client.post(
        f"/ervaringen/{lesson.pk}/melden", {"reason": "Noemt een medewerker bij naam."}
    )
    assert response.status_code == 302 and Report.objects.count() == 1
    assert "Noemt een medewerker" in admin_client.get("/ervaringen/moderatie").content.decode()
    admin_client.post(
        f"/ervaringen/moderatie/ervaring/{lesson.pk}", {"actie": "verbergen", "reason": "Privacy"}
    )
    lesson.refresh_from_db()
    assert lesson.hidden_reason == "Privacy" and lesson.hidden_at is not None
    assert Report.objects.get().resolved_at is not None
    assert anonymous_client.get(f"/ervaringen/{lesson.pk}").status_code == 404
    assert search.search(None, "migratie").total == 0
    admin_client.post(
        f"/ervaringen/moderatie/ervaring/{lesson.pk}", {"actie": "herstellen", "reason": "Aangepast"}
    )
    assert anonymous_client.get(f"/ervaringen/{lesson.pk}").status_code == 200
    assert ChangeRecord.objects.filter(model="experiences.lesson", action="restore").exists()


def test_hiding_without_a_reason_changes_nothing(editor_a, admin_client):
    lesson = make_lesson(editor_a)
    admin_client.post(f"/ervaringen/moderatie/ervaring/{lesson.pk}", {"actie": "verbergen", "reason": " "})
    assert Lesson.objects.get(pk=lesson.pk).hidden_at is None


@pytest.mark.parametrize("persona", ["editor_a_client", "reader_a_client", "editor_b_client"])
def test_only_administrators_moderate(persona, editor_a, request):
    lesson = make_lesson(editor_a)
    client = request.getfixturevalue(persona)
    assert client.get("/ervaringen/moderatie").status_code == 403
    response = client.post(
        f"/ervaringen/moderatie/ervaring/{lesson.pk}", {"actie": "verbergen", "reason": "x"}
    )
    assert response.status_code == 403
    assert Lesson.objects.get(pk=lesson.pk).hidden_at is None


def test_anonymous_visitors_cannot_report(editor_a, anonymous_client):
    lesson = make_lesson(editor_a)
    assert anonymous_client.post(f"/ervaringen/{lesson.pk}/melden", {"reason": "x"}).status_code == 302
    assert not Report.objects.exists()


def test_it_does_not_hide_an_item_changed_since_the_moderator_opened_it(editor_a, admin_client):
    lesson = make_lesson(editor_a)
    seen = lesson.revision
    lesson.save()
    response = admin_client.post(
        f"/ervaringen/moderatie/ervaring/{lesson.pk}",
        {"actie": "verbergen", "reason": "Privacy", "revision": seen},
        follow=True,
    )
    assert "Iemand anders heeft dit gegeven gewijzigd" in response.content.decode()
    lesson.refresh_from_db()
    assert lesson.hidden_at is None
