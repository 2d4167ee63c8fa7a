# SPDX-License-Identifier: EUPL-1.2
"""CSV and XLSX of a ledger and of the overview: columns, figures, formula safety, visibility."""

import csv
import io

import pytest
from openpyxl import load_workbook

from goedebuur.ledger.models import Ledger

from ..factories import RHENEN, VEENENDAAL
from .factories import START, make_ledger, record

pytestmark = pytest.mark.django_db


@pytest.fixture
def ledger(editor_a):
    ledger = make_ledger(editor_a)
    record(ledger, editor_a, VEENENDAAL, START, savings=1000, one_off=300, source='=HYPERLINK("x")')
    record(ledger, editor_a, RHENEN, START, savings=500)
    return ledger


def test_the_csv_has_a_row_per_member_and_year_and_the_total(ledger, reader_a_client):
    response = reader_a_client.get(f"/samenwerkingen/{ledger.cooperation.slug}/resultaten.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(r["gemeente_code"], r["jaar"]) for r in rows] == [
        (RHENEN, "2022"),
        (VEENENDAAL, "2022"),
        ("totaal", "2022"),
    ] or [(r["gemeente_code"], r["jaar"]) for r in rows] == [
        (VEENENDAAL, "2022"),
        (RHENEN, "2022"),
        ("totaal", "2022"),
    ]
    total = rows[-1]
    assert (total["besparing_eur"], total["eenmalige_kosten_eur"], total["netto_eur"]) == (
        "1500",
        "300",
        "1200",
    )
    assert total["positie_cumulatief"] in ("below", "within", "above")
    veenendaal = next(r for r in rows if r["gemeente_code"] == VEENENDAAL)
    assert veenendaal["bron"].startswith("'=")  # never a formula


def test_the_xlsx_stores_text_as_text(ledger, reader_a_client):
    response = reader_a_client.get(f"/samenwerkingen/{ledger.cooperation.slug}/resultaten.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][0] == "samenwerking"
    cell = next(c for row in sheet.iter_rows() for c in row if c.value == '=HYPERLINK("x")')
    assert cell.data_type == "s"


def test_outsiders_get_no_export_of_a_private_ledger(ledger, editor_b_client):
    assert (
        editor_b_client.get(f"/samenwerkingen/{ledger.cooperation.slug}/resultaten.xlsx").status_code == 404
    )


def test_the_overview_export_lists_shared_ledgers(ledger, anonymous_client):
    ledger.visibility = Ledger.Visibility.PUBLIC
    ledger.save()
    rows = list(csv.DictReader(io.StringIO(anonymous_client.get("/resultaten.csv").content.decode())))
    assert [r["slug"] for r in rows] == [ledger.cooperation.slug]
    assert rows[0]["gerealiseerde_besparing_eur"] == "1500"
    xlsx = anonymous_client.get("/resultaten.xlsx")
    assert load_workbook(io.BytesIO(xlsx.content)).active.max_row == 2
