# SPDX-License-Identifier: EUPL-1.2
import io
import zipfile

import pytest

from goedebuur.core.experiences import attachments

from ...archives import office_package, xlsx_bomb


def _zip(*names: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


def test_it_recognises_pdf_docx_and_xlsx_by_content():
    assert attachments.check("verslag.pdf", b"%PDF-1.7\n...").kind == "pdf"
    assert attachments.check("plan.docx", office_package("docx")).kind == "docx"
    assert attachments.check("begroting.xlsx", office_package("xlsx")).kind == "xlsx"


def test_it_refuses_a_renamed_executable():
    with pytest.raises(attachments.AttachmentError) as refused:
        attachments.check("notulen.pdf", b"MZ\x90\x00\x03" + b"\x00" * 100)
    assert refused.value.code == "not_allowed"


def test_it_refuses_a_zip_that_is_not_an_office_document():
    with pytest.raises(attachments.AttachmentError):
        attachments.check("plan.docx", _zip("readme.txt"))
    with pytest.raises(attachments.AttachmentError):
        attachments.check("plan.docx", b"PK\x03\x04 not really a zip")


def test_a_zip_with_a_word_folder_is_not_a_docx():
    """The main part's content type decides, not an entry name."""
    with pytest.raises(attachments.AttachmentError) as refused:
        attachments.check("plan.docx", _zip("[Content_Types].xml", "word/document.xml"))
    assert refused.value.code == "not_allowed"
    with pytest.raises(attachments.AttachmentError):
        attachments.check("plan.docx", office_package("docm"))


def test_it_refuses_a_zip_bomb():
    with pytest.raises(attachments.AttachmentError) as refused:
        attachments.check("begroting.xlsx", xlsx_bomb(300_000))
    assert refused.value.code == "entry_too_large"
    assert refused.value.params["name"] == "xl/worksheets/sheet1.xml"


def test_it_refuses_a_name_that_contradicts_the_content():
    with pytest.raises(attachments.AttachmentError) as refused:
        attachments.check("begroting.xlsx", b"%PDF-1.4")
    assert (refused.value.code, refused.value.params) == (
        "wrong_extension",
        {"extension": "xlsx", "kind": "pdf"},
    )


def test_it_refuses_empty_and_too_large_files():
    with pytest.raises(attachments.AttachmentError) as refused:
        attachments.check("a.pdf", b"")
    assert refused.value.code == "empty"
    with pytest.raises(attachments.AttachmentError) as refused:
        attachments.check("a.pdf", b"%PDF-" + b"0" * (1024 * 1024), max_bytes=1024 * 1024)
    assert (refused.value.code, refused.value.params) == ("too_large", {"mb": 1})


def test_it_gives_the_stored_name_the_extension_of_the_real_type():
    assert attachments.check("verslag", b"%PDF-1.4").filename == "verslag.pdf"
    assert attachments.check("../../etc/pass wd.pdf", b"%PDF-1.4").filename == ".._.._etc_pass wd.pdf"
