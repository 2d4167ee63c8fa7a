# SPDX-License-Identifier: EUPL-1.2
"""Writing a landscape file (CSV or XLSX) for the export and the template, with the import's columns."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from goedebuur.core.exports import safe_cell
from goedebuur.core.landscape.file_format import (
    COLUMN_NAMES,
    COLUMNS,
    CONTRACT_COLUMNS,
    LandscapeRow,
)


def columns(include_contracts: bool) -> tuple[str, ...]:
    return COLUMN_NAMES if include_contracts else tuple(c for c in COLUMN_NAMES if c not in CONTRACT_COLUMNS)


def row_cells(row: LandscapeRow, component_names: Mapping[str, str]) -> dict[str, object]:
    """The cells of a row under the file's column names (components by name)."""
    return {
        "referentiecomponenten": "; ".join(component_names.get(c, c) for c in row.components),
        "product": row.product,
        "versie": row.version,
        "leverancier": row.supplier,
        "hosting": row.hosting,
        "beschikbaarheid": row.beschikbaarheid,
        "integriteit": row.integriteit,
        "vertrouwelijkheid": row.vertrouwelijkheid,
        "rto_uren": row.rto_hours,
        "rpo_uren": row.rpo_hours,
        "contract_start": row.contract_start,
        "contract_einde": row.contract_end,
        "opzegtermijn_maanden": row.notice_months,
        "jaarlijkse_kosten_eur": row.yearly_cost_eur,
        "verlengingsopties": row.extension_options,
    }


def write_csv(records: Iterable[Mapping[str, object]], names: tuple[str, ...]) -> bytes:
    """UTF-8 with BOM and `;` as separator, the way Dutch Excel opens a CSV file correctly."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(names)
    for record in records:
        # text a spreadsheet would run as a formula gets a leading apostrophe; reading strips it again
        writer.writerow([safe_cell(_iso(record.get(n))) for n in names])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _iso(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def write_xlsx(
    records: Iterable[Mapping[str, object]],
    names: tuple[str, ...],
    notes: Iterable[Sequence[object]] | None = None,
) -> bytes:
    """A workbook with the sheet 'landschap' (and, for the template, a sheet 'toelichting' with the
    rows of `notes`, phrased by the app)."""
    import openpyxl
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("landschap")
    bold = Font(bold=True)
    header = []
    for name in names:
        cell = safe_cell(name, sheet)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for record in records:
        # text is stored as a string, never as a formula, whatever it starts with
        sheet.append([safe_cell(None if record.get(n) == "" else record.get(n), sheet) for n in names])
    if notes is not None:
        sheet = workbook.create_sheet("toelichting")
        for note in notes:
            sheet.append([safe_cell(value, sheet) for value in note])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def template_records() -> list[dict[str, str]]:
    return [{c.name: c.example for c in COLUMNS}]
