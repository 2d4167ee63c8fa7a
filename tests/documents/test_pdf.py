# SPDX-License-Identifier: EUPL-1.2
from goedebuur.documents.pdf import new_pdf, pdf_bytes


def build(text):
    pdf = new_pdf("Proef")
    pdf.add_page()
    pdf.multi_cell(0, 6, text)
    return pdf_bytes(pdf)


def test_it_writes_the_euro_sign_and_dutch_accents():
    assert build("Kosten € 1.234, coöperatie, Enschedé").startswith(b"%PDF-")


def test_the_same_text_gives_the_same_bytes():
    assert build("Reproduceerbaar") == build("Reproduceerbaar")
