# SPDX-License-Identifier: EUPL-1.2
"""The page of an invitation link (/uitnodiging/<token>): who invites whom to what, and accepting it
with a new editor account (or as the logged-in editor of the invited municipality), or declining it.
The rules are in accounts/invitations.py; this page parses and presents."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from goedebuur.common import add_to_form, one_line

from . import invitations
from .forms import InvitationAccountForm
from .models import Invitation

BACKEND = "django.contrib.auth.backends.ModelBackend"


@never_cache
def invitation(request, token):
    found = invitations.find(token)
    refusal = invitations.refusal(found)
    if refusal:
        return render(request, "accounts/invitation.html", {"refusal": refusal}, status=410 if found else 404)
    user = request.user
    form = InvitationAccountForm(request.POST or None) if not user.is_authenticated else None
    if request.method == "POST":
        try:
            if request.POST.get("answer") == "afwijzen":
                invitations.decline(found)
                messages.success(request, _("U hebt de uitnodiging afgewezen. Wie u uitnodigde, ziet dat."))
                return redirect("pages:home")
            if user.is_authenticated:
                invitations.accept_as(found, user)
            elif form.is_valid():
                data = form.cleaned_data
                user = invitations.accept_with_new_account(
                    found,
                    username=data["username"],
                    first_name=data["first_name"],
                    last_name=data["last_name"],
                    password=data["password"],
                )
                login(request, user, backend=BACKEND)
        except PermissionDenied as error:
            messages.error(request, one_line(error))
        except ValidationError as error:
            if form is not None:
                add_to_form(form, error)
            else:
                messages.error(request, one_line(error))
        else:
            if user.is_authenticated:
                messages.success(
                    request, _("Welkom! U neemt namens %(name)s deel.") % {"name": found.municipality.name}
                )
                return redirect(invitations.landing(found))
    context = {
        "invitation": found,
        "what": invitations.kind_of(found).what(),
        "form": form,
        "may_accept_as_user": user.is_authenticated
        and user.is_editor
        and user.municipality_id == found.municipality_id,
    }
    return render(
        request, "accounts/invitation.html", context, status=400 if request.method == "POST" else 200
    )


@require_POST
@login_required
def moderate(request, pk):
    """A platform administrator lets a waiting invitation go (`besluit=goedkeuren`: the mail is sent) or
    refuses it (`besluit=weigeren`: withdrawn), from the moderation page (/ervaringen/moderatie)."""
    invitations.check_may_approve(request.user)
    invitation = get_object_or_404(Invitation, pk=pk)
    decision = request.POST.get("besluit")
    if decision not in ("goedkeuren", "weigeren"):
        messages.error(request, _("Kies goedkeuren of weigeren."))
        return redirect("experiences:moderation")
    try:
        if decision == "goedkeuren":
            invitations.approve(invitation, request.user)
        else:
            invitations.refuse(invitation, request.user)
    except ValidationError as error:
        messages.error(request, one_line(error))
    else:
        text = (
            _("De uitnodiging aan %(email)s is goedgekeurd: %(status)s.")
            if decision == "goedkeuren"
            else _("De uitnodiging aan %(email)s is geweigerd en ingetrokken; er is geen e-mail verstuurd.")
        )
        invitation.refresh_from_db()
        messages.success(
            request, text % {"email": invitation.email, "status": invitations.status_label(invitation)}
        )
    return redirect(f"{reverse('experiences:moderation')}#uitnodigingen-goedkeuren")
