# SPDX-License-Identifier: EUPL-1.2
"""The report for the college and council as PDF (fpdf2 via goedebuur.documents.pdf): summary,
partners, results per municipality, assumptions with sources, yearly cash flows, risks and the
evidence note. The bytes depend only on the inputs and the seed."""

import logging

from django.utils.translation import gettext as _

from goedebuur.common import euros
from goedebuur.documents import FONT, new_pdf, pdf_bytes

# fontTools reports every font subset at INFO level; the report needs none of that on the console.
logging.getLogger("fontTools").setLevel(logging.WARNING)


def build_pdf(data: dict) -> bytes:
    title = _("Businesscase ICT-samenwerking: %(name)s") % {"name": data["title"]}
    pdf = new_pdf(title)
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.set_font(FONT, "B", 16)
    pdf.multi_cell(
        0, 8, title + (f" ({data['scenario']})" if data["scenario"] else ""), new_x="LMARGIN", new_y="NEXT"
    )
    pdf.set_font(FONT, size=9)
    meta = _("Rekenresultaat met startgetal %(seed)s en %(draws)s trekkingen.") % {
        "seed": data["seed"],
        "draws": data["draws"],
    }
    if data["owner_name"]:
        meta = _("Opgesteld door %(owner)s. ") % {"owner": data["owner_name"]} + meta
    if data["is_demo"]:
        meta += " " + _("Demogegevens.")
    pdf.multi_cell(0, 5, meta, new_x="LMARGIN", new_y="NEXT")
    if data["unconfirmed"]:
        _heading(pdf, _("Concept"))
        _text(
            pdf,
            _("Nog niet bevestigde verborgen kosten: %(items)s. De uitkomst is voorlopig.")
            % {"items": "; ".join(data["unconfirmed"])},
        )
    _heading(pdf, _("Samenvatting"))
    _text(pdf, data["summary"])
    for row in data["outcomes"]:
        if row["warning"]:
            _text(
                pdf,
                _("Let op: %(name)s heeft %(p)s %% kans op een negatieve netto contante waarde.")
                % {"name": row["name"], "p": row["p_negative"]},
                bold=True,
            )
    _heading(pdf, _("Partners"))
    _text(pdf, data["partners_text"])
    _heading(pdf, _("Uitkomst per gemeente"))
    _table(
        pdf,
        [_("Gemeente"), _("NCW"), "P10", "P50", "P90", _("Kans < 0"), _("Terugverdiend")],
        [
            [
                r["name"],
                euros(r["npv_likely"]),
                euros(r["p10"]),
                euros(r["p50"]),
                euros(r["p90"]),
                f"{r['p_negative']} %",
                r["payback"],
            ]
            for r in data["outcomes"]
        ],
        [40, 24, 24, 24, 24, 16, 38],
    )
    _heading(pdf, _("Kasstromen per jaar (alle gemeenten samen)"))
    _table(
        pdf,
        [_("Jaar"), _("Besparingen"), _("Verborgen kosten"), _("Dubbel"), _("Netto"), _("Cumulatief")],
        [
            [
                str(r.calendar_year),
                euros(r.savings),
                euros(r.cost_share),
                euros(r.double_contracts),
                euros(r.net),
                euros(r.cumulative),
            ]
            for r in data["schedule"]
        ],
        [18, 32, 32, 28, 30, 50],
    )
    _heading(pdf, _("Aannames met bronnen"))
    for row in data["inputs"]:
        line = f"{row.group} — {row.label}: {row.value}"
        if row.source:
            line += f". {_('Bron')}: {row.source}"
        if row.author:
            line += f" ({_('ingevuld door')} {row.author})"
        _text(pdf, line, size=8)
    _heading(pdf, _("Risico's"))
    _text(
        pdf,
        _("De invoer met de grootste invloed op de uitkomst: %(items)s.")
        % {"items": "; ".join(data["risks"])},
    )
    for note in data["notes"]:
        _text(pdf, note, size=8)
    _heading(pdf, _("Wat het onderzoek zegt"))
    _text(pdf, data["evidence"])
    return pdf_bytes(pdf)


def _heading(pdf, text):
    pdf.ln(2)
    pdf.set_font(FONT, "B", 12)
    pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=10)


def _text(pdf, text, *, bold=False, size=10):
    pdf.set_font(FONT, "B" if bold else "", size)
    pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=10)


def _table(pdf, header, rows, widths):
    pdf.set_font(FONT, "B", 8)
    for text, width in zip(header, widths, strict=True):
        pdf.cell(width, 6, text, border=1)
    pdf.ln()
    pdf.set_font(FONT, size=8)
    for row in rows:
        for text, width in zip(row, widths, strict=True):
            pdf.cell(width, 5, str(text)[:40], border=1, align="L")
        pdf.ln()
    pdf.set_font(FONT, size=10)
