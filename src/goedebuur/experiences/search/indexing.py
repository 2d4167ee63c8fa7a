# SPDX-License-Identifier: EUPL-1.2
"""Keep `SearchEntry` (and the backend's index) in step with lessons, questions and answers.

An item that is hidden or soft-deleted has no entry, so no search, snippet or count can show it.
An answer takes its visibility, cooperation, phase and domain from its question."""

from django.db import transaction

from goedebuur.core.experiences.safe_markdown import plain_text

from ..models import Answer, Lesson, Question, Report, SearchEntry
from .backends import backend

KIND = Report.Kind


def _live(item) -> bool:
    return item.deleted_at is None and item.hidden_at is None


def _entry_values(kind, item, *, title, body, visibility, cooperation, phase, form) -> dict:
    municipality = item.municipality
    return {
        "title": title[:200],
        "body": body,
        "url": item.get_absolute_url(),
        "visibility": visibility,
        "cooperation": cooperation,
        "municipality": municipality,
        "province_id": municipality.province_id,
        "phase": phase,
        "form": form,
        "year": item.created_at.year,
        "created_at": item.created_at,
        "is_demo": item.is_demo,
    }


def domain_ids(domains) -> str:
    return ",".join(str(pk) for pk in sorted(domain.pk for domain in domains))


def _save(kind, item, values, domains) -> SearchEntry | None:
    if not _live(item):
        remove(kind, [item.pk])
        return None
    values["domain_ids"] = domain_ids(domains)
    entry, _ = SearchEntry.objects.update_or_create(kind=kind, object_id=item.pk, defaults=values)
    backend().write([entry])
    return entry


def index_lesson(lesson: Lesson):
    values = _entry_values(
        KIND.LESSON,
        lesson,
        title=lesson.title,
        body=plain_text(lesson.body),
        visibility=lesson.visibility,
        cooperation=lesson.cooperation,
        phase=lesson.phase,
        form=lesson.form,
    )
    return _save(KIND.LESSON, lesson, values, list(lesson.domains.all()))


def _question_values(question: Question) -> dict:
    cooperation = question.cooperation
    return {
        "visibility": question.visibility,
        "cooperation": cooperation,
        "phase": question.phase,
        "form": cooperation.form if cooperation else None,
    }


def index_question(question: Question, with_answers: bool = True):
    values = _entry_values(
        KIND.QUESTION,
        question,
        title=question.title,
        body=plain_text(question.body),
        **_question_values(question),
    )
    entry = _save(KIND.QUESTION, question, values, [question.domain] if question.domain else [])
    if with_answers:
        for answer in question.answers.all():
            index_answer(answer, question=question)
    return entry


def index_answer(answer: Answer, question: Question | None = None):
    question = question or answer.question
    if not _live(question):
        remove(KIND.ANSWER, [answer.pk])
        return None
    values = _entry_values(
        KIND.ANSWER, answer, title=question.title, body=plain_text(answer.body), **_question_values(question)
    )
    return _save(KIND.ANSWER, answer, values, [question.domain] if question.domain else [])


def remove(kind: str, object_ids):
    entries = SearchEntry.objects.filter(kind=kind, object_id__in=list(object_ids))
    ids = list(entries.values_list("pk", flat=True))
    if ids:
        backend().delete(ids)
        SearchEntry.objects.filter(pk__in=ids).delete()


def _bulk_values():
    """(kind, item, values, domains) for every live item, in as few queries as possible."""
    lessons = Lesson.objects.filter(deleted_at__isnull=True, hidden_at__isnull=True)
    for lesson in lessons.select_related("municipality", "cooperation", "form").prefetch_related("domains"):
        yield (
            KIND.LESSON,
            lesson,
            _entry_values(
                KIND.LESSON, lesson, title=lesson.title, body=plain_text(lesson.body), visibility=lesson.visibility,
                cooperation=lesson.cooperation, phase=lesson.phase, form=lesson.form,
            ),
            list(lesson.domains.all()),
        )  # fmt: skip
    questions = Question.objects.filter(deleted_at__isnull=True, hidden_at__isnull=True).select_related(
        "municipality", "domain", "cooperation__form"
    )
    live_questions = {}
    for question in questions:
        live_questions[question.pk] = question
        values = _entry_values(
            KIND.QUESTION,
            question,
            title=question.title,
            body=plain_text(question.body),
            **_question_values(question),
        )
        yield KIND.QUESTION, question, values, [question.domain] if question.domain else []
    answers = Answer.objects.filter(
        deleted_at__isnull=True, hidden_at__isnull=True, question_id__in=list(live_questions)
    )
    for answer in answers.select_related("municipality"):
        question = live_questions[answer.question_id]
        values = _entry_values(
            KIND.ANSWER,
            answer,
            title=question.title,
            body=plain_text(answer.body),
            **_question_values(question),
        )
        yield KIND.ANSWER, answer, values, [question.domain] if question.domain else []


@transaction.atomic
def rebuild() -> int:
    """Drop and rebuild the whole index from the items, in bulk; returns the number of entries."""
    engine = backend()
    engine.clear()
    SearchEntry.objects.all().delete()
    items = list(_bulk_values())
    entries = SearchEntry.objects.bulk_create(
        [
            SearchEntry(kind=kind, object_id=item.pk, domain_ids=domain_ids(domains), **values)
            for kind, item, values, domains in items
        ],
        batch_size=500,
    )
    engine.write(entries)
    engine.analyse()
    return len(entries)
