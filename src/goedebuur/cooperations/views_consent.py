# SPDX-License-Identifier: EUPL-1.2
"""Pages for consent to membership changes: the accept and decline buttons of the block "Wachten op
instemming" on a cooperation page (`member_changes.py`), and the e-mail invitations of an invited
municipality (invite a contact, send again, withdraw; a refusal re-renders the cooperation page with
what was typed). The rules are in `services` (see `consent`)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from goedebuur.accounts import services as accounts
from goedebuur.common import ContactEmailForm, add_to_form, one_line, refused
from goedebuur.history.services import EditConflict, conflict_message
from goedebuur.municipalities.models import Municipality

from . import services
from .models import Cooperation, MemberChange
from .views import render_detail

ANCHOR = "deelnemerswijzigingen"


def _answer(request, slug, code, agree: bool):
    cooperation = services.get_live(slug, everyone=True)
    if cooperation is None:
        raise Http404(_("Dit samenwerkingsverband bestaat niet (meer)."))
    municipality = get_object_or_404(Municipality, code=code.upper())
    try:
        change = services.answer_member_change(cooperation, municipality, request.user, agree)
    except ValidationError as error:
        messages.error(request, one_line(error))
    except EditConflict as conflict:
        messages.error(request, conflict_message(conflict))
    else:
        messages.success(request, _outcome(change))
    return redirect(f"{cooperation.get_absolute_url()}#{ANCHOR}")


def _outcome(change: MemberChange) -> str:
    name = change.municipality.name
    join = change.kind == MemberChange.Kind.JOIN
    if change.status == MemberChange.Status.ACCEPTED:
        return (_("%(name)s neemt nu deel.") if join else _("%(name)s is geen deelnemer meer.")) % {
            "name": name
        }
    if change.status == MemberChange.Status.DECLINED:
        return _("De wijziging is afgewezen; er verandert niets aan de deelnemers.")
    if change.status == MemberChange.Status.WITHDRAWN:
        return _("De wijziging is ingetrokken.")
    waiting = ", ".join(m.name for m in services.member_change_waits_for(change))
    return _("Uw antwoord is vastgelegd. De wijziging wacht nog op: %(names)s.") % {"names": waiting}


@require_POST
@login_required
def accept_member(request, slug, code):
    return _answer(request, slug, code, agree=True)


@require_POST
@login_required
def decline_member(request, slug, code):
    return _answer(request, slug, code, agree=False)


# --- invitations by e-mail of an invited municipality ------------------------------------------


def _live(slug) -> Cooperation:
    cooperation = services.get_live(slug)
    if cooperation is None:
        raise Http404(_("Dit samenwerkingsverband bestaat niet (meer)."))
    return cooperation


def _back(cooperation):
    return redirect(f"{cooperation.get_absolute_url()}#{ANCHOR}")


def report_invitation(request, invitation) -> None:
    """The honest outcome of sending one invitation (worded by accounts)."""
    level, text = accounts.invitation_outcome(invitation)
    getattr(messages, level)(request, text)


@require_POST
@login_required
def invite_member_contact(request, slug, code):
    """An address that cannot be invited comes back in the card of its municipality with what was
    typed, the error next to the field and the summary (status 400)."""
    cooperation = _live(slug)
    services.check_permission(request.user, cooperation)
    municipality = get_object_or_404(Municipality, code=code.upper())
    form = ContactEmailForm(request.POST, auto_id=f"contact-{municipality.pk}-%s")
    if form.is_valid():
        try:
            invitation = services.invite_member_contact(
                cooperation, municipality, form.cleaned_data["email"], request.user
            )
        except ValidationError as error:
            add_to_form(form, error)
        else:
            report_invitation(request, invitation)
            return _back(cooperation)
    return _refused(request, cooperation, municipality.pk, form)


def _refused(request, cooperation, municipality_id, form):
    """The cooperation page again (400) with the refusal on the card of the municipality; a message
    after a redirect when the card is gone (the municipality answered meanwhile)."""
    response = render_detail(request, cooperation, failure=(municipality_id, form), status=400)
    if response is None:
        messages.error(request, " ".join(error for errors in form.errors.values() for error in errors))
        return _back(cooperation)
    return response


def _invitation(request, slug, invitation_id):
    cooperation = _live(slug)
    try:
        return cooperation, services.member_invitation_of(cooperation, invitation_id)
    except ValidationError:
        raise Http404(_("Deze uitnodiging hoort niet bij dit samenwerkingsverband.")) from None


def _change(request, slug, invitation_id, how):
    """Send again or withdraw (accounts' one way, `services.change_member_invitation`); the outcome
    in accounts' words, a refusal in the card of its municipality."""
    cooperation, invitation = _invitation(request, slug, invitation_id)
    try:
        invitation = services.change_member_invitation(cooperation, invitation, how, request.user)
    except ValidationError as error:
        return _refused(request, cooperation, invitation.municipality_id, refused(error))
    report_invitation(request, invitation)
    return _back(cooperation)


@require_POST
@login_required
def resend_member_invitation(request, slug, invitation_id):
    return _change(request, slug, invitation_id, "resend")


@require_POST
@login_required
def withdraw_member_invitation(request, slug, invitation_id):
    return _change(request, slug, invitation_id, "withdraw")
