# SPDX-License-Identifier: EUPL-1.2
"""goedebuur.core.exports.safe_cell: text that a spreadsheet would run as a formula is never one, in
CSV or XLSX; and every module that writes a CSV or an XLSX goes through it."""

import csv
import io
import re
from pathlib import Path

import openpyxl
import pytest

import goedebuur
from goedebuur.core.exports import FORMULA_START, safe_cell

PREFIXES = ["=", "+", "-", "@", "\t", "\r"]
SRC = Path(goedebuur.__file__).resolve().parent


def test_the_prefixes_are_those_a_spreadsheet_runs():
    assert set(FORMULA_START) == set(PREFIXES)


@pytest.mark.parametrize("prefix", PREFIXES)
def test_a_csv_cell_gets_an_apostrophe_in_front(prefix):
    text = f'{prefix}HYPERLINK("https://example.org";"klik")'
    assert safe_cell(text) == "'" + text
    out = io.StringIO()
    csv.writer(out).writerow([safe_cell(text)])
    assert next(csv.reader(io.StringIO(out.getvalue()))) == ["'" + text]


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("write_only", [False, True])
def test_an_xlsx_cell_is_a_string_never_a_formula(prefix, write_only):
    text = f"{prefix}1+1"
    book = openpyxl.Workbook(write_only=write_only)
    sheet = book.create_sheet("blad") if write_only else book.active
    sheet.append(
        [safe_cell(text, sheet), safe_cell("#N/A", sheet), safe_cell(-5, sheet), safe_cell(None, sheet)]
    )
    out = io.BytesIO()
    book.save(out)
    cells = next(openpyxl.load_workbook(io.BytesIO(out.getvalue())).worksheets[0].iter_rows())
    assert [(c.value, c.data_type) for c in cells[:3]] == [(text, "s"), ("#N/A", "s"), (-5, "n")]


def test_numbers_dates_and_plain_text_are_left_alone():
    assert [safe_cell(v) for v in (-5, 2.5, "Veenendaal", None)] == [-5, 2.5, "Veenendaal", ""]


WRITES_A_SPREADSHEET = re.compile(r"csv\.writer\(|csv\.DictWriter\(|Workbook\(")


def test_every_csv_and_xlsx_writer_uses_safe_cell():
    """A new export that writes CSV or XLSX without `safe_cell` fails here."""
    writers = {
        path.relative_to(SRC).as_posix()
        for path in SRC.rglob("*.py")
        if "migrations" not in path.parts and WRITES_A_SPREADSHEET.search(path.read_text())
    }
    assert writers, "no writer found: the pattern is out of date"
    assert sorted(p for p in writers if "safe_cell(" not in (SRC / p).read_text()) == []
    assert {"matrix/exports.py", "procurement/exports.py", "businesscases/export_xlsx.py"} <= writers
    assert "core/landscape/file_export.py" in writers
