# SPDX-License-Identifier: EUPL-1.2
"""The list page /samenwerkingen with the GR-register loaded: filters, the default status, counts, the
source line, pagination and the empty state."""

import re

import pytest

from goedebuur.cooperations import services

from ..factories import RENSWOUDE, UTRECHT, VEENENDAAL, load_register, make_cooperation

pytestmark = pytest.mark.django_db

VALLEI = "Gemeenschappelijke regeling ICT Vallei 2024"
BELASTING = "Belastingsamenwerking Utrecht-Vecht"


@pytest.fixture
def register(tmp_path, editor_a):
    load_register(tmp_path)
    return make_cooperation(user=editor_a, name="Eigen werkplekbeheer", members=(VEENENDAAL, RENSWOUDE))


def names(response) -> set[str]:
    assert response.status_code == 200
    return {row.cooperation.name for row in response.context["rows"]}


def test_it_shows_ongoing_entries_by_default_with_counts_and_the_source_line(anonymous_client, register):
    response = anonymous_client.get("/samenwerkingen")
    assert names(response) == {VALLEI, "Eigen werkplekbeheer"}
    body = response.content.decode()
    assert "2 samenwerkingsverbanden" in body
    assert "1 regeling uit het GR-register, 1 toegevoegd op Goede Buur" in body
    assert "Bron: Register van Overheidsorganisaties (KOOP), peildatum 16 mei 2026" in body


def test_the_register_date_is_written_out_in_the_language_of_the_interface(anonymous_client, register):
    assert "peildatum 16 mei 2026" in anonymous_client.get("/samenwerkingen").content.decode()
    anonymous_client.cookies["django_language"] = "en"
    body = anonymous_client.get("/samenwerkingen").content.decode()
    assert "May 16, 2026" in body and "16-05-2026" not in body


def test_it_shows_ended_entries_when_asked(anonymous_client, register):
    assert names(anonymous_client.get("/samenwerkingen?status=alle")) == {
        VALLEI,
        BELASTING,
        "Eigen werkplekbeheer",
    }
    assert names(anonymous_client.get("/samenwerkingen?status=beeindigd")) == {BELASTING}


@pytest.mark.parametrize(
    "query, expected",
    [
        ("herkomst=gr-register", {VALLEI}),
        ("herkomst=goede-buur", {"Eigen werkplekbeheer"}),
        ("domein=infrastructuur-beheer&status=alle", {VALLEI, "Eigen werkplekbeheer"}),
        ("beleidsdomein=belastingen&status=alle", {BELASTING}),
        ("vorm=wgr-openbaar-lichaam&status=alle", {BELASTING}),
        ("gemeente=gm1992", {VALLEI}),
        ("gemeente=GM0339", {VALLEI, "Eigen werkplekbeheer"}),
        ("provincie=PV28", {VALLEI}),
        ("q=Vallei", {VALLEI}),
        ("q=renswoude", {VALLEI, "Eigen werkplekbeheer"}),
    ],
)
def test_it_filters_the_list(anonymous_client, register, query, expected):
    assert names(anonymous_client.get(f"/samenwerkingen?{query}")) == expected


def test_the_municipality_filter_is_a_picker_over_a_plain_select(anonymous_client, register):
    # forms.js turns the select into the searchable picker; the select is what is sent, so the
    # filter works without JavaScript and keeps its address (?gemeente=CODE)
    response = anonymous_client.get(f"/samenwerkingen?gemeente={RENSWOUDE}")
    html = response.content.decode()
    select = re.search(r'<select name="gemeente"[^>]*>', html).group(0)
    assert 'data-picker="municipalities"' in select and 'id="id_gemeente"' in select
    assert '<option value="">Alle gemeenten</option>' in html
    assert f'<option value="{RENSWOUDE}" selected data-code="{RENSWOUDE}">Renswoude</option>' in html
    assert names(response) == {VALLEI, "Eigen werkplekbeheer"}


def test_it_refuses_an_unknown_filter_value_at_the_filter_and_ignores_it(anonymous_client, register):
    response = anonymous_client.get("/samenwerkingen?domein=bestaat-niet&gemeente=GM9999")
    assert names(response) == {VALLEI, "Eigen werkplekbeheer"}
    assert set(response.context["form"].errors) == {"domein", "gemeente"}
    assert "Deze waarde bestaat niet; dit filter is niet toegepast." in response.content.decode()


def test_it_labels_the_origin_and_demo_entries(anonymous_client, register):
    services.save_cooperation(_demo(register), user=None, instance=register)
    body = anonymous_client.get("/samenwerkingen").content.decode()
    assert "GR-register" in body
    assert 'class="status demo-label">demo<' in body


def _demo(cooperation):
    values = services.input_from(cooperation)
    values.is_demo = True
    return values


def test_it_paginates_by_25(anonymous_client, editor_a):
    for number in range(27):
        make_cooperation(user=editor_a, name=f"Samenwerking {number:02d}")
    first = anonymous_client.get("/samenwerkingen")
    assert len(first.context["rows"]) == 25
    assert "Pagina 1 van 2" in first.content.decode()
    second = anonymous_client.get("/samenwerkingen?page=2")
    assert [row.cooperation.name for row in second.context["rows"]] == ["Samenwerking 25", "Samenwerking 26"]


def test_it_keeps_the_filters_in_the_page_links(anonymous_client, editor_a):
    for number in range(26):
        make_cooperation(user=editor_a, name=f"Samenwerking {number:02d}", members=(UTRECHT, VEENENDAAL))
    body = anonymous_client.get("/samenwerkingen?gemeente=GM0344").content.decode()
    assert "?gemeente=GM0344&amp;page=2" in body


def test_it_shows_an_empty_state_with_a_way_out(anonymous_client, register):
    body = anonymous_client.get("/samenwerkingen?q=bestaat-nergens").content.decode()
    assert "Geen samenwerkingen gevonden met deze filters." in body
    assert "Wis filters" in body and "Zoek ook in beëindigde samenwerkingen" in body


def test_it_says_so_when_the_register_is_not_loaded(anonymous_client):
    body = anonymous_client.get("/samenwerkingen").content.decode()
    assert "0 samenwerkingsverbanden" in body
    assert "Het GR-register is nog niet geladen" in body
    assert "peildatum" not in body


def test_it_offers_adding_only_to_editors(anonymous_client, reader_a_client, editor_a_client):
    assert "Samenwerking toevoegen" not in anonymous_client.get("/samenwerkingen").content.decode()
    assert "Samenwerking toevoegen" not in reader_a_client.get("/samenwerkingen").content.decode()
    assert "Samenwerking toevoegen" in editor_a_client.get("/samenwerkingen").content.decode()
