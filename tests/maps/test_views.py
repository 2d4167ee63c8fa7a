# SPDX-License-Identifier: EUPL-1.2
import re

import pytest

from goedebuur.cooperations import services as cooperations
from goedebuur.cooperations.models import Cooperation

from ..factories import RENSWOUDE, RHENEN, UTRECHT, VEENENDAAL, make_cooperation

pytestmark = pytest.mark.django_db


def _get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _title(body, code):
    """The accessible name (title) of a municipality's link on the map."""
    match = re.search(rf'<title>([^<]*)</title><path [^>]*data-code="{code}"', body)
    return match.group(1) if match else None


def test_it_shows_the_map_to_anonymous_visitors(anonymous_client):
    body = _get(anonymous_client, "/kaart")
    assert body.count("data-code=") == 342
    assert 'aria-current="page">Kaart' in body
    assert 'role="group" aria-label="Kaart van Nederland: ICT-samenwerkingen per gemeente"' in body
    assert '<a href="/gemeenten/GM0340" tabindex="-1"><title>Rhenen: 0 ICT-samenwerkingen</title>' in body


def test_it_offers_a_table_with_the_same_counts_as_a_text_alternative(anonymous_client):
    make_cooperation(members=(VEENENDAAL, RHENEN))
    make_cooperation(members=(VEENENDAAL, RENSWOUDE))
    body = _get(anonymous_client, "/kaart")
    table = body[body.index('<details class="map-table"') :]
    assert "<summary>Tabel: aantal ICT-samenwerkingen per gemeente (342 gemeenten)</summary>" in table
    assert table.count("<tr") == 343
    assert re.search(
        r'<a href="/gemeenten/GM0345">Veenendaal</a></td><td>Utrecht</td><td class="num">2</td>', table
    )
    assert _title(body, VEENENDAAL) == "Veenendaal: 2 ICT-samenwerkingen"


def test_it_shows_a_legend_with_class_labels(anonymous_client):
    for _ in range(3):
        make_cooperation(members=(VEENENDAAL, RHENEN))
    body = _get(anonymous_client, "/kaart")
    legend = body[body.index('<ul class="legend"') : body.index("</ul>", body.index('<ul class="legend"'))]
    labels = re.findall(r"</span>([^<]+)</li>", legend)
    assert labels == ["0", "1", "2", "3"]


def test_it_highlights_the_members_of_a_cooperation(anonymous_client):
    cooperation = make_cooperation(
        members=(VEENENDAAL, RENSWOUDE), name="Werkplekbeheer Veenendaal en Renswoude"
    )
    body = _get(anonymous_client, f"/kaart?samenwerking={cooperation.slug}")
    for code in (VEENENDAAL, RENSWOUDE):
        assert re.search(rf'data-code="{code}" class="hl"', body)
    assert not re.search(rf'data-code="{UTRECHT}" class="hl"', body)
    assert "Gemarkeerd: Werkplekbeheer Veenendaal en Renswoude" in body
    assert f'<a href="/samenwerkingen/{cooperation.slug}">Werkplekbeheer Veenendaal en Renswoude</a>' in body
    members = body[body.index('<ul class="map-members">') :]
    assert members.index("Renswoude") < members.index("Veenendaal") < members.index("</ul>")
    assert f'<option value="{cooperation.slug}" selected>' in body
    assert "deelnemer aan Werkplekbeheer Veenendaal en Renswoude" in _title(body, RENSWOUDE)
    table = body[body.index('<details class="map-table"') :]
    assert '<tr class="highlighted"><td><a href="/gemeenten/GM0339">Renswoude</a></td>' in table
    assert table.count("<td>ja</td>") == 2


def test_it_explains_an_unknown_cooperation_in_dutch_and_still_shows_the_map(anonymous_client):
    body = _get(anonymous_client, "/kaart?samenwerking=bestaat-niet")
    assert "Er is geen samenwerkingsverband ‘bestaat-niet’ in het register (meer)" in body
    assert 'role="alert"' in body
    assert body.count("data-code=") == 342 and 'class="hl"' not in body


def test_it_treats_a_deleted_cooperation_as_unknown(anonymous_client):
    cooperation = make_cooperation(members=(VEENENDAAL, RHENEN))
    cooperations.delete_cooperation(cooperation, user=None)
    body = _get(anonymous_client, f"/kaart?samenwerking={cooperation.slug}")
    assert "Er is geen samenwerkingsverband" in body and 'class="hl"' not in body


def test_it_counts_only_the_chosen_domain(anonymous_client):
    make_cooperation(members=(VEENENDAAL, RHENEN), domains=("werkplek",))
    make_cooperation(members=(VEENENDAAL, RENSWOUDE), domains=("inkoop",))
    assert _title(_get(anonymous_client, "/kaart"), VEENENDAAL) == "Veenendaal: 2 ICT-samenwerkingen"
    body = _get(anonymous_client, "/kaart?domein=werkplek")
    assert _title(body, VEENENDAAL) == "Veenendaal: 1 ICT-samenwerking"
    assert _title(body, RENSWOUDE) == "Renswoude: 0 ICT-samenwerkingen"
    assert '<option value="werkplek" selected>' in body
    assert "(domein Werkplek)" in body


def test_it_counts_only_the_chosen_status(anonymous_client):
    make_cooperation(members=(VEENENDAAL, RHENEN), status=Cooperation.Status.ACTIEF)
    make_cooperation(members=(VEENENDAAL, RENSWOUDE), status=Cooperation.Status.VERKENNING)
    body = _get(anonymous_client, "/kaart?status=verkenning")
    assert _title(body, VEENENDAAL) == "Veenendaal: 1 ICT-samenwerking"
    assert _title(body, RHENEN) == "Rhenen: 0 ICT-samenwerkingen"


def test_it_zooms_to_a_province(anonymous_client):
    body = _get(anonymous_client, "/kaart?provincie=PV26")
    assert body.count('<a href="/gemeenten/') - body.count('<td><a href="/gemeenten/') == 26
    assert "(26 gemeenten)" in body
    assert 'aria-label="Kaart van provincie Utrecht: ICT-samenwerkingen per gemeente"' in body
    assert 'data-code="GM0228" class="ctx"' in body  # Ede, next door, muted and not a link
    assert 'data-code="GM0014"' not in body  # Groningen is not sent at all
    assert "buiten provincie Utrecht</li>" in body  # the legend explains the grey surroundings


def test_it_explains_unknown_filters_and_ignores_only_those(anonymous_client):
    make_cooperation(members=(VEENENDAAL, RHENEN), domains=("werkplek",))
    body = _get(anonymous_client, "/kaart?domein=tuinieren&status=vergeten&provincie=PV99")
    assert "Het ICT-domein ‘tuinieren’ bestaat niet" in body
    assert "De status ‘vergeten’ bestaat niet" in body
    assert "De provincie ‘PV99’ bestaat niet" in body
    assert body.count("data-code=") == 342
    assert _title(body, VEENENDAAL) == "Veenendaal: 1 ICT-samenwerking"


def test_it_works_as_a_plain_get_form(anonymous_client):
    body = _get(anonymous_client, "/kaart")
    form = body[body.index('<form method="get" class="filters map-filters"') :]
    form = form[: form.index("</form>")]
    for name in ("domein", "status", "provincie", "samenwerking"):
        assert f'name="{name}"' in form
        assert re.search(rf'<label for="id_{name}">', form)
    assert '<button type="submit"' in form
    assert "Wis filters" not in form


def test_the_map_is_one_tab_stop_with_the_keys_and_the_table_explained(anonymous_client):
    body = _get(anonymous_client, "/kaart?provincie=PV26")
    svg = body[body.index("<svg") : body.index("</svg>")]
    links = re.findall(r"<a [^>]*>", svg)
    assert len(links) == 26
    assert sum('tabindex="-1"' not in link for link in links) == 1  # the one tab stop
    assert "map-skip" not in body  # no skip link needed: the map no longer holds 26 tab stops
    assert "Met het toetsenbord is de kaart één tabstop: de pijltjestoetsen" in body
    assert '<details class="map-table" id="kaart-tabel">' in body


def test_a_province_map_names_nearly_all_its_municipalities(anonymous_client):
    body = _get(anonymous_client, "/kaart?provincie=PV26")
    labels = body[body.index('<g class="map-labels" aria-hidden="true"') :]
    labels = labels[: labels.index("</g>")]
    names = re.findall(r"<text [^>]*>([^<]*)</text>", labels)
    assert {"Utrecht", "Amersfoort", "Veenendaal", "Rhenen"} <= set(names)
    assert len(names) >= 20  # of 26: only where a name fits without covering another


def test_the_national_map_names_only_municipalities_with_room_for_their_name(anonymous_client):
    body = _get(anonymous_client, "/kaart")
    labels = body[body.index('<g class="map-labels"') :]
    names = re.findall(r"<text [^>]*>([^<]*)</text>", labels[: labels.index("</g>")])
    assert 10 <= len(names) < 342
    assert "Súdwest-Fryslân" in names or "Het Hogeland" in names  # large areas have room


def test_it_loads_the_map_script_once_and_keeps_it_optional(anonymous_client):
    body = _get(anonymous_client, "/kaart")
    assert body.count("goedebuur/map.js") == 1
    assert "defer" in body[body.index("goedebuur/map.js") - 60 : body.index("goedebuur/map.js") + 30]


def test_it_links_the_home_page_map_to_the_table(anonymous_client):
    body = _get(anonymous_client, "/")
    assert body.count("data-code=") == 342
    assert 'href="/kaart#kaart-tabel"' in body
    assert '<details class="map-table"' not in body


def test_it_colours_by_all_regelingen_on_request_and_names_the_source(anonymous_client, tmp_path):
    import datetime as dt

    from tests.factories import gr_participant, gr_record, write_gr_file

    record = gr_record(
        "601",
        "Afvalschap Vallei",
        [gr_participant(VEENENDAAL), gr_participant(RENSWOUDE)],
        form="OL",
        purpose="Inzameling en verwerking van huishoudelijk afval.",
        policy_areas=("natuur en milieu | afval",),
    )
    cooperations.import_register(write_gr_file(tmp_path, [record]), register_date=dt.date(2026, 5, 16))
    body = _get(anonymous_client, "/kaart")
    assert _title(body, VEENENDAAL) == "Veenendaal: 0 ICT-samenwerkingen"
    assert "Bron: Register van Overheidsorganisaties (KOOP), peildatum 16 mei 2026" in body
    body = _get(anonymous_client, "/kaart?telling=alle")
    assert _title(body, VEENENDAAL) == "Veenendaal: 1 samenwerking of regeling"
    assert '<option value="alle" selected>alle samenwerkingen en regelingen</option>' in body
    assert 'aria-label="Legenda: aantal samenwerkingen en regelingen per gemeente"' in body
    assert "Tabel: aantal samenwerkingen en regelingen per gemeente (342 gemeenten)" in body
    assert "Wis filters" in body
    body = _get(anonymous_client, "/kaart?telling=veel")
    assert "De telling ‘veel’ bestaat niet" in body and _title(body, VEENENDAAL).endswith(
        "0 ICT-samenwerkingen"
    )
