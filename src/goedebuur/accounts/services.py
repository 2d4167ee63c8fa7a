# SPDX-License-Identifier: EUPL-1.2
"""Public API of the accounts app."""

from dataclasses import dataclass

from django.db import transaction

from goedebuur.municipalities.models import Municipality

from . import invitations, tokens
from .models import ApiToken, Invitation, User

DEMO_PASSWORD = "goedebuur-demo"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    description: str
    municipality_code: str | None = None
    role: str = User.Role.READER
    admin: bool = False


DEMO_ACCOUNTS = [
    DemoAccount("beheerder", "platformbeheerder (Django-beheer)", admin=True),
    DemoAccount("redacteur.veenendaal", "redacteur van Veenendaal (gemeente A)", "GM0345", User.Role.EDITOR),
    DemoAccount("lezer.veenendaal", "lezer van Veenendaal", "GM0345", User.Role.READER),
    DemoAccount("redacteur.rhenen", "redacteur van Rhenen", "GM0340", User.Role.EDITOR),
    DemoAccount("redacteur.utrecht", "redacteur van Utrecht (gemeente B)", "GM0344", User.Role.EDITOR),
]


@transaction.atomic
def ensure_demo_accounts() -> list[DemoAccount]:
    """Create the demo accounts, or reset them to their documented state (idempotent)."""
    for account in DEMO_ACCOUNTS:
        user, _ = User.objects.get_or_create(username=account.username)
        user.municipality = (
            Municipality.objects.get(code=account.municipality_code) if account.municipality_code else None
        )
        user.role = account.role
        user.is_staff = user.is_superuser = account.admin
        user.is_active = True
        user.email = f"{account.username}@demo.goedebuur.invalid"
        user.set_password(DEMO_PASSWORD)
        user.save()
    return DEMO_ACCOUNTS


# --- API tokens (for goedebuur.api.authentication) ------------------------------------------


def find_active_token(key: str) -> ApiToken | None:
    """The active API token with this key (its last use noted), or None: for the API's authentication."""
    return tokens.find_active(key)


def token_is_read_only(token: ApiToken) -> bool:
    """A `read` token may only read (GET, HEAD, OPTIONS)."""
    return token.scope == ApiToken.Scope.READ


# --- people, for other apps ------------------------------------------------------------------------


def editor_emails(municipality: Municipality) -> list[str]:
    """The e-mail addresses of the active editors of a municipality (for notifications)."""
    return list(
        User.objects.filter(municipality=municipality, role=User.Role.EDITOR, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )


def user_named(username: str) -> User | None:
    """The account with this user name, or None (demo data, commands)."""
    return User.objects.filter(username=username).first()


# --- invitations by e-mail (accounts/invitations.py) -----------------------------------------------

InvitationKind = invitations.Kind
InvitationStatus = Invitation.Status
register_invitation_kind = invitations.register_kind
invite_by_email = invitations.invite
resend_invitation = invitations.resend
withdraw_invitation = invitations.withdraw
invitation_of_subject = invitations.one_of_subject
change_invitation = invitations.change
approve_invitation = invitations.approve
refuse_invitation = invitations.refuse
invitations_awaiting_approval = invitations.awaiting_approval
invitations_of = invitations.of_subject
invitation_status_label = invitations.status_label
invitation_is_expired = invitations.is_expired
invitation_outcome = invitations.outcome
invitation_is_open = invitations.OPEN.__contains__
absolute_url = invitations.absolute_url


def invitation_delivered(invitation: Invitation) -> bool:
    """The mail really left for the person (SMTP): only then may a page say "verstuurd"."""
    return invitation.status == Invitation.Status.SENT and not invitations.is_expired(invitation)


def invitation_status_code(invitation: Invitation) -> str:
    """The status code, `verlopen` when the link expired."""
    return "verlopen" if invitations.is_expired(invitation) else invitation.status


def reach_state(invitations_of_one_municipality) -> str:
    """How a municipality was reached by its invitations, in one word: `reached` (a mail was
    delivered and its link still works), `logged` (only written to the mail log: no mail server),
    `awaiting` (waits for an administrator's approval), `failed`, or `nobody` (nothing under way)."""
    live = [i for i in invitations_of_one_municipality if i.status in invitations.OPEN]
    statuses = {i.status for i in live}
    if any(invitation_delivered(i) for i in live):
        return "reached"
    if Invitation.Status.NOT_SENT in statuses:
        return "logged"
    if Invitation.Status.AWAITING_APPROVAL in statuses:
        return "awaiting"
    if Invitation.Status.FAILED in statuses:
        return "failed"
    return "nobody"


def annotate_invitations(invitation_list) -> list[Invitation]:
    """Each invitation with `status_label`, `may_resend` and `may_withdraw`, for a page."""
    for invitation in invitation_list:
        invitation.status_label = invitations.status_label(invitation)
        invitation.may_resend = invitation.status in invitations.USABLE
        invitation.may_withdraw = invitation.status in invitations.OPEN
    return invitation_list
