# SPDX-License-Identifier: EUPL-1.2
"""Who may see and do what in experience sharing. Used by pages, panels, feeds, search and API.

Seeing an item (lesson, question, and an answer through its question):
- `openbaar`: everyone, also anonymous visitors and the feed;
- `gemeenten`: logged-in users of any municipality, and administrators;
- `leden`: users of a municipality that is a current member of the linked cooperation, users of the
  author's municipality, and administrators.
Hidden items (moderation) are seen by administrators only; soft-deleted items by no one.

Writing a lesson: editors of a municipality. Asking and answering: any municipal user.
Accepting an answer: the asker (or an administrator). Moderation: platform administrators."""

from django.db.models import Q

from goedebuur.cooperations.services import current_memberships

from .models import Answer, Lesson, Question, Visibility


def _active(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def is_municipal(user) -> bool:
    return _active(user) and user.municipality_id is not None


def is_admin(user) -> bool:
    return _active(user) and user.is_platform_admin


def member_cooperation_ids(user) -> set[int]:
    if not is_municipal(user):
        return set()
    return set(
        current_memberships()
        .filter(municipality_id=user.municipality_id)
        .values_list("cooperation_id", flat=True)
    )


def visibility_q(user, prefix: str = "") -> Q:
    """The visibility part of the rule, for any model with `visibility`, `cooperation` and
    `municipality` fields (items and search entries). `prefix` reaches them through a relation."""
    if is_admin(user):
        return Q()
    public = Q(**{f"{prefix}visibility": Visibility.PUBLIC})
    if not is_municipal(user):
        return public
    members = Q(**{f"{prefix}visibility": Visibility.MEMBERS}) & (
        Q(**{f"{prefix}cooperation_id__in": member_cooperation_ids(user)})
        | Q(**{f"{prefix}municipality_id": user.municipality_id})
    )
    return public | Q(**{f"{prefix}visibility": Visibility.MUNICIPAL}) | members


def _live_q(user, prefix: str = "") -> Q:
    live = Q(**{f"{prefix}deleted_at__isnull": True})
    return live if is_admin(user) else live & Q(**{f"{prefix}hidden_at__isnull": True})


def visible_items_q(user) -> Q:
    """For Lesson and Question querysets."""
    return _live_q(user) & visibility_q(user)


def visible_answers_q(user) -> Q:
    return _live_q(user) & _live_q(user, "question__") & visibility_q(user, "question__")


def can_view(user, item) -> bool:
    """For one lesson or question (answers: `can_view(user, answer.question)`)."""
    if item.deleted_at is not None or (item.hidden_at is not None and not is_admin(user)):
        return False
    if is_admin(user) or item.visibility == Visibility.PUBLIC:
        return True
    if not is_municipal(user):
        return False
    if item.visibility == Visibility.MUNICIPAL or item.municipality_id == user.municipality_id:
        return True
    return item.cooperation_id is not None and item.cooperation_id in member_cooperation_ids(user)


def can_write_lesson(user) -> bool:
    return is_admin(user) or (is_municipal(user) and user.is_editor)


def can_edit_lesson(user, lesson) -> bool:
    if lesson.deleted_at is not None:
        return False
    if is_admin(user):
        return True
    return bool(
        is_municipal(user)
        and (
            lesson.author_id == user.pk or (user.is_editor and lesson.municipality_id == user.municipality_id)
        )
    )


def can_see_history(user, item) -> bool:
    """The history of a lesson or question: whoever may see it; a deleted one only administrators."""
    if item.deleted_at is not None:
        return is_admin(user)
    return can_view(user, item)


def can_restore(user, item) -> bool:
    """Bring back an earlier version of a lesson, question or answer: who may edit (lesson) or
    delete (question, answer) it; a deleted one only administrators."""
    if is_admin(user):
        return True
    if item.deleted_at is not None:
        return False
    if isinstance(item, Lesson):
        return can_edit_lesson(user, item)
    if isinstance(item, Question):
        return can_delete_question(user, item)
    if isinstance(item, Answer):
        return can_delete_answer(user, item)
    return False


def can_ask(user) -> bool:
    return is_municipal(user)


can_answer = can_ask


def can_delete_question(user, question) -> bool:
    return is_admin(user) or (is_municipal(user) and question.author_id == user.pk)


def can_delete_answer(user, answer) -> bool:
    return is_admin(user) or (is_municipal(user) and answer.author_id == user.pk)


def can_accept(user, question) -> bool:
    return is_admin(user) or (is_municipal(user) and question.author_id == user.pk)


def can_mark_useful(user, answer) -> bool:
    return is_municipal(user) and answer.author_id != user.pk


def can_report(user) -> bool:
    return _active(user)


can_follow = can_report


def can_moderate(user) -> bool:
    return is_admin(user)
