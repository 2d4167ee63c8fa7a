# SPDX-License-Identifier: EUPL-1.2
"""Public API of the experiences app. Every change goes through here: it checks who may make it
(PermissionDenied; `user=None` is the platform itself: demo data, commands), validates the data (a
members-only item needs a cooperation, a lesson links only a trajectory its author may see, an
accepted answer belongs to the question), writes, records a snapshot in the history (`history.py`)
and keeps the search index in step. Nothing is hard-deleted. Who may see what is `permissions`."""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from goedebuur.common import bump
from goedebuur.core.experiences import attachments
from goedebuur.history import services as history
from goedebuur.trajectories import services as trajectories

from . import attachment_messages, permissions, search
from .models import Answer, Attachment, Follow, Lesson, Question, Report, UsefulMark, Visibility, tags_named

UNKNOWN_TRAJECTORY = gettext_lazy("Onbekend traject, of u neemt er niet aan deel.")
MEMBERS_NEED_COOPERATION = gettext_lazy("Kies het samenwerkingsverband waarvan de leden dit mogen zien.")


def _require(user, allowed, message="") -> None:
    """Refuse a user who may not (`user=None`, the platform itself, always may)."""
    if user is not None and not allowed(user):
        raise PermissionDenied(message)


def check_may_share_lesson(user) -> None:
    _require(
        user,
        lambda u: permissions.can_write_lesson(u) and u.municipality_id is not None,
        _("Alleen redacteuren van een gemeente kunnen een ervaring delen."),
    )


def check_may_ask(user) -> None:
    _require(user, permissions.can_ask, _("Alleen medewerkers van een gemeente kunnen een vraag stellen."))


def check_may_answer(user) -> None:
    _require(user, permissions.can_answer, _("Alleen medewerkers van een gemeente kunnen antwoorden."))


def check_may_edit_lesson(user, lesson) -> None:
    _require(user, lambda u: permissions.can_edit_lesson(u, lesson), _("U mag deze ervaring niet wijzigen."))


def check_may_moderate(user) -> None:
    _require(user, permissions.can_moderate, _("Alleen platformbeheerders modereren."))


def check_may_accept(user, question) -> None:
    _require(
        user,
        lambda u: permissions.can_accept(u, question),
        _("Alleen wie de vraag stelde, kan een antwoord accepteren."),
    )


def check_may_mark_useful(user, answer) -> None:
    _require(
        user,
        lambda u: permissions.can_mark_useful(u, answer),
        _("U kunt uw eigen antwoord niet als nuttig markeren."),
    )


def check_may_delete(user, item) -> None:
    """Delete a lesson (who may edit it), a question or an answer (its author) or any (administrators)."""
    if isinstance(item, Lesson):
        check_may_edit_lesson(user, item)
    elif isinstance(item, Question):
        _require(
            user, lambda u: permissions.can_delete_question(u, item), _("U mag deze vraag niet verwijderen.")
        )
    else:
        _require(
            user, lambda u: permissions.can_delete_answer(u, item), _("U mag dit antwoord niet verwijderen.")
        )


def check_may_restore(user, item) -> None:
    message = {
        Lesson: _("U mag deze ervaring niet wijzigen."),
        Question: _("U mag deze vraag niet wijzigen."),
        Answer: _("U mag dit antwoord niet wijzigen."),
    }[type(item)]
    _require(user, lambda u: permissions.can_restore(u, item), message)


@dataclass
class LessonInput:
    title: str
    body: str
    visibility: str = Visibility.PUBLIC
    cooperation: object = None
    domains: list = field(default_factory=list)
    phase: str = ""
    form: object = None
    tags: list[str] = field(default_factory=list)
    is_demo: bool = False
    trajectory: object = None


@dataclass
class QuestionInput:
    title: str
    body: str = ""
    visibility: str = Visibility.MUNICIPAL
    domain: object = None
    cooperation: object = None
    phase: str = ""
    tags: list[str] = field(default_factory=list)
    is_demo: bool = False


def kind_of(item) -> str:
    return {Lesson: Report.Kind.LESSON, Question: Report.Kind.QUESTION, Answer: Report.Kind.ANSWER}[
        type(item)
    ]


def parse_tags(text: str) -> list[str]:
    """'Exit, migratie;kosten' -> ['Exit', 'migratie', 'kosten'] (comma or semicolon separated)."""
    parts = [part.strip() for part in (text or "").replace(";", ",").split(",")]
    return list(dict.fromkeys(part[:60] for part in parts if slugify(part)))


def _check_visibility(visibility, cooperation):
    if visibility not in Visibility.values:
        raise ValidationError({"visibility": _("Kies wie dit mag zien.")})
    if visibility == Visibility.MEMBERS and cooperation is None:
        raise ValidationError({"cooperation": MEMBERS_NEED_COOPERATION})


def _check_trajectory(trajectory, user, lesson) -> None:
    """A lesson links a trajectory its author may see (a link made earlier by someone else stays)."""
    if trajectory is None or user is None or (lesson is not None and lesson.trajectory_id == trajectory.pk):
        return
    if not trajectories.visible_to(user).filter(pk=trajectory.pk).exists():
        raise ValidationError({"trajectory": UNKNOWN_TRAJECTORY})


def _record(item, action, user, note=""):
    history.record(item, action, user, note)


def versions(item):
    """The recorded versions of a lesson, question or answer, newest first."""
    return history.versions(item)


def _reindex(item):
    {Lesson: search.index_lesson, Question: search.index_question, Answer: search.index_answer}[type(item)](
        item
    )


@transaction.atomic
def save_lesson(data: LessonInput, user, lesson: Lesson | None = None, municipality=None) -> Lesson:
    """Create a lesson (for `municipality`, default the user's) or update `lesson`."""
    if lesson is None:
        check_may_share_lesson(user)
    else:
        check_may_edit_lesson(user, lesson)
    _check_visibility(data.visibility, data.cooperation)
    _check_trajectory(data.trajectory, user, lesson)
    if not data.title.strip() or not data.body.strip():
        raise ValidationError({"title": _("Geef een titel en een tekst.")})
    creating = lesson is None
    if creating:
        lesson = Lesson(
            author=user, municipality=municipality or user.municipality, created_at=timezone.now()
        )
    lesson.title = data.title.strip()
    lesson.body = data.body
    lesson.visibility = data.visibility
    lesson.cooperation = data.cooperation
    lesson.trajectory = data.trajectory
    # A lesson about a trajectory belongs to the phase the trajectory is in, unless told otherwise.
    lesson.phase = data.phase or (data.trajectory.phase if data.trajectory else "")
    lesson.form = data.form
    lesson.is_demo = data.is_demo or (lesson.is_demo and not creating)
    lesson.full_clean(exclude=["author", "municipality"])
    lesson.save()
    lesson.domains.set(data.domains)
    lesson.tags.set(tags_named(data.tags))
    _record(lesson, "create" if creating else "update", user)
    search.index_lesson(lesson)
    return lesson


@transaction.atomic
def add_attachment(lesson: Lesson, user, filename: str, data: bytes) -> Attachment:
    check_may_edit_lesson(user, lesson)
    try:
        checked = attachments.check(filename, data)
    except attachments.AttachmentError as error:
        raise ValidationError({"attachment": attachment_messages.message(error)}) from None
    attachment = Attachment.objects.create(
        lesson=lesson,
        filename=checked.filename,
        kind=checked.kind,
        content_type=checked.content_type,
        size=len(data),
        data=data,
        uploaded_by=user,
    )
    _record(lesson, "update", user, note=_("Bijlage %(name)s toegevoegd") % {"name": checked.filename})
    return attachment


@transaction.atomic
def remove_attachment(attachment: Attachment, user):
    check_may_edit_lesson(user, attachment.lesson)
    attachment.deleted_at = timezone.now()
    attachment.save(update_fields=["deleted_at"])
    _record(
        attachment.lesson,
        "update",
        user,
        note=_("Bijlage %(name)s verwijderd") % {"name": attachment.filename},
    )


@transaction.atomic
def ask_question(data: QuestionInput, user, municipality=None) -> Question:
    check_may_ask(user)
    _check_visibility(data.visibility, data.cooperation)
    if not data.title.strip():
        raise ValidationError({"title": _("Stel uw vraag.")})
    question = Question(
        author=user,
        municipality=municipality or user.municipality,
        created_at=timezone.now(),
        title=data.title.strip(),
        body=data.body,
        visibility=data.visibility,
        domain=data.domain,
        cooperation=data.cooperation,
        phase=data.phase or "",
        is_demo=data.is_demo,
    )
    question.full_clean(exclude=["author", "municipality", "accepted_answer"])
    question.save()
    question.tags.set(tags_named(data.tags))
    _record(question, "create", user)
    search.index_question(question)
    return question


@transaction.atomic
def answer_question(question: Question, user, body: str, municipality=None, is_demo=False) -> Answer:
    """An answer to a question the user may see."""
    check_may_answer(user)
    _require(
        user,
        lambda u: permissions.can_view(u, question),
        _("Dit bericht bestaat niet of u mag het niet zien."),
    )
    if not (body or "").strip():
        raise ValidationError({"body": _("Schrijf een antwoord.")})
    answer = Answer.objects.create(
        question=question,
        author=user,
        municipality=municipality or user.municipality,
        created_at=timezone.now(),
        body=body,
        is_demo=is_demo,
    )
    _record(answer, "create", user)
    search.index_answer(answer, question=question)
    return answer


@transaction.atomic
def accept_answer(question: Question, answer: Answer | None, user) -> Question:
    """Mark `answer` as the accepted one (None: no accepted answer)."""
    check_may_accept(user, question)
    if answer is not None and (answer.question_id != question.pk or answer.deleted_at or answer.hidden_at):
        raise ValidationError({"answer": _("Dit antwoord hoort niet bij deze vraag.")})
    question.accepted_answer = answer
    question.save(update_fields=["accepted_answer", "updated_at"])
    _record(question, "update", user, note=_("Geaccepteerd antwoord gewijzigd"))
    return question


def toggle_useful(answer: Answer, user) -> bool:
    """Mark or unmark `answer` as useful for `user`; returns whether it is now marked."""
    check_may_mark_useful(user, answer)
    mark = UsefulMark.objects.filter(answer=answer, user=user).first()
    if mark:
        mark.delete()
        return False
    UsefulMark.objects.create(answer=answer, user=user)
    return True


@transaction.atomic
def soft_delete(item, user):
    check_may_delete(user, item)
    item.deleted_at = timezone.now()
    item.save(update_fields=["deleted_at", "updated_at"])
    _record(item, "delete", user)
    _reindex(item)


@transaction.atomic
def set_hidden(item, user, hidden: bool, reason: str):
    """Moderation by a platform administrator: hide or restore with a reason (required)."""
    check_may_moderate(user)
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Geef een reden.")})
    item.hidden_at = timezone.now() if hidden else None
    item.hidden_reason = reason.strip()[:300]
    item.save(update_fields=["hidden_at", "hidden_reason", "updated_at"])
    _record(item, "update" if hidden else "restore", user, note=reason)
    Report.objects.filter(item_kind=kind_of(item), item_id=item.pk, resolved_at__isnull=True).update(
        resolved_at=timezone.now(), resolved_by=user, resolution=reason.strip()[:300]
    )
    bump("experiences")  # an update() sends no signals (goedebuur.common.cache)
    _reindex(item)


def report(item, user, reason: str) -> Report:
    _require(user, permissions.can_report)
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Geef aan wat er mis is.")})
    return Report.objects.create(
        item_kind=kind_of(item), item_id=item.pk, reason=reason.strip(), reporter=user
    )


def dismiss_report(report_obj: Report, user, note: str = ""):
    check_may_moderate(user)
    report_obj.resolved_at = timezone.now()
    report_obj.resolved_by = user
    report_obj.resolution = (note or _("Geen actie nodig"))[:300]
    report_obj.save()


def follow(user, *, domain=None, tag=None, cooperation=None) -> Follow:
    kind = Follow.Kind.DOMAIN if domain else Follow.Kind.TAG if tag else Follow.Kind.COOPERATION
    follow_obj, _ = Follow.objects.get_or_create(
        user=user, kind=kind, domain=domain, tag=tag, cooperation=cooperation
    )
    return follow_obj


def unfollow(user, *, domain=None, tag=None, cooperation=None):
    Follow.objects.filter(user=user, domain=domain, tag=tag, cooperation=cooperation).delete()


def is_following(user, *, domain=None, tag=None, cooperation=None) -> bool:
    if not (user and user.is_authenticated):
        return False
    return Follow.objects.filter(user=user, domain=domain, tag=tag, cooperation=cooperation).exists()


def restore_version(item, record_id: int, user):
    """Bring a lesson, question or answer back to one of its recorded versions (history.py)."""
    check_may_restore(user, item)
    return history.restore(item, record_id, user)


def lesson_input(lesson: Lesson) -> LessonInput:
    return LessonInput(
        title=lesson.title,
        body=lesson.body,
        visibility=lesson.visibility,
        cooperation=lesson.cooperation,
        domains=list(lesson.domains.all()),
        phase=lesson.phase,
        form=lesson.form,
        tags=[t.name for t in lesson.tags.all()],
        is_demo=lesson.is_demo,
        trajectory=lesson.trajectory,
    )
