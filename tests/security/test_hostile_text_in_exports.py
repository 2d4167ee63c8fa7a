# SPDX-License-Identifier: EUPL-1.2
"""Stored text that is hostile to a file format, through every export the platform writes.

- Formula injection (issue 18, item 7): text starting with `=`, `+`, `-`, `@`, tab or CR comes out of
  every CSV with an apostrophe in front and is a string cell in every XLSX, never a formula.
- Control characters (item 5): text with U+0007 (BEL) made the landscape XLSX, the continuity plan, the
  trajectory documents and the business-case XLSX a 500 for every viewer; every export now answers 200
  and holds the text without the control character.

The text is written straight into the database (as it may already be stored, whatever the input
rules say today), in a product name, a cooperation name, a business case's source and double
contract, a trajectory's name and a service of an achtervang agreement."""

import csv
import io

import docx
import openpyxl
import pytest

from goedebuur.businesscases.models import BusinessCase
from goedebuur.cooperations.models import Cooperation
from goedebuur.core.procurement.opportunities import add_months
from goedebuur.fallback.models import Service
from goedebuur.municipalities.models import Municipality
from goedebuur.profiles import services as profiles
from goedebuur.profiles.models import Product
from goedebuur.trajectories.models import Trajectory

from ..businesscases.factories import make_case
from ..factories import RHENEN, VEENENDAAL, make_cooperation
from ..fallback.factories import make_agreement, make_service
from ..trajectories.factories import make_trajectory

pytestmark = pytest.mark.django_db

MARK = 'HYPERLINK("https://example.org/x";"klik")'
PREFIXES = ["=", "+", "-", "@", "\t", "\r"]


def _application(code, product, component, end, cost=10_000):
    municipality = Municipality.objects.get(code=code)
    profiles.upsert_application(
        municipality,
        {
            "supplier": "Leverancier",
            "product": product,
            "components": [component],
            "hosting": "saas",
            "contract": {"end_date": end, "yearly_cost_eur": cost},
        },
        None,
    )


@pytest.fixture
def stored(editor_a):
    """Builds the records with `text` stored in each of them; returns the ids the exports need."""

    def build(text):
        from django.utils import timezone

        soon = add_months(timezone.localdate(), 8)
        _application(VEENENDAAL, "Key2Burgerzaken", "Burgerzakencomponent", soon)
        _application(RHENEN, "Hostile", "Burgerzakencomponent", soon)
        Product.objects.filter(name="Hostile").update(name=text)
        cooperation = make_cooperation(user=editor_a, members=(VEENENDAAL, RHENEN), domains=("werkplek",))
        Cooperation.objects.filter(pk=cooperation.pk).update(name=text)
        case = make_case(editor_a)
        baselines = dict(case.baselines)
        baselines[VEENENDAAL] = {**baselines[VEENENDAAL], "source": text}
        double = [
            {
                "municipality": RHENEN,
                "label": f"Leverancier {text}",
                "yearly_cost_eur": 10_000,
                "end_date": "2031-12-31",
                "amounts": [10_000] * case.horizon,
            }
        ]
        BusinessCase.objects.filter(pk=case.pk).update(baselines=baselines, double_contracts=double)
        agreement = make_agreement(contacts_a="Servicedesk")
        service = make_service(agreement, name="Hostile")
        Service.objects.filter(pk=service.pk).update(name=text)
        type(agreement).objects.filter(pk=agreement.pk).update(contacts_a=text)
        trajectory = make_trajectory(name="Hostile")
        Trajectory.objects.filter(pk=trajectory.pk).update(name=text, description=text)
        return {"case": case.pk, "agreement": agreement.pk, "trajectory": trajectory.pk}

    return build


def _csv_cells(response, delimiter) -> list[str]:
    text = response.content.decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter) for cell in row]


def _xlsx_cells(response) -> list:
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    return [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]


CSV_EXPORTS = {  # name: (URL, separator)
    "matrix": ("/matrix.csv", ","),
    "inkoopkansen": ("/inkoopkansen.csv", ","),
    "landschap (pagina)": (f"/gemeenten/{RHENEN}/landschap.csv", ";"),
    "landschap (API)": (f"/api/v1/gemeenten/{RHENEN}/applicaties/export?formaat=csv", ";"),
}
XLSX_EXPORTS = {
    "matrix": lambda ids: "/matrix.xlsx",
    "landschap (pagina)": lambda ids: f"/gemeenten/{RHENEN}/landschap.xlsx",
    "landschap (API)": lambda ids: f"/api/v1/gemeenten/{RHENEN}/applicaties/export?formaat=xlsx",
    "businesscase": lambda ids: f"/businesscases/{ids['case']}/export.xlsx",
}


@pytest.mark.parametrize("prefix", PREFIXES, ids=repr)
@pytest.mark.parametrize("export", CSV_EXPORTS)
def test_no_csv_cell_starts_a_formula(stored, admin_client, export, prefix):
    stored(prefix + MARK)
    url, separator = CSV_EXPORTS[export]
    response = admin_client.get(url)
    assert response.status_code == 200
    cells = [cell for cell in _csv_cells(response, separator) if MARK in cell]
    assert cells, f"{export}: the stored text is not in the export"
    assert all(cell.startswith("'") for cell in cells), cells


@pytest.mark.parametrize("prefix", PREFIXES, ids=repr)
@pytest.mark.parametrize("export", XLSX_EXPORTS)
def test_no_xlsx_cell_is_a_formula(stored, admin_client, export, prefix):
    ids = stored(prefix + MARK)
    response = admin_client.get(XLSX_EXPORTS[export](ids))
    assert response.status_code == 200
    cells = [cell for cell in _xlsx_cells(response) if MARK in str(cell.value)]
    assert cells, f"{export}: the stored text is not in the export"
    assert all(cell.data_type == "s" for cell in cells), [(c.coordinate, c.data_type) for c in cells]


BEL = "Key2\u0007Zaken"
EVERY_EXPORT = {
    "matrix.csv": lambda ids: "/matrix.csv",
    "matrix.xlsx": lambda ids: "/matrix.xlsx",
    "inkoopkansen.csv": lambda ids: "/inkoopkansen.csv",
    "landschap.csv": lambda ids: f"/gemeenten/{RHENEN}/landschap.csv",
    "landschap.xlsx": lambda ids: f"/gemeenten/{RHENEN}/landschap.xlsx",
    "landschap.json": lambda ids: f"/gemeenten/{RHENEN}/landschap.json",
    "API landschap csv": lambda ids: f"/api/v1/gemeenten/{RHENEN}/applicaties/export?formaat=csv",
    "API landschap xlsx": lambda ids: f"/api/v1/gemeenten/{RHENEN}/applicaties/export?formaat=xlsx",
    "API landschap json": lambda ids: f"/api/v1/gemeenten/{RHENEN}/applicaties/export",
    "businesscase.xlsx": lambda ids: f"/businesscases/{ids['case']}/export.xlsx",
    "businesscase.pdf": lambda ids: f"/businesscases/{ids['case']}/rapport.pdf",
    "continuiteitsplan.docx": lambda ids: f"/achtervang/{ids['agreement']}/continuiteitsplan.docx",
    "continuiteitsplan.pdf": lambda ids: f"/achtervang/{ids['agreement']}/continuiteitsplan.pdf",
    "agenda.ics": lambda ids: f"/achtervang/{ids['agreement']}/agenda.ics",
    "intentieverklaring.docx": lambda ids: (
        f"/trajecten/{ids['trajectory']}/documenten/intentieverklaring.docx"
    ),
    "samenwerkingsovereenkomst.docx": lambda ids: (
        f"/trajecten/{ids['trajectory']}/documenten/samenwerkingsovereenkomst.docx"
    ),
    "dvo.docx": lambda ids: f"/trajecten/{ids['trajectory']}/documenten/dvo.docx",
    "dvo.md": lambda ids: f"/trajecten/{ids['trajectory']}/documenten/dvo.md",
}


def _docx_text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.mark.parametrize("export", EVERY_EXPORT)
def test_every_export_answers_with_text_holding_a_control_character(stored, admin_client, export):
    ids = stored(BEL)
    response = admin_client.get(EVERY_EXPORT[export](ids))
    assert response.status_code == 200, response.content[:300]
    if export.endswith("docx"):
        assert "Key2Zaken" in _docx_text(response.content)
    elif export.endswith("xlsx"):
        assert "Key2Zaken" in [cell.value for cell in _xlsx_cells(response)] or any(
            "Key2Zaken" in str(cell.value) for cell in _xlsx_cells(response)
        )
