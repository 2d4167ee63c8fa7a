# SPDX-License-Identifier: EUPL-1.2
"""History and restore of lessons, questions and answers. Whoever may see an item sees its history;
who may edit a lesson or delete a question or answer (or an administrator) restores an earlier
version. Deleted ones: administrators only."""

from django.contrib import messages as notices
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from goedebuur.common import one_line
from goedebuur.history.services import EditConflict, conflict_message, render_versions

from . import permissions, services
from .models import Answer, Lesson, Question


def restore_or_report(request, item, record_id) -> None:
    """Restore `item` to one of its versions and say how it went (a message)."""
    try:
        services.restore_version(item, record_id, request.user)
    except EditConflict as conflict:
        notices.error(request, conflict_message(conflict))
    except ValidationError as error:
        notices.error(request, one_line(error))
    else:
        notices.success(request, _("De eerdere versie is hersteld."))


def _lesson_with_history(request, pk) -> Lesson:
    """A lesson the user may see; a deleted one only for administrators (who may bring it back)."""
    lesson = Lesson.objects.filter(pk=pk).select_related("municipality", "author", "cooperation").first()
    if lesson is None or not permissions.can_see_history(request.user, lesson):
        raise Http404(_("Dit bericht bestaat niet of u mag het niet zien."))
    return lesson


@login_required
def lesson_history(request, pk):
    lesson = _lesson_with_history(request, pk)
    may_restore = permissions.can_restore(request.user, lesson)
    return render_versions(
        request,
        services.versions(lesson),
        title=lesson.title,
        back_url=reverse("experiences:lessons") if lesson.deleted_at else lesson.get_absolute_url(),
        back_label=_("Alle ervaringen") if lesson.deleted_at else lesson.title,
        restore_url=(lambda r: reverse("experiences:lesson_restore", args=[lesson.pk, r.pk]))
        if may_restore
        else None,
        deleted_notice=_("Deze ervaring is verwijderd. Herstel een eerdere versie om haar terug te zetten.")
        if lesson.deleted_at
        else "",
        nav="ervaringen",
    )


@require_POST
@login_required
def lesson_restore(request, pk, record_id):
    lesson = _lesson_with_history(request, pk)
    services.check_may_restore(request.user, lesson)
    restore_or_report(request, lesson, record_id)
    return redirect("experiences:lesson_history", lesson.pk)


def _question(request, pk) -> Question:
    question = Question.objects.filter(pk=pk).select_related("municipality", "cooperation").first()
    if question is None or not permissions.can_see_history(request.user, question):
        raise Http404(_("Dit bericht bestaat niet of u mag het niet zien."))
    return question


def _answer(request, pk) -> Answer:
    answer = Answer.objects.filter(pk=pk).select_related("question").first()
    if (
        answer is None
        or not permissions.can_see_history(request.user, answer.question)
        or (answer.deleted_at and not permissions.is_admin(request.user))
        or (answer.hidden_at and not permissions.is_admin(request.user))
    ):
        raise Http404(_("Dit antwoord bestaat niet of u mag het niet zien."))
    return answer


def _page(request, item, title, back_url, restore_name):
    may_restore = permissions.can_restore(request.user, item)
    return render_versions(
        request,
        services.versions(item),
        title=title,
        back_url=back_url,
        back_label=title,
        restore_url=(lambda r: reverse(restore_name, args=[item.pk, r.pk])) if may_restore else None,
        deleted_notice=_("Dit bericht is verwijderd. Herstel een eerdere versie om het terug te zetten.")
        if item.deleted_at
        else "",
        nav="ervaringen",
    )


@login_required
def question_history(request, pk):
    question = _question(request, pk)
    back = reverse("experiences:questions") if question.deleted_at else question.get_absolute_url()
    return _page(request, question, question.title, back, "experiences:question_restore")


@require_POST
@login_required
def question_restore(request, pk, record_id):
    question = _question(request, pk)
    services.check_may_restore(request.user, question)
    restore_or_report(request, question, record_id)
    return redirect("experiences:question_history", question.pk)


@login_required
def answer_history(request, pk):
    answer = _answer(request, pk)
    title = _("Antwoord op '%(title)s'") % {"title": answer.question.title}
    return _page(request, answer, title, answer.question.get_absolute_url(), "experiences:answer_restore")


@require_POST
@login_required
def answer_restore(request, pk, record_id):
    answer = _answer(request, pk)
    services.check_may_restore(request.user, answer)
    restore_or_report(request, answer, record_id)
    return redirect("experiences:answer_history", answer.pk)
