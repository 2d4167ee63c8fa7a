# SPDX-License-Identifier: EUPL-1.2
"""The achtervang block on a municipality's page, with the visibility of the country view: users of
that municipality and administrators get links to its agreements; other logged-in municipal users
only see with whom it has one and whether the tests are current; anonymous visitors nothing."""

from django.db.models import Q
from django.template.loader import render_to_string

from . import permissions, testplan
from .models import Agreement


def municipality_panels(request, municipality) -> list[str]:
    user = getattr(request, "user", None)
    if not permissions.can_view_country_status(user):
        return []
    agreements = list(
        Agreement.objects.filter(Q(party_a=municipality) | Q(party_b=municipality)).select_related(
            "party_a", "party_b"
        )
    )
    current = testplan.current_by_agreement(agreements)
    rows = [
        {
            "partner": a.other(municipality),
            "current": current[a.pk],
            "url": a.get_absolute_url() if permissions.can_view(user, a) else "",
        }
        for a in agreements
    ]
    own = user.is_platform_admin or user.municipality_id == municipality.pk
    context = {"municipality": municipality, "rows": rows, "own": own}
    return [render_to_string("fallback/_panel.html", context, request=request)]
