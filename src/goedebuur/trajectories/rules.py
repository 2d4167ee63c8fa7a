# SPDX-License-Identifier: EUPL-1.2
"""Who may change what of a trajectory, as the services enforce it (re-exported by services; pages
and API call the same checks to refuse early). `user=None` is the platform itself (demo data,
commands, tests of the data rules) and passes; a visitor who is not logged in is a user who may not."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from . import permissions


def check_may_create(user) -> None:
    if user is not None and not permissions.can_create(user):
        raise PermissionDenied(_("Alleen redacteuren van een gemeente en beheerders starten een traject."))


def check_editable(user, trajectory) -> None:
    if user is not None and not permissions.can_edit(user, trajectory):
        raise PermissionDenied(_("U mag dit traject niet wijzigen."))


def check_may_respond(user, trajectory) -> None:
    if user is not None and not permissions.can_respond(user, trajectory):
        raise PermissionDenied(
            _("Alleen redacteuren van de uitgenodigde gemeente beantwoorden de uitnodiging.")
        )


def check_may_speak_for(user, trajectory, municipality, *, acknowledging=False) -> None:
    """Fill in the ambitions of `municipality` and acknowledge divergences on its behalf."""
    if user is not None and (
        municipality is None or not permissions.can_speak_for(user, trajectory, municipality)
    ):
        raise PermissionDenied(
            _("Alleen redacteuren van een deelnemende gemeente bevestigen de verschillen.")
            if acknowledging
            else _("Alleen redacteuren van deze deelnemende gemeente vullen haar ambities in.")
        )
