# SPDX-License-Identifier: EUPL-1.2
"""Accessibility: axe-core (4.14.1 from the npm registry, vendored with its MPL-2.0 licence in
tests/e2e/vendor) runs in the browser on every main page, anonymous and logged in, on the demo data:
no serious or critical violation is allowed. WCAG 2.1 A and AA rules."""

from pathlib import Path

from goedebuur.accounts.services import DEMO_PASSWORD

from ..demo_data import load_all_demo

load_demo = load_all_demo  # other journeys import it from here

AXE = Path(__file__).parent / "vendor" / "axe-core-4.14.1" / "axe.min.js"
AXE_SOURCE = AXE.read_text(encoding="utf-8") + "\n;true"

PUBLIC_PAGES = [
    "/",
    "/gemeenten",
    "/gemeenten/GM0345",
    "/gemeenten/GM0345/netwerk",
    "/samenwerkingen",
    "/samenwerkingen/ict-samenwerking-rhenen-veenendaal",
    "/samenwerkingen/ict-samenwerking-rhenen-veenendaal/geschiedenis",
    "/matrix",
    "/kaart",
    "/partners?gemeente=GM0340",
    "/clusters",
    "/achtervang-koppels",
    "/over-de-gegevens",
    "/inloggen",
    "/ervaringen",
    "/vragen",
    "/zoeken?q=migratie",
]
EDITOR_PAGES = [
    "/mijn-overzicht",
    "/gemeenten/GM0345/profiel",
    "/gemeenten/GM0345/profiel/bewerken",
    "/gemeenten/GM0345/landschap",
    "/gemeenten/GM0345/landschap/import",
    "/inkoopkansen",
    "/businesscases",
    "/businesscases/nieuw",
    "/trajecten",
    "/trajecten/nieuw",
    "/achtervang",
    "/achtervang/kaart",
    "/ervaringen/nieuw",
    "/vragen/nieuw",
    "/mijn-account/api-tokens",
    "/mijn-account/tweestapsverificatie",
    "/samenwerkingen/nieuw",
    "/samenwerkingen/ict-samenwerking-rhenen-veenendaal/bewerken",
]


def violations(page, path):
    response = page.goto(page.base_url + path)
    assert response.status == 200, f"{path}: HTTP {response.status}"
    return violations_here(page, path)


def violations_here(page, path):
    """The serious and critical findings of axe-core on the page as it is now (after a post, with a
    list open), labelled with `path`."""
    page.evaluate(AXE_SOURCE)  # through the DevTools protocol: the page's CSP forbids injected script tags
    result = page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    return [
        f"{path}: {v['impact']} {v['id']} ({v['help']}) at {', '.join(n['target'][0] for n in v['nodes'][:3])}"
        for v in result["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def test_no_main_page_has_a_serious_or_critical_accessibility_violation(page):
    load_all_demo()
    found = [v for path in PUBLIC_PAGES for v in violations(page, path)]
    page.goto(page.base_url + "/inloggen")
    page.get_by_label("Gebruikersnaam").fill("redacteur.veenendaal")
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    found += [v for path in EDITOR_PAGES for v in violations(page, path)]
    assert not found, "\n".join(found)
