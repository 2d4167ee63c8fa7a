# SPDX-License-Identifier: EUPL-1.2
from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from . import second_factor, throttle
from .models import ApiToken


class ThrottledLoginMixin:
    """Refuses a login while its user name or client address is locked (accounts/throttle.py)."""

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        attempt = throttle.start(username, throttle.client_ip(self.request)) if username else None
        if isinstance(attempt, throttle.Refusal):
            raise forms.ValidationError(str(attempt), code="locked")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            if attempt is not None:
                attempt.failed()
            raise
        # With a second factor the login is not done yet: the failures are cleared only after the code,
        # so that entering the right password again does not reset the count of wrong codes.
        if attempt is not None:
            if second_factor.is_required(self.get_user()):
                attempt.passed()
            else:
                attempt.succeeded()
        return cleaned


class LoginForm(ThrottledLoginMixin, AuthenticationForm):
    error_messages = {
        "invalid_login": _("Gebruikersnaam of wachtwoord klopt niet. Let op hoofdletters en kleine letters."),
        "inactive": _("Dit account is niet actief."),
    }


class AdminLoginForm(ThrottledLoginMixin, AdminAuthenticationForm):
    """The Django admin logs in straight after the password, so a user with a second factor is refused
    here; the password was right, so the pending login is started and accounts.views.admin_login sends
    the user on to the code step."""

    def clean(self):
        cleaned = super().clean()
        user = self.get_user()
        if second_factor.is_required(user):
            next_url = self.request.POST.get("next") or self.request.GET.get("next") or "/beheer/"
            second_factor.start_pending(self.request, user, next_url)
            raise forms.ValidationError(
                _("Voor dit account is ook een code uit de authenticator-app nodig."), code="second_factor"
            )
        return cleaned


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


class SetupCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code uit de app"),
        max_length=20,
        help_text=_("De zes cijfers die de app nu toont."),
        error_messages={"required": _("Vul de code uit de app in.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class LoginCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=30,
        help_text=_("De zes cijfers uit uw authenticator-app, of een van uw herstelcodes."),
        error_messages={"required": _("Vul de code in.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )


class ProofForm(forms.Form):
    """A current code from the app or the password, before switching off or renewing recovery codes."""

    proof = forms.CharField(
        label=_("Code uit de app of uw wachtwoord"),
        max_length=128,
        strip=False,
        error_messages={"required": _("Vul een code uit de app of uw wachtwoord in.")},
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class InvitationAccountForm(forms.Form):
    """A new editor account from an invitation by e-mail; the rules are in accounts/invitations.py."""

    first_name = forms.CharField(label=_("Voornaam"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Achternaam"), max_length=150, required=False)
    username = forms.CharField(
        label=_("Gebruikersnaam"),
        max_length=150,
        error_messages={"required": _("Kies een gebruikersnaam.")},
        widget=forms.TextInput(attrs={"autocomplete": "username"}),
    )
    password = forms.CharField(
        label=_("Wachtwoord"),
        max_length=128,
        strip=False,
        help_text=_("Ten minste 12 tekens, niet te gewoon en niet te veel gelijk aan uw naam."),
        error_messages={"required": _("Kies een wachtwoord.")},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_again = forms.CharField(
        label=_("Wachtwoord nogmaals"),
        max_length=128,
        strip=False,
        error_messages={"required": _("Herhaal het wachtwoord.")},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password") and cleaned.get("password_again") != cleaned.get("password"):
            self.add_error("password_again", _("De twee wachtwoorden zijn niet gelijk."))
        return cleaned
