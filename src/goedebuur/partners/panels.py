# SPDX-License-Identifier: EUPL-1.2
"""The partner finder's block on a municipality's page (extension point `panels`, see
`goedebuur.pages.extensions`): the five best fitting partners with the default weights, on
reference data and the register; public, like the finder itself."""

from django.template.loader import render_to_string

from . import services


def municipality_panels(request, municipality) -> list[str]:
    context = {
        "municipality": municipality,
        "top_partners": services.find_partners(municipality.code, top=5).candidates,
    }
    return [render_to_string("partners/_municipality_panel.html", context, request=request)]
