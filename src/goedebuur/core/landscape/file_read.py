# SPDX-License-Identifier: EUPL-1.2
"""Reading a landscape file: CSV (UTF-8 only) or XLSX into a table of raw cells, with header checks."""

from __future__ import annotations

import csv
import io
import re
import zipfile

from goedebuur.core.landscape.file_format import COLUMN_NAMES, REQUIRED, FileError, Table

MAX_ROWS = 20_000


XLSX_SIGNATURE = b"PK\x03\x04"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0"  # the old binary Excel format (.xls)


def detect_kind(content: bytes) -> str:
    """'xlsx' or 'csv', by content (not by file name)."""
    if content.startswith(XLSX_SIGNATURE):
        return "xlsx"
    if content.startswith(OLE_SIGNATURE):
        raise FileError(
            "Dit is een oud Excel-bestand (.xls). Sla het in Excel op als Excel-werkmap (.xlsx) of als "
            "CSV UTF-8 en upload het opnieuw."
        )
    if b"\x00" in content[:4096]:
        raise FileError("Dit is geen CSV- of XLSX-bestand. Gebruik het sjabloon (CSV of XLSX).")
    return "csv"


def normalize_header(text: object) -> str:
    return re.sub(r"[\s\-]+", "_", str(text or "").strip().lower())


def read_table(content: bytes) -> Table:
    kind = detect_kind(content)
    table = read_xlsx(content) if kind == "xlsx" else read_csv(content)
    _check_headers(table.headers)
    table.rows = [(n, cells) for n, cells in table.rows if any(_blank(v) is False for v in cells.values())]
    if not table.rows:
        raise FileError("Het bestand bevat geen applicaties: alleen een kopregel of lege rijen.")
    if len(table.rows) > MAX_ROWS:
        raise FileError(f"Het bestand bevat {len(table.rows)} rijen; het maximum is {MAX_ROWS}.")
    return table


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def decode_csv(content: bytes) -> str:
    """UTF-8 with or without BOM; anything else is refused with the row of the first bad byte."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        row = content[: error.start].count(b"\n") + 1
        bad = content[error.start : error.start + 1]
        shown = bad.decode("cp1252", errors="replace")
        raise FileError(
            f"Het bestand is niet opgeslagen als UTF-8 (rij {row} bevat het teken {shown!r} in een andere "
            "codering, waarschijnlijk Windows-1252/Latin-1). Sla het in Excel op als 'CSV UTF-8 (door "
            "komma's gescheiden)' of als Excel-werkmap (.xlsx) en upload het opnieuw."
        ) from None


def read_csv(content: bytes) -> Table:
    text = decode_csv(content)
    first_line = text.split("\n", 1)[0]
    delimiter = max(
        (",", ";"),
        key=lambda d: sum(
            normalize_header(h) in COLUMN_NAMES for h in next(csv.reader([first_line], delimiter=d), [])
        ),
    )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        records = list(reader)
    except csv.Error as error:
        raise FileError(
            f"Het CSV-bestand kan niet worden gelezen (rij {reader.line_num}): {error}."
        ) from None
    if not records:
        raise FileError("Het bestand is leeg.")
    headers = [normalize_header(h) for h in records[0]]
    rows = []
    for number, record in enumerate(records[1:], start=2):
        if len(record) > len(headers) and any(v.strip() for v in record[len(headers) :]):
            rows.append((number, {"__extra__": "x", **dict(zip(headers, record, strict=False))}))
            continue
        rows.append((number, dict(zip(headers, record, strict=False))))
    return Table(headers, rows)


def read_xlsx(content: bytes) -> Table:
    import openpyxl  # only needed for XLSX

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise FileError(f"Het XLSX-bestand kan niet worden gelezen ({type(error).__name__}).") from None
    try:
        names = {name.lower(): name for name in workbook.sheetnames}
        sheet = workbook[names["landschap"]] if "landschap" in names else workbook.worksheets[0]
        rows_iter = sheet.iter_rows(values_only=True)
        header = next(rows_iter, None)
        if header is None:
            raise FileError("Het bestand is leeg.")
        headers = [normalize_header(h) for h in header]
        while headers and not headers[-1]:
            headers.pop()
        rows = []
        for number, values in enumerate(rows_iter, start=2):
            cells = dict(zip(headers, values, strict=False))
            if any(not _blank(v) for v in values[len(headers) :]):
                cells["__extra__"] = "x"
            rows.append((number, cells))
        return Table(headers, rows)
    finally:
        workbook.close()


def _check_headers(headers: list[str]) -> None:
    named = [h for h in headers if h]
    missing = [c for c in REQUIRED if c not in named]
    unknown = [h for h in named if h not in COLUMN_NAMES]
    doubles = sorted({h for h in named if named.count(h) > 1})
    problems = []
    if missing:
        problems.append("verplichte kolom ontbreekt: " + ", ".join(missing))
    if unknown:
        problems.append("onbekende kolom: " + ", ".join(unknown))
    if doubles:
        problems.append("kolom staat er meer dan eens in: " + ", ".join(doubles))
    if len(named) < len(headers):
        problems.append("een kolom zonder kopje")
    if problems:
        raise FileError(
            "De kopregel (rij 1) klopt niet: "
            + "; ".join(problems)
            + ". Toegestane kolommen: "
            + ", ".join(COLUMN_NAMES)
            + "."
        )
