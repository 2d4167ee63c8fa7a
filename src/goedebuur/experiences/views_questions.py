# SPDX-License-Identifier: EUPL-1.2
"""Pages of questions and answers: list, ask, detail with answers (answer, accept, mark useful),
delete (soft). Visibility and rights: see permissions.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, OuterRef, Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from goedebuur.common import add_to_form, one_line
from goedebuur.core.experiences.safe_markdown import render as render_markdown
from goedebuur.history.services import EditConflict, conflict_message, expect_revision, revision_from
from goedebuur.pages.services import paginate

from . import permissions, services
from .forms import AnswerForm, QuestionForm
from .models import Answer, Question, UsefulMark
from .views_common import visible_answer_or_404, visible_or_404

STATES = {"open": Q(accepted_answer__isnull=True), "beantwoord": Q(accepted_answer__isnull=False)}


def question_list(request):
    state = request.GET.get("status", "")
    qs = (
        Question.objects.filter(permissions.visible_items_q(request.user))
        .select_related("municipality", "domain", "cooperation")
        .annotate(
            answer_count=Count(
                "answers", filter=Q(answers__deleted_at__isnull=True, answers__hidden_at__isnull=True)
            )
        )
        .order_by("-created_at", "-pk")
    )
    if state in STATES:
        qs = qs.filter(STATES[state])
    page_obj, querystring = paginate(request, qs, per_page=25)
    context = {
        "nav": "ervaringen",
        "page_obj": page_obj,
        "querystring_without_page": querystring,
        "state": state,
        "can_ask": permissions.can_ask(request.user),
    }
    return render(request, "experiences/question_list.html", context)


@login_required
def question_create(request):
    services.check_may_ask(request.user)
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            question = services.ask_question(form.to_input(), request.user)
        except ValidationError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("Uw vraag is geplaatst."))
            return redirect(question)
    return render(request, "experiences/question_form.html", {"nav": "ervaringen", "form": form})


def _answers(request, question):
    qs = question.answers.filter(deleted_at__isnull=True).select_related("municipality", "author")
    if not permissions.is_admin(request.user):
        qs = qs.filter(hidden_at__isnull=True)
    qs = qs.annotate(useful_count=Count("useful_marks"))
    if request.user.is_authenticated:
        qs = qs.annotate(marked=Exists(UsefulMark.objects.filter(answer=OuterRef("pk"), user=request.user)))
    answers = list(qs)
    for answer in answers:
        answer.html = render_markdown(answer.body)
        answer.is_accepted = answer.pk == question.accepted_answer_id
        answer.may_mark = permissions.can_mark_useful(request.user, answer)
        answer.may_delete = permissions.can_delete_answer(request.user, answer)
    return sorted(answers, key=lambda a: (not a.is_accepted, a.created_at))


def question_detail(request, pk):
    question = visible_or_404(request, Question, pk)
    form = AnswerForm(request.POST or None)
    if request.method == "POST":
        services.check_may_answer(request.user)
        if form.is_valid():
            try:
                answer = services.answer_question(question, request.user, form.cleaned_data["body"])
            except ValidationError as error:
                add_to_form(form, error)
            else:
                messages.success(request, _("Uw antwoord is geplaatst."))
                return redirect(answer.get_absolute_url())
    context = {
        "nav": "ervaringen",
        "question": question,
        "body_html": render_markdown(question.body),
        "answers": _answers(request, question),
        "form": form,
        "tags": question.tags.all(),
        "can_answer": permissions.can_answer(request.user),
        "can_accept": permissions.can_accept(request.user, question),
        "can_delete": permissions.can_delete_question(request.user, question),
        "can_report": permissions.can_report(request.user),
        "can_moderate": permissions.can_moderate(request.user),
    }
    return render(request, "experiences/question_detail.html", context)


@require_POST
@login_required
def accept(request, pk):
    question = visible_or_404(request, Question, pk)
    services.check_may_accept(request.user, question)
    answer_id = request.POST.get("antwoord", "")
    answer = Answer.objects.filter(pk=answer_id, question=question).first() if answer_id.isdigit() else None
    expect_revision(question, revision_from(request.POST))
    try:
        services.accept_answer(question, answer, request.user)
    except EditConflict as conflict:
        messages.error(request, conflict_message(conflict))
    except ValidationError as error:
        messages.error(request, one_line(error))
    else:
        messages.success(
            request,
            _("Het antwoord is geaccepteerd.") if answer else _("Er is geen geaccepteerd antwoord meer."),
        )
    return redirect(question)


@require_POST
@login_required
def mark_useful(request, answer_id):
    answer = visible_answer_or_404(request, answer_id)
    services.check_may_mark_useful(request.user, answer)
    marked = services.toggle_useful(answer, request.user)
    messages.success(
        request, _("Gemarkeerd als nuttig.") if marked else _("Markering als nuttig ingetrokken.")
    )
    return redirect(answer.get_absolute_url())


@login_required
def question_delete(request, pk):
    question = visible_or_404(request, Question, pk)
    services.check_may_delete(request.user, question)
    if request.method == "POST":
        expect_revision(question, revision_from(request.POST))
        try:
            services.soft_delete(question, request.user)
        except EditConflict as conflict:
            messages.error(request, conflict_message(conflict))
            return redirect(question)
        messages.success(request, _("De vraag is verwijderd."))
        return redirect("experiences:questions")
    return render(request, "experiences/confirm_delete.html", {"nav": "ervaringen", "item": question})


@require_POST
@login_required
def answer_delete(request, answer_id):
    answer = visible_answer_or_404(request, answer_id)
    services.check_may_delete(request.user, answer)
    expect_revision(answer, revision_from(request.POST))
    try:
        services.soft_delete(answer, request.user)
    except EditConflict as conflict:
        messages.error(request, conflict_message(conflict))
        return redirect(answer.question)
    messages.success(request, _("Het antwoord is verwijderd."))
    return redirect(answer.question)
