# SPDX-License-Identifier: EUPL-1.2
"""Demo data for `goedebuur demo`: the lessons, questions and answers of `demo_content` (written for
the demo, labelled `is_demo`), authored by the demo accounts where one belongs to the municipality."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from goedebuur.common import bump
from goedebuur.cooperations.models import Cooperation, CooperationForm, IctDomain
from goedebuur.municipalities.models import Municipality

from . import search, services
from .demo_content import LESSONS, QUESTIONS
from .models import Answer, Lesson, Question


def _when(day: str, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.fromisoformat(day).replace(hour=hour))


def _author(municipality):
    """The demo editor of this municipality, if there is one (else the item has no author)."""
    return (
        get_user_model().objects.filter(municipality=municipality, username__startswith="redacteur.").first()
    )


def _backdate(model, pk, when):
    model.objects.filter(pk=pk).update(created_at=when)
    bump("experiences")  # an update() sends no signals (goedebuur.common.cache)


@transaction.atomic
def load_demo() -> str:
    """Load the demo data (idempotent) and return one Dutch line for the command's output."""
    municipalities = Municipality.objects.in_bulk(field_name="code")
    cooperations = Cooperation.objects.filter(deleted_at__isnull=True).in_bulk(field_name="slug")
    domains = IctDomain.objects.in_bulk(field_name="slug")
    forms = CooperationForm.objects.in_bulk(field_name="code")
    added = {"lessons": 0, "questions": 0}
    for title, code, day, phase, domain_slugs, form, visibility, coop, tags, body in LESSONS:
        municipality = municipalities.get(code)
        cooperation = cooperations.get(coop) if coop else None
        if municipality is None or (coop and cooperation is None):
            continue
        if Lesson.objects.filter(title=title, is_demo=True).exists():
            continue
        data = services.LessonInput(
            title=title,
            body=body,
            visibility=visibility,
            cooperation=cooperation,
            domains=[domains[s] for s in domain_slugs if s in domains],
            phase=phase,
            form=forms.get(form),
            tags=tags,
            is_demo=True,
        )
        lesson = services.save_lesson(data, _author(municipality), municipality=municipality)
        _backdate(Lesson, lesson.pk, _when(day))
        added["lessons"] += 1
    for title, code, day, phase, domain, coop, visibility, tags, body, answers in QUESTIONS:
        municipality = municipalities.get(code)
        cooperation = cooperations.get(coop) if coop else None
        if municipality is None or (coop and cooperation is None):
            continue
        if Question.objects.filter(title=title, is_demo=True).exists():
            continue
        question = services.ask_question(
            services.QuestionInput(
                title=title,
                body=body,
                visibility=visibility,
                domain=domains.get(domain),
                cooperation=cooperation,
                phase=phase,
                tags=tags,
                is_demo=True,
            ),
            _author(municipality),
            municipality=municipality,
        )
        _backdate(Question, question.pk, _when(day))
        for offset, (answer_code, text, accepted) in enumerate(answers, start=1):
            answerer = municipalities[answer_code]
            answer = services.answer_question(
                question, _author(answerer), text, municipality=answerer, is_demo=True
            )
            _backdate(Answer, answer.pk, _when(day, 10 + offset) + dt.timedelta(days=offset))
            if accepted:
                services.accept_answer(question, answer, _author(municipality))
        added["questions"] += 1
    if added["lessons"] or added["questions"]:
        search.rebuild()  # the index carries the back-dated dates (year facet)
    return f"Ervaringen: {added['lessons']} demo-ervaringen en {added['questions']} demo-vragen toegevoegd."
