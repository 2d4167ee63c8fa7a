# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import invitations
from .models import Invitation, LoginFailure, SecondFactor, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "email", "municipality", "role", "is_staff", "is_active"]
    list_filter = ["role", "is_staff", "is_active", "municipality__province"]
    autocomplete_fields = ["municipality"]
    fieldsets = BaseUserAdmin.fieldsets + ((_("Gemeente en rol"), {"fields": ["municipality", "role"]}),)
    add_fieldsets = BaseUserAdmin.add_fieldsets + (
        (_("Gemeente en rol"), {"fields": ["municipality", "role"]}),
    )


@admin.register(LoginFailure)
class LoginFailureAdmin(admin.ModelAdmin):
    """Deleting a user name's failures lifts its lock at once."""

    list_display = ["username", "ip_address", "at"]
    search_fields = ["username", "ip_address"]
    date_hierarchy = "at"
    readonly_fields = ["username", "ip_address", "at"]

    def has_add_permission(self, request):
        return False


@admin.register(SecondFactor)
class SecondFactorAdmin(admin.ModelAdmin):
    """For a user who lost both the app and the recovery codes: deleting the factor switches two-step
    verification off, after which the user sets it up again. The secret is never shown."""

    list_display = ["user", "confirmed", "created_at", "last_used_at"]
    list_filter = ["confirmed"]
    search_fields = ["user__username"]
    fields = ["user", "confirmed", "created_at", "last_used_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Invitations by e-mail. An address outside the municipality's known mail domains waits here
    ("wacht op goedkeuring") until an administrator approves it: check that the person works for the
    municipality (or for it, e.g. at a shared service organisation), then approve; the mail goes out."""

    list_display = [
        "email",
        "municipality",
        "subject_name",
        "status",
        "sent_at",
        "expires_at",
        "inviter_name",
    ]
    list_filter = ["status", "kind"]
    search_fields = ["email", "municipality__name", "subject_name"]
    date_hierarchy = "created_at"
    fields = [
        "email",
        "municipality",
        "kind",
        "subject_id",
        "subject_name",
        "inviter_name",
        "invited_by",
        "status",
        "created_at",
        "sent_at",
        "send_count",
        "send_error",
        "expires_at",
        "approved_by",
        "answered_at",
        "account",
    ]
    readonly_fields = fields  # the token hash is never shown; changes go through the actions
    actions = ["approve_and_send", "withdraw"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Goedkeuren en versturen"))
    def approve_and_send(self, request, queryset):
        self._each(request, queryset, lambda invitation: invitations.approve(invitation, request.user))

    @admin.action(description=_("Intrekken"))
    def withdraw(self, request, queryset):
        self._each(request, queryset, invitations.withdraw)

    def _each(self, request, queryset, action):
        for invitation in queryset:
            try:
                done = action(invitation)
            except (ValidationError, PermissionDenied) as error:
                self.message_user(
                    request,
                    f"{invitation.email}: {' '.join(getattr(error, 'messages', [str(error)]))}",
                    messages.ERROR,
                )
            else:
                self.message_user(request, f"{done.email}: {invitations.status_label(done)}")


# django-otp registers its own TOTPDevice admin, which offers the secret as a QR code; the devices are
# managed above (as accounts.SecondFactor) instead.
if admin.site.is_registered(TOTPDevice):
    admin.site.unregister(TOTPDevice)
