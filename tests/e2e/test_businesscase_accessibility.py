# SPDX-License-Identifier: EUPL-1.2
"""axe-core on every business-case page (result with its charts, each step, comparison, report),
on the demo scenarios: no serious or critical WCAG 2.1 A/AA violation."""

from goedebuur.accounts.services import DEMO_PASSWORD
from goedebuur.businesscases.models import BusinessCase

from .test_accessibility import load_demo, violations


def test_no_business_case_page_has_a_serious_or_critical_accessibility_violation(page):
    load_demo()
    light, heavy = (BusinessCase.objects.get(scenario=s, is_demo=True).pk for s in ("licht", "zwaar"))
    page.goto(page.base_url + "/inloggen")
    page.get_by_label("Gebruikersnaam").fill("redacteur.veenendaal")
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    steps = ("partners", "scope", "basislijn", "besparingen", "verborgen-kosten", "verdeling")
    paths = [
        f"/businesscases/{heavy}",
        f"/businesscases/{heavy}/rapport",
        f"/businesscases/vergelijk?ids={light},{heavy}",
        *(f"/businesscases/{heavy}/stap/{step}" for step in steps),
    ]
    found = [v for path in paths for v in violations(page, path)]
    assert not found, "\n".join(found)
