# SPDX-License-Identifier: EUPL-1.2
"""CSV and XLSX exports of the register matrix: one row per municipality, one column per domain,
each cell the names of the cooperations behind it."""

import csv
import io

from .services import RegisterMatrix

HEADER = ["CBS-code", "Gemeente", "Provincie"]
SEPARATOR = " | "


def _table(result: RegisterMatrix):
    yield HEADER + [d.name for d in result.domains] + ["Aantal samenwerkingen"]
    for municipality, cells, total in result.rows():
        yield (
            [municipality.code, municipality.name, municipality.province.name]
            + [SEPARATOR.join(c.name for c in cooperations) for _, cooperations in cells]
            + [total]
        )


def to_csv(result: RegisterMatrix) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    for row in _table(result):
        writer.writerow(row)
    return out.getvalue()


def to_xlsx(result: RegisterMatrix, source_note: str) -> bytes:
    # openpyxl is imported by the first spreadsheet, not with the application (about 0.2 s and 30 MB).
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "Matrix"
    for row in _table(result):
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "C2"
    for index in range(1, sheet.max_column + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 12 if index == 1 else 28
    about = book.create_sheet("Over")
    about.append(["Goede Buur: matrix van ICT-samenwerkingen (gemeente x ICT-domein)"])
    about.append([source_note])
    about.append(["Cellen: namen van de samenwerkingsverbanden, gescheiden door ' | '."])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
