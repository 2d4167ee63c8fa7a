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
