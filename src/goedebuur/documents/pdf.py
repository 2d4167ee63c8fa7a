# SPDX-License-Identifier: EUPL-1.2
"""PDF documents with fpdf2 and the bundled DejaVu Sans (the built-in PDF fonts lack '€' and other
characters Dutch texts need). Font licence: documents/fonts/LICENSE-DejaVu.txt."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fpdf import FPDF

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVu"
# Reports must be reproducible byte for byte from the same inputs; the document date goes in the text.
_FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)


def new_pdf(title: str, author: str = "Goede Buur") -> FPDF:
    """An A4 portrait document with DejaVu Sans (regular and bold) registered and selected, page
    numbers in the footer, and fixed metadata dates so the same input gives the same bytes."""
    pdf = _numbered_pdf_class()(orientation="portrait", unit="mm", format="A4")
    pdf.add_font(FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font(FONT, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_font(FONT, size=10)
    pdf.set_title(title)
    pdf.set_author(author)
    pdf.set_creator("Goede Buur")
    pdf.set_auto_page_break(auto=True, margin=18)
    return pdf


def pdf_bytes(pdf: FPDF) -> bytes:
    return bytes(pdf.output())


@cache
def _numbered_pdf_class() -> type[FPDF]:
    # fpdf2 is imported by the first PDF, not with the application: it takes about 0.35 s and 35 MB.
    from fpdf import FPDF

    class _NumberedPDF(FPDF):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.set_creation_date(_FIXED_DATE)

        def footer(self):
            self.set_y(-12)
            self.set_font(FONT, size=8)
            self.cell(0, 8, f"{self.page_no()}/{{nb}}", align="C")

    return _NumberedPDF
