# SPDX-License-Identifier: EUPL-1.2
"""CSV and XLSX exports of the register matrix: one row per municipality, one column per domain (the
ICT domains by their name, then the other policy domains as "Context: <name>"), each cell the names
of the cooperations behind it, then the totals."""

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from goedebuur.core.exports import safe_cell

from .services import RegisterMatrix

HEADER = ["CBS-code", "Gemeente", "Provincie"]
CONTEXT_PREFIX = "Context: "
ICT_TOTAL = "Aantal ICT-samenwerkingen"
TOTAL = "Aantal samenwerkingen"
SEPARATOR = " | "
CONTEXT_FILL = PatternFill("solid", fgColor="EEEEEE")


def _header(result: RegisterMatrix) -> list[str]:
    names = [f"{CONTEXT_PREFIX}{d.name}" if d.context else d.name for d in result.domains]
    totals = [ICT_TOTAL, TOTAL] if result.context_domains and result.ict_domains else [TOTAL]
    return HEADER + names + totals


def _table(result: RegisterMatrix):
    both = bool(result.context_domains and result.ict_domains)
    yield _header(result)
    for row in result.rows():
        m = row.municipality
        yield (
            [m.code, m.name, m.province.name]
            + [SEPARATOR.join(c.name for c in cooperations) for _, cooperations in row.cells]
            + ([row.ict_total, row.total] if both else [row.total])
        )


def to_csv(result: RegisterMatrix) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    for row in _table(result):
        writer.writerow([safe_cell(value) for value in row])
    return out.getvalue()


def to_xlsx(result: RegisterMatrix, source_note: str) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Matrix"
    for row in _table(result):
        sheet.append([safe_cell(value, sheet) for value in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    first = len(HEADER) + 1
    for index, domain in enumerate(result.domains, start=first):
        if domain.context:
            sheet.cell(row=1, column=index).fill = CONTEXT_FILL
    sheet.freeze_panes = "C2"
    for index in range(1, sheet.max_column + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 12 if index == 1 else 28
    about = book.create_sheet("Over")
    for line in (
        "Goede Buur: matrix van samenwerkingen (gemeente x domein)",
        source_note,
        "Cellen: namen van de samenwerkingsverbanden en regelingen, gescheiden door ' | '.",
        "Kolommen: eerst de ICT-domeinen, dan de andere beleidsdomeinen als context "
        f"('{CONTEXT_PREFIX}...', grijs). Alleen huidige deelnames aan lopende samenwerkingen tellen.",
    ):
        about.append([safe_cell(line, about)])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
