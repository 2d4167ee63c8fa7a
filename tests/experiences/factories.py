# SPDX-License-Identifier: EUPL-1.2
"""Factories for experience sharing: lessons, questions and answers built through the services."""

from goedebuur.cooperations.models import CooperationForm, IctDomain
from goedebuur.experiences import services
from goedebuur.experiences.models import Visibility


def make_lesson(
    user, title="Migratie duurde langer dan gepland", body="De migratie kostte meer dan begroot.", **extra
):
    domains = extra.pop("domains", ("applicaties",))
    form = extra.pop("form", None)
    data = services.LessonInput(
        title=title,
        body=body,
        domains=list(IctDomain.objects.filter(slug__in=domains)),
        form=CooperationForm.objects.get(code=form) if form else None,
        **{"visibility": Visibility.PUBLIC, **extra},
    )
    return services.save_lesson(data, user)


def make_question(user, title="Wie heeft ervaring met een exitregeling?", body="", **extra):
    return services.ask_question(services.QuestionInput(title=title, body=body, **extra), user)


def make_answer(question, user, body="Wij hebben een exitregeling in de DVO opgenomen."):
    return services.answer_question(question, user, body)
