# SPDX-License-Identifier: EUPL-1.2
"""The printable report, the PDF and the XLSX export: content, reproducibility, visibility."""

import re
from io import BytesIO

import pypdfium2
import pytest
from django.utils import timezone
from openpyxl import load_workbook

from goedebuur.businesscases import presenters, services
from goedebuur.businesscases.report_pdf import build_pdf
from goedebuur.common import date

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
        "Samenvatting voor college en raad",
        "Wat betekent dit?",
        "Grafieken",
    ):
        assert heading in page
    assert "startgetal 1" in page
    assert page.count("<figcaption>") == 3 and page.count("<svg") == 3


def _pages_text(content: bytes) -> list[str]:
    document = pypdfium2.PdfDocument(content)
    return [document[i].get_textpage().get_text_range() for i in range(len(document))]


def test_the_pdf_opens_with_the_dated_one_page_summary_for_college_and_council(case, reader_a_client):
    pages = _pages_text(reader_a_client.get(f"/businesscases/{case.pk}/rapport.pdf").content)
    first = pages[0]
    for part in (
        "Samenvatting voor college en raad",
        "De vraag",
        "Het advies",
        "Wat het kost en oplevert per gemeente",
        "De bandbreedte en wat haar bepaalt",
        "De verborgen kosten",
        "Voorwaarden",
        "Rhenen",
        "Veenendaal",
    ):
        assert part in first, part
    assert date(timezone.localdate()) in first  # "7 december 2026": a Dutch date
    assert re.search(r"€ \d{1,3}(\.\d{3})+", first)  # Dutch money: € 1.234.567
    assert "Uitleg van de begrippen" not in first  # the explanation follows on the next page
    assert any("NCW (netto contante waarde)" in page for page in pages[1:])


def test_the_pdf_is_tagged_with_language_headings_tables_and_charts_with_alternative_text(case):
    result = services.compute(case)
    data = presenters.report_data(result.case, result, owner="Rhenen", domains=list(case.domains.all()))
    raw = build_pdf(data, compress=False)
    for marker in (b"/StructTreeRoot", b"/MarkInfo", b"/Lang (nl)", b"/S /H1", b"/S /Table", b"/S /TH"):
        assert marker in raw, marker
    figures = re.findall(rb"/S /Figure", raw)
    alternatives = re.findall(rb"/Alt <feff([0-9a-f]+)>", raw)
    assert len(figures) == len(alternatives) == 3  # the three charts, each described
    texts = [bytes.fromhex(a.decode()).decode("utf-16-be") for a in alternatives]
    assert texts[0].startswith("Cumulatieve kasstroom") and "P50" in texts[0]
    assert "Tornado" in texts[2] or "tornado" in texts[2]


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


@pytest.fixture
def without_pango(monkeypatch):
    """A machine without the system's Pango: importing WeasyPrint fails as cffi fails there."""
    import builtins

    real_import = builtins.__import__

    def failing_import(name, *args, **kwargs):
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", failing_import)


def test_without_pango_the_pdf_link_explains_and_offers_the_printable_report(
    case, reader_a_client, without_pango
):
    response = reader_a_client.get(f"/businesscases/{case.pk}/rapport.pdf")
    assert response.status_code == 503
    page = response.content.decode()
    assert "Pango ontbreekt" in page and "Afdrukken" in page and "Samenvatting" in page
