# SPDX-License-Identifier: EUPL-1.2
import re

import pytest

from tests.factories import RHENEN, VEENENDAAL

pytestmark = pytest.mark.django_db

ZERO = {
    p: 0
    for p in (
        "gewichtRegelingen",
        "gewichtRegios",
        "gewichtAfstand",
        "gewichtGrens",
        "gewichtOmvang",
        "gewichtRaad",
        "gewichtLeveranciers",
        "gewichtContracten",
        "gewichtAmbities",
    )
}


def _names(response):
    return re.findall(
        r'class="partner-name" data-field="name" href="[^"]+">([^<]+)<', response.content.decode()
    )


def test_it_shows_the_form_without_a_municipality(anonymous_client):
    response = anonymous_client.get("/partners")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'type="range"' in html and 'name="gewichtRegelingen"' in html and 'name="gewichtRaad"' in html
    assert 'aria-current="page"' in html and not _names(response)
    assert "Kies een gemeente" in html


def test_it_ranks_the_partners_of_rhenen_with_reasons_map_and_compare_links(anonymous_client):
    response = anonymous_client.get("/partners", {"gemeente": RHENEN})
    html = response.content.decode()
    names = _names(response)
    assert len(names) == 10
    assert "Veenendaal" in names[:3]
    assert "Rhenen" not in names
    assert "grenst aan Rhenen" in html
    assert '<ul class="partner-why" data-field="why"><li>' in html  # the strongest reasons under each name
    assert "<svg" in html and "score als partner" in html
    assert f"/partners/vergelijk?a={RHENEN}&amp;b={VEENENDAAL}" in html
    assert "Meer tonen" in html
    assert '<template id="partner-row">' in html and "/api/v1/partners/CODE" in html


def test_it_says_which_criteria_an_anonymous_visitor_does_not_get(anonymous_client):
    html = anonymous_client.get("/partners", {"gemeente": RHENEN}).content.decode()
    assert "Niet meegeteld omdat u niet bent ingelogd" in html
    assert "Applicatielandschappen zijn alleen zichtbaar" in html


def test_it_preselects_and_ranks_the_own_municipality_of_a_logged_in_user(editor_a_client):
    response = editor_a_client.get("/partners")
    html = response.content.decode()
    assert f'<option value="{VEENENDAAL}" selected>' in html
    assert "Beste partners voor Veenendaal" in html and "Uw eigen gemeente" in html
    assert len(_names(response)) == 10
    other = editor_a_client.get("/partners", {"gemeente": RHENEN}).content.decode()
    assert "Beste partners voor Rhenen" in other


def test_the_municipality_is_a_picker_over_a_plain_select_that_works_without_javascript(anonymous_client):
    # the script turns the select into the searchable picker; without it the select and the button
    # send the same ?gemeente=CODE as before, and the page ranks that municipality
    response = anonymous_client.get("/partners", {"gemeente": RHENEN})
    html = response.content.decode()
    select = re.search(r'<select name="gemeente"[^>]*>', html).group(0)
    assert 'data-picker="municipalities"' in select and 'id="id_gemeente"' in select
    assert 'data-suggest-url="/gemeenten/suggesties"' in select
    assert f'<option value="{RHENEN}" selected>Rhenen</option>' in html
    assert html.count("<option") > 342  # every municipality, plus the domains and filters
    assert '<button type="submit" class="primary">Zoek partners</button>' in html
    assert "Beste partners voor Rhenen" in html and "Veenendaal" in _names(response)[:3]


def test_it_changes_the_order_when_a_weight_changes(anonymous_client):
    default = _names(anonymous_client.get("/partners", {"gemeente": RHENEN}))
    changed = _names(anonymous_client.get("/partners", {"gemeente": RHENEN, "gewichtOmvang": 100, **ZERO}))
    assert default != changed


def test_it_applies_filters_and_shows_more(anonymous_client):
    response = anonymous_client.get(
        "/partners", {"gemeente": RHENEN, "maxAfstandKm": 15, "regio": "arbeidsmarktregio", "toon": 20}
    )
    names = _names(response)
    assert names and len(names) < 20
    assert "Utrechtse Heuvelrug" not in names  # other labour-market region
    assert "Meer tonen" not in response.content.decode()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"gemeente": "GM9999"}, "Selecteer een geldige keuze"),
        ({"gemeente": RHENEN, "gewichtGrens": 500}, "100"),
        ({"gemeente": RHENEN, "maxAfstandKm": 1}, "Geen enkele gemeente voldoet aan de filters"),
        ({"gemeente": RHENEN, **ZERO, "gewichtLandschap": 100}, "Er is geen rangorde te maken"),
        ({"gemeente": RHENEN, **ZERO, "gewichtLandschap": 0}, "Alle gewichten staan op 0"),
    ],
)
def test_it_explains_bad_input_in_the_page_instead_of_ranking(anonymous_client, params, message):
    response = anonymous_client.get("/partners", params)
    assert response.status_code == 200
    html = response.content.decode()
    summary = re.search(
        r'<div id="partner-errors" class="error-summary" role="alert">(.*?)</div>', html, re.S
    )
    assert summary and message in summary.group(1)
    assert not _names(response)


def test_it_links_from_the_municipality_page(anonymous_client):
    html = anonymous_client.get(f"/gemeenten/{RHENEN}").content.decode()
    assert f"/partners?gemeente={RHENEN}" in html
    assert "Vind partners voor Rhenen" in html


def test_it_compares_two_municipalities_side_by_side(anonymous_client):
    response = anonymous_client.get("/partners/vergelijk", {"a": RHENEN, "b": VEENENDAAL})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Rhenen en Veenendaal naast elkaar" in html
    assert "FoodValley" in html and "zelfde" in html
    assert "Score per criterium" in html and "Gedeelde regelingen" in html


def test_it_answers_404_for_an_unknown_comparison(anonymous_client):
    assert anonymous_client.get("/partners/vergelijk", {"a": RHENEN, "b": "GM9999"}).status_code == 404
    assert anonymous_client.get("/partners/vergelijk").status_code == 404
