# SPDX-License-Identifier: EUPL-1.2
"""Reading a landscape file: CSV (UTF-8 only) or XLSX into a table of raw cells, with header checks."""

from __future__ import annotations

import csv
import io
import re
import zipfile

from goedebuur.core.landscape.file_format import COLUMN_NAMES, REQUIRED, FileError, Table

MAX_ROWS = 10_000  # a landscape has tens to hundreds of applications; issue 18: 20,000 took 11 s


XLSX_SIGNATURE = b"PK\x03\x04"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0"  # the old binary Excel format (.xls)


def detect_kind(content: bytes) -> str:
    """'xlsx' or 'csv', by content (not by file name)."""
    if content.startswith(XLSX_SIGNATURE):
        return "xlsx"
    if content.startswith(OLE_SIGNATURE):
        raise FileError("old_excel")
    if b"\x00" in content[:4096]:
        raise FileError("not_csv_or_xlsx")
    return "csv"


def normalize_header(text: object) -> str:
    return re.sub(r"[\s\-]+", "_", str(text or "").strip().lower())


def read_table(content: bytes) -> Table:
    kind = detect_kind(content)
    table = read_xlsx(content) if kind == "xlsx" else read_csv(content)
    _check_headers(table.headers)
    table.rows = [(n, cells) for n, cells in table.rows if any(_blank(v) is False for v in cells.values())]
    if not table.rows:
        raise FileError("no_rows")
    if len(table.rows) > MAX_ROWS:
        raise FileError("too_many_rows", count=len(table.rows), maximum=MAX_ROWS)
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
        raise FileError("not_utf8", row=row, character=shown) from None


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
        raise FileError("csv_unreadable", row=reader.line_num, detail=str(error)) from None
    if not records:
        raise FileError("empty")
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
        raise FileError("xlsx_unreadable", detail=type(error).__name__) from None
    try:
        names = {name.lower(): name for name in workbook.sheetnames}
        sheet = workbook[names["landschap"]] if "landschap" in names else workbook.worksheets[0]
        rows_iter = sheet.iter_rows(values_only=True)
        header = next(rows_iter, None)
        if header is None:
            raise FileError("empty")
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
    if missing or unknown or doubles or len(named) < len(headers):
        raise FileError(
            "bad_header",
            missing=missing,
            unknown=unknown,
            doubles=doubles,
            unnamed=len(named) < len(headers),
            allowed=list(COLUMN_NAMES),
        )
