# SPDX-License-Identifier: EUPL-1.2
"""XLSX export for the finance department: every input with its source and author, the yearly
cash flows per municipality and the results."""

from datetime import datetime
from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from goedebuur.core.exports import safe_cell

FIXED_DATE = datetime(2026, 1, 1)


def build_xlsx(data: dict, result) -> bytes:
    workbook = Workbook()
    workbook.properties.creator = "Goede Buur"
    workbook.properties.created = workbook.properties.modified = FIXED_DATE
    sheet = workbook.active
    sheet.title = _("Invoer")
    _rows(
        sheet,
        [_("Soort"), _("Invoer"), _("Waarde"), _("Bron"), _("Ingevuld door")],
        [[r.group, r.label, r.value, r.source, r.author] for r in data["inputs"]],
    )
    flows = workbook.create_sheet(_("Kasstromen"))
    header = [
        _("Gemeente"),
        _("Jaar"),
        _("Kalenderjaar"),
        _("Besparingen"),
        _("Aandeel verborgen kosten"),
        _("Dubbele contracten"),
        _("Netto"),
        _("Cumulatief"),
    ]
    names = {o.code: o.name for o in result.simulation.outcomes}
    rows = [
        [
            names[code],
            r.year,
            r.calendar_year,
            r.savings,
            r.cost_share,
            r.double_contracts,
            r.net,
            r.cumulative,
        ]
        for code, schedule in result.deterministic.schedule.items()
        for r in schedule
    ]
    _rows(flows, header, rows)
    outcomes = workbook.create_sheet(_("Uitkomsten"))
    _rows(
        outcomes,
        [
            _("Gemeente"),
            _("NCW waarschijnlijk"),
            "P10",
            "P50",
            "P90",
            _("Kans NCW < 0 (%)"),
            _("Terugverdiend in jaar"),
            _("Verdisconteerd terugverdiend"),
            _("Aandeel verborgen kosten"),
        ],
        [
            [
                r["name"],
                r["npv_likely"],
                r["p10"],
                r["p50"],
                r["p90"],
                r["p_negative"],
                r["payback"],
                r["discounted_payback"],
                r["allocation"],
            ]
            for r in data["outcomes"]
        ],
    )
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _rows(sheet, header, rows):
    """Every cell through `safe_cell`: text (a source, a label, a name) is never a formula."""
    sheet.append([safe_cell(value, sheet) for value in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([safe_cell(value, sheet) for value in row])
    sheet.freeze_panes = "A2"
