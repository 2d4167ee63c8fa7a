# SPDX-License-Identifier: EUPL-1.2
"""Pages of lessons learned: list (search within lessons, with facets), create, detail, edit,
history, delete (soft), attachments. Visibility and rights: see permissions.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from goedebuur.common import add_to_form
from goedebuur.core.experiences.safe_markdown import render as render_markdown
from goedebuur.history.services import EditConflict, conflict_message, expect_revision, revision_from
from goedebuur.trajectories import services as trajectories

from . import permissions, search, services
from .forms import LessonForm
from .models import Attachment, Lesson
from .views_common import (
    facet_groups,
    filters_from,
    querystring_without_page,
    visible_or_404,
)


def lesson_list(request):
    query = request.GET.get("q", "").strip()
    results = search.search(
        request.user, query, filters_from(request, kind="ervaring"), request.GET.get("page")
    )
    context = {
        "nav": "ervaringen",
        "query": query,
        "results": results,
        "page_obj": results.page,
        "facets": facet_groups(request, results, skip=("kind",)),
        "querystring_without_page": querystring_without_page(request),
        "can_write": permissions.can_write_lesson(request.user),
        "any_filter": any(v for k, v in request.GET.items() if k != "page"),
    }
    return render(request, "experiences/lesson_list.html", context)


def _save_with_attachment(request, form, lesson=None):
    with transaction.atomic():
        saved = services.save_lesson(
            form.to_input(is_demo=bool(lesson and lesson.is_demo)), request.user, lesson=lesson
        )
        upload = form.cleaned_data.get("attachment")
        if upload:
            services.add_attachment(saved, request.user, upload.name, upload.read())
    return saved


@login_required
def lesson_create(request):
    services.check_may_share_lesson(request.user)
    form = LessonForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            lesson = _save_with_attachment(request, form)
        except ValidationError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("Uw ervaring is gedeeld."))
            return redirect(lesson)
    return render(request, "experiences/lesson_form.html", {"nav": "ervaringen", "form": form})


def with_follow_state(user, targets, field="domain"):
    """`targets` (domains or tags) as a list, each with `followed` for this user."""
    followed = (
        set(
            user.experience_follows.filter(**{f"{field}__isnull": False}).values_list(
                f"{field}_id", flat=True
            )
        )
        if user.is_authenticated
        else set()
    )
    targets = list(targets)
    for target in targets:
        target.followed = target.pk in followed
    return targets


def lesson_detail(request, pk):
    lesson = visible_or_404(request, Lesson, pk)
    context = {
        "nav": "ervaringen",
        "lesson": lesson,
        "body_html": render_markdown(lesson.body),
        "attachments": lesson.attachments.filter(deleted_at__isnull=True),
        "domains": with_follow_state(request.user, lesson.domains.all()),
        "tags": with_follow_state(request.user, lesson.tags.all(), field="tag"),
        "can_edit": permissions.can_edit_lesson(request.user, lesson),
        "can_report": permissions.can_report(request.user),
        "can_moderate": permissions.can_moderate(request.user),
        "can_follow": permissions.can_follow(request.user),
        "trajectory": lesson.trajectory
        if lesson.trajectory_id
        and trajectories.visible_to(request.user).filter(pk=lesson.trajectory_id).exists()
        else None,
    }
    return render(request, "experiences/lesson_detail.html", context)


def _editable(request, pk) -> Lesson:
    lesson = visible_or_404(request, Lesson, pk)
    services.check_may_edit_lesson(request.user, lesson)
    return lesson


@login_required
def lesson_edit(request, pk):
    lesson = _editable(request, pk)
    form = LessonForm(
        request.POST or None, request.FILES or None, initial=LessonForm.initial_for(lesson), user=request.user
    )
    if request.method == "POST" and form.is_valid():
        expect_revision(lesson, form.cleaned_data["revision"])
        try:
            _save_with_attachment(request, form, lesson)
        except EditConflict as conflict:
            form.add_error(None, conflict_message(conflict))
        except ValidationError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("De ervaring is opgeslagen."))
            return redirect(lesson)
    attachments = lesson.attachments.filter(deleted_at__isnull=True)
    context = {"nav": "ervaringen", "form": form, "lesson": lesson, "attachments": attachments}
    return render(request, "experiences/lesson_form.html", context)


@login_required
def lesson_delete(request, pk):
    lesson = _editable(request, pk)
    if request.method == "POST":
        expect_revision(lesson, revision_from(request.POST))
        try:
            services.soft_delete(lesson, request.user)
        except EditConflict as conflict:
            messages.error(request, conflict_message(conflict))
            return redirect(lesson)
        messages.success(request, _("De ervaring is verwijderd. Een beheerder kan haar terugzetten."))
        return redirect("experiences:lessons")
    return render(request, "experiences/confirm_delete.html", {"nav": "ervaringen", "item": lesson})


def attachment_download(request, pk, attachment_id):
    lesson = visible_or_404(request, Lesson, pk)
    attachment = get_object_or_404(Attachment, pk=attachment_id, lesson=lesson, deleted_at__isnull=True)
    response = HttpResponse(bytes(attachment.data), content_type=attachment.content_type)
    response["Content-Disposition"] = f'attachment; filename="{attachment.filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
@login_required
def attachment_delete(request, pk, attachment_id):
    lesson = _editable(request, pk)
    attachment = Attachment.objects.filter(pk=attachment_id, lesson=lesson, deleted_at__isnull=True).first()
    if attachment is None:
        raise Http404
    services.remove_attachment(attachment, request.user)
    messages.success(request, _("De bijlage %(name)s is verwijderd.") % {"name": attachment.filename})
    return redirect("experiences:lesson_edit", lesson.pk)
