# SPDX-License-Identifier: EUPL-1.2
"""Invitations by e-mail (the model is accounts.Invitation), reached through `services`.

One mechanism for every app that invites a municipality to something it owns (a trajectory, a
cooperation): the app registers a `Kind` (what accepting does, where the person lands, whether the
municipality is still waited for) and calls `invite` with an address. The mail (Dutch, plain text
and HTML, absolute links to `GOEDEBUUR_BASE_URL`, from `DEFAULT_FROM_EMAIL`) holds a link with a
random token; only its SHA-256 is stored, the link works once and until `expires_at`
(`GOEDEBUUR_INVITATION_DAYS`). Sending again makes a new token, so an older link stops working.

An address is sent to at once when it belongs to the municipality (its domain is one of the
municipality's known mail domains, or it is the address of one of its editors) or when a platform
administrator invites; otherwise the invitation waits until an administrator approves it. Whoever
follows the link creates an editor account of that municipality (or accepts as its editor when
logged in) and the app's `accept` runs: the person lands in what they were invited to.

Whether a mail really left is told honestly: with the SMTP backend a sent mail is "verstuurd"; with
the console or file backend of the demo set-up (`GOEDEBUUR_EMAIL_DELIVERS` off) it is "niet
verstuurd: alleen in het maillogboek geschreven"; an error of the mail server is "mislukt"."""

import hashlib
import logging
import secrets
import smtplib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import Invitation, User

logger = logging.getLogger(__name__)

Status = Invitation.Status
# Invitations that are still under way: they can be sent again or withdrawn.
OPEN = (Status.AWAITING_APPROVAL, Status.SENT, Status.NOT_SENT, Status.FAILED)
# Invitations whose link works (when not expired).
USABLE = (Status.SENT, Status.NOT_SENT, Status.FAILED)


@dataclass(frozen=True)
class Kind:
    """What an app's invitation means. `accept(invitation, user)` does the app's acceptance as `user`
    (an editor of the invited municipality); `landing(invitation)` is the path the person lands on;
    `is_open(invitation)` tells whether the municipality is still waited for; `what` names the
    subject in a sentence ("het samenwerkingstraject")."""

    code: str
    what: Callable[[], str]
    accept: Callable[[Invitation, User], None]
    landing: Callable[[Invitation], str]
    is_open: Callable[[Invitation], bool]


_KINDS: dict[str, Kind] = {}


def register_kind(kind: Kind) -> None:
    """Called by an app in its AppConfig.ready()."""
    _KINDS[kind.code] = kind


def kind_of(invitation: Invitation) -> Kind:
    return _KINDS[invitation.kind]


# --- addresses and links -------------------------------------------------------------------------


def absolute_url(path: str) -> str:
    """`path` on the installation's public address (GOEDEBUUR_BASE_URL): links in mails."""
    return settings.GOEDEBUUR_BASE_URL.rstrip("/") + path


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def domain_of(email: str) -> str:
    return email.rpartition("@")[2].lower()


def belongs_to(email: str, municipality) -> bool:
    """The address is the municipality's: its domain is one of the municipality's known mail domains
    or it is the address of one of the municipality's active editors."""
    if domain_of(email) in municipality.mail_domains:
        return True
    return User.objects.filter(
        email__iexact=email, municipality=municipality, role=User.Role.EDITOR, is_active=True
    ).exists()


def _normalised(email: str) -> str:
    email = (email or "").strip()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError({"email": [_("Vul een geldig e-mailadres in.")]}) from None
    local, _at, domain = email.rpartition("@")
    return f"{local}@{domain.lower()}"


def is_expired(invitation: Invitation) -> bool:
    return (
        invitation.status in USABLE
        and invitation.expires_at is not None
        and invitation.expires_at <= timezone.now()
    )


def status_label(invitation: Invitation) -> str:
    """The status in words; an invitation whose link has expired is "verlopen"."""
    if is_expired(invitation):
        return _("verlopen")
    return invitation.get_status_display()


def outcome(invitation: Invitation) -> tuple[str, str]:
    """(level, sentence) telling the inviter honestly what became of the mail: level `success` only
    when it was handed to a mail server; `warning` when it was only logged or waits for approval;
    `error` when sending failed. For the pages of every app that invites."""
    values = {"email": invitation.email, "name": invitation.municipality.name}
    if invitation.status == Status.SENT:
        return "success", _("De uitnodiging aan %(email)s (%(name)s) is verstuurd.") % values
    if invitation.status == Status.NOT_SENT:
        return "warning", _(
            "De uitnodiging aan %(email)s (%(name)s) is niet verstuurd: er is geen mailserver ingesteld, "
            "de e-mail staat alleen in het maillogboek."
        ) % values
    if invitation.status == Status.AWAITING_APPROVAL:
        return "warning", _(
            "%(email)s hoort niet bij een bekend domein van %(name)s. Een beheerder keurt de uitnodiging "
            "eerst goed; daarna wordt zij verstuurd."
        ) % values
    if invitation.status == Status.FAILED:
        return "error", _("Versturen aan %(email)s is mislukt (%(error)s). Probeer het later opnieuw.") % {
            **values,
            "error": invitation.send_error,
        }
    if invitation.status == Status.WITHDRAWN:
        return "success", _("De uitnodiging aan %(email)s is ingetrokken; de link werkt niet meer.") % values
    return "info", status_label(invitation)


def _real(user):
    return user if user is not None and user.is_authenticated else None


# --- inviting, sending again, withdrawing, approving -----------------------------------------------


@transaction.atomic
def invite(
    *, email: str, municipality, kind: str, subject_id: int, subject_name: str, inviter_name: str, user
):
    """Invite `email` to act for `municipality` in the subject; sends the mail when the address belongs
    to the municipality or `user` is a platform administrator (or the platform itself: None),
    otherwise the invitation waits for an administrator's approval. The calling app checks who may
    invite to its subject. An address with an invitation under way is refused (send that one again)."""
    if kind not in _KINDS:
        raise ValueError(f"Unknown invitation kind: {kind}")
    email = _normalised(email)
    if Invitation.objects.filter(
        email__iexact=email, kind=kind, subject_id=subject_id, status__in=OPEN
    ).exists():
        raise ValidationError(
            {
                "email": [
                    _("%(email)s is al uitgenodigd; verstuur die uitnodiging opnieuw.") % {"email": email}
                ]
            }
        )
    invitation = Invitation.objects.create(
        email=email,
        municipality=municipality,
        kind=kind,
        subject_id=subject_id,
        subject_name=subject_name[:200],
        inviter_name=inviter_name[:200],
        invited_by=_real(user),
        status=Status.AWAITING_APPROVAL,
        token_hash=hash_token(secrets.token_urlsafe(32)),  # no link until it is sent
    )
    if user is None or user.is_platform_admin or belongs_to(email, municipality):
        invitation.approved_by = _real(user)
        _send(invitation)
    return invitation


@transaction.atomic
def resend(invitation: Invitation) -> Invitation:
    """Send again with a new link (the old one stops working) and a new expiry date."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status not in USABLE:
        raise ValidationError(
            _("Deze uitnodiging kan niet opnieuw worden verstuurd: %(status)s.")
            % {"status": status_label(invitation)}
        )
    _send(invitation)
    return invitation


@transaction.atomic
def withdraw(invitation: Invitation) -> Invitation:
    """The link stops working; the person can no longer accept."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status not in OPEN:
        raise ValidationError(
            _("Deze uitnodiging kan niet worden ingetrokken: %(status)s.")
            % {"status": status_label(invitation)}
        )
    invitation.status = Status.WITHDRAWN
    invitation.answered_at = timezone.now()
    invitation.save(update_fields=["status", "answered_at"])
    return invitation


def one_of_subject(kind: str, subject_id: int, invitation_id) -> Invitation:
    """The invitation `invitation_id` of the subject (a ValidationError with code `not_found` when
    it is not one of its: a page answers 404)."""
    invitation = of_subject(kind, subject_id).filter(pk=invitation_id).first()
    if invitation is None:
        raise ValidationError(
            _("Deze uitnodiging hoort niet bij %(what)s.") % {"what": _KINDS[kind].what()}, code="not_found"
        )
    return invitation


CHANGES: dict[str, Callable[[Invitation], Invitation]] = {"resend": resend, "withdraw": withdraw}


def change(kind: str, subject_id: int, invitation_id, how: str) -> Invitation:
    """Send again (`how` "resend") or withdraw ("withdraw") an invitation of the subject: the one
    way every app that invites does it, after the app checked who may change its subject. Tell the
    inviter the result with `outcome`."""
    return CHANGES[how](one_of_subject(kind, subject_id, invitation_id))


def check_may_approve(user) -> None:
    """Only a platform administrator (or the platform itself: None) approves or refuses."""
    if user is not None and not (user.is_authenticated and user.is_platform_admin):
        raise PermissionDenied(_("Alleen een beheerder keurt een uitnodiging aan een ander domein goed."))


def _waiting(invitation: Invitation, user) -> Invitation:
    """The invitation locked, for a platform administrator (or the platform itself: None), if it
    waits for approval."""
    check_may_approve(user)
    invitation = Invitation.objects.select_for_update(of=("self",)).get(pk=invitation.pk)
    if invitation.status != Status.AWAITING_APPROVAL:
        raise ValidationError(_("Deze uitnodiging wacht niet op goedkeuring."))
    return invitation


@transaction.atomic
def approve(invitation: Invitation, user) -> Invitation:
    """A platform administrator lets an invitation to an address outside the municipality's domains go."""
    invitation = _waiting(invitation, user)
    invitation.approved_by = _real(user)
    _send(invitation)
    return invitation


@transaction.atomic
def refuse(invitation: Invitation, user) -> Invitation:
    """A platform administrator does not let it go (the address does not belong to the municipality):
    it is withdrawn, no mail is sent, and the inviter sees it."""
    invitation = _waiting(invitation, user)
    invitation.status = Status.WITHDRAWN
    invitation.answered_at = timezone.now()
    invitation.save(update_fields=["status", "answered_at"])
    return invitation


def _send(invitation: Invitation) -> None:
    """A new token, the mail, and the honest outcome in `status` (saved)."""
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    invitation.token_hash = hash_token(token)
    invitation.expires_at = now + timedelta(days=settings.GOEDEBUUR_INVITATION_DAYS)
    with translation.override("nl"):  # the person's language is not known yet: the platform's
        context = {
            "invitation": invitation,
            "what": kind_of(invitation).what(),
            "link": absolute_url(reverse("accounts:invitation", args=[token])),
            "site": absolute_url("/"),
            "expires_at": invitation.expires_at,
        }
        subject = _("Uitnodiging voor %(what)s '%(name)s' op Goede Buur") % {
            "what": context["what"],
            "name": invitation.subject_name,
        }
        message = EmailMultiAlternatives(
            subject=subject,
            body=render_to_string("accounts/mail/invitation.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[invitation.email],
        )
        message.attach_alternative(render_to_string("accounts/mail/invitation.html", context), "text/html")
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        logger.warning("invitation %s to %s not sent: %s", invitation.pk, invitation.email, error)
        invitation.status = Status.FAILED
        invitation.send_error = str(error)[:300] or error.__class__.__name__
    else:
        invitation.status = Status.SENT if settings.GOEDEBUUR_EMAIL_DELIVERS else Status.NOT_SENT
        invitation.send_error = ""
    invitation.sent_at = now
    invitation.send_count += 1
    invitation.save()


# --- following the link ----------------------------------------------------------------------------


def find(token: str) -> Invitation | None:
    """The invitation of a link, whatever its status (the page tells why it no longer works)."""
    if not token or len(token) > 100:
        return None
    return Invitation.objects.select_related("municipality").filter(token_hash=hash_token(token)).first()


def refusal(invitation: Invitation | None) -> str:
    """Why the link cannot be used, in words; empty when it can."""
    if invitation is None:
        return _("Deze uitnodiging bestaat niet. Controleer of u de hele link uit de e-mail hebt gebruikt.")
    if invitation.status == Status.ACCEPTED:
        return _("Deze uitnodiging is al aangenomen. Log in om verder te gaan.")
    if invitation.status == Status.DECLINED:
        return _("Deze uitnodiging is afgewezen.")
    if invitation.status == Status.WITHDRAWN:
        return _("Deze uitnodiging is ingetrokken door wie haar verstuurde.")
    if invitation.status not in USABLE:
        return _("Deze uitnodiging is nog niet goedgekeurd.")
    if is_expired(invitation):
        return _("Deze uitnodiging is verlopen. Vraag wie u uitnodigde om haar opnieuw te versturen.")
    if not kind_of(invitation).is_open(invitation):
        return _("%(municipality)s heeft deze uitnodiging al beantwoord of zij is ingetrokken.") % {
            "municipality": invitation.municipality.name
        }
    return ""


def _usable(invitation: Invitation) -> Invitation:
    locked = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("municipality")
        .get(pk=invitation.pk)
    )
    reason = refusal(locked)
    if reason:
        raise ValidationError(reason, code="unusable")
    return locked


@transaction.atomic
def accept_with_new_account(
    invitation: Invitation, *, username: str, first_name: str, last_name: str, password: str
) -> User:
    """Create an editor account of the invited municipality for the invited address, and accept."""
    invitation = _usable(invitation)
    errors: dict[str, list[str]] = {}
    username = (username or "").strip()
    if not username:
        errors["username"] = [_("Kies een gebruikersnaam.")]
    elif User.objects.filter(username__iexact=username).exists():
        errors["username"] = [_("Deze gebruikersnaam is al in gebruik; kies een andere.")]
    else:
        try:
            User._meta.get_field("username").run_validators(username)
        except ValidationError:
            errors["username"] = [
                _("Een gebruikersnaam bestaat uit letters, cijfers en de tekens @ . + - _ (geen spaties).")
            ]
    if User.objects.filter(email__iexact=invitation.email).exists():
        errors["__all__"] = [_("Er is al een account met dit e-mailadres. Log in en open de link opnieuw.")]
    user = User(
        username=username,
        first_name=(first_name or "").strip()[:150],
        last_name=(last_name or "").strip()[:150],
        email=invitation.email,
        municipality=invitation.municipality,
        role=User.Role.EDITOR,
        is_active=True,
    )
    try:
        validate_password(password or "", user)
    except ValidationError as error:
        errors["password"] = list(error.messages)
    if errors:
        raise ValidationError(errors)
    user.set_password(password)
    user.save()
    _accept(invitation, user)
    return user


@transaction.atomic
def accept_as(invitation: Invitation, user) -> User:
    """A logged-in editor of the invited municipality accepts."""
    invitation = _usable(invitation)
    if not (user.is_authenticated and user.is_editor and user.municipality_id == invitation.municipality_id):
        raise PermissionDenied(
            _(
                "U bent ingelogd, maar niet als redacteur van %(name)s. Log uit om de uitnodiging aan te nemen."
            )
            % {"name": invitation.municipality.name}
        )
    _accept(invitation, user)
    return user


def _accept(invitation: Invitation, user: User) -> None:
    kind_of(invitation).accept(invitation, user)
    invitation.status = Status.ACCEPTED
    invitation.answered_at = timezone.now()
    invitation.account = user
    invitation.save(update_fields=["status", "answered_at", "account"])


@transaction.atomic
def decline(invitation: Invitation) -> Invitation:
    """The person does not want this invitation (the municipality's own answer is not given)."""
    invitation = _usable(invitation)
    invitation.status = Status.DECLINED
    invitation.answered_at = timezone.now()
    invitation.save(update_fields=["status", "answered_at"])
    return invitation


def landing(invitation: Invitation) -> str:
    return kind_of(invitation).landing(invitation)


# --- for the inviting app --------------------------------------------------------------------------


def of_subject(kind: str, subject_id: int):
    """Every invitation of the subject, newest first."""
    return Invitation.objects.filter(kind=kind, subject_id=subject_id).select_related("municipality")


def awaiting_approval():
    """The invitations that wait for a platform administrator, oldest first (the moderation page)."""
    return (
        Invitation.objects.filter(status=Status.AWAITING_APPROVAL)
        .select_related("municipality")
        .order_by("created_at", "id")
    )
