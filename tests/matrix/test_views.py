# SPDX-License-Identifier: EUPL-1.2
import csv
import io

from openpyxl import load_workbook

from ..factories import RENSWOUDE, VEENENDAAL, make_cooperation


def test_it_shows_a_cell_linking_to_the_cooperation_behind_it(anonymous_client, editor_a):
    cooperation = make_cooperation(
        user=editor_a, members=(VEENENDAAL, RENSWOUDE), domains=("werkplek",), name="Matrixtest"
    )
    body = anonymous_client.get("/matrix").content.decode()
    assert "Veenendaal" in body and "Renswoude" in body
    assert cooperation.get_absolute_url() in body


def test_it_filters_by_province(anonymous_client, editor_a):
    make_cooperation(user=editor_a, members=(VEENENDAAL, RENSWOUDE), name="Utrechts")
    body = anonymous_client.get("/matrix?provincie=PV27&alleen=alle").content.decode()  # Noord-Holland
    assert "Veenendaal" not in body and "Amsterdam" in body


def test_it_shows_an_empty_state_without_cooperations(anonymous_client):
    body = anonymous_client.get("/matrix").content.decode()
    assert "Geen gemeenten met samenwerkingen in deze selectie" in body


def test_it_exports_csv_with_cooperation_names_per_domain(anonymous_client, editor_a):
    make_cooperation(
        user=editor_a, members=(VEENENDAAL, RENSWOUDE), domains=("werkplek", "inkoop"), name="Export"
    )
    response = anonymous_client.get("/matrix.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    header, body = rows[0], rows[1:]
    assert header[:2] == ["CBS-code", "Gemeente"]
    veenendaal = next(r for r in body if r[0] == VEENENDAAL)
    assert veenendaal[header.index("Werkplek")] == "Export"
    assert veenendaal[header.index("Applicaties")] == ""


def test_it_exports_xlsx_for_a_region(anonymous_client, editor_a):
    make_cooperation(user=editor_a, members=(VEENENDAAL, RENSWOUDE), domains=("werkplek",), name="Xlsx")
    response = anonymous_client.get("/matrix.xlsx?provincie=PV26&alleen=alle")
    sheet = load_workbook(io.BytesIO(response.content))["Matrix"]
    codes = [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert len(codes) == 26 and VEENENDAAL in codes


def test_it_leaves_out_ended_cooperations(anonymous_client, editor_a):
    from goedebuur.cooperations.models import Cooperation

    make_cooperation(user=editor_a, members=(VEENENDAAL, RENSWOUDE), name="Afgelopen")
    Cooperation.objects.filter(name="Afgelopen").update(status="beeindigd")
    body = anonymous_client.get("/matrix").content.decode()
    assert "Afgelopen" not in body


def _policy(*slugs):
    from goedebuur.cooperations.models import PolicyDomain

    return list(PolicyDomain.objects.filter(slug__in=slugs))


def test_it_adds_the_other_policy_domains_as_grey_context_columns_on_request(anonymous_client, editor_a):
    make_cooperation(
        user=editor_a, members=(VEENENDAAL, RENSWOUDE), name="Afval samen", policy_domains=_policy("afval")
    )
    body = anonymous_client.get("/matrix?provincie=PV26").content.decode()
    assert 'title="Afval en reiniging"' not in body
    body = anonymous_client.get("/matrix?provincie=PV26&kolommen=alle").content.decode()
    assert '<th scope="colgroup" colspan="9">ICT-domeinen</th>' in body
    assert 'class="ctx">Andere beleidsdomeinen (context)</th>' in body
    assert '<th scope="col" class="rot ctx" title="Afval en reiniging">Afval</th>' in body
    assert '<td class="cell ctx filled" data-domain="afval">' in body
    assert '<option value="alle" selected>ICT-domeinen en andere beleidsdomeinen</option>' in body


def test_it_shows_one_domain_and_one_form_on_request(anonymous_client, editor_a):
    make_cooperation(
        user=editor_a, members=(VEENENDAAL, RENSWOUDE), domains=("werkplek",), name="Werkplek DVO", form="dvo"
    )
    make_cooperation(
        user=editor_a, members=(VEENENDAAL, RENSWOUDE), domains=("werkplek",), name="Werkplek GR"
    )
    body = anonymous_client.get("/matrix?domein=werkplek&vorm=dvo").content.decode()
    assert body.count('<th scope="col" class="rot') == 1
    assert "Werkplek DVO" in body and "Werkplek GR" not in body
    assert '<option value="dvo" selected>' in body


def test_it_names_unknown_filters_and_ignores_only_those(anonymous_client, editor_a):
    make_cooperation(user=editor_a, members=(VEENENDAAL, RENSWOUDE), name="Blijft staan")
    body = anonymous_client.get(
        "/matrix?domein=tuinieren&vorm=vriendschap&regio=nergens:1&provincie=PV26"
    ).content.decode()
    assert 'role="alert"' in body
    assert "Het domein ‘tuinieren’ bestaat niet" in body
    assert "De vorm ‘vriendschap’ bestaat niet" in body
    assert "De regio ‘nergens:1’ bestaat niet" in body
    assert "26 gemeenten" in body and "Blijft staan" in body


def test_it_names_its_source_with_the_peildatum_of_the_register(anonymous_client, tmp_path):
    import datetime as dt

    from goedebuur.cooperations import services
    from tests.factories import gr_participant, gr_record, write_gr_file

    record = gr_record(
        "401",
        "Gemeenschappelijke regeling ICT Vallei",
        [gr_participant(VEENENDAAL), gr_participant(RENSWOUDE)],
    )
    services.import_register(write_gr_file(tmp_path, [record]), register_date=dt.date(2026, 5, 16))
    body = anonymous_client.get("/matrix").content.decode()
    assert "Bron: Register van Overheidsorganisaties (KOOP), peildatum 16 mei 2026" in body
    assert "Gemeenschappelijke regeling ICT Vallei" in body


def test_its_downloads_hold_the_context_columns_unless_only_ict_is_chosen(anonymous_client, editor_a):
    make_cooperation(
        user=editor_a,
        members=(VEENENDAAL, RENSWOUDE),
        domains=("werkplek",),
        name="Breed",
        policy_domains=_policy("afval", "belastingen"),
    )
    rows = list(csv.reader(io.StringIO(anonymous_client.get("/matrix.csv?provincie=PV26").content.decode())))
    header, body = rows[0], rows[1:]
    assert header[3] == "Infrastructuur en beheer" and "Context: Afval en reiniging" in header
    assert header[-2:] == ["Aantal ICT-samenwerkingen", "Aantal samenwerkingen"]
    veenendaal = next(r for r in body if r[0] == VEENENDAAL)
    assert veenendaal[header.index("Context: Belastingen en WOZ")] == "Breed"
    assert veenendaal[-2:] == ["1", "1"]
    only_ict = anonymous_client.get("/matrix.csv?provincie=PV26&kolommen=ict").content.decode()
    assert "Context:" not in only_ict
    sheet = load_workbook(io.BytesIO(anonymous_client.get("/matrix.xlsx?provincie=PV26").content))["Matrix"]
    headers = [cell.value for cell in sheet[1]]
    assert "Context: Afval en reiniging" in headers
    assert sheet.cell(
        row=1, column=headers.index("Context: Afval en reiniging") + 1
    ).fill.fgColor.rgb.endswith("EEEEEE")
