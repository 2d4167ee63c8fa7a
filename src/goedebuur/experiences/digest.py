# SPDX-License-Identifier: EUPL-1.2
"""The e-mail digest: per user, the new lessons and questions (of the last day or week) about the
domains, tags and cooperations they follow, that they may see. Sent with Django's mail framework
(console backend unless EMAIL_BACKEND says otherwise)."""

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from . import permissions
from .models import Lesson, Question

PERIODS = {"daily": dt.timedelta(days=1), "weekly": dt.timedelta(days=7)}


@dataclass
class Digest:
    user: object
    lessons: list
    questions: list


def _follow_q(follows, *, domain_field: str) -> Q | None:
    rule = Q(pk__in=[])
    for follow in follows:
        if follow.domain_id:
            rule |= Q(**{domain_field: follow.domain_id})
        elif follow.tag_id:
            rule |= Q(tags=follow.tag_id)
        elif follow.cooperation_id:
            rule |= Q(cooperation_id=follow.cooperation_id)
    return rule


def digest_for(user, since, until) -> Digest:
    follows = list(user.experience_follows.all())
    window = Q(created_at__gte=since, created_at__lt=until) & permissions.visible_items_q(user)
    lessons = Lesson.objects.filter(window, _follow_q(follows, domain_field="domains")).distinct()
    questions = Question.objects.filter(window, _follow_q(follows, domain_field="domain")).distinct()
    return Digest(
        user,
        list(lessons.select_related("municipality").order_by("created_at")),
        list(questions.select_related("municipality").order_by("created_at")),
    )


def send_digests(period: str, base_url: str, now=None) -> int:
    """Send the digest of `period` ('daily' or 'weekly') ending `now`; returns the number of e-mails."""
    until = now or timezone.now()
    since = until - PERIODS[period]
    users = (
        get_user_model().objects.filter(is_active=True, experience_follows__isnull=False).exclude(email="")
    )
    messages = []
    with translation.override("nl"):
        for user in users.distinct().order_by("pk"):
            digest = digest_for(user, since, until)
            if not (digest.lessons or digest.questions):
                continue
            context = {"digest": digest, "base_url": base_url.rstrip("/"), "period": period}
            subject = render_to_string("experiences/digest_subject.txt", context).strip()
            body = render_to_string("experiences/digest.txt", context)
            messages.append(EmailMessage(subject, body, to=[user.email]))
    if messages:
        get_connection().send_messages(messages)
    return len(messages)
