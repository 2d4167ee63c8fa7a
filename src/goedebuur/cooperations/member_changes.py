# SPDX-License-Identifier: EUPL-1.2
"""The block "Wachten op instemming" on a cooperation page as one viewer sees it: each open invitation
or removal with the buttons the viewer may use and, for who may edit, who was reached by e-mail
(rendered by `_invitations.html`). A refused contact invitation, resend or withdrawal comes back in the
card of its municipality (`failed`)."""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext as _

from . import permissions, services
from .models import Cooperation, MemberChange, MemberConsent


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
    failed: object = None  # a refused contact form or button (its errors), shown in the card


def member_changes_for(user, cooperation: Cooperation, failure=None) -> list[ChangeView]:
    """The open invitations and removals of `cooperation`, with the buttons `user` may use;
    `failure` (municipality id, form) puts a refusal on the card of that municipality."""
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
        if failure is not None and join and change.municipality_id == failure[0]:
            item.failed = failure[1]
        views.append(item)
    return views
