# SPDX-License-Identifier: EUPL-1.2
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import tokens
from .forms import ApiTokenForm


@login_required
def api_tokens(request):
    """The user's own API tokens: create (the key is shown once), list with last use, revoke."""
    new_key = None
    if request.method == "POST":
        form = ApiTokenForm(request.POST)
        if form.is_valid():
            token, new_key = tokens.create_token(
                request.user, form.cleaned_data["name"], form.cleaned_data["scope"]
            )
            form = ApiTokenForm()
    else:
        form = ApiTokenForm()
    context = {"form": form, "new_key": new_key, "tokens": request.user.api_tokens.all()}
    return render(request, "accounts/api_tokens.html", context)


@login_required
@require_POST
def api_token_revoke(request, pk):
    token = get_object_or_404(request.user.api_tokens, pk=pk)  # someone else's token: 404
    tokens.revoke(token)
    messages.success(request, _("Token “%(name)s” is ingetrokken.") % {"name": token.name})
    return redirect("accounts:api_tokens")
