# SPDX-License-Identifier: EUPL-1.2
"""The achtervang block on the personal dashboard (/mijn-overzicht): overdue tests and open
follow-up actions of every agreement of the user's municipality, so both municipalities of an
agreement see them. Administrators without a municipality get no block (they see everything in
/achtervang). Dates come from `django.utils.timezone`, so tests can freeze time."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from goedebuur.common import date as format_date
from goedebuur.pages.services import DashboardItem, Section

from . import testplan
from .models import Agreement


def sections(user) -> list[Section]:
    if not (user.is_authenticated and user.municipality_id):
        return []
    agreements = Agreement.objects.filter(
        Q(party_a_id=user.municipality_id) | Q(party_b_id=user.municipality_id)
    )
    if not agreements.exists():
        return []
    today = testplan.today()
    items = []
    for planned in testplan.overdue_tests(agreements, today):
        a = planned.agreement
        items.append(
            DashboardItem(
                text=_("%(kind)s achtervang %(a)s – %(b)s is te laat")
                % {"kind": planned.get_kind_display(), "a": a.party_a.name, "b": a.party_b.name},
                url=reverse("fallback:tests", args=[a.pk]),
                note=_("gepland op %(date)s") % {"date": format_date(planned.planned_date)},
                urgent=True,
            )
        )
    for action in testplan.open_actions(agreements):
        a = action.agreement
        late = action.due_date < today
        items.append(
            DashboardItem(
                text=_("Actie: %(text)s (achtervang %(a)s – %(b)s)")
                % {"text": action.description, "a": a.party_a.name, "b": a.party_b.name},
                url=reverse("fallback:tests", args=[a.pk]),
                note=_("%(owner)s, uiterlijk %(date)s")
                % {"owner": action.owner, "date": format_date(action.due_date)},
                urgent=late,
            )
        )
    items.sort(key=lambda item: not item.urgent)
    return [
        Section(
            title=_("Achtervang: tests en acties"),
            items=items,
            empty_text=_("Geen achterstallige tests of open acties voor uw achtervangafspraken."),
            more_url=reverse("fallback:list"),
            more_text=_("Naar mijn achtervangafspraken"),
            order=60,
        )
    ]
