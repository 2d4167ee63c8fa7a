# SPDX-License-Identifier: EUPL-1.2
"""Country view (/achtervang/kaart): which municipalities have an achtervang agreement, with whom,
and whether its tests are current; suggested partners for those without one, from the fallback
pairing of the cluster optimiser (`goedebuur.clusters.services.fallback_pairs`, the same as /achtervang-koppels).

Visibility (see permissions.py): anonymous visitors get the bare map and a login prompt; logged-in
municipal users and administrators see the parties and "tests current yes/no" only."""

from dataclasses import dataclass

from django.shortcuts import render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from goedebuur.clusters.services import ClusterError, PairRequest
from goedebuur.clusters.services import fallback_pairs as pairing
from goedebuur.core.geo import padded_box, union_box
from goedebuur.core.maps.colour import CONTEXT, HIGHLIGHT, SEQUENTIAL
from goedebuur.maps.services import Area, geometry, named_map
from goedebuur.municipalities.models import Municipality

from .. import permissions, testplan
from ..models import Agreement
from .base import NAV

NONE, CURRENT, NOT_CURRENT = SEQUENTIAL[0], SEQUENTIAL[3], HIGHLIGHT


@dataclass
class Row:
    code: str
    name: str
    partners: list[str]
    current: bool | None  # None: no agreement
    suggestion: list[str]


def _suggestions() -> dict[str, list[str]]:
    """Code -> names of the proposed partners in the default distance band (empty when none)."""
    try:
        proposal = pairing(PairRequest())
    except ClusterError:
        return {}
    result = {}
    for group in proposal.groups:
        for member in group.members:
            result[member.code] = [m.name for m in group.members if m.code != member.code]
    return result


def country_map(request):
    show = permissions.can_view_country_status(request.user)
    places = list(Municipality.objects.order_by("name").values_list("code", "name"))
    paths, boxes = geometry()
    partners: dict[str, list[tuple[str, bool]]] = {}
    if show:
        agreements = list(Agreement.objects.select_related("party_a", "party_b"))
        current = testplan.current_by_agreement(agreements)
        for a in agreements:
            partners.setdefault(a.party_a.code, []).append((a.party_b.name, current[a.pk]))
            partners.setdefault(a.party_b.code, []).append((a.party_a.name, current[a.pk]))
    suggestions = _suggestions() if show else {}
    rows, areas = [], []
    for code, name in places:
        mine = partners.get(code, [])
        state = None if not mine else all(ok for _name, ok in mine)
        row = Row(code, name, [n for n, _ok in mine], state, suggestions.get(code, []) if not mine else [])
        rows.append(row)
        if code not in paths:
            continue
        if not show:
            fill, title = CONTEXT, name
        elif state is None:
            fill, title = NONE, _("%(name)s: geen achtervangafspraak") % {"name": name}
        else:
            fill = CURRENT if state else NOT_CURRENT
            verdict = _("tests actueel") if state else _("tests niet actueel")
            title = _("%(name)s: achtervang met %(partners)s, %(verdict)s") % {
                "name": name,
                "partners": ", ".join(row.partners),
                "verdict": verdict,
            }
        areas.append(Area(code, name, paths[code], fill=fill, title=title, href=""))
    label = _("Kaart: achtervangafspraken van gemeenten")
    national = _national_box(boxes)
    svg = mark_safe(named_map(areas, national, label=label))
    with_agreement = [r for r in rows if r.current is not None]
    without = [r for r in rows if r.current is None]
    own = next(
        (
            r
            for r in rows
            if request.user.is_authenticated and r.code == getattr(request.user.municipality, "code", None)
        ),
        None,
    )
    context = {
        "nav": NAV,
        "show": show,
        "svg": svg,
        "label": label,
        "legend": [
            (_("achtervang, tests actueel"), CURRENT),
            (_("achtervang, tests niet actueel"), NOT_CURRENT),
            (_("geen achtervangafspraak"), NONE),
        ],
        "with_agreement": with_agreement,
        "without": without,
        "own": own,
        "pairs_url": reverse("clusters:pairs"),
    }
    return render(request, "fallback/map.html", context)


def _national_box(boxes):
    return padded_box(union_box(boxes.values()), padding=0.01) if boxes else (0, 0, 100, 100)
