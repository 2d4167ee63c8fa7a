# SPDX-License-Identifier: EUPL-1.2
from goedebuur.municipalities.models import Council, Municipality

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


def _register(tmp_path):
    """Veenendaal in an ICT regeling with Rhenen (since 2016), an afvalschap of twelve and an ended one."""
    import datetime as dt

    from goedebuur.cooperations import services
    from tests.factories import gr_participant, gr_record, write_gr_file

    waste = {
        "purpose": "Inzameling van huishoudelijk afval.",
        "policy_areas": ("natuur en milieu | afval",),
        "form": "OL",
    }
    twelve = [
        VEENENDAAL,
        "GM0340",
        RENSWOUDE,
        "GM0344",
        "GM0352",
        "GM0356",
        "GM0307",
        "GM0308",
        "GM0310",
        "GM0312",
        "GM0313",
        "GM0317",
    ]
    records = [
        gr_record(
            "701",
            "ICT Vallei",
            [gr_participant(VEENENDAAL, "2016-03-01"), gr_participant("GM0340", "2012-01-01")],
        ),
        gr_record("702", "Afvalschap Utrecht", [gr_participant(c, "2001-01-01") for c in twelve], **waste),
        gr_record(
            "703",
            "Afvalschap Oud",
            [gr_participant(VEENENDAAL), gr_participant(RENSWOUDE)],
            valid_until="2020-01-01",
            **waste,
        ),
    ]
    services.import_register(write_gr_file(tmp_path, records), register_date=dt.date(2026, 5, 16))


def test_it_lists_all_regelingen_active_first_with_dates_domains_and_partners(anonymous_client, tmp_path):
    _register(tmp_path)
    body = anonymous_client.get("/gemeenten/GM0345").content.decode()
    section = body[body.index('<h2 id="samenwerkingen">') :]
    assert (
        "Veenendaal neemt nu deel aan 2 samenwerkingen en gemeenschappelijke regelingen, waarvan 1 met een ICT-domein."
        in section
    )
    ict = section[section.index('id="ict-samenwerkingen"') : section.index('id="andere-regelingen"')]
    assert (
        "ICT Vallei" in ict
        and "<td>1 maart 2016</td>" in ict
        and '<a href="/gemeenten/GM0340">Rhenen</a>' in ict
    )
    other = section[section.index('id="andere-regelingen"') : section.index('class="entries-ended"')]
    assert "Afvalschap Utrecht" in other and "(afgeleid)" in other and ">Afval</span>" in other
    assert "<details><summary>11 gemeenten</summary>" in other  # a long list of partners is folded
    ended = section[section.index('class="entries-ended"') :]
    assert "<summary>1 beëindigde samenwerking of uittreding</summary>" in ended and "Afvalschap Oud" in ended
    assert "Bron: Register van Overheidsorganisaties (KOOP), peildatum 16 mei 2026" in section


def test_it_names_the_municipalities_it_shares_most_with_and_links_the_network(anonymous_client, tmp_path):
    _register(tmp_path)
    body = anonymous_client.get("/gemeenten/GM0345").content.decode()
    assert 'Deelt de meeste regelingen met: <a href="/gemeenten/GM0340">Rhenen</a> (2)' in body
    assert '<a href="/gemeenten/GM0345/netwerk">Bekijk het netwerk</a>' in body


def test_it_says_when_a_municipality_has_no_ict_cooperation_but_other_regelingen(anonymous_client, tmp_path):
    _register(tmp_path)
    body = anonymous_client.get("/gemeenten/GM0344").content.decode()  # Utrecht: only the afvalschap
    assert "Nog geen ICT-samenwerkingen geregistreerd voor deze gemeente." in body
    assert "Afvalschap Utrecht" in body


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


def test_it_shows_the_council_per_party_with_its_source(anonymous_client):
    body = anonymous_client.get("/gemeenten/GM0345").content.decode()
    assert 'id="gemeenteraad"' in body
    assert "De gemeenteraad heeft 35 zetels." in body
    assert (
        '<svg class="council-chart"' in body and "ChristenUnie: 6 zetels" in body
    )  # the chart's description
    assert "<td>ProVeenendaal</td><td>6</td>" in body  # the table alternative
    assert "Bron: Register van Overheidsorganisaties (KOOP), via polder, peildatum 16 mei 2026" in body


def test_it_says_which_seats_the_source_names_no_party_for(anonymous_client):
    body = anonymous_client.get("/gemeenten/GM0971").content.decode()  # Stein: 14 of 19 seats named
    assert "Voor 5 zetels noemt de bron geen partij." in body
    assert "<td>niet per partij in de bron</td><td>5</td>" in body


def test_it_shows_an_empty_state_without_a_known_council(anonymous_client):
    Council.objects.filter(municipality__code=VEENENDAAL).delete()
    body = anonymous_client.get("/gemeenten/GM0345").content.decode()
    assert "De samenstelling van de gemeenteraad is niet bekend." in body
    assert "council-chart" not in body


def test_it_links_the_website_and_the_general_email(anonymous_client):
    municipality = Municipality.objects.get(code=VEENENDAAL)
    body = anonymous_client.get("/gemeenten/GM0345").content.decode()
    assert f'<a href="{municipality.website}" rel="noopener">' in body
    assert f'<a href="mailto:{municipality.email}">{municipality.email}</a>' in body
    assert municipality.visiting_address in body


def test_it_says_unknown_for_a_missing_email(anonymous_client):
    body = anonymous_client.get("/gemeenten/GM0503").content.decode()  # Delft: no e-mail in the source
    assert "mailto:" not in body
