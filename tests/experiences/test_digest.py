# SPDX-License-Identifier: EUPL-1.2
import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from goedebuur.cooperations.models import IctDomain
from goedebuur.experiences import services
from goedebuur.experiences.digest import send_digests
from goedebuur.experiences.models import Lesson, Tag, Visibility

from .factories import make_lesson, make_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def followers(editor_a, editor_b):
    editor_a.email, editor_b.email = "a@example.org", "b@example.org"
    editor_a.save()
    editor_b.save()
    services.follow(editor_b, domain=IctDomain.objects.get(slug="werkplek"))
    return editor_b


def test_it_mails_each_follower_the_new_items_they_follow(editor_a, followers):
    make_lesson(editor_a, title="Werkplekken gedeeld", domains=("werkplek",))
    make_lesson(editor_a, title="Over applicaties", domains=("applicaties",))
    make_question(
        editor_a, title="Wie beheert werkplekken samen?", domain=IctDomain.objects.get(slug="werkplek")
    )
    assert send_digests("daily", "https://gb.example") == 1
    message = mail.outbox[0]
    assert message.to == ["b@example.org"]
    assert "Werkplekken gedeeld" in message.body and "Wie beheert werkplekken samen?" in message.body
    assert "Over applicaties" not in message.body
    assert "https://gb.example/ervaringen/" in message.body


def test_it_leaves_out_items_the_follower_may_not_see(editor_a, followers, cooperation):
    make_lesson(
        editor_a,
        title="Alleen leden",
        domains=("werkplek",),
        visibility=Visibility.MEMBERS,
        cooperation=cooperation,
    )
    assert send_digests("weekly", "https://gb.example") == 0
    assert mail.outbox == []


def test_it_follows_tags_and_cooperations_too(editor_a, editor_b, cooperation):
    editor_b.email = "b@example.org"
    editor_b.save()
    make_lesson(editor_a, title="Getagd", tags=["exit"])
    services.follow(editor_b, tag=Tag.objects.get(slug="exit"))
    services.follow(editor_b, cooperation=cooperation)
    make_lesson(editor_a, title="Bij het verband", cooperation=cooperation)
    send_digests("daily", "https://gb.example")
    assert "Getagd" in mail.outbox[0].body and "Bij het verband" in mail.outbox[0].body


def test_the_daily_digest_skips_older_items_that_the_weekly_one_has(editor_a, followers):
    lesson = make_lesson(editor_a, title="Van drie dagen geleden", domains=("werkplek",))
    Lesson.objects.filter(pk=lesson.pk).update(created_at=timezone.now() - dt.timedelta(days=3))
    assert send_digests("daily", "https://gb.example") == 0
    assert send_digests("weekly", "https://gb.example") == 1


def test_the_command_sends_the_digest(editor_a, followers, capsys):
    make_lesson(editor_a, title="Werkplekken", domains=("werkplek",))
    call_command("ervaringen-digest", "--weekly")
    assert len(mail.outbox) == 1
    assert "1 e-mail(s) verstuurd." in capsys.readouterr().out


def test_the_index_command_rebuilds_the_index(editor_a, capsys):
    make_lesson(editor_a, title="Migratie")
    call_command("ervaringen-index")
    assert "1 items" in capsys.readouterr().out
