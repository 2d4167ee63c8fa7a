# SPDX-License-Identifier: EUPL-1.2
import datetime as dt
import re
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from goedebuur.cooperations import services as cooperations
from goedebuur.cooperations.models import Cooperation
from goedebuur.core.maps.colour import HIGHLIGHT
from goedebuur.maps import services
from goedebuur.municipalities.models import Municipality
from goedebuur.municipalities.services import with_cooperation_counts

from ..factories import RENSWOUDE, RHENEN, UTRECHT, VEENENDAAL, cooperation_input, make_cooperation

SVG = "{http://www.w3.org/2000/svg}"
pytestmark = pytest.mark.django_db


def _paths(svg):
    return {p.get("data-code"): p for p in ElementTree.fromstring(str(svg)).iter(f"{SVG}path")}


def _links(svg):
    return {
        a.find(f"{SVG}path").get("data-code"): a for a in ElementTree.fromstring(str(svg)).iter(f"{SVG}a")
    }


def _width(svg):
    return float(re.search(r'viewBox="[^ ]+ [^ ]+ ([^ ]+)', str(svg)).group(1))


def test_it_draws_all_342_municipalities_as_named_links_without_arguments():
    result = services.cooperation_count_map()
    links = _links(result["svg"])
    assert len(links) == 342
    assert links[RHENEN].get("href") == "/gemeenten/GM0340"
    assert links[RHENEN].find(f"{SVG}title").text == "Rhenen: 0 ICT-samenwerkingen"
    assert result["legend"] == [("0", "#f1f4f9")]
    assert len(result["rows"]) == 342 and result["highlight"] is None


def test_it_counts_like_the_municipality_pages_do():
    make_cooperation(members=(VEENENDAAL, RHENEN))
    make_cooperation(members=(VEENENDAAL, RENSWOUDE))
    gone = make_cooperation(members=(VEENENDAAL, UTRECHT))
    cooperations.delete_cooperation(gone, user=None)
    expected = {m.code: m.cooperation_count for m in with_cooperation_counts() if m.cooperation_count}
    assert services.cooperation_counts() == expected == {VEENENDAAL: 2, RHENEN: 1, RENSWOUDE: 1}


def test_it_names_one_cooperation_in_the_singular():
    make_cooperation(members=(VEENENDAAL, RHENEN))
    make_cooperation(members=(VEENENDAAL, RENSWOUDE))
    links = _links(services.cooperation_count_map()["svg"])
    assert links[RHENEN].find(f"{SVG}title").text == "Rhenen: 1 ICT-samenwerking"
    assert links[VEENENDAAL].find(f"{SVG}title").text == "Veenendaal: 2 ICT-samenwerkingen"


def test_it_leaves_out_members_who_left():
    values = cooperation_input(members=(VEENENDAAL, RHENEN, RENSWOUDE))
    values.members[2].left_on = dt.date(2024, 1, 1)
    cooperation = cooperations.save_cooperation(values, user=None)
    assert RENSWOUDE not in services.cooperation_counts()
    result = services.cooperation_count_map(cooperation)
    assert result["highlight"]["codes"] == {VEENENDAAL, RHENEN}
    assert _paths(result["svg"])[RENSWOUDE].get("class") is None


def test_it_counts_only_the_chosen_domain_and_status():
    make_cooperation(members=(VEENENDAAL, RHENEN), domains=("werkplek",), status=Cooperation.Status.ACTIEF)
    make_cooperation(members=(VEENENDAAL, RENSWOUDE), domains=("inkoop",), status=Cooperation.Status.INTENTIE)
    assert services.cooperation_counts(domain="werkplek") == {VEENENDAAL: 1, RHENEN: 1}
    assert services.cooperation_counts(status="intentie") == {VEENENDAAL: 1, RENSWOUDE: 1}
    assert services.cooperation_counts(domain="werkplek", status="intentie") == {}
    result = services.cooperation_count_map(domain="inkoop")
    assert "domein Inkoop en aanbesteding" in result["label"]
    assert _links(result["svg"])[RHENEN].find(f"{SVG}title").text == "Rhenen: 0 ICT-samenwerkingen"


def test_it_highlights_the_members_of_a_cooperation_with_a_distinct_fill_and_outline():
    cooperation = make_cooperation(members=(VEENENDAAL, RHENEN), name="Achtervang Food Valley")
    result = services.cooperation_count_map(cooperation)
    paths = _paths(result["svg"])
    for code in (VEENENDAAL, RHENEN):
        assert paths[code].get("class") == "hl"
        assert paths[code].get("fill") == HIGHLIGHT
        assert paths[code].get("stroke-width")
    assert paths[UTRECHT].get("class") is None
    assert "deelnemer aan Achtervang Food Valley" in _links(result["svg"])[RHENEN].find(f"{SVG}title").text
    assert [m.municipality.code for m in result["highlight"]["members"]] == [RHENEN, VEENENDAAL]
    assert "samenwerking=" in result["table_url"]
    # drawn last, so no neighbour covers the thick outline
    assert list(paths)[-2:] in ([RHENEN, VEENENDAAL], [VEENENDAAL, RHENEN])


def test_it_writes_the_table_rows_only_when_asked_and_escapes_names():
    Municipality.objects.filter(code=RHENEN).update(name="Rhenen <&>")
    result = services.cooperation_count_map({RHENEN})
    html = str(result["table_rows"]())
    assert html.count("<tr") == 342
    assert (
        '<tr class="highlighted"><td><a href="/gemeenten/GM0340">Rhenen &lt;&amp;&gt;</a></td>'
        '<td>Utrecht</td><td class="num">0</td><td>ja</td></tr>'
    ) in html


def test_it_still_highlights_plain_municipality_codes():
    paths = _paths(services.cooperation_count_map({UTRECHT})["svg"])
    assert paths[UTRECHT].get("class") == "hl"


def test_it_zooms_to_a_province_and_mutes_its_surroundings():
    national = services.cooperation_count_map()
    utrecht = services.cooperation_count_map(province="PV26")
    assert _width(utrecht["svg"]) < _width(national["svg"]) / 3
    assert len(utrecht["rows"]) == 26
    assert "provincie Utrecht" in utrecht["label"]
    links, paths = _links(utrecht["svg"]), _paths(utrecht["svg"])
    assert len(links) == 26
    assert paths["GM0228"].get("class") == "ctx"  # Ede (Gelderland) borders Veenendaal
    assert "GM0014" not in paths  # Groningen is far outside the view and not sent
    assert len(str(utrecht["svg"])) < len(str(national["svg"])) / 2


def test_it_refuses_an_unknown_province():
    with pytest.raises(ValueError):
        services.cooperation_count_map(province="PV99")


def test_it_needs_two_light_queries_once_the_paths_are_cached():
    services.cooperation_count_map()
    with CaptureQueriesContext(connection) as queries:
        services.cooperation_count_map()
    # names with the path lengths as data version, the counts and the peildatum; the paths come from memory
    assert len(queries) == 3
    assert sum("LENGTH" in q["sql"] or "COUNT" in q["sql"] for q in queries) == 2


def test_it_reloads_the_paths_when_a_boundary_changes():
    services.cooperation_count_map()
    Municipality.objects.filter(code=RHENEN).update(svg_path="M0 0l10 0 0 10z")
    assert _paths(services.cooperation_count_map()["svg"])[RHENEN].get("d") == "M0 0l10 0 0 10z"


def test_it_shows_fresh_names():
    services.cooperation_count_map()
    Municipality.objects.filter(code=RHENEN).update(name="Rhenen aan de Rijn")
    assert (
        _links(services.cooperation_count_map()["svg"])[RHENEN]
        .find(f"{SVG}title")
        .text.startswith("Rhenen aan de Rijn:")
    )


def test_it_draws_a_small_map_zoomed_to_a_cooperations_members():
    cooperation = make_cooperation(members=(VEENENDAAL, RHENEN, RENSWOUDE), name="Food Valley ICT")
    svg = services.cooperation_members_map(cooperation)
    links, paths = _links(svg), _paths(svg)
    assert set(links) == {VEENENDAAL, RHENEN, RENSWOUDE}
    assert all(paths[c].get("class") == "hl" for c in links)
    assert paths["GM0228"].get("class") == "ctx"  # Ede, around them
    assert len(paths) < 60
    assert 'aria-label="Kaart met de deelnemende gemeenten van Food Valley ICT"' in svg
    assert links[RHENEN].find(f"{SVG}title").text == "Rhenen (deelnemer)"


def test_it_draws_no_small_map_without_current_members():
    values = cooperation_input(members=(VEENENDAAL, RHENEN))
    cooperation = cooperations.save_cooperation(values, user=None)
    cooperation.memberships.update(left_on="2025-01-01")
    assert services.cooperation_members_map(cooperation) == ""


def test_it_draws_a_municipality_with_its_neighbours():
    rhenen = Municipality.objects.get(code=RHENEN)
    svg = services.neighbourhood_map(rhenen)
    paths = _paths(svg)
    assert paths[RHENEN].get("class") == "hl"
    assert VEENENDAAL in _links(svg) and RHENEN not in _links(svg)
    assert set(paths) == {RHENEN, *rhenen.neighbours.values_list("code", flat=True)}


def _register_with_an_afvalschap(tmp_path):
    from tests.factories import gr_participant, gr_record, write_gr_file

    records = [
        gr_record(
            "501",
            "Gemeenschappelijke regeling ICT Vallei",
            [gr_participant(VEENENDAAL), gr_participant(RHENEN)],
        ),
        gr_record(
            "502",
            "Afvalschap Vallei",
            [gr_participant(c) for c in (VEENENDAAL, RHENEN, RENSWOUDE)],
            form="OL",
            purpose="Inzameling en verwerking van huishoudelijk afval.",
            policy_areas=("natuur en milieu | afval",),
        ),
    ]
    cooperations.import_register(write_gr_file(tmp_path, records), register_date=dt.date(2026, 5, 16))


def test_it_counts_the_ict_cooperations_of_the_register_and_all_regelingen_on_request(tmp_path):
    _register_with_an_afvalschap(tmp_path)
    assert services.cooperation_counts() == {VEENENDAAL: 1, RHENEN: 1}
    assert services.cooperation_counts(measure=services.ALL) == {VEENENDAAL: 2, RHENEN: 2, RENSWOUDE: 1}
    with pytest.raises(ValueError):
        services.cooperation_counts(measure="veel")


def test_a_map_of_all_regelingen_says_so_in_its_names_legend_and_source(tmp_path):
    _register_with_an_afvalschap(tmp_path)
    result = services.cooperation_count_map(measure=services.ALL)
    links = _links(result["svg"])
    assert links[RENSWOUDE].find(f"{SVG}title").text == "Renswoude: 1 samenwerking of regeling"
    assert links[VEENENDAAL].find(f"{SVG}title").text == "Veenendaal: 2 samenwerkingen en regelingen"
    assert result["label"] == "Kaart van Nederland: samenwerkingen en regelingen per gemeente"
    assert "samenwerkingen en regelingen" in result["texts"]["legend"]
    assert result["register_date"] == dt.date(2026, 5, 16)
    assert "telling=alle" in result["table_url"]
    ict = services.cooperation_count_map()
    assert _links(ict["svg"])[RENSWOUDE].find(f"{SVG}title").text == "Renswoude: 0 ICT-samenwerkingen"
    assert "telling" not in ict["table_url"]
