# SPDX-License-Identifier: EUPL-1.2
"""What every page of the achtervang planner shares. Visibility (`permissions.py`): an agreement
exists only for users of its two municipalities and administrators; anyone else gets a 404. Readers
read, editors of either side and administrators edit."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from .. import permissions
from ..models import Agreement

NAV = "achtervang"


def visible_agreement(request, pk) -> Agreement:
    agreement = get_object_or_404(
        Agreement.objects.select_related("party_a", "party_b", "cooperation"), pk=pk
    )
    if not permissions.can_view(request.user, agreement):
        raise Http404(_("Deze achtervangafspraak bestaat niet of u mag hem niet zien."))
    return agreement


def editable_agreement(request, pk) -> Agreement:
    agreement = visible_agreement(request, pk)
    if not permissions.can_edit(request.user, agreement):
        raise PermissionDenied(_("Alleen redacteuren van beide gemeenten mogen deze afspraak wijzigen."))
    return agreement


def base_context(agreement, request, tab):
    return {
        "nav": NAV,
        "agreement": agreement,
        "tab": tab,
        "may_edit": permissions.can_edit(request.user, agreement),
    }
