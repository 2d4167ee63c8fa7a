# SPDX-License-Identifier: EUPL-1.2
"""The business cases a municipality takes part in, on its page - only those the viewer may see
(its own municipality's and shared ones; all for administrators). Nothing for anyone else."""

from django.template.loader import render_to_string

from . import permissions

LIMIT = 8


def municipality_panels(request, municipality) -> list[str]:
    cases = (
        permissions.visible_cases(request.user)
        .filter(partners=municipality)
        .select_related("owner")
        .order_by("-updated_at", "-pk")
    )
    shown = list(cases[: LIMIT + 1])
    if not shown:
        return []
    return [
        render_to_string(
            "businesscases/panel.html",
            {"cases": shown[:LIMIT], "more": len(shown) > LIMIT, "municipality": municipality},
            request=request,
        )
    ]
