# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import LoginFailure, SecondFactor, User


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


# django-otp registers its own TOTPDevice admin, which offers the secret as a QR code; the devices are
# managed above (as accounts.SecondFactor) instead.
if admin.site.is_registered(TOTPDevice):
    admin.site.unregister(TOTPDevice)
