# SPDX-License-Identifier: EUPL-1.2
"""How lessons, questions and answers enter the history: after every change a snapshot as plain
JSON data, and how such a snapshot is written back.

A restore brings back text, visibility, links, tags, attachments (lessons), the accepted answer
(questions) and whether it was deleted; moderation (hidden or not) stays the administrators'
decision. The search index follows the restored item."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from goedebuur.cooperations.models import Cooperation, CooperationForm, IctDomain
from goedebuur.history import services as history
from goedebuur.trajectories import services as trajectories

from . import search
from .models import Answer, Lesson, Question, Visibility, tags_named


def _common(item) -> dict:
    return {
        "titel": getattr(item, "title", ""),
        "tekst": item.body,
        "gemeente": item.municipality.code,
        "verborgen": item.hidden_reason if item.hidden_at else "",
        "verwijderd": item.deleted_at.isoformat() if item.deleted_at else "",
    }


def _topic(item) -> dict:
    return {
        "zichtbaarheid": item.visibility,
        "samenwerking": item.cooperation.slug if item.cooperation else "",
        "fase": item.phase,
        "trefwoorden": sorted(t.name for t in item.tags.all()),
    }


def _deleted_at(item, state):
    if not state.get("verwijderd"):
        return None
    return item.deleted_at or timezone.now()


def _apply_common(item, state) -> None:
    item.body = state["tekst"]
    item.deleted_at = _deleted_at(item, state)


def _apply_topic(item, state) -> None:
    item.title = state["titel"]
    item.visibility = state["zichtbaarheid"]
    item.cooperation = (
        Cooperation.objects.filter(slug=state["samenwerking"], deleted_at__isnull=True).first()
        if state["samenwerking"]
        else None
    )
    if item.visibility == Visibility.MEMBERS and item.cooperation is None:
        raise ValidationError(_("Het samenwerkingsverband van deze versie bestaat niet meer."))
    item.phase = state["fase"]


@history.register
class LessonTracker(history.Tracker):
    model = Lesson
    label = "experiences.lesson"

    def snapshot(self, lesson):
        return (
            _common(lesson)
            | _topic(lesson)
            | {
                "domeinen": sorted(d.slug for d in lesson.domains.all()),
                "vorm": lesson.form.code if lesson.form else "",
                "traject": lesson.trajectory_id,
                "bijlagen": [a.filename for a in lesson.attachments.filter(deleted_at__isnull=True)],
            }
        )

    def apply(self, lesson, state, *, user, object_id):
        _apply_common(lesson, state)
        _apply_topic(lesson, state)
        lesson.form = CooperationForm.objects.filter(code=state["vorm"]).first() if state["vorm"] else None
        lesson.trajectory = trajectories.get_trajectory(state["traject"])
        lesson.save()
        lesson.tags.set(tags_named(state["trefwoorden"]))
        lesson.domains.set(IctDomain.objects.filter(slug__in=state["domeinen"]))
        wanted = set(state["bijlagen"])
        for attachment in lesson.attachments.all():
            keep = attachment.filename in wanted
            if keep and attachment.deleted_at is not None:
                attachment.deleted_at = None
            elif not keep and attachment.deleted_at is None:
                attachment.deleted_at = timezone.now()
            else:
                continue
            attachment.save(update_fields=["deleted_at"])
        search.index_lesson(lesson)
        return lesson


@history.register
class QuestionTracker(history.Tracker):
    model = Question
    label = "experiences.question"

    def snapshot(self, question):
        return (
            _common(question)
            | _topic(question)
            | {
                "domein": question.domain.slug if question.domain else "",
                "geaccepteerd": question.accepted_answer_id,
            }
        )

    def apply(self, question, state, *, user, object_id):
        _apply_common(question, state)
        _apply_topic(question, state)
        question.domain = IctDomain.objects.filter(slug=state["domein"]).first() if state["domein"] else None
        accepted = state.get("geaccepteerd")
        question.accepted_answer = (
            Answer.objects.filter(pk=accepted, question=question, deleted_at__isnull=True).first()
            if accepted
            else None
        )
        question.save()
        question.tags.set(tags_named(state["trefwoorden"]))
        search.index_question(question)
        return question


@history.register
class AnswerTracker(history.Tracker):
    model = Answer
    label = "experiences.answer"

    def snapshot(self, answer):
        return _common(answer) | {"vraag": answer.question_id}

    def apply(self, answer, state, *, user, object_id):
        _apply_common(answer, state)
        answer.save()
        search.index_answer(answer)
        return answer
