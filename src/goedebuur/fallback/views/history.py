# SPDX-License-Identifier: EUPL-1.2
"""History and restore of an agreement, its services and follow-up actions: everyone who may see
the agreement sees the history (who, when, what); its editors may restore an earlier version. The
restore is itself recorded. Same visibility as the agreement (404 for outsiders, 403 for readers)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from goedebuur.common import one_line
from goedebuur.history.services import EditConflict, conflict_message, render_versions

from .. import permissions, services
from ..models import Agreement, FollowUpAction, Service
from .base import NAV, editable_agreement, visible_agreement


def _restore_url(request, agreement, name, *args):
    if not permissions.can_edit(request.user, agreement):
        return None
    return lambda record: reverse(name, args=[agreement.pk, *args, record.pk])


def _restore(request, restore, obj, record_id, back):
    try:
        with transaction.atomic():
            restore(obj, record_id, request.user)
    except EditConflict as conflict:
        messages.error(request, conflict_message(conflict))
    except ValidationError as error:
        messages.error(request, one_line(error))
    else:
        messages.success(request, _("De eerdere versie is hersteld."))
    return redirect(back)


def _deleted(request, pk, *, restore=False):
    """The "delete" record of a deleted agreement: 404 for those who may not see it (as for a live
    agreement), 403 for readers who try to restore it."""
    deletion = services.deleted_agreement(request.user, pk)
    if deletion is None:
        raise Http404(_("Deze achtervangafspraak bestaat niet of u mag hem niet zien."))
    if restore and not services.may_restore_deleted(request.user, deletion):
        raise PermissionDenied(_("Alleen redacteuren van beide gemeenten mogen deze afspraak herstellen."))
    return deletion


def _restore_deleted(request, pk, record_id=None):
    try:
        with transaction.atomic():
            agreement = services.restore_deleted_agreement(pk, request.user, record_id)
    except ValidationError as error:
        messages.error(request, one_line(error))
        return redirect("fallback:list")
    messages.success(
        request,
        _(
            "De achtervangafspraak %(name)s is hersteld, met de diensten, het testplan, het testlogboek "
            "en de vervolgacties zoals ze waren bij het verwijderen."
        )
        % {"name": agreement},
    )
    return redirect("fallback:detail", pk=agreement.pk)


def _deleted_history(request, pk):
    deletion = _deleted(request, pk)
    may_restore = services.may_restore_deleted(request.user, deletion)
    return render_versions(
        request,
        services.agreement_versions(pk),
        title=deletion.object_repr,
        back_url=reverse("fallback:list"),
        back_label=_("Alle achtervangafspraken"),
        restore_url=(lambda record: reverse("fallback:restore", args=[pk, record.pk]))
        if may_restore
        else None,
        deleted_notice=_(
            "Deze achtervangafspraak is verwijderd. Herstel een versie om haar met haar diensten, "
            "testplan, testlogboek en vervolgacties terug te zetten."
        ),
        nav=NAV,
    )


@login_required
@require_POST
def agreement_restore_deleted(request, pk):
    """The "Herstellen" button of the list: the agreement as it was when it was deleted."""
    if Agreement.objects.filter(pk=pk).exists():
        agreement = editable_agreement(request, pk)
        messages.error(request, _("Deze achtervangafspraak is al hersteld."))
        return redirect("fallback:detail", pk=agreement.pk)
    _deleted(request, pk, restore=True)
    return _restore_deleted(request, pk)


@login_required
def agreement_history(request, pk):
    if not Agreement.objects.filter(pk=pk).exists():
        return _deleted_history(request, pk)
    agreement = visible_agreement(request, pk)
    return render_versions(
        request,
        services.versions(agreement),
        title=str(agreement),
        back_url=agreement.get_absolute_url(),
        back_label=str(agreement),
        restore_url=_restore_url(request, agreement, "fallback:restore"),
        nav=NAV,
    )


@login_required
@require_POST
def agreement_restore(request, pk, record_id):
    if not Agreement.objects.filter(pk=pk).exists():
        _deleted(request, pk, restore=True)
        return _restore_deleted(request, pk, record_id)
    agreement = editable_agreement(request, pk)
    back = reverse("fallback:history", args=[agreement.pk])
    return _restore(request, services.restore_agreement_version, agreement, record_id, back)


def _service(agreement, service_pk) -> tuple[Service, bool]:
    """The service, or a removed one as it was (then True): its history stays reachable."""
    service = Service.objects.filter(pk=service_pk, agreement=agreement).first()
    if service is not None:
        return service, False
    removed = services.deleted_service(agreement, service_pk)
    if removed is None:
        raise Http404(_("Deze dienst bestaat niet."))
    return removed, True


@login_required
def service_history(request, pk, service_pk):
    agreement = visible_agreement(request, pk)
    service, removed = _service(agreement, service_pk)
    return render_versions(
        request,
        services.service_versions(service.pk),
        title=f"{service.name} ({agreement})",
        back_url=agreement.get_absolute_url(),
        back_label=str(agreement),
        restore_url=_restore_url(request, agreement, "fallback:service_restore", service.pk),
        deleted_notice=_("Deze dienst is verwijderd. Herstel een eerdere versie om hem terug te zetten.")
        if removed
        else "",
        nav=NAV,
    )


def _restore_removed(agreement, service_pk):
    return lambda _service, record_id, user: services.restore_deleted_service(
        agreement, service_pk, record_id, user
    )


@login_required
@require_POST
def service_restore(request, pk, service_pk, record_id):
    agreement = editable_agreement(request, pk)
    service, removed = _service(agreement, service_pk)
    back = reverse("fallback:service_history", args=[agreement.pk, service_pk])
    restore = _restore_removed(agreement, service_pk) if removed else services.restore_service_version
    return _restore(request, restore, service, record_id, back)


@login_required
def action_history(request, pk, action_pk):
    agreement = visible_agreement(request, pk)
    action = get_object_or_404(FollowUpAction, pk=action_pk, agreement=agreement)
    return render_versions(
        request,
        services.versions(action),
        title=action.description,
        back_url=reverse("fallback:tests", args=[agreement.pk]),
        back_label=_("Testplan en logboek"),
        restore_url=_restore_url(request, agreement, "fallback:action_restore", action.pk),
        nav=NAV,
    )


@login_required
@require_POST
def action_restore(request, pk, action_pk, record_id):
    agreement = editable_agreement(request, pk)
    action = get_object_or_404(FollowUpAction, pk=action_pk, agreement=agreement)
    back = reverse("fallback:action_history", args=[agreement.pk, action.pk])
    return _restore(request, services.restore_action_version, action, record_id, back)
