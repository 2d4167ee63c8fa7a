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
    assert "Geen gemeenten met ICT-samenwerkingen" in body


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
