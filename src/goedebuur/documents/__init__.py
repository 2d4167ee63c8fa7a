# SPDX-License-Identifier: EUPL-1.2
"""Shared helpers for generated documents (PDF reports, DOCX outlines)."""

from .html_pdf import FONT_FACES, PdfUnavailable, html_to_pdf
from .pdf import FONT, new_pdf, pdf_bytes
from .word import WordDocument

__all__ = ["FONT", "FONT_FACES", "PdfUnavailable", "WordDocument", "html_to_pdf", "new_pdf", "pdf_bytes"]
