# SPDX-License-Identifier: EUPL-1.2
from ..factories import RENSWOUDE, VEENENDAAL, make_cooperation


def test_it_lists_all_municipalities_paginated(anonymous_client):
    response = anonymous_client.get("/gemeenten")
    body = response.content.decode()
    assert response.status_code == 200
    assert "342 gemeenten gevonden" in body
    assert "Pagina 1 van 7" in body


def test_it_searches_by_name(anonymous_client):
    body = anonymous_client.get("/gemeenten?q=rhenen").content.decode()
    assert "1 gemeente gevonden" in body and "/gemeenten/GM0340" in body


def test_it_finds_by_cbs_code(anonymous_client):
    body = anonymous_client.get("/gemeenten?q=gm0345").content.decode()
    assert "Veenendaal" in body and "1 gemeente gevonden" in body


def test_it_filters_by_province(anonymous_client):
    body = anonymous_client.get("/gemeenten?provincie=PV26").content.decode()
    assert "26 gemeenten gevonden" in body


def test_it_filters_by_any_region(anonymous_client):
    body = anonymous_client.get("/gemeenten?regio=jeugdregio:JZ21").content.decode()
    assert "in jeugdregio Food Valley" in body
    assert "Rhenen" in body and "Veenendaal" in body and "/gemeenten/GM0344" not in body


def test_it_shows_an_empty_state(anonymous_client):
    body = anonymous_client.get("/gemeenten?q=bestaatniet").content.decode()
    assert "Geen gemeenten gevonden" in body


def test_it_shows_regions_neighbours_map_and_cooperations(anonymous_client, editor_a):
    make_cooperation(user=editor_a, members=(VEENENDAAL, RENSWOUDE), name="Buurtest")
    body = anonymous_client.get("/gemeenten/GM0345").content.decode()
    assert "Gemeente Veenendaal" in body
    assert "FoodValley" in body
    assert 'href="/gemeenten/GM0340"' in body  # neighbour Rhenen
    assert "<svg" in body and 'data-code="GM0339"' in body
    assert "Buurtest" in body


def test_it_explains_islands_without_neighbours(anonymous_client):
    body = anonymous_client.get("/gemeenten/GM0088").content.decode()
    assert "Geen buurgemeenten" in body


def test_it_accepts_lower_case_codes_and_404s_unknown_ones(anonymous_client):
    assert anonymous_client.get("/gemeenten/gm0340").status_code == 200
    response = anonymous_client.get("/gemeenten/GM9999")
    assert response.status_code == 404 and "bestaat niet" in response.content.decode()


def test_it_shows_the_best_fitting_partners(anonymous_client):
    response = anonymous_client.get("/gemeenten/GM0340")
    assert response.context["top_partners"][0].code == "GM0345"  # Veenendaal first for Rhenen
    assert "Best passende partners" in response.content.decode()
