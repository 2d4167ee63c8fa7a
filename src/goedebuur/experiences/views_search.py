# SPDX-License-Identifier: EUPL-1.2
"""The search page (/zoeken) across lessons, questions and answers, and following domains, tags
and cooperations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from goedebuur.cooperations.models import Cooperation, IctDomain
from goedebuur.municipalities import services as municipalities
from goedebuur.municipalities.models import Municipality

from . import permissions, search, services
from .models import Follow, Tag
from .views_common import facet_groups, filters_from, querystring_without_page
from .views_lessons import with_follow_state


def search_page(request):
    query = request.GET.get("q", "").strip()
    results = search.search(request.user, query, filters_from(request), request.GET.get("page"))
    context = {
        "nav": "ervaringen",
        "query": query,
        "results": results,
        "page_obj": results.page,
        "facets": facet_groups(request, results),
        "querystring_without_page": querystring_without_page(request),
        "any_filter": any(v for k, v in request.GET.items() if k != "page"),
        "municipalities": _municipalities(query),
    }
    return render(request, "experiences/search.html", context)


MUNICIPALITIES_SHOWN = 5


def _municipalities(query):
    """The municipalities the query names (also by a common, former or region name: 'Den Haag',
    'FoodValley'), shown above the hits with a link to their pages."""
    matches = municipalities.find_municipalities(query)[:MUNICIPALITIES_SHOWN] if query else []
    found = Municipality.objects.in_bulk([m.code for m in matches], field_name="code")
    return [(found[m.code], m) for m in matches if m.code in found]


TARGETS = {
    Follow.Kind.DOMAIN: lambda value: {"domain": IctDomain.objects.filter(slug=value).first()},
    Follow.Kind.TAG: lambda value: {"tag": Tag.objects.filter(slug=value).first()},
    Follow.Kind.COOPERATION: lambda value: {
        "cooperation": Cooperation.objects.filter(slug=value, deleted_at__isnull=True).first()
    },
}


@require_POST
@login_required
def follow_toggle(request):
    if not permissions.can_follow(request.user):
        raise PermissionDenied
    kind = request.POST.get("soort", "")
    if kind not in TARGETS:
        raise Http404
    target = TARGETS[kind](request.POST.get("waarde", ""))
    if None in target.values():
        raise Http404
    if services.is_following(request.user, **target):
        services.unfollow(request.user, **target)
        messages.success(request, _("U volgt %(name)s niet meer.") % {"name": next(iter(target.values()))})
    else:
        services.follow(request.user, **target)
        messages.success(request, _("U volgt nu %(name)s.") % {"name": next(iter(target.values()))})
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "experiences:follows"
    return redirect(next_url)


@login_required
def follows(request):
    context = {
        "nav": "ervaringen",
        "follows": request.user.experience_follows.select_related("domain", "tag", "cooperation"),
        "domains": with_follow_state(request.user, IctDomain.objects.all()),
    }
    return render(request, "experiences/follows.html", context)
