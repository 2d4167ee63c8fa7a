# SPDX-License-Identifier: EUPL-1.2
"""The user's own two-step verification page: set up (secret and otpauth URI, confirmed with a first
code), recovery codes (shown once), renew them, switch off. For editors and administrators."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST, require_safe

from . import second_factor, throttle
from .forms import ProofForm, SetupCodeForm
from .models import SecondFactor

TEMPLATE = "accounts/second_factor.html"


def editors_only(view):
    """Others see why the page is not for them (403 with an explanation)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.may_use_second_factor:
            return render(request, TEMPLATE, {"not_offered": True}, status=403)
        return view(request, *args, **kwargs)

    return login_required(wrapper)


def _render(request, *, setup_form=None, disable_form=None, renew_form=None, new_codes=None, status=200):
    factor = SecondFactor.objects.filter(user=request.user).first()
    context = {
        "factor": factor,
        "setup_form": setup_form or SetupCodeForm(),
        "disable_form": disable_form or ProofForm(prefix="uitzetten"),
        "renew_form": renew_form or ProofForm(prefix="herstelcodes"),
        "new_codes": new_codes,
    }
    if factor is not None and not factor.confirmed:
        context["secret_grouped"] = second_factor.grouped(factor.secret)
        context["uri"] = second_factor.provisioning_uri(factor, request.user.get_username())
    if factor is not None and factor.confirmed:
        context["unused_codes"] = second_factor.unused_recovery_codes(factor)
    return render(request, TEMPLATE, context, status=status)


def _proof_accepted(request, form) -> bool:
    """Check a ProofForm's code or password; a wrong one counts as a failed login (accounts/throttle.py),
    so a stolen session cannot be used to guess the password here."""
    if not form.is_valid():
        return False
    attempt = throttle.start(request.user.get_username(), throttle.client_ip(request))
    if isinstance(attempt, throttle.Refusal):
        form.add_error("proof", str(attempt))
        return False
    if second_factor.check_code_or_password(request.user, form.cleaned_data["proof"]):
        attempt.passed()
        return True
    attempt.failed()
    form.add_error("proof", _("Deze code of dit wachtwoord klopt niet."))
    return False


@never_cache
@editors_only
@require_safe
def overview(request):
    return _render(request)


@editors_only
@require_POST
def start(request):
    factor = second_factor.start_setup(request.user)
    if factor.confirmed:
        messages.info(request, _("Tweestapsverificatie staat al aan."))
    return redirect("accounts:second_factor")


@never_cache
@sensitive_post_parameters("code")
@editors_only
@require_POST
def confirm(request):
    form = SetupCodeForm(request.POST)
    factor = SecondFactor.objects.filter(user=request.user, confirmed=False).first()
    if factor is None:
        return redirect("accounts:second_factor")
    if form.is_valid():
        codes = second_factor.confirm(factor, form.cleaned_data["code"])
        if codes is not None:
            messages.success(request, _("Tweestapsverificatie staat aan."))
            return _render(request, new_codes=codes)
        form.add_error(
            "code",
            _(
                "Deze code klopt niet. Controleer of de tijd op uw telefoon goed staat en vul de code in "
                "die de app nu toont."
            ),
        )
    return _render(request, setup_form=form)


@sensitive_post_parameters()
@editors_only
@require_POST
def disable(request):
    form = ProofForm(request.POST, prefix="uitzetten")
    if _proof_accepted(request, form):
        second_factor.disable(request.user)
        messages.success(request, _("Tweestapsverificatie staat uit."))
        return redirect("accounts:second_factor")
    return _render(request, disable_form=form)


@never_cache
@sensitive_post_parameters()
@editors_only
@require_POST
def renew_codes(request):
    factor = second_factor.confirmed_factor(request.user)
    if factor is None:
        return redirect("accounts:second_factor")
    form = ProofForm(request.POST, prefix="herstelcodes")
    if _proof_accepted(request, form):
        codes = second_factor.replace_recovery_codes(factor)
        messages.success(request, _("Er zijn nieuwe herstelcodes gemaakt; de oude werken niet meer."))
        return _render(request, new_codes=codes)
    return _render(request, renew_form=form)
