# SPDX-License-Identifier: EUPL-1.2
from django.shortcuts import render

from goedebuur.common import add_to_form, cache_anonymous_page, limit_anonymous
from goedebuur.partners.services import features_version

from . import caching, common_mode, services
from .forms import ClusterForm, PairForm


def _data_version(request) -> tuple:
    return features_version()


@limit_anonymous
@cache_anonymous_page(_data_version)
def clusters(request):
    """/clusters: propose contiguous groups of municipalities for an area."""
    form = ClusterForm(request.GET if request.GET else _defaults(ClusterForm))
    proposal = cluster_map = None
    if form.is_valid():
        try:
            proposal, cluster_map = caching.proposal_with_map(form.cluster_request())
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
@cache_anonymous_page(_data_version)
def fallback_pairs(request):
    """/achtervang-koppels: propose who is whose achtervang."""
    form = PairForm(request.GET if request.GET else _defaults(PairForm))
    proposal = pairs_map = None
    if form.is_valid():
        try:
            proposal, pairs_map = caching.fallback_pairs_with_map(form.pair_request())
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
