# SPDX-License-Identifier: EUPL-1.2
"""Reading a hostile landscape file costs little: a zip bomb is refused before it is inflated, a
ZIP that is no workbook is refused by its content type, and reading stops at the row limit."""

import io
import time
import tracemalloc
import zipfile

import openpyxl
import pytest

from goedebuur.core.landscape import file_import as L
from goedebuur.core.landscape import file_read

from ...archives import office_package, xlsx_bomb, xlsx_workbook

INDEX = L.ComponentIndex([("a97b6545-d5a7-485d-9b13-3ce22db5b9cf", "Zaakregistratiecomponent")])
HEADER = ["referentiecomponenten", "product", "leverancier", "hosting"]


def _peak(function):
    """(result, peak bytes allocated while it ran, seconds)."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        result = function()
        return result, tracemalloc.get_traced_memory()[1], time.perf_counter() - started
    finally:
        tracemalloc.stop()


def test_a_zip_bomb_is_refused_before_it_is_inflated():
    """~150 KB packed, ~39 MB unpacked (200,000 rows): before the check openpyxl read every row."""
    result, peak, seconds = _peak(lambda: L.parse(xlsx_bomb(), INDEX))
    (error,) = result.file_errors
    assert (error.code, error.params) == (
        "entry_too_large",
        {"name": "xl/worksheets/sheet1.xml", "mb": 38, "maximum_mb": 16},
    )
    assert not result.rows
    assert peak < 2 * 1024 * 1024 and seconds < 2


def test_a_compression_ratio_beyond_the_limit_is_refused():
    """Small enough unpacked (about 2 MB), but packed 257 times: no Office program writes that."""
    (error,) = L.parse(xlsx_workbook(10_000), INDEX).file_errors
    assert error.code == "compression_ratio" and error.params["maximum"] == 100


def test_a_zip_that_is_no_workbook_is_refused_by_its_content_type():
    assert [e.code for e in L.parse(office_package("docx"), INDEX).file_errors] == ["not_xlsx"]
    pretending = office_package("xlsx", main_part=False, extra={"xl/worksheets/sheet1.xml": b"<x/>"})
    assert [e.code for e in L.parse(pretending, INDEX).file_errors] == ["not_xlsx"]


def _rows(count):
    return [["Zaakregistratiecomponent", f"Product {n}", f"Leverancier {n}", "saas"] for n in range(count)]


def _xlsx(rows) -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active.title = "landschap"
    for row in [HEADER, *rows]:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _csv(rows) -> bytes:
    return "\n".join(",".join(row) for row in [HEADER, *rows]).encode()


@pytest.mark.parametrize("write", [_csv, _xlsx])
def test_reading_stops_at_the_first_row_over_the_limit(write, monkeypatch):
    monkeypatch.setattr(file_read, "MAX_ROWS", 5)
    assert L.parse(write(_rows(5)), INDEX).row_count == 5
    (error,) = L.parse(write(_rows(6) + [["", "", "", ""]] * 3), INDEX).file_errors
    assert (error.code, error.params) == ("too_many_rows", {"maximum": 5})
    # blank rows do not count
    assert L.parse(write(_rows(2) + [["", "", "", ""]] * 10 + _rows(3)), INDEX).row_count == 5


def test_the_limit_is_ten_thousand_rows():
    assert file_read.MAX_ROWS == 10_000
    (error,) = L.parse(_csv(_rows(10_001)), INDEX).file_errors
    assert (error.code, error.params) == ("too_many_rows", {"maximum": 10_000})


def test_a_sheet_that_claims_every_column_costs_nothing_extra():
    """A cell in column XFD made every row 16,384 cells wide; cells right of MAX_COLUMNS are not read,
    cells between the header and MAX_COLUMNS still count as extra cells."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in [HEADER, *_rows(3)]:
        sheet.append(row)
    sheet.cell(row=3, column=16_384, value="ver weg")
    sheet.cell(row=4, column=6, value="naast de kolommen")
    out = io.BytesIO()
    workbook.save(out)
    result, _peak_bytes, seconds = _peak(lambda: L.parse(out.getvalue(), INDEX))
    assert [(e.row, e.code) for e in result.errors] == [(4, "extra_cells")]
    assert seconds < 2


def test_a_workbook_with_broken_xml_is_unreadable_not_an_error_page():
    source = zipfile.ZipFile(io.BytesIO(xlsx_workbook(500)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info in source.infolist():
            data = source.read(info)
            archive.writestr(info.filename, data[:-3000] if info.filename.endswith("sheet1.xml") else data)
    (error,) = L.parse(out.getvalue(), INDEX).file_errors
    assert (error.code, error.params) == ("xlsx_unreadable", {"detail": "ParseError"})
