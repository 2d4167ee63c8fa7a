# SPDX-License-Identifier: EUPL-1.2
"""Reading and checking an application-landscape file (CSV or XLSX), and writing one (pure: no Django).

One row per application. The columns (Dutch headers, see `COLUMNS` and docs/user/landschap-import.md)
are the same for the template, the import and the export, so an exported file can be edited and
imported again.

Decisions:
- CSV must be UTF-8 (with or without BOM). A file in Windows-1252/Latin-1 (Excel's plain "CSV") is
  *rejected* with the row of the first offending character, not guessed: a wrong guess silently
  turns "Pinkroccade" into "PinkroccadÃ©" and creates a second supplier.
- The separator is `,` or `;`, whichever makes the header row recognisable.
- Row numbers are spreadsheet row numbers: the header is row 1, the first application row 2.
- Problems with the file as a whole (unreadable, missing or unknown columns, no rows) are
  `FileError`s; problems with a row are `RowError`s; a file with any error imports nothing. Both
  carry a code with its values, never a sentence: goedebuur.profiles.file_messages phrases them.

This module is the entry point; the parts live in `landscape_import_format` (columns and types),
`landscape_import_read` (CSV/XLSX to cells), `landscape_import_check` (cells to rows) and
`landscape_export` (writing files and the template).
"""

from __future__ import annotations

from goedebuur.core.landscape.file_check import check_row, check_table, parse_date, parse_euros
from goedebuur.core.landscape.file_export import columns, row_cells, template_records, write_csv, write_xlsx
from goedebuur.core.landscape.file_format import (
    COLUMN_NAMES,
    COLUMNS,
    CONTRACT_COLUMNS,
    FORMULA_START,
    HOSTING,
    MAX_LENGTH,
    REQUIRED,
    Column,
    ComponentIndex,
    FileError,
    ImportResult,
    LandscapeRow,
    RowError,
    Table,
)
from goedebuur.core.landscape.file_read import (
    MAX_ROWS,
    OLE_SIGNATURE,
    XLSX_SIGNATURE,
    decode_csv,
    detect_kind,
    normalize_header,
    read_csv,
    read_table,
    read_xlsx,
)
from goedebuur.core.landscape.rules import normalize_name

__all__ = [
    "COLUMNS",
    "COLUMN_NAMES",
    "CONTRACT_COLUMNS",
    "FORMULA_START",
    "HOSTING",
    "MAX_LENGTH",
    "MAX_ROWS",
    "OLE_SIGNATURE",
    "REQUIRED",
    "XLSX_SIGNATURE",
    "Column",
    "ComponentIndex",
    "FileError",
    "ImportResult",
    "LandscapeRow",
    "RowError",
    "Table",
    "check_row",
    "check_table",
    "columns",
    "decode_csv",
    "detect_kind",
    "normalize_header",
    "normalize_name",
    "parse",
    "parse_date",
    "parse_euros",
    "read_csv",
    "read_table",
    "read_xlsx",
    "row_cells",
    "template_records",
    "write_csv",
    "write_xlsx",
]


def parse(content: bytes, components: ComponentIndex) -> ImportResult:
    """Read and check a whole file. `ok` only when the file has rows and not a single error."""
    try:
        table = read_table(content)
    except FileError as error:
        return ImportResult(file_errors=[error])
    return check_table(table, components)
