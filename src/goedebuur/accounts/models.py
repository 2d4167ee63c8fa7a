# SPDX-License-Identifier: EUPL-1.2
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


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
