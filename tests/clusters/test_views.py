# SPDX-License-Identifier: EUPL-1.2
"""The /clusters and /achtervang-koppels pages."""

import re


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


def test_every_group_of_a_province_has_its_own_colour_a_legend_name_and_names_on_the_map(anonymous_client):
    html = anonymous_client.get("/clusters?gebied=PV26&min=2&max=8&fit=50").content.decode()
    legend = html[html.index('aria-label="Legenda: groepen"') :]
    legend = legend[: legend.index("</ul>")]
    colours = re.findall(r'background:(#[0-9a-f]{6})"></span>groep (\d+): ([^<]+)</li>', legend)
    assert len(colours) >= 3
    assert len({c for c, _n, _t in colours}) == len(colours)  # issue 20: five groups had three colours
    leads = {text.split(" en nog")[0] for _c, _n, text in colours}
    names = set(re.findall(r"<text [^>]*>([^<]+)</text>", html))
    assert "Utrecht" in leads and leads <= names  # the legend names each group by a name on the map


def test_the_national_proposal_numbers_its_groups_on_the_map_and_keeps_bordering_colours_apart(
    anonymous_client,
):
    html = anonymous_client.get("/clusters").content.decode()
    labels = re.findall(r"<text [^>]*>([^<]+)</text>", html)
    groups = len(re.findall(r'<span class="swatch" [^>]*></span>groep \d+', html))
    assert groups > 10 and all(label.isdigit() for label in labels) and len(labels) >= groups // 2
    assert "Aangrenzende groepen hebben verschillende kleuren" in html


def test_the_pairs_say_what_their_distance_measures_and_explain_fit(anonymous_client):
    html = anonymous_client.get("/achtervang-koppels?min_km=5&max_km=40&gebied=PV26").content.decode()
    assert "Afstand hemelsbreed tussen de middelpunten van de gemeenten: 5 tot 40 km." in html
    assert "gemeentehuizen:" not in html and "binnenpunten" not in html
    assert '<details class="uitleg"><summary>Wat betekent dit?</summary>' in html
