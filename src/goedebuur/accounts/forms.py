# SPDX-License-Identifier: EUPL-1.2
from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import throttle
from .models import ApiToken


class ThrottledLoginMixin:
    """Refuses a login while its user name or client address is locked (accounts/throttle.py)."""

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        ip = throttle.client_ip(self.request)
        minutes = throttle.minutes_locked(username, ip)
        if minutes:
            raise forms.ValidationError(
                ngettext(
                    "Te veel mislukte pogingen. Probeer het over %(minutes)d minuut opnieuw.",
                    "Te veel mislukte pogingen. Probeer het over %(minutes)d minuten opnieuw.",
                    minutes,
                )
                % {"minutes": minutes},
                code="locked",
            )
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            if username:
                throttle.record_failure(username, ip)
            raise
        throttle.clear_failures(username)
        return cleaned


class LoginForm(ThrottledLoginMixin, AuthenticationForm):
    error_messages = {
        "invalid_login": _("Gebruikersnaam of wachtwoord klopt niet. Let op hoofdletters en kleine letters."),
        "inactive": _("Dit account is niet actief."),
    }


class AdminLoginForm(ThrottledLoginMixin, AdminAuthenticationForm):
    pass


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Naam"),
        max_length=80,
        help_text=_("Waarvoor u het token gebruikt, bijvoorbeeld “koppeling zaaksysteem”."),
        error_messages={"required": _("Geef het token een naam.")},
    )
    scope = forms.ChoiceField(
        label=_("Bereik"),
        choices=ApiToken.Scope.choices,
        initial=ApiToken.Scope.READ,
        widget=forms.RadioSelect,
        help_text=_("Kies alleen lezen tenzij de koppeling gegevens moet wijzigen."),
    )
