# SPDX-License-Identifier: EUPL-1.2
"""TOTP_REQUIRED_FOR_STAFF: a platform administrator logged in without a confirmed second factor is sent
to the set-up page until it is confirmed (logging out, the login itself and static files excepted)."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from . import second_factor

ALLOWED_PREFIXES = ("/mijn-account/tweestapsverificatie", "/inloggen", "/uitloggen", "/static/", "/i18n/")
ALLOWED_PATHS = ("/health", "/ready")


class StaffSecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            settings.TOTP_REQUIRED_FOR_STAFF
            and not request.path.startswith(ALLOWED_PREFIXES)
            and request.path not in ALLOWED_PATHS
            and user is not None
            and user.is_authenticated
            and user.is_platform_admin
            and not second_factor.is_required(user)
        ):
            messages.warning(
                request, _("Als beheerder moet u eerst tweestapsverificatie instellen voordat u verder kunt.")
            )
            return redirect(reverse("accounts:second_factor"))
        return self.get_response(request)
