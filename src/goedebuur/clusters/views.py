# SPDX-License-Identifier: EUPL-1.2
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

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
    section = ""
    if form.is_valid():

        def render_section(proposal, cluster_map):
            context = {"proposal": proposal, "map": cluster_map, "palette_size": len(services.GROUP_COLOURS)}
            return mark_safe(render_to_string("clusters/_proposal.html", context))  # noqa: S308 - our template

        try:
            section = caching.proposal_section(form.cluster_request(), render_section)
        except services.ClusterError as error:
            add_to_form(form, error, form.FIELDS)
    return render(request, "clusters/clusters.html", {"nav": "clusters", "form": form, "section": section})


@limit_anonymous
@cache_anonymous_page(_data_version)
def fallback_pairs(request):
    """/achtervang-koppels: propose who is whose achtervang."""
    form = PairForm(request.GET if request.GET else _defaults(PairForm))
    section = ""
    if form.is_valid():
        landscapes_visible = common_mode.checks_suppliers(request.user)

        def render_section(proposal, pairs_map):
            warnings = common_mode.warnings_for(proposal, request.user)
            context = {
                "proposal": proposal,
                "map": pairs_map,
                "rows": common_mode.rows(proposal, warnings),
                "warned": len(warnings),
                "landscapes_checked": landscapes_visible,
            }
            return mark_safe(render_to_string("clusters/_pairs.html", context))  # noqa: S308 - our template

        try:
            section = caching.pairs_section(form.pair_request(), landscapes_visible, render_section)
        except services.ClusterError as error:
            add_to_form(form, error, form.FIELDS)
    return render(
        request, "clusters/achtervang_koppels.html", {"nav": "clusters", "form": form, "section": section}
    )


def _defaults(form_class) -> dict:
    """The initial values as data: the page shows a proposal for the defaults right away (from the
    class's fields: no form, and no choices read, just for its initial values)."""
    return {
        name: field.initial for name, field in form_class.base_fields.items() if field.initial is not None
    }
