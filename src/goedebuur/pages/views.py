# SPDX-License-Identifier: EUPL-1.2
from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from goedebuur.common import cache_anonymous_page
from goedebuur.cooperations import services as cooperations
from goedebuur.gemma.services import NationalFacility, ReferenceComponent
from goedebuur.maps import services as maps
from goedebuur.municipalities.models import Municipality, RegionType

from .extensions import dashboard_sections
from .sources import SOURCES


@cache_anonymous_page(lambda request: maps.count_map_version())
def home(request):
    """/: the figures, the latest entries and the national map; anonymous visitors get the page whole
    from the shared cache (it shows only what the map's data version covers)."""
    live = cooperations.live_cooperations()
    context = {
        "municipality_count": Municipality.objects.count(),
        "cooperation_count": live.count(),
        "participating_count": cooperations.participating_municipality_count(),
        "recent": live.order_by("-updated_at")[:6],
        "national_map": maps.cached_count_map(),
    }
    return render(request, "pages/home.html", context)


def about_data(request):
    context = {
        "nav": "over",
        "sources": SOURCES,
        "region_types": RegionType.objects.all(),
        "municipality_count": Municipality.objects.count(),
        "component_count": ReferenceComponent.objects.count(),
        "facility_count": NationalFacility.objects.count(),
    }
    return render(request, "pages/about_data.html", context)


@login_required
def dashboard(request):
    """The personal dashboard: what each capability asks of the user's municipality (open actions,
    overdue tests, invitations), collected through `pages.extensions`."""
    context = {"nav": "overzicht", "sections": dashboard_sections(request.user)}
    return render(request, "pages/dashboard.html", context)
