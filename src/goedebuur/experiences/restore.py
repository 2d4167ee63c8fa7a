# SPDX-License-Identifier: EUPL-1.2
"""Restore a lesson, question or answer to one of its recorded versions (part of the app's public
API, re-exported by services). Text, visibility, links, tags, attachments (lessons), the accepted
answer (questions) and whether it was deleted come back as they were; moderation (hidden or not)
stays the administrators' decision. The restore is itself recorded and the search index updated."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from goedebuur.cooperations.models import Cooperation, CooperationForm, IctDomain
from goedebuur.history import services as history
from goedebuur.trajectories.models import Trajectory

from .models import Answer, Lesson, Question, Visibility


def _deleted_at(item, state):
    if not state.get("verwijderd"):
        return None
    return item.deleted_at or timezone.now()


def _links(item, state):
    item.visibility = state["zichtbaarheid"]
    item.cooperation = (
        Cooperation.objects.filter(slug=state["samenwerking"], deleted_at__isnull=True).first()
        if state["samenwerking"]
        else None
    )
    if item.visibility == Visibility.MEMBERS and item.cooperation is None:
        raise ValidationError(_("Het samenwerkingsverband van deze versie bestaat niet meer."))
    item.phase = state["fase"]


@transaction.atomic
def restore_version(item, record_id: int, user, *, tags, reindex, record, history_model: str):
    version = history.version(history_model, item.pk, record_id)
    if version is None:
        raise ValidationError(_("Deze versie bestaat niet."))
    state = version.snapshot
    item.body = state["tekst"]
    item.deleted_at = _deleted_at(item, state)
    if isinstance(item, Lesson | Question):
        item.title = state["titel"]
        _links(item, state)
    if isinstance(item, Lesson):
        item.form = CooperationForm.objects.filter(code=state["vorm"]).first() if state["vorm"] else None
        item.trajectory = Trajectory.objects.filter(pk=state["traject"]).first() if state["traject"] else None
    if isinstance(item, Question):
        item.domain = IctDomain.objects.filter(slug=state["domein"]).first() if state["domein"] else None
        accepted = state.get("geaccepteerd")
        item.accepted_answer = (
            Answer.objects.filter(pk=accepted, question=item, deleted_at__isnull=True).first()
            if accepted
            else None
        )
    item.save()
    if isinstance(item, Lesson | Question):
        item.tags.set(tags(state["trefwoorden"]))
    if isinstance(item, Lesson):
        item.domains.set(IctDomain.objects.filter(slug__in=state["domeinen"]))
        wanted = set(state["bijlagen"])
        for attachment in item.attachments.all():
            keep = attachment.filename in wanted
            if keep and attachment.deleted_at is not None:
                attachment.deleted_at = None
            elif not keep and attachment.deleted_at is None:
                attachment.deleted_at = timezone.now()
            else:
                continue
            attachment.save(update_fields=["deleted_at"])
    record(
        item,
        "restore",
        user,
        _("hersteld naar de versie van %(at)s") % {"at": f"{version.at:%d-%m-%Y %H:%M}"},
    )
    reindex(item)
    return item
