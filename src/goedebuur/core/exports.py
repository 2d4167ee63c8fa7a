# SPDX-License-Identifier: EUPL-1.2
"""One cell of a CSV or XLSX file the platform writes: `safe_cell`, used by every CSV and XLSX writer
(the matrix, inkoopkansen, the landscape export and template, the business case). A test fails when
a module writes a CSV or an XLSX without it (tests/core/test_exports.py).

Formula injection: a spreadsheet runs text that starts with `=`, `+`, `-` or `@` (and, after a tab or
carriage return it skips, the same) as a formula, so a cooperation named `=HYPERLINK(...)` would be a
live link in whoever opens the export (OWASP, "CSV Injection"). In CSV such text gets an apostrophe in
front, which spreadsheets show as the start of text; in XLSX it is stored as a string, never as a
formula, and shown as it was typed. Numbers and dates are left alone.

Control characters: text loses the characters XML cannot hold and input may not hold
(goedebuur.core.text.printable), so that text stored with a control character never breaks an export
(openpyxl refuses it with an error, which was a 500 for every viewer)."""

from __future__ import annotations

from goedebuur.core.text import printable

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object, sheet=None):
    """The cell for `value`: for a CSV writer without `sheet` (text that could start a formula gets a
    leading apostrophe; None becomes ""); for an XLSX with `sheet` (an openpyxl worksheet, normal or
    write-only) a cell to `sheet.append`, with text stored as a string whatever it starts with. Text
    loses its control characters either way (tab, line feed and carriage return stay)."""
    if isinstance(value, str):
        value = printable(value)
    if sheet is None:
        if value is None:
            return ""
        if isinstance(value, str) and value.startswith(FORMULA_START):
            return "'" + value
        return value
    from openpyxl.cell import WriteOnlyCell  # only for XLSX writers

    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # never "f" (formula) or "e" (error code), whatever the text starts with
    return cell
