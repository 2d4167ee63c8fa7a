# SPDX-License-Identifier: EUPL-1.2
"""Fragments on other pages (see goedebuur.pages.extensions), each with the viewer's visibility:
- a cooperation page lists its lessons and the questions addressed to it (and a follow button);
- a municipality page shows its contributions;
- a trajectory page shows what others learned in its current phase ("wat anderen in deze fase leerden")."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from goedebuur.core.trajectory.workflow import PHASES

from . import permissions, services
from .models import Lesson, Question

LIMIT = 8


def _visible(model, user, **filters):
    return (
        model.objects.filter(permissions.visible_items_q(user), **filters)
        .select_related("municipality")
        .order_by("-created_at", "-pk")
    )


def _render(request, **context) -> str:
    return render_to_string("experiences/panel.html", {"limit": LIMIT, **context}, request=request)


def cooperation_panels(request, cooperation) -> list[str]:
    lessons = _visible(Lesson, request.user, cooperation=cooperation)
    questions = _visible(Question, request.user, cooperation=cooperation)
    return [
        _render(
            request,
            title=_("Ervaringen en vragen"),
            lessons=lessons[:LIMIT],
            lesson_count=lessons.count(),
            questions=questions[:LIMIT],
            question_count=questions.count(),
            empty=_("Nog geen ervaringen of vragen bij dit samenwerkingsverband."),
            follow={
                "kind": "samenwerking",
                "value": cooperation.slug,
                "name": cooperation.name,
                "following": services.is_following(request.user, cooperation=cooperation),
            }
            if permissions.can_follow(request.user)
            else None,
        )
    ]


def municipality_panels(request, municipality) -> list[str]:
    lessons = _visible(Lesson, request.user, municipality=municipality)
    questions = _visible(Question, request.user, municipality=municipality)
    return [
        _render(
            request,
            title=_("Gedeelde ervaringen en vragen"),
            lessons=lessons[:LIMIT],
            lesson_count=lessons.count(),
            questions=questions[:LIMIT],
            question_count=questions.count(),
            empty=_("Deze gemeente heeft nog geen ervaringen of vragen gedeeld."),
        )
    ]


def trajectory_panels(request, trajectory) -> list[str]:
    phase = trajectory.phase
    if phase not in dict(PHASES):
        return []
    lessons = _visible(Lesson, request.user, phase=phase)
    questions = _visible(Question, request.user, phase=phase)
    return [
        _render(
            request,
            title=_("Wat anderen in deze fase leerden"),
            subtitle=dict(PHASES)[phase],
            lessons=lessons[:LIMIT],
            lesson_count=lessons.count(),
            questions=questions[:LIMIT],
            question_count=questions.count(),
            more_url=reverse("experiences:lessons") + f"?fase={phase}",
            empty=_("Nog geen ervaringen of vragen in deze fase."),
        )
    ]
