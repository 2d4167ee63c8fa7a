# SPDX-License-Identifier: EUPL-1.2
import base64

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice


class User(AbstractUser):
    """A user belongs to one municipality (reader or editor) or is a platform administrator
    (`is_staff`), who may have no municipality."""

    class Role(models.TextChoices):
        READER = "reader", _("lezer")
        EDITOR = "editor", _("redacteur")

    municipality = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name=_("gemeente"),
    )
    role = models.CharField(_("rol"), max_length=10, choices=Role.choices, default=Role.READER)

    @property
    def is_platform_admin(self):
        return self.is_active and (self.is_staff or self.is_superuser)

    @property
    def is_editor(self):
        return self.is_active and self.role == self.Role.EDITOR and self.municipality_id is not None

    @property
    def may_use_second_factor(self):
        """Two-step verification is offered to those who can change data: editors and administrators."""
        return self.is_editor or self.is_platform_admin


class LoginFailure(models.Model):
    """A failed login, kept for the lockout window (accounts/throttle.py). In the database, not a
    per-process cache, so that the limit holds across all web processes."""

    username = models.CharField(max_length=150, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("mislukte inlogpoging")
        verbose_name_plural = _("mislukte inlogpogingen")

    def __str__(self):
        return f"{self.username} @ {self.ip_address or '?'} {self.at:%Y-%m-%d %H:%M}"


class ApiToken(models.Model):
    """A personal API token. Only a SHA-256 hash of the key is stored: the key is shown once, at
    creation. `read` tokens may only read (GET, HEAD, OPTIONS); `write` tokens may do whatever their
    user may do."""

    class Scope(models.TextChoices):
        READ = "read", _("alleen lezen")
        WRITE = "write", _("lezen en schrijven")

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("gebruiker")
    )
    name = models.CharField(_("naam"), max_length=80)
    prefix = models.CharField(_("begin van de sleutel"), max_length=12)
    key_hash = models.CharField(max_length=64, unique=True)
    scope = models.CharField(_("bereik"), max_length=5, choices=Scope.choices, default=Scope.READ)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("laatst gebruikt"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("ingetrokken"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API-token")
        verbose_name_plural = _("API-tokens")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self):
        return self.revoked_at is None


class SecondFactor(TOTPDevice):
    """A user's TOTP second factor: django-otp's TOTPDevice (RFC 6238; `last_t` is the time step of the
    last accepted code, so the same code cannot be used twice), seen from this app. The secret (`key`,
    hex) is stored as is: the authenticator app needs the same secret, so it cannot be hashed
    (encrypting it at rest is not done; see docs/deploy.md). Only a confirmed factor is asked for at
    login. A proxy, so the admin keeps it under accounts and no table of our own duplicates the device."""

    class Meta:
        proxy = True
        verbose_name = _("tweestapsverificatie")
        verbose_name_plural = _("tweestapsverificaties")

    def __str__(self):
        return f"{self.user} ({'bevestigd' if self.confirmed else 'niet bevestigd'})"

    @property
    def secret(self) -> str:
        """The key in base32 without padding, as authenticator apps take it."""
        return base64.b32encode(self.bin_key).decode("ascii").rstrip("=")

    @property
    def confirmed_at(self):
        """When it was set up: confirming a factor sets its `created_at` (accounts/second_factor.py)."""
        return self.created_at if self.confirmed else None


class RecoveryCode(models.Model):
    """A one-time recovery code for when the authenticator app is lost; only its SHA-256 is stored (not
    django-otp's StaticToken, which keeps the codes in plain text; see docs/decisions.md)."""

    factor = models.ForeignKey(SecondFactor, on_delete=models.CASCADE, related_name="recovery_codes")
    code_hash = models.CharField(max_length=64)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("herstelcode")
        verbose_name_plural = _("herstelcodes")
        constraints = [
            models.UniqueConstraint(fields=["factor", "code_hash"], name="accounts_recoverycode_unique_hash")
        ]

    def __str__(self):
        return f"{self.factor.user} {'gebruikt' if self.used_at else 'ongebruikt'}"


class Invitation(models.Model):
    """An e-mail invitation of one person (an address) to act for a municipality in something another
    app owns (`kind` + `subject_id`: a trajectory, a cooperation). The link in the mail holds a random
    token; only its SHA-256 is stored, it works once and until `expires_at` (accounts/invitations.py)."""

    class Status(models.TextChoices):
        AWAITING_APPROVAL = "goedkeuring", _("wacht op goedkeuring van een beheerder")
        SENT = "verstuurd", _("verstuurd")
        NOT_SENT = "niet-verstuurd", _("niet verstuurd: alleen in het maillogboek geschreven")
        FAILED = "mislukt", _("versturen mislukt")
        ACCEPTED = "aangenomen", _("aangenomen")
        DECLINED = "afgewezen", _("afgewezen")
        WITHDRAWN = "ingetrokken", _("ingetrokken")

    email = models.EmailField(_("e-mailadres"))
    municipality = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("gemeente"),
    )
    kind = models.CharField(_("soort"), max_length=20)
    subject_id = models.PositiveIntegerField()
    subject_name = models.CharField(_("onderwerp"), max_length=200)
    inviter_name = models.CharField(_("uitnodiger"), max_length=200)
    invited_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    sent_at = models.DateTimeField(_("laatst verstuurd"), null=True, blank=True)
    send_count = models.PositiveSmallIntegerField(_("keer verstuurd"), default=0)
    send_error = models.CharField(_("foutmelding"), max_length=300, blank=True)
    expires_at = models.DateTimeField(_("verloopt"), null=True, blank=True)
    approved_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    answered_at = models.DateTimeField(_("beantwoord"), null=True, blank=True)
    account = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("account")
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["kind", "subject_id"], name="accounts_invitation_subject")]
        verbose_name = _("uitnodiging per e-mail")
        verbose_name_plural = _("uitnodigingen per e-mail")

    def __str__(self):
        return f"{self.email} → {self.municipality} ({self.subject_name})"
