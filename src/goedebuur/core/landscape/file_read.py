# SPDX-License-Identifier: EUPL-1.2
"""Reading a landscape file: CSV (UTF-8 only) or XLSX into a table of raw cells, with header checks.

A hostile file costs little: an XLSX passes the archive checks (goedebuur.core.uploads, no zip
bombs) and must be a workbook by its content type before openpyxl opens it, read-only (streaming);
reading stops at the first row over MAX_ROWS and at column MAX_COLUMNS, for CSV and XLSX alike."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from xml.etree import ElementTree

from goedebuur.core import uploads
from goedebuur.core.landscape.file_format import COLUMN_NAMES, REQUIRED, FileError, Table

MAX_ROWS = 10_000  # rows with data per import
# Cells right of this column are not read (the file has 15 columns): it bounds the work per row,
# whatever column a cell claims to be in.
MAX_COLUMNS = 4 * len(COLUMN_NAMES)
# Our own export of MAX_ROWS rows unpacks to 7.6 MB (its sheet); these limits leave room for longer
# texts and bound the time and memory a crafted workbook can cost (docs/user/landschap-import.md).
ARCHIVE_LIMITS = uploads.ArchiveLimits(
    max_entries=500, max_entry_bytes=16 * uploads.MIB, max_total_bytes=32 * uploads.MIB
)


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
    if not table.rows:
        raise FileError("no_rows")
    return table


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _with_data(rows, width: int):
    """The rows (number, cells) that have a value, until MAX_ROWS of them; raises "too_many_rows"
    at the next one, before reading further."""
    count = 0
    for number, values in rows:
        values = values[:MAX_COLUMNS]
        if all(_blank(v) for v in values):
            continue
        count += 1
        if count > MAX_ROWS:
            raise FileError("too_many_rows", maximum=MAX_ROWS)
        yield number, values, any(not _blank(v) for v in values[width:])


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
        header = next(reader, None)
        if header is None:
            raise FileError("empty")
        headers = [normalize_header(h) for h in header[:MAX_COLUMNS]]
        rows = []
        for number, record, extra in _with_data(enumerate(reader, start=2), len(headers)):
            cells = dict(zip(headers, record, strict=False))
            rows.append((number, {"__extra__": "x", **cells} if extra else cells))
    except csv.Error as error:
        raise FileError("csv_unreadable", row=reader.line_num, detail=str(error)) from None
    return Table(headers, rows)


def check_xlsx(content: bytes) -> None:
    """Refuse a ZIP archive that is a zip bomb (the archive's code, see goedebuur.core.uploads) or
    no Excel workbook by its content type ("not_xlsx"), before anything inflates it."""
    try:
        kind = uploads.office_type(content, ARCHIVE_LIMITS)
    except uploads.ArchiveError as error:
        if error.code == "not_a_zip":
            raise FileError("xlsx_unreadable", detail="BadZipFile") from None
        raise FileError(error.code, **error.params) from None
    if kind != "xlsx":
        raise FileError("not_xlsx")


# What openpyxl raises for a broken workbook: a part that fails its checksum (a size that lied),
# XML that does not parse, a missing part.
UNREADABLE = (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError, ElementTree.ParseError)


def read_xlsx(content: bytes) -> Table:
    check_xlsx(content)
    import openpyxl  # only needed for XLSX, and only once it passed the checks

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except UNREADABLE as error:
        raise FileError("xlsx_unreadable", detail=type(error).__name__) from None
    try:
        names = {name.lower(): name for name in workbook.sheetnames}
        sheet = workbook[names["landschap"]] if "landschap" in names else workbook.worksheets[0]
        # The sheet's own idea of its size (<dimension>) is ignored: rows and columns are those
        # with cells, up to MAX_COLUMNS, so a claimed A1:XFD1048576 costs nothing.
        sheet.reset_dimensions()
        rows_iter = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS)
        header = next(rows_iter, None)
        if header is None:
            raise FileError("empty")
        headers = [normalize_header(h) for h in header]
        while headers and not headers[-1]:
            headers.pop()
        rows = []
        for number, values, extra in _with_data(enumerate(rows_iter, start=2), len(headers)):
            cells = dict(zip(headers, values, strict=False))
            rows.append((number, {**cells, "__extra__": "x"} if extra else cells))
        return Table(headers, rows)
    except UNREADABLE as error:
        raise FileError("xlsx_unreadable", detail=type(error).__name__) from None
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
