# SPDX-License-Identifier: EUPL-1.2
"""The business-case block of the personal dashboard: the draft cases of the user's municipality
(with what is still open) and the cases other municipalities share with it."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from goedebuur.pages.services import DashboardItem, Section

from . import permissions
from .models import BusinessCase

LIMIT = 10


def sections(user) -> list[Section]:
    if not (user.is_authenticated and user.municipality_id):
        return []
    cases = permissions.visible_cases(user).select_related("owner").order_by("-updated_at", "-pk")[:LIMIT]
    items = []
    for case in cases:
        own = case.owner_id == user.municipality_id
        title = f"{case.name} ({case.scenario})" if case.scenario else case.name
        if case.status == BusinessCase.Status.DRAFT:
            open_costs = sum(1 for row in case.hidden_costs if not row.get("confirmed"))
            note = ngettext(
                "concept: %(n)s verborgen kostenpost nog niet bevestigd",
                "concept: %(n)s verborgen kostenposten nog niet bevestigd",
                open_costs,
            ) % {"n": open_costs}
            items.append(
                DashboardItem(
                    text=title, url=case.get_absolute_url(), note=note, urgent=own and user.is_editor
                )
            )
        else:
            note = _("compleet") if own else _("gedeeld door %(owner)s") % {"owner": case.owner.name}
            items.append(DashboardItem(text=title, url=case.get_absolute_url(), note=note))
    items.sort(key=lambda item: not item.urgent)
    return [
        Section(
            title=_("Businesscases"),
            items=items,
            empty_text=_("Geen businesscases van of met uw gemeente."),
            more_url=reverse("businesscases:list"),
            more_text=_("Alle businesscases"),
            order=60,
        )
    ]
