# SPDX-License-Identifier: EUPL-1.2
"""The printable report, the PDF and the XLSX export: content, reproducibility, visibility."""

from io import BytesIO

import pytest
from openpyxl import load_workbook

from .factories import make_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(editor_a):
    return make_case(editor_a, name="Rapportcase")


def test_the_printable_report_has_every_section(case, reader_a_client):
    page = reader_a_client.get(f"/businesscases/{case.pk}/rapport").content.decode()
    for heading in (
        "Samenvatting",
        "Partners",
        "Uitkomst per gemeente",
        "Aannames met bronnen",
        "Risico",
        "Wat het onderzoek zegt",
    ):
        assert heading in page
    assert "startgetal 1" in page


def test_the_pdf_is_a_pdf_and_the_same_inputs_give_the_same_bytes(case, reader_a_client):
    first = reader_a_client.get(f"/businesscases/{case.pk}/rapport.pdf")
    second = reader_a_client.get(f"/businesscases/{case.pk}/rapport.pdf")
    assert first.status_code == 200 and first["Content-Type"] == "application/pdf"
    assert first.content.startswith(b"%PDF") and "attachment" in first["Content-Disposition"]
    assert first.content == second.content


def test_a_different_seed_gives_a_different_report(case, editor_a, reader_a_client):
    first = reader_a_client.get(f"/businesscases/{case.pk}/rapport.pdf").content
    case.seed = 2
    case.save()
    assert reader_a_client.get(f"/businesscases/{case.pk}/rapport.pdf").content != first


def test_the_xlsx_holds_inputs_yearly_flows_and_results(case, reader_a_client):
    response = reader_a_client.get(f"/businesscases/{case.pk}/export.xlsx")
    assert response.status_code == 200
    workbook = load_workbook(BytesIO(response.content))
    assert workbook.sheetnames == ["Invoer", "Kasstromen", "Uitkomsten"]
    inputs = [row for row in workbook["Invoer"].iter_rows(values_only=True)]
    assert inputs[0] == ("Soort", "Invoer", "Waarde", "Bron", "Ingevuld door")
    assert any(row[1] == "Migratie en dataconversie" for row in inputs)
    flows = list(workbook["Kasstromen"].iter_rows(min_row=2, values_only=True))
    assert len(flows) == 3 * case.horizon  # two municipalities and the total
    rhenen = [row for row in flows if row[0] == "Rhenen"]
    assert [row[2] for row in rhenen] == list(range(2027, 2037))
    assert all(row[3] - row[4] - row[5] == row[6] for row in flows)  # savings - costs - double = net


@pytest.mark.parametrize("suffix", ["rapport", "rapport.pdf", "export.xlsx"])
def test_exports_are_hidden_from_other_municipalities_and_anonymous(
    case, suffix, editor_b_client, anonymous_client, admin_client
):
    url = f"/businesscases/{case.pk}/{suffix}"
    assert editor_b_client.get(url).status_code == 404
    assert anonymous_client.get(url).status_code == 302
    assert admin_client.get(url).status_code == 200
