# SPDX-License-Identifier: EUPL-1.2
import re

import pytest

from tests.factories import RHENEN, VEENENDAAL

pytestmark = pytest.mark.django_db


def _names(response):
    return re.findall(r'class="partner-name" href="[^"]+">([^<]+)<', response.content.decode())


def test_it_shows_the_form_without_a_municipality(anonymous_client):
    response = anonymous_client.get("/partners")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'type="range"' in html and 'name="gewichtGrens"' in html
    assert 'aria-current="page"' in html and "partner-list" not in html


def test_it_ranks_the_partners_of_rhenen_with_reasons_map_and_compare_links(anonymous_client):
    response = anonymous_client.get("/partners", {"gemeente": RHENEN})
    html = response.content.decode()
    names = _names(response)
    assert len(names) == 10
    assert "Veenendaal" in names[:3]
    assert "Rhenen" not in names
    assert "grenst aan Rhenen" in html
    assert "<svg" in html and "score als partner" in html
    assert f"/partners/vergelijk?a={RHENEN}&amp;b={VEENENDAAL}" in html
    assert "Meer tonen" in html


def test_it_changes_the_order_when_a_weight_changes(anonymous_client):
    default = _names(anonymous_client.get("/partners", {"gemeente": RHENEN}))
    only_size = {f: 0 for f in ("gewichtGrens", "gewichtAfstand", "gewichtRegios", "gewichtSamenwerking")}
    changed = _names(
        anonymous_client.get("/partners", {"gemeente": RHENEN, "gewichtOmvang": 100, **only_size})
    )
    assert default != changed


def test_it_applies_filters_and_shows_more(anonymous_client):
    response = anonymous_client.get(
        "/partners", {"gemeente": RHENEN, "maxAfstandKm": 15, "regio": "arbeidsmarktregio", "toon": 20}
    )
    names = _names(response)
    assert names and len(names) < 20
    assert "Utrechtse Heuvelrug" not in names  # other labour-market region
    assert "Meer tonen" not in response.content.decode()


def test_it_reports_bad_parameters_in_the_page(anonymous_client):
    response = anonymous_client.get("/partners", {"gemeente": "GM9999", "gewichtGrens": 500})
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
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
    assert "Score per criterium" in html


def test_it_answers_404_for_an_unknown_comparison(anonymous_client):
    assert anonymous_client.get("/partners/vergelijk", {"a": RHENEN, "b": "GM9999"}).status_code == 404
    assert anonymous_client.get("/partners/vergelijk").status_code == 404
