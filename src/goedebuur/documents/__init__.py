# SPDX-License-Identifier: EUPL-1.2
"""Shared helpers for generated documents (PDF reports, DOCX outlines)."""
