# SPDX-License-Identifier: EUPL-1.2
"""The /clusters and /achtervang-koppels pages."""


def test_it_shows_a_proposal_for_the_defaults(anonymous_client):
    response = anonymous_client.get("/clusters")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html and "Groepen met hun scores" in html
    assert "Westerscheldetunnel" in html


def test_it_shows_a_province_with_a_comparison(anonymous_client):
    response = anonymous_client.get("/clusters?gebied=PV29&min=2&max=5&vergelijk=corop&fit=50")
    html = response.content.decode()
    assert "Vergelijking met de indeling" in html
    assert "Hulst" in html


def test_it_explains_infeasible_bounds_in_dutch(anonymous_client):
    response = anonymous_client.get("/clusters?gebied=PV29&min=5&max=6")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Geen voorstel mogelijk" in html
    assert "niet in groepen te verdelen" in html


def test_it_rejects_a_maximum_below_the_minimum(anonymous_client):
    html = anonymous_client.get("/clusters?gebied=PV26&min=4&max=2").content.decode()
    assert "kleiner dan het minimum" in html


def test_it_shows_fallback_pairs_with_lines_on_the_map(anonymous_client):
    response = anonymous_client.get("/achtervang-koppels?min_km=5&max_km=40&gebied=PV26")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<g class="pairs"' in html and "<line" in html
    assert "Voorgestelde koppels" in html


def test_it_explains_a_wrong_distance_band(anonymous_client):
    html = anonymous_client.get("/achtervang-koppels?min_km=50&max_km=10").content.decode()
    assert "De maximale afstand is kleiner dan de minimale." in html
