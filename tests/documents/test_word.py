# SPDX-License-Identifier: EUPL-1.2
"""goedebuur.documents.WordDocument: text with control characters never breaks a DOCX, and every
DOCX the platform writes is built with it."""

import io
from pathlib import Path

import docx
import pytest

import goedebuur
from goedebuur.documents import WordDocument

SRC = Path(goedebuur.__file__).resolve().parent


def test_control_characters_are_left_out_instead_of_breaking_the_document():
    document = WordDocument("Plan \x07")
    document.heading("Diensten\x1b", level=1)
    document.paragraph("Key2\x07Zaken\nregel twee\ttab")
    document.paragraph("schuin\x0b", italic=True)
    document.table(["naam\x00"], [["Key2\x07Zaken"]])
    read = docx.Document(io.BytesIO(document.bytes()))
    assert [p.text for p in read.paragraphs] == ["Diensten", "Key2Zaken\nregel twee\ttab", "schuin"]
    assert read.tables[0].rows[1].cells[0].text == "Key2Zaken"
    assert read.core_properties.title == "Plan "


def test_python_docx_itself_refuses_them():
    """Why: this was a ValueError, so a 500, for every viewer of the document."""
    with pytest.raises(ValueError, match="XML compatible"):
        docx.Document().add_paragraph("Key2\x07Zaken")


def test_every_docx_is_built_with_word_document():
    users = sorted(
        path.relative_to(SRC).as_posix()
        for path in SRC.rglob("*.py")
        if "from docx import" in path.read_text() or "import docx" in path.read_text()
    )
    assert users == ["documents/word.py"]
