# SPDX-License-Identifier: EUPL-1.2
"""Accessible PDF from HTML with WeasyPrint: a tagged PDF (PDF/UA-1: structure tree in reading
order, headings, lists and tables as tags, pictures with their alternative text, page headers and
footers as artifacts, the document language and title). Used where a report must be read by
everyone (the business case for college and council); see docs/decisions.md.

WeasyPrint needs the Pango library of the system (Debian: libpango-1.0-0 and libpangoft2-1.0-0).
The bundled DejaVu Sans is loaded with @font-face from `FONT_DIR`, so the output does not depend
on the fonts installed; the same HTML gives the same bytes."""

from __future__ import annotations

import logging

from .pdf import FONT_DIR

# WeasyPrint and fontTools report every font subset and unsupported CSS at INFO/WARNING level.
for _name in ("weasyprint", "fontTools"):
    logging.getLogger(_name).setLevel(logging.ERROR)

FONT_FACES = f"""
@font-face {{ font-family: "DejaVu Sans"; src: url("{(FONT_DIR / "DejaVuSans.ttf").as_uri()}"); }}
@font-face {{ font-family: "DejaVu Sans"; font-weight: bold;
  src: url("{(FONT_DIR / "DejaVuSans-Bold.ttf").as_uri()}"); }}
"""


class PdfUnavailable(RuntimeError):
    """WeasyPrint cannot run here: the system lacks Pango (a fresh machine with only Python). The
    caller says so in Dutch and points to the printable HTML report, which the browser prints."""


def html_to_pdf(html: str, *, compress: bool = True) -> bytes:
    """The tagged PDF/UA-1 of `html` (which must have <html lang>, a <title> and use the font
    family "DejaVu Sans", see `FONT_FACES`). `compress=False` writes the objects readable, for
    tests that look at the structure."""
    # WeasyPrint is imported by the first PDF, not with the application (about 0.3 s).
    try:
        from weasyprint import HTML
    except OSError as error:  # cffi could not load libpango / libpangoft2
        raise PdfUnavailable(str(error)) from error

    return HTML(string=html, base_url=FONT_DIR.as_uri() + "/").write_pdf(
        pdf_variant="pdf/ua-1", pdf_tags=True, uncompressed_pdf=not compress
    )
