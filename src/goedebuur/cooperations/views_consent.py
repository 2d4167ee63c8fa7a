# SPDX-License-Identifier: EUPL-1.2
"""Pages for consent to membership changes: the block "Wachten op instemming" on a cooperation page
(`member_changes_for`, rendered by `_invitations.html`) and the accept and decline buttons it posts to.
The rules are in `services` (see `consent`)."""

from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from goedebuur.accounts import services as accounts
from goedebuur.common import one_line
from goedebuur.history.services import EditConflict, conflict_message
from goedebuur.municipalities.models import Municipality

from . import permissions, services
from .models import Cooperation, MemberChange, MemberConsent

ANCHOR = "deelnemerswijzigingen"


@dataclass
class ChangeView:
    """One open change as the cooperation page shows it to one viewer."""

    change: MemberChange
    title: str
    waiting: list = field(default_factory=list)
    agreed: list = field(default_factory=list)
    accept_label: str = ""  # empty: the viewer cannot accept
    decline_label: str = ""  # empty: the viewer cannot decline or withdraw
    accept_url: str = ""
    decline_url: str = ""
    reach_state: str = ""  # empty: the viewer does not see who was reached (see member_invitations)
    invitations: list = field(default_factory=list)
    contact_url: str = ""


def member_changes_for(user, cooperation: Cooperation) -> list[ChangeView]:
    """The open invitations and removals of `cooperation`, with the buttons `user` may use."""
    views = []
    reach = services.member_invitation_reach(cooperation) if permissions.can_edit(user, cooperation) else {}
    for change in services.open_member_changes(cooperation):
        name = change.municipality.name
        join = change.kind == MemberChange.Kind.JOIN
        item = ChangeView(
            change=change,
            title=(_("%(name)s is uitgenodigd") if join else _("Voorstel: %(name)s verwijderen"))
            % {"name": name},
            waiting=[m.name for m in services.member_change_waits_for(change)],
            agreed=[
                c.municipality.name for c in change.consents.all() if c.answer == MemberConsent.Answer.YES
            ],
            accept_url=reverse(
                "cooperations:accept_member", args=[cooperation.slug, change.municipality.code]
            ),
            decline_url=reverse(
                "cooperations:decline_member", args=[cooperation.slug, change.municipality.code]
            ),
        )
        if join and change.municipality_id in reach:
            item.reach_state, item.invitations = reach[change.municipality_id]
            item.contact_url = reverse(
                "cooperations:invite_member_contact", args=[cooperation.slug, change.municipality.code]
            )
        asked = {c.municipality_id for c in change.consents.all() if c.answer == MemberConsent.Answer.OPEN}
        if user.is_authenticated and user.is_platform_admin:
            item.accept_label, item.decline_label = _("Doorvoeren (beheerder)"), _("Afwijzen (beheerder)")
        elif user.is_authenticated and user.is_editor and user.municipality_id in asked:
            if join and user.municipality_id == change.municipality_id:
                item.accept_label, item.decline_label = _("Uitnodiging aannemen"), _("Uitnodiging afwijzen")
            else:
                item.accept_label, item.decline_label = _("Instemmen"), _("Afwijzen")
        elif user.is_authenticated and user.is_editor and user.municipality_id == change.proposed_for_id:
            item.decline_label = _("Intrekken")
        views.append(item)
    return views


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
    cooperation = _live(slug)
    municipality = get_object_or_404(Municipality, code=code.upper())
    try:
        invitation = services.invite_member_contact(
            cooperation, municipality, request.POST.get("email", ""), request.user
        )
    except ValidationError as error:
        messages.error(request, _("Niet verstuurd: %(errors)s") % {"errors": one_line(error)})
    else:
        report_invitation(request, invitation)
    return _back(cooperation)


def _invitation(request, slug, invitation_id):
    cooperation = _live(slug)
    try:
        return cooperation, services.member_invitation_of(cooperation, invitation_id)
    except ValidationError:
        raise Http404(_("Deze uitnodiging hoort niet bij dit samenwerkingsverband.")) from None


def _change(request, slug, invitation_id, how):
    """Send again or withdraw (accounts' one way, `services.change_member_invitation`); the outcome
    in accounts' words."""
    cooperation, invitation = _invitation(request, slug, invitation_id)
    try:
        invitation = services.change_member_invitation(cooperation, invitation, how, request.user)
    except ValidationError as error:
        messages.error(request, one_line(error))
    else:
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
