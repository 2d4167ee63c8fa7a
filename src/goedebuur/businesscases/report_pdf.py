# SPDX-License-Identifier: EUPL-1.2
"""The report for the college and council as an accessible PDF: the one-page summary in plain
language first, then the explanation of the terms, the results, the charts (the same SVG as the
pages, each with its alternative text), the yearly cash flows, the assumptions with their sources,
the risks and the evidence note. Rendered from HTML by `goedebuur.documents.html_to_pdf`
(WeasyPrint, tagged PDF/UA-1). The bytes depend only on the inputs, the seed and the date."""

from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from goedebuur.documents import FONT_FACES, html_to_pdf


def build_html(data: dict) -> str:
    return render_to_string(
        "businesscases/report_pdf.html",
        {**data, "font_faces": FONT_FACES, "language": (get_language() or "nl").split("-")[0]},
    )


NO_PDF = _(
    "Deze server kan geen PDF maken: de systeembibliotheek Pango ontbreekt (zie de installatie-"
    "instructies in docs/deploy.md). Open de printbare versie van het rapport en kies 'Afdrukken' → "
    "'Opslaan als PDF' in uw browser."
)


def build_pdf(data: dict, *, compress: bool = True) -> bytes:
    return html_to_pdf(build_html(data), compress=compress)
