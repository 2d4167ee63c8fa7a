# SPDX-License-Identifier: EUPL-1.2
"""Shared helpers for generated documents (PDF reports, DOCX outlines)."""

from .pdf import FONT, new_pdf, pdf_bytes

__all__ = ["FONT", "new_pdf", "pdf_bytes"]
