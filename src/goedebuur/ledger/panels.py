# SPDX-License-Identifier: EUPL-1.2
"""Fragments on other pages (goedebuur.pages.extensions), each with the viewer's visibility:
- a cooperation's page links to its results, with the verdict for those who may see them;
- a business case's page shows the optimism-bias uplift the shared results suggest (with the number
  of cooperations it rests on) and the ledgers that measure against this case."""

from django.template.loader import render_to_string

from . import permissions, phrases, services


def cooperation_panels(request, cooperation) -> list[str]:
    user = getattr(request, "user", None)
    if getattr(cooperation, "pk", None) is None:
        return []
    ledger = services.ledger_of(cooperation)
    visible = ledger is not None and permissions.can_view(user, ledger)
    may_edit = permissions.can_edit(user, cooperation)
    if not visible and not may_edit:
        return []
    verdict = phrases.verdict(services.comparison(ledger).total) if visible else ""
    return [
        render_to_string(
            "ledger/_cooperation_panel.html",
            {
                "cooperation": cooperation,
                "ledger": ledger if visible else None,
                "verdict": verdict,
                "may_edit": may_edit,
            },
            request=request,
        )
    ]


def businesscase_panels(request, case) -> list[str]:
    user = getattr(request, "user", None)
    uplift = services.suggested_uplift(user)
    return [
        render_to_string(
            "ledger/_businesscase_panel.html",
            {
                "uplift": uplift,
                "sentence": phrases.uplift_sentence(uplift),
                "ledgers": services.cases_linked_to(case.pk, user),
            },
            request=request,
        )
    ]
