# SPDX-License-Identifier: EUPL-1.2
"""Shared helpers for generated documents (PDF reports, DOCX outlines)."""

from .pdf import FONT, new_pdf, pdf_bytes
from .word import WordDocument

__all__ = ["FONT", "WordDocument", "new_pdf", "pdf_bytes"]
