# SPDX-License-Identifier: EUPL-1.2
from ..factories import make_cooperation


def test_it_shows_the_home_page_with_map_and_counts(anonymous_client, editor_a):
    make_cooperation(user=editor_a, name="Op de voorpagina")
    body = anonymous_client.get("/").content.decode()
    assert "Goede Buur" in body and "Op de voorpagina" in body
    assert body.count("data-code=") == 342
    assert 'lang="nl"' in body


def test_it_attributes_every_data_source(anonymous_client):
    body = anonymous_client.get("/over-de-gegevens").content.decode()
    for attribution in (
        "CBS / Kadaster (PDOK)",
        "Kerncijfers wijken en buurten 2024",
        "GEMMA, VNG Realisatie",
        "M&amp;I/Partners",
    ):
        assert attribution in body
    assert "Arbeidsmarktregio" in body


def test_it_switches_to_english(anonymous_client):
    anonymous_client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    body = anonymous_client.get("/").content.decode()
    assert 'lang="en"' in body


def test_it_shows_a_dutch_404_page(anonymous_client):
    response = anonymous_client.get("/bestaat-niet")
    assert response.status_code == 404 and "niet gevonden" in response.content.decode()


def test_it_counts_only_municipalities_that_take_part(anonymous_client, editor_a):
    make_cooperation(user=editor_a)  # Veenendaal and Rhenen
    response = anonymous_client.get("/")
    assert response.context["participating_count"] == 2


def test_it_stays_dutch_for_an_english_browser(anonymous_client):
    body = anonymous_client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="nl"' in body
