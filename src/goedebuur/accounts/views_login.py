# SPDX-License-Identifier: EUPL-1.2
"""Login in one or two steps: the password, then (for a user with a confirmed second factor) a code
from the authenticator app or a recovery code. The Django admin's login goes through the same step."""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters

from . import second_factor, throttle
from .forms import LoginCodeForm, LoginForm


class LoginView(auth_views.LoginView):
    """After logging in the user lands on /mijn-overzicht (LOGIN_REDIRECT_URL), or on the page that
    sent them here; the public home page is no such page (it shows nothing personal)."""

    template_name = "accounts/login.html"
    authentication_form = LoginForm

    def get_redirect_url(self):
        url = super().get_redirect_url()
        return "" if url == reverse("pages:home") else url

    def form_valid(self, form):
        user = form.get_user()
        if second_factor.is_required(user):
            second_factor.start_pending(self.request, user, self.get_success_url())
            return redirect("accounts:login_code")
        return super().form_valid(form)


@never_cache
def admin_login(request, extra_context=None):
    """The Django admin's own login page (AdminLoginForm), except that a user with a second factor is
    sent on to the code step instead of being refused."""
    response = admin.site.login(request, extra_context)
    if getattr(request, "second_factor_pending", False):
        return redirect("accounts:login_code")
    return response


def _safe_next(request, url):
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse(settings.LOGIN_REDIRECT_URL)


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
def login_code(request):
    """The second step: a code from the app or a recovery code, for the user whose password was right
    within the last five minutes. Wrong codes count as failed logins (accounts/throttle.py)."""
    found = second_factor.pending(request)
    if found is None:
        messages.info(request, _("Uw inlogpoging is verlopen of niet gevonden. Log opnieuw in."))
        return redirect("accounts:login")
    user, data = found
    form = LoginCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        attempt = throttle.start(user.get_username(), throttle.client_ip(request))
        if isinstance(attempt, throttle.Refusal):
            form.add_error(None, str(attempt))
        else:
            factor = second_factor.confirmed_factor(user)
            kind = second_factor.check_login_code(factor, form.cleaned_data["code"])
            if kind is None:
                attempt.failed()
                form.add_error(
                    "code",
                    _(
                        "Deze code klopt niet of is al gebruikt. Wacht op de volgende code in de app, "
                        "of gebruik een herstelcode."
                    ),
                )
            else:
                attempt.succeeded()
                second_factor.clear_pending(request)
                auth_login(request, user, backend=data.get("backend"))
                if kind == "recovery":
                    left = second_factor.unused_recovery_codes(factor)
                    messages.warning(
                        request,
                        ngettext(
                            "U bent ingelogd met een herstelcode. U hebt nog %(count)d herstelcode over.",
                            "U bent ingelogd met een herstelcode. U hebt nog %(count)d herstelcodes over.",
                            left,
                        )
                        % {"count": left},
                    )
                return redirect(_safe_next(request, data.get("next")))
    return render(request, "accounts/login_code.html", {"form": form})
