# SPDX-License-Identifier: EUPL-1.2
"""On the personal dashboard (/mijn-overzicht): invitations to join a cooperation and proposed member
changes that wait for the answer of the user's municipality. The buttons are on the cooperation page."""

from django.urls import reverse
from django.utils.translation import gettext as _

from goedebuur.pages.services import DashboardItem, Section

from . import services
from .models import MemberChange
from .views_consent import ANCHOR

LIMIT = 20


def sections(user) -> list[Section]:
    if not (user.is_authenticated and user.is_editor):
        return []
    municipality = user.municipality
    items = []
    for change in services.member_changes_waiting_for(municipality)[:LIMIT]:
        cooperation = change.cooperation
        url = f"{cooperation.get_absolute_url()}#{ANCHOR}"
        proposer = change.proposed_for.name if change.proposed_for else _("een beheerder")
        if change.kind == MemberChange.Kind.JOIN and change.municipality_id == municipality.pk:
            text = _("Uitnodiging: %(name)s") % {"name": cooperation.name}
            note = _("van %(proposer)s; neem haar aan of wijs haar af") % {"proposer": proposer}
        elif change.kind == MemberChange.Kind.JOIN:
            text = _("%(name)s: %(municipality)s toevoegen?") % {
                "name": cooperation.name,
                "municipality": change.municipality.name,
            }
            note = _("voorgesteld door %(proposer)s; stem in of wijs af") % {"proposer": proposer}
        else:
            text = _("%(name)s: %(municipality)s verwijderen?") % {
                "name": cooperation.name,
                "municipality": change.municipality.name,
            }
            note = _("voorgesteld door %(proposer)s; stem in of wijs af") % {"proposer": proposer}
        items.append(DashboardItem(text=text, url=url, note=note, urgent=True))
    if not items:
        return []
    return [
        Section(
            title=_("Samenwerkingen: uw instemming gevraagd"),
            items=items,
            more_url=reverse("cooperations:list"),
            more_text=_("Alle samenwerkingen"),
            order=10,
        )
    ]
