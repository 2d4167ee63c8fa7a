# SPDX-License-Identifier: EUPL-1.2
"""The partner finder (/partners), the side-by-side comparison and the user's shortlists."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from goedebuur.common import add_to_form, cache_anonymous_page
from goedebuur.cooperations import services as cooperations
from goedebuur.core.partners.scoring import CRITERIA, DETOUR_FACTOR
from goedebuur.municipalities.models import Municipality

from . import services
from .forms import TOP_MAX, FinderForm, ShortlistForm
from .params import WEIGHT_PARAMS
from .reasons import REGION_LABELS


def _compare_url(a: str, b: str, query_params: dict) -> str:
    return reverse("partners:compare") + "?" + urlencode({"a": a, "b": b, **query_params})


@cache_anonymous_page(lambda request: services.features_version())
def finder(request):
    data = request.GET.copy()
    own = services.own_municipality(request.user)
    if own and not data.get("gemeente"):
        data["gemeente"] = own  # logged in: the own municipality is preselected and ranked at once
    form = FinderForm(data if data else None)
    context = {"nav": "partners", "form": form, "detour": DETOUR_FACTOR, "own": own}
    if form.is_bound and form.is_valid() and form.cleaned_data.get("gemeente"):
        code = form.cleaned_data["gemeente"]
        query = form.query()
        top = form.top()
        try:
            ranking = services.rank_for(request.user, code, query, top=top)
        except ValidationError as error:
            add_to_form(form, error)
            ranking = None
        if ranking is not None:
            link_params = {**query.weight_params(), **query.filter_params()}
            more = data.copy()
            more["toon"] = min(top + 10, TOP_MAX)
            context.update(
                {
                    "ranking": ranking,
                    "rows": [
                        {"candidate": c, "compare_url": _compare_url(code, c.code, link_params)}
                        for c in ranking.candidates
                    ],
                    "more_url": "?" + more.urlencode() if top < ranking.considered else "",
                    "score_map": services.score_map(ranking),
                    "querystring": data.urlencode(),
                    "shortlist_form": ShortlistForm() if request.user.is_authenticated else None,
                    "domain": next((d for d in cooperations.domains() if d.slug == query.domain), None),
                    "hidden": [services.label(k) for k in CRITERIA if k in ranking.hidden],
                    "top": top,
                }
            )
    context["weights"] = (
        form.weight_fields()
        if form.is_bound and form.is_valid()
        else [(form[param], form.fields[param].initial, key) for key, param in WEIGHT_PARAMS.items()]
    )
    return render(request, "partners/finder.html", context)


def compare(request):
    codes = [request.GET.get("a", "").upper(), request.GET.get("b", "").upper()]
    found = {m.code: m for m in Municipality.objects.select_related("province").filter(code__in=codes)}
    if len(codes) != 2 or any(c not in found for c in codes):
        raise Http404(_("Kies twee bestaande gemeenten."))
    a, b = found[codes[0]], found[codes[1]]
    params = request.GET.copy()
    params["gemeente"] = a.code
    form = FinderForm(params)
    query = form.query() if form.is_valid() else None
    weights = query.weights if query else None
    candidate, _ranking = services.pair(request.user, a.code, b.code, weights)
    regions = {}
    for municipality in (a, b):
        for region in municipality.regions.select_related("region_type"):
            regions.setdefault(region.region_type.code, {})[municipality.code] = region
    region_rows = [
        {"label": label, "a": regions.get(code, {}).get(a.code), "b": regions.get(code, {}).get(b.code)}
        for code, label in REGION_LABELS.items()
    ]
    for row in region_rows:
        row["same"] = bool(row["a"] and row["b"] and row["a"].pk == row["b"].pk)
    context = {
        "nav": "partners",
        "a": a,
        "b": b,
        "candidate": candidate,
        "region_rows": region_rows,
        "cooperations_a": cooperations.cooperations_of(a),
        "cooperations_b": cooperations.cooperations_of(b),
        "shared_cooperations": [
            c
            for c in cooperations.cooperations_of(a)
            if any(m.municipality_id == b.pk for m in c.memberships.all())
        ],
        "back_url": reverse("partners:finder")
        + "?"
        + urlencode({"gemeente": a.code, **(query.weight_params() if query else {})}),
        "swap_url": reverse("partners:compare") + "?" + urlencode({"a": b.code, "b": a.code}),
    }
    return render(request, "partners/compare.html", context)


@login_required
def shortlists(request):
    return render(
        request,
        "partners/shortlists.html",
        {"nav": "partners", "shortlists": services.shortlists_of(request.user)},
    )


@require_POST
@login_required
def shortlist_save(request):
    form = ShortlistForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("De shortlist is niet opgeslagen: geef een naam."))
        return redirect(reverse("partners:finder") + "?" + request.POST.get("zoekopdracht", ""))
    data = form.cleaned_data
    try:
        shortlist = services.save_shortlist(
            request.user, data["naam"], data["gemeente"], data["leden"], data.get("zoekopdracht", "")
        )
    except Municipality.DoesNotExist:
        raise Http404(_("Onbekende gemeente.")) from None
    messages.success(
        request,
        _("Shortlist ‘%(name)s’ opgeslagen met %(count)s gemeenten.")
        % {"name": shortlist.name, "count": shortlist.members.count()},
    )
    return redirect("partners:shortlists")


@require_POST
@login_required
def shortlist_delete(request, pk):
    if not services.delete_shortlist(request.user, pk):
        raise Http404(_("Deze shortlist bestaat niet."))
    messages.success(request, _("De shortlist is verwijderd."))
    return redirect("partners:shortlists")
