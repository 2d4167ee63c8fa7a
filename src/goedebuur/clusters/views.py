# SPDX-License-Identifier: EUPL-1.2
from django.shortcuts import render

from goedebuur.common import add_to_form, limit_anonymous

from . import common_mode, pairs, services
from . import maps as cluster_maps
from .forms import ClusterForm, PairForm


@limit_anonymous
def clusters(request):
    """/clusters: propose contiguous groups of municipalities for an area."""
    form = ClusterForm(request.GET if request.GET else _defaults(ClusterForm))
    proposal = cluster_map = None
    if form.is_valid():
        try:
            proposal = services.propose_clusters(form.cluster_request())
            cluster_map = cluster_maps.cluster_map(proposal)
        except services.ClusterError as error:
            add_to_form(form, error, form.FIELDS)
    return render(
        request,
        "clusters/clusters.html",
        {
            "nav": "clusters",
            "form": form,
            "proposal": proposal,
            "map": cluster_map,
            "palette_size": len(services.GROUP_COLOURS),
        },
    )


@limit_anonymous
def fallback_pairs(request):
    """/achtervang-koppels: propose who is whose achtervang."""
    form = PairForm(request.GET if request.GET else _defaults(PairForm))
    proposal = pairs_map = None
    if form.is_valid():
        try:
            proposal = pairs.fallback_pairs(form.pair_request())
            pairs_map = cluster_maps.pairs_map(proposal)
        except services.ClusterError as error:
            add_to_form(form, error, form.FIELDS)
    warnings = common_mode.warnings_for(proposal, request.user)
    return render(
        request,
        "clusters/achtervang_koppels.html",
        {
            "nav": "clusters",
            "form": form,
            "proposal": proposal,
            "map": pairs_map,
            "rows": common_mode.rows(proposal, warnings),
            "warned": len(warnings),
            "landscapes_checked": common_mode.checks_suppliers(request.user),
        },
    )


def _defaults(form_class) -> dict:
    """The initial values as data: the page shows a proposal for the defaults right away."""
    form = form_class()
    return {name: field.initial for name, field in form.fields.items() if field.initial is not None}
