# SPDX-License-Identifier: EUPL-1.2
"""goedebuur.core.uploads: zip bombs are refused from the central directory alone, and an Office
file is known by the content type of its main part."""

import io
import tracemalloc
import zipfile

import docx
import openpyxl
import pytest

from goedebuur.core import uploads

from ..archives import office_package, xlsx_bomb


def _zip(entries: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _refusal(data: bytes, limits=uploads.DEFAULT_LIMITS) -> tuple[str, dict]:
    with pytest.raises(uploads.ArchiveError) as refused:
        uploads.check_archive(data, limits)
    return refused.value.code, refused.value.params


def test_it_refuses_an_entry_that_unpacks_too_large_without_unpacking_it():
    bomb = xlsx_bomb(300_000)  # ~230 KB packed, ~59 MB unpacked
    tracemalloc.start()
    try:
        code, params = _refusal(bomb)
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert code == "entry_too_large"
    assert params == {"name": "xl/worksheets/sheet1.xml", "mb": 57, "maximum_mb": 50}
    assert peak < 1024 * 1024  # the central directory only


def test_it_refuses_a_compression_ratio_beyond_the_limit():
    code, params = _refusal(_zip({"xl/sharedStrings.xml": b"a" * 2_000_000}))
    assert code == "compression_ratio"
    assert (params["name"], params["maximum"]) == ("xl/sharedStrings.xml", 100) and params["ratio"] > 900
    # small entries may be packed tightly, as real Office files do
    uploads.check_archive(_zip({"docProps/app.xml": b"a" * 50_000}))


def test_it_refuses_too_many_entries_and_too_much_in_total():
    many = _zip({f"part{n}.xml": b"<x/>" for n in range(11)})
    limits = uploads.ArchiveLimits(max_entries=10)
    assert _refusal(many, limits) == ("too_many_entries", {"count": 11, "maximum": 10})
    stored = _zip({"a.bin": b"a" * 700_000, "b.bin": b"b" * 700_000}, compression=zipfile.ZIP_STORED)
    limits = uploads.ArchiveLimits(max_total_bytes=1024 * 1024)
    assert _refusal(stored, limits) == ("too_large_unpacked", {"mb": 2, "maximum_mb": 1})


def test_it_refuses_what_is_no_zip():
    assert _refusal(b"PK\x03\x04 not really a zip")[0] == "not_a_zip"


def test_a_lying_size_in_the_header_is_never_inflated_beyond():
    """The declared size is what check_archive trusts; zipfile stops there and fails the checksum."""
    data = bytearray(_zip({"xl/worksheets/sheet1.xml": b"x" * 5_000_000}))
    central = data.rfind(b"PK\x01\x02")
    data[central + 24 : central + 28] = (1000).to_bytes(4, "little")  # uncompressed size: 1,000
    data[22:26] = (1000).to_bytes(4, "little")
    uploads.check_archive(bytes(data))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive, pytest.raises(zipfile.BadZipFile):
        archive.read("xl/worksheets/sheet1.xml")


def test_it_knows_word_and_excel_files_by_their_main_content_type():
    word, excel = io.BytesIO(), io.BytesIO()
    docx.Document().save(word)
    openpyxl.Workbook().save(excel)
    assert uploads.office_type(word.getvalue()) == "docx"
    assert uploads.office_type(excel.getvalue()) == "xlsx"
    assert uploads.office_type(office_package("docx")) == "docx"
    assert uploads.office_type(office_package("xlsx")) == "xlsx"


def test_a_zip_with_a_word_folder_is_no_word_document():
    assert (
        uploads.office_type(_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<x/>"})) is None
    )
    assert uploads.office_type(office_package("docx", main_part=False)) is None  # names a part it lacks
    assert uploads.office_type(office_package("docm")) is None  # macros: not a plain DOCX
    assert uploads.office_type(_zip({"readme.txt": b"hallo"})) is None


def test_the_content_types_are_checked_after_the_archive():
    with pytest.raises(uploads.ArchiveError) as refused:
        uploads.office_type(xlsx_bomb(300_000))
    assert refused.value.code == "entry_too_large"
