# SPDX-License-Identifier: EUPL-1.2
"""On the personal dashboard: the user's own questions that have answers but none accepted yet."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from goedebuur.pages.services import DashboardItem, Section

from . import permissions
from .models import Question


def sections(user) -> list[Section]:
    if not permissions.is_municipal(user):
        return []
    live_answers = Q(answers__deleted_at__isnull=True, answers__hidden_at__isnull=True)
    questions = (
        Question.objects.filter(permissions.visible_items_q(user), author=user, accepted_answer__isnull=True)
        .annotate(answer_count=Count("answers", filter=live_answers))
        .filter(answer_count__gt=0)
        .order_by("-created_at")[:10]
    )
    items = [
        DashboardItem(
            text=question.title,
            url=question.get_absolute_url(),
            note=ngettext(
                "%(n)s antwoord; kies het beste", "%(n)s antwoorden; kies het beste", question.answer_count
            )
            % {"n": question.answer_count},
        )
        for question in questions
    ]
    return [
        Section(
            title=_("Uw vragen met antwoorden"),
            items=items,
            empty_text=_("Geen vragen die op uw keuze wachten."),
            more_url=reverse("experiences:questions"),
            more_text=_("Alle vragen"),
            order=80,
        )
    ]
